"""Direct and partial quote patterns from the PolNeAR train error analysis, on our own texts
(each test names the news pattern it pins; the pure helpers are tested without a parse too)."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.nlp.model import load_nlp
from dateline.nlp.quote_direct import aside_after, clause_before_tag, reach_partials
from dateline.nlp.quote_frames import inverted_tag_speakers
from dateline.nlp.quote_indirect import Attribution
from dateline.nlp.quote_marks import find_segments
from quote_helpers import cue_text, find, quotes_of, speaker_text


def marks(text: str, quoted: str) -> tuple[int, int]:
    """(opening mark, just after the closing mark) of the quote of ``quoted`` in ``text``."""
    start = text.index(quoted) - 1
    return start, start + len(quoted) + 2


def test_reported_clause_runs_on_to_its_partial_quote_in_the_same_sentence() -> None:
    text = "She pledged to cut red tape, fix the county's “broken” permit office and hire staff."
    clause = (text.index("to cut"), text.index(", fix"))
    start, end = reach_partials(text, clause, [marks(text, "broken")])
    assert text[start:end] == "to cut red tape, fix the county's “broken”"


def test_reported_clause_does_not_reach_a_partial_quote_of_the_next_sentence() -> None:
    text = "She pledged to cut red tape. Her office was “broken,” aides said."
    clause = (text.index("to cut"), text.index(". Her"))
    assert reach_partials(text, clause, [marks(text, "broken,")]) == clause


def test_reported_clause_keeps_a_partial_quote_it_already_holds() -> None:
    text = "He said the plan was “dead on arrival” and left."
    clause = (text.index("the plan"), text.index(" and left"))
    assert reach_partials(text, clause, [marks(text, "dead on arrival")]) == clause


def test_praise_with_an_appositive_then_as_a_partial_quote_is_one_mixed_quote() -> None:
    # "praising X, who …, as “…”": the parse stops the object at the comma; the quote ends it.
    text = (
        "The mayor spent the evening praising Tom Reyes, who retired from the council on Friday, "
        "as “a man who never took the easy road.”"
    )
    quotes = quotes_of(text)
    mixed = [q for q in quotes if q.kind.value == "mixed"]
    assert mixed, [(q.kind.value, q.text) for q in quotes]
    assert mixed[0].text.startswith("Tom Reyes") and mixed[0].text.rstrip(".”").endswith("easy road")
    assert all(speaker_text(q) == "The mayor" for q in mixed)


def test_inverted_tag_with_an_unlisted_verb_attributes_the_quote() -> None:
    # "“…!” beamed X": the tag's verb comes first and its subject follows; no cue list holds "beam".
    text = "“This is the best day our town has had in years!” beamed Maria Lopez, a baker."
    quotes = quotes_of(text)
    best = [q for q in quotes if "best day" in q.text]
    assert best and best[0].kind.value == "direct"
    assert cue_text(best[0]) == "beamed"
    assert best[0].speaker is not None and "Maria Lopez" in best[0].speaker.text


def test_short_exclamation_with_an_inverted_tag_is_speech_not_a_scare_quote() -> None:
    quotes = quotes_of("“Stop lying!” yelled a man near the stage.")
    assert [q.text for q in quotes] == ["Stop lying!"]
    assert quotes[0].speaker is not None and "man" in quotes[0].speaker.text


def test_quote_followed_by_its_own_sentence_of_narration_has_no_inverted_tag() -> None:
    # "“…,” came the reply": fine; but "“….” Rain fell." is no tag (the quote ends its sentence).
    quotes = quotes_of("The crowd waited for him. “We will win.” Rain fell on the square all night.")
    assert all(q.cue is None or q.cue.text != "fell" for q in quotes)


def test_dashed_aside_after_a_partial_quote_is_the_writers() -> None:
    text = "She said she was “hopeful” about the deal — a small lift for the council since 2011."
    last = text.index("” about") + 1
    end = aside_after(text, last, text.index(" since"))
    assert text[:end].endswith("about the deal")


def test_dash_pair_around_a_parenthesis_keeps_the_clause_whole() -> None:
    text = "She said the call to “fix it” — itself an old slogan — was a mistake."
    last = text.index("” —") + 1
    assert aside_after(text, last, len(text) - 1) == len(text) - 1


def test_mixed_quote_stops_before_the_writers_dashed_aside() -> None:
    text = (
        "The mayor said the council was “encouraged” by the new budget — a rare win for a city "
        "that has struggled for years."
    )
    mixed = [q for q in quotes_of(text) if q.kind.value == "mixed"]
    assert mixed and mixed[0].text.endswith("by the new budget")


def test_inverted_said_with_a_name_the_parser_misses_still_has_its_speaker() -> None:
    # "“…,” said Skelly, explaining …": the parser reads the name as an adverb, not the subject.
    quotes = quotes_of("“We will see how it goes,” said Skelly, explaining his plan for the county.")
    see = [q for q in quotes if "We will see" in q.text]
    assert see and speaker_text(see[0]) == "Skelly"


def test_inverted_said_with_a_long_title_takes_the_whole_noun_phrase() -> None:
    quotes = quotes_of("“It is a big deal,” said Oversight ranking Democrat Ann Curtis (D-Md.).")
    assert quotes and quotes[0].speaker is not None
    assert quotes[0].speaker.text.endswith("Ann Curtis")


def test_inverted_tag_speaker_is_not_taken_from_a_longer_phrase() -> None:
    # "“…,” saying the city …" is no inverted tag: a participle, and the noun phrase runs on.
    quotes = quotes_of("He left the hall, “angry and tired,” saying the city deserved better.")
    assert all(q.speaker is None or q.speaker.text != "the city" for q in quotes)


def test_short_partial_quote_in_another_sentence_does_not_borrow_the_earlier_speaker() -> None:
    # A scare-quoted term later in the paragraph is the writer's, not the earlier speaker's.
    text = (
        "“We cannot keep waiting for the state to act,” Mayor Ruth Gale said on Monday. "
        "The council has been under fire over its role in the “river deal” since March."
    )
    quotes = quotes_of(text)
    assert [q.text for q in quotes if "river deal" in q.text] == []


def test_sentence_opening_quote_after_the_tag_still_splits_to_the_same_speaker() -> None:
    text = "“It works,” Mayor Ruth Gale said. “Trust me.”"
    trust = [q for q in quotes_of(text) if q.text.startswith("Trust me")]
    assert trust and trust[0].speaker is not None and "Ruth Gale" in trust[0].speaker.text


def test_mixed_quote_stops_at_the_cues_next_verb_hung_on_an_infinitive() -> None:
    # "says he'd sit X down and tell him “…” and tells the crowd …": the parse hangs "tells" on
    # "sit"; a finite verb in the cue's tense is the cue's conjunct, another act.
    text = (
        "Kasich says he'd sit the governor down and tell him “no more excuses” and tells the crowd "
        "he was the first to demand an audit."
    )
    mixed = [q for q in quotes_of(text) if q.kind.value == "mixed" and "no more excuses" in q.text]
    assert mixed and "tells the crowd" not in mixed[0].text


def test_partial_quote_before_a_comma_tag_takes_the_sentence_up_to_the_tag() -> None:
    # "… signals “the beginning of the end” for the union, said Ann Hale": the parser takes the
    # sentence's subject for the speaker and finds no reported clause.
    text = "The vote signals “the beginning of the end” for the union, said Ann Hale, a professor."
    mixed = [q for q in quotes_of(text) if q.kind.value == "mixed"]
    assert mixed and mixed[0].text == "The vote signals “the beginning of the end” for the union"
    assert speaker_text(mixed[0]) == "Ann Hale"


def test_clause_before_a_comma_tag_starts_at_its_sentence() -> None:
    text = "He left early. The vote signals “doom” for the union, said Ann Hale."
    said = text.index("said")
    hale = text.index("Ann Hale")
    attr = Attribution(
        cue=(said, said + 4),
        cue_i=-1,
        speaker=(hale, hale + 8),
        speaker_i=None,
        content=None,
        scope=(0, len(text)),
        pattern="verb",
        lemma="say",
    )
    [seg] = find_segments(text)
    start, end = clause_before_tag(text, attr, seg) or (0, 0)
    assert text[start:end] == "The vote signals “doom” for the union"


def test_comma_tag_speaker_replaces_the_sentence_subject_the_parser_chose() -> None:
    # The parse of "…, said Ann Hale, a professor." as the corpus showed it: "vote" the subject of "said".
    words = ["The", "vote", "signals", "“", "doom", "”", ",", "said", "Ann", "Hale", ",", "a", "professor", "."]
    spaces = [True, True, True, False, False, False, True, True, True, False, True, True, False, False]
    heads = [1, 7, 1, 4, 2, 4, 7, 7, 9, 7, 9, 12, 9, 7]
    deps = [
        "det",
        "nsubj",
        "relcl",
        "punct",
        "dobj",
        "punct",
        "punct",
        "ROOT",
        "compound",
        "npadvmod",
        "punct",
        "det",
        "appos",
        "punct",
    ]
    tags = ["DT", "NN", "VBZ", "``", "NN", "''", ",", "VBD", "NNP", "NNP", ",", "DT", "NN", "."]
    pos = [
        "DET",
        "NOUN",
        "VERB",
        "PUNCT",
        "NOUN",
        "PUNCT",
        "PUNCT",
        "VERB",
        "PROPN",
        "PROPN",
        "PUNCT",
        "DET",
        "NOUN",
        "PUNCT",
    ]
    lemmas = ["the", "vote", "signal", "“", "doom", "”", ",", "say", "Ann", "Hale", ",", "a", "professor", "."]
    doc = Doc(load_nlp().vocab, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
    text = doc.text
    said = doc[7]
    attr = Attribution(
        cue=(said.idx, said.idx + 4),
        cue_i=7,
        speaker=(0, 8),
        speaker_i=1,
        content=None,
        scope=(0, len(text)),
        pattern="verb",
        lemma="say",
    )
    [fixed] = inverted_tag_speakers(doc, text, [attr])
    assert fixed.speaker is not None and text[fixed.speaker[0] : fixed.speaker[1]] == "Ann Hale"


def test_subject_with_a_relative_clause_before_said_stays_the_speaker() -> None:
    # "Ann Hale, who ran a charity, said the Reyes “ship …”": "said" after a comma is no inverted
    # tag when a quote, not a punctuation mark, follows the noun after it.
    text = "Ann Hale, who ran a small charity, said the Reyes “ship may have already sailed.”"
    quotes = quotes_of(text)
    assert quotes and all(speaker_text(q) == "Ann Hale" for q in quotes)


def test_colon_lead_in_with_speaker_beats_a_speakerless_cue_around_it() -> None:
    text = (
        "Asked why, Ortega responded in a text message: “The council will pass the budget next week,” noting the votes."
    )
    q = find(quotes_of(text), "The council will pass")
    assert speaker_text(q) == "Ortega"
    assert cue_text(q) == "responded"


def test_digest_item_names_its_source_after_a_dash_and_before_a_colon() -> None:
    text = (
        "Polls in the region.\n"
        "TURNOUT ROSE IN RURAL COUNTIES - Jo Hale and Ann Ortiz: “Our data show that turnout rose by a third "
        "in rural counties, far more than anyone expected.” [Ledger.]\n"
    )
    q = find(quotes_of(text), "Our data show")
    assert speaker_text(q) == "Jo Hale and Ann Ortiz"


def test_transcript_speaker_on_the_line_above_the_quote() -> None:
    text = (
        "The exchange went on for an hour.\n\n"
        "Rep. Ann Ortiz (D-Ohio):\n\n"
        "“I have never heard anyone cite that number before today. Where did it come from?”\n"
    )
    q = find(quotes_of(text), "I have never heard")
    assert speaker_text(q) == "Rep. Ann Ortiz (D-Ohio)"


def test_label_with_a_lead_word_names_the_report() -> None:
    text = (
        "The panel's findings were mixed.\n"
        "Web samples vary - More from the report: “Overall, panels with more careful weighting schemes did "
        "better than the others we looked at.”\n"
    )
    q = find(quotes_of(text), "Overall, panels")
    assert speaker_text(q) == "the report"


def test_announcement_before_a_colon_is_no_source() -> None:
    from dateline.nlp.quote_direct import source_label

    assert source_label("Update") is None
    assert source_label("He added") is None
    assert source_label("Jeffrey M. Jones") == (0, 16)


def test_untagged_quote_paragraph_after_reported_speech_carries_its_speaker() -> None:
    text = (
        "The minister spoke in Jakarta on Saturday.\n\n"
        "Ortega said that for years critics had predicted a withdrawal from the region.\n\n"
        "“That will not happen, because this region holds half of the world’s people and matters most "
        "to our own security.”\n"
    )
    q = find(quotes_of(text), "That will not happen")
    assert speaker_text(q) == "Ortega"
    assert cue_text(q) == "said"


def test_untagged_quote_paragraph_after_a_paragraph_without_speech_stays_unattributed() -> None:
    text = (
        "Ortega arrived in Jakarta on Saturday for two days of talks.\n\n"
        "“That will not happen, because this region holds half of the world’s people and matters most "
        "to our own security.”\n"
    )
    q = find(quotes_of(text), "That will not happen")
    assert q.speaker is None


def test_untagged_quote_sentence_after_a_report_in_its_paragraph_goes_on_with_it() -> None:
    # "X promised that …. “…”": the quote sentence has no tag of its own; the report right before it
    # in the paragraph is whose words it goes on with (one relation for PolNeAR).
    text = (
        "The governor promised on Friday that she would stay in the race until the convention. "
        "“We are in this until the very last ballot is cast!”\n"
    )
    q = find(quotes_of(text), "until the very last ballot")
    assert q.kind.value == "direct"
    assert speaker_text(q) == "The governor"
    assert cue_text(q) == "promised"


def test_untagged_quote_sentence_after_a_sentence_without_speech_stays_unattributed() -> None:
    # A sentence of other words between the report and the quote: nobody is known to say it.
    text = (
        "The mayor said the bridge would open in June. The council voted against the plan on Monday. "
        "“This is a disgrace for the whole of the city and its people.”\n"
    )
    assert all(q.speaker is None for q in quotes_of(text) if "disgrace" in q.text)


def test_title_and_state_abbreviations_end_no_sentence() -> None:
    from dateline.nlp.quote_direct import has_sentence_break

    assert not has_sentence_break("said Army Capt. Jo Hale, who served twice")
    assert not has_sentence_break("a nurse from Fresno, Calif. who voted early")
    assert has_sentence_break("She voted early. Then she left.")


def test_quote_glued_to_its_colon_keeps_the_verb_as_cue() -> None:
    # 'Miller said:"We …"' (no space after the colon, as scraped copy often runs): the verb is the cue.
    quotes = quotes_of(
        'Senator Jane Miller spoke to reporters on Monday.\n\nMiller said:"We will not back down on this bill."'
    )
    q = find(quotes, "We will not back down")
    assert cue_text(q) == "said"
    assert q.speaker is not None and q.speaker.name == "Jane Miller"
