"""The quotes layer on small news-style texts: direct, partial and indirect speech with speakers."""

from __future__ import annotations

import time

import pytest

from dateline.clean import CleanDocument
from dateline.nlp.entities import annotate_entities
from dateline.nlp.model import load_nlp
from dateline.nlp.quotes import annotate_quotes
from dateline.nlp.state import ArticleState
from quote_helpers import cue_text, find, quotes_of, speaker_name, speaker_text


def test_quote_before_attribution() -> None:
    q = find(quotes_of("“We will rebuild the bridge by spring,” Mayor Anna Kowalski said."), "rebuild")
    assert q.kind.value == "direct"
    assert q.text == "We will rebuild the bridge by spring"
    assert "Kowalski" in (speaker_name(q) or "")
    assert cue_text(q) == "said"


def test_quote_after_attribution_with_colon() -> None:
    text = "Senator John Miller said: “The bill will pass next week.”"
    q = find(quotes_of(text), "bill will pass")
    assert q.kind.value == "direct"
    assert "Miller" in (speaker_name(q) or "")


def test_split_quote_keeps_one_speaker() -> None:
    text = "“The talks were useful,” said Robert Brown, the union leader. “We expect an offer on Friday.”"
    quotes = quotes_of(text)
    first, second = find(quotes, "talks were useful"), find(quotes, "expect an offer")
    assert speaker_name(first) == speaker_name(second)
    assert "Brown" in (speaker_name(first) or "")
    assert first.kind.value == second.kind.value == "direct"


def test_quote_spans_paragraphs_without_closing_mark() -> None:
    text = (
        "The minister spoke for an hour.\n"
        "“We will not accept these terms,” Foreign Minister Peter Novak said. “They are unfair to farmers.\n"
        "“And they were written without us.”\n"
        "The talks resume on Monday."
    )
    quotes = quotes_of(text)
    for fragment in ("not accept", "unfair to farmers", "written without us"):
        assert "Novak" in (speaker_name(find(quotes, fragment)) or "")


def test_unattributed_quote_paragraph_keeps_previous_speaker() -> None:
    text = (
        "“The river rose faster than anyone expected,” said Maria Lopez, the county engineer.\n"
        "“We had two hours to move everyone out of the valley.”\n"
        "Rain is expected to continue."
    )
    assert "Lopez" in (speaker_name(find(quotes_of(text), "two hours")) or "")


def test_partial_quote_in_reported_speech() -> None:
    text = "Governor Lisa Grant said the budget was “a disaster” for rural schools."
    quotes = quotes_of(text)
    partial = find(quotes, "a disaster")
    assert partial.kind.value == "partial"
    assert partial.text == "a disaster"
    assert "Grant" in (speaker_name(partial) or "")
    reported = [q for q in quotes if q.kind.value == "mixed"]
    assert reported and "budget" in reported[0].text


def test_scare_quotes_are_not_speech() -> None:
    text = "The so-called “reform” package passed the assembly on Tuesday after a long debate."
    assert quotes_of(text) == []


def test_titles_and_nicknames_are_not_speech() -> None:
    text = "The film “The Long Road Home” opened in theaters, and fans of the “Iron Lady” lined up early."
    assert quotes_of(text) == []


def test_a_quote_carried_on_leaves_the_speakers_own_reported_clause_standing() -> None:
    # The quote paragraph (or the quote after a tag sentence) carries the speaker of the report
    # before it; that report's own clause is still reported speech, not replaced by the quote.
    quotes = quotes_of(
        "The chief said that critics had long expected the plant to close.\n\n"
        "“That is because the region has lost three factories in a decade.”\n\n"
        "“Nothing is settled,” the coach told the paper on Monday after hinting that “roster changes” "
        "could come. “Every option is open. I am looking hard.”"
    )
    said = find(quotes, "critics had long expected")
    assert cue_text(said) == "said" and said.kind.value == "indirect"
    assert speaker_text(find(quotes, "three factories")) == "The chief"
    hinting = find(quotes, "could come")
    assert hinting.kind.value == "mixed" and hinting.text == "that “roster changes” could come"
    assert speaker_text(find(quotes, "Every option")) == "the coach"


def test_pronoun_speaker_resolves_to_last_male_person() -> None:
    text = (
        "Prime Minister Sarah Collins met David Okafor, the trade envoy, on Monday. "
        "Okafor arrived late. He called the meeting “constructive.”"
    )
    q = find(quotes_of(text), "constructive")
    assert speaker_text(q) == "He"
    assert "Okafor" in (speaker_name(q) or "")


def test_pronoun_she_skips_male_person() -> None:
    text = "Hillary Clinton spoke after Bill Smith left the stage. She said the campaign would go on."
    q = find(quotes_of(text), "campaign would go on")
    assert speaker_text(q) == "She"
    assert "Clinton" in (speaker_name(q) or "")


def test_pronoun_after_confirming_subject_prefers_main_clause_subject() -> None:
    text = (
        "Kremlin spokesperson Dmitry Peskov confirmed the two leaders would meet in June in Geneva. "
        "He called the plan “premature.”"
    )
    q = find(quotes_of(text), "premature")
    assert "Peskov" in (speaker_name(q) or "")


def test_role_noun_speaker_resolves_to_role_holder() -> None:
    text = (
        "Kremlin spokesperson Dmitry Peskov spoke to reporters in Moscow on Monday. "
        "The spokesperson said the summit would take place in June."
    )
    q = find(quotes_of(text), "summit would take place")
    assert q.speaker is not None and q.speaker.text.lower().endswith("spokesperson")
    assert "Peskov" in (speaker_name(q) or "")


def test_group_noun_speaker_stays_unresolved() -> None:
    text = "The bridge will reopen in May, officials said."
    q = find(quotes_of(text), "bridge will reopen")
    assert q.kind.value == "indirect"
    assert speaker_text(q) == "officials"
    assert q.speaker.entity is None


def test_organisation_as_speaker() -> None:
    text = "The World Health Organization said the outbreak was under control."
    q = find(quotes_of(text), "outbreak was under control")
    assert q.speaker is not None and "World Health Organization" in (q.speaker.text or "")
    assert q.speaker.entity is not None


def test_said_that_indirect() -> None:
    text = "Chancellor Olaf Scholz said that Germany would send more air defense systems."
    q = find(quotes_of(text), "Germany would send")
    assert q.kind.value == "indirect"
    # The complementizer belongs to the reported clause, as attribution corpora (PARC, PolNeAR) mark it.
    assert q.text == "that Germany would send more air defense systems"
    assert "Scholz" in (speaker_name(q) or "")


def test_told_reporters_indirect() -> None:
    text = "Mayor Karen Bass told reporters the city had enough water to fight the fires."
    q = find(quotes_of(text), "enough water")
    assert "Bass" in (speaker_name(q) or "")
    assert cue_text(q) == "told"


def test_according_to_indirect() -> None:
    text = "According to the health ministry, 40 people were injured in the blast."
    q = find(quotes_of(text), "40 people were injured")
    assert q.kind.value == "indirect"
    assert cue_text(q) == "According to"
    assert q.speaker is not None and "health ministry" in (q.speaker.text or "")
    assert "According" not in q.text


def test_possessive_office_speaker() -> None:
    text = "Zelenskyy visited Berlin on Friday. Zelenskyy’s office said he welcomed the new sanctions package."
    q = find(quotes_of(text), "welcomed the new sanctions")
    assert q.speaker is not None and "office" in (q.speaker.text or "")


def test_saying_that_participle() -> None:
    text = "Senator Tom Reed renewed his call for a vote, saying that delays were hurting farmers."
    q = find(quotes_of(text), "delays were hurting farmers")
    assert cue_text(q) == "saying"
    assert "Reed" in (speaker_name(q) or "")


def test_the_one_quoted_as_saying_is_the_speaker_not_the_outlet() -> None:
    # "X quoted Y as saying …": Y said it (PolNeAR marks the outlet X; a reader asks who said the words).
    quotes = quotes_of(
        "The Gazette quoted the mayor as saying “we will not raise taxes this year.”\n\n"
        "Local radio quoted Ann Hale as saying that the bridge would reopen in May.\n\n"
        "The coach was quoted as saying “we need a new stadium.”\n\n"
        "“The pool stays open,” the Herald quoted the mayor's aide as saying.\n\n"
        "The ad painted her rival as offering nothing but slogans."
    )
    assert speaker_text(find(quotes, "pool stays open")) == "the mayor's aide"
    assert speaker_text(find(quotes, "raise taxes")) == "the mayor"
    assert speaker_text(find(quotes, "bridge would reopen")) == "Ann Hale"
    assert speaker_text(find(quotes, "new stadium")) == "The coach"
    # "as offering" is no saying: the rival is what the ad painted, not who spoke.
    assert all(speaker_text(q) != "her rival" for q in quotes)


def test_subjects_the_parser_labels_otherwise_still_speak() -> None:
    # "About 4 in 10 say": the number hangs on the verb as a modifier; "He's said he …": "'s" read
    # as the passive's "is", though a clause with its own subject follows ("has said"). An expletive
    # "It's said that …" still has nobody to speak (the speaker rules drop an expletive "it").
    quotes = quotes_of(
        "About 4 in 10 say they want the next mayor to cut taxes.\n\n"
        "Just look at the speaker. He's said he gets his ideas from a speech in Ohio.\n\n"
        "It's said that the mill will close."
    )
    assert speaker_text(find(quotes, "cut taxes")) == "About 4 in 10"
    assert speaker_text(find(quotes, "gets his ideas")) == "He"
    assert all(speaker_text(q) != "It" for q in quotes if "mill" in q.text)


def test_headline_colon_quote() -> None:
    text = "Scholz: Germany will keep backing Kyiv through the winter\nThe chancellor spoke in Berlin on Sunday."
    q = find(quotes_of(text), "Germany will keep backing")
    assert cue_text(q) == ":"
    assert speaker_text(q) == "Scholz"


@pytest.mark.parametrize(
    ("headline", "speaker"),
    [
        ("Mayor's camp: the new port tax threatens local jobs", "Mayor's camp"),
        ("State police: Gunman had been known to officers for years", "State police"),
        ("Union's new warning: Strikes could spread to every port", "Union's new warning"),
    ],
)
def test_headline_speaker_with_lowercase_words(headline: str, speaker: str) -> None:
    # AP style names the speaker in sentence case: a noun phrase headed by a name or a speaker noun.
    q = find(quotes_of(headline + "\n\nThe mayor spoke in the harbor on Sunday."), headline.split(": ")[1][:12])
    assert cue_text(q) == ":" and speaker_text(q) == speaker


@pytest.mark.parametrize(
    "headline",
    [
        "Netanyahu and Obama: A tortured relationship",
        "Next tactic: Harris offers a preview",
        "Union statement: A list of demands",
    ],
)
def test_headline_topic_before_a_colon_is_no_speaker(headline: str) -> None:
    assert [q for q in quotes_of(headline + "\n\nThe two met on Monday.") if cue_text(q) == ":"] == []


def test_speech_reported_inside_a_quote_belongs_to_the_quote() -> None:
    text = "“My father said we would never sell the farm,” Emma Clark said."
    quotes = quotes_of(text)
    assert len(quotes) == 1
    assert "Clark" in (speaker_name(quotes[0]) or "")


def test_text_without_quotes_has_none() -> None:
    text = "The river flooded the valley. Schools were closed and roads were blocked for two days."
    assert quotes_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "“Open and never closed, the mayor said",
        "Closed” but never opened, and “another one\n\n“and another",
        '"""',
        "“",
        "He said: “",
        "”“”“",
    ],
)
def test_unbalanced_quotation_marks_do_not_crash(text: str) -> None:
    quotes_of(text)


BUS_PARAGRAPH = "“Buses are late,” Jane Doe said. Officials said service would improve."


def _timed_quotes(text: str) -> tuple[int, float, float]:
    """Quotes found in ``text``, seconds of parsing, seconds of the quotes layer."""
    nlp = load_nlp()
    t0 = time.perf_counter()
    doc = nlp(text)
    parse = time.perf_counter() - t0
    state = ArticleState(clean=CleanDocument(text=text), doc=doc)
    annotate_entities(state)
    t1 = time.perf_counter()
    annotate_quotes(state)
    return len(state.quotes), parse, time.perf_counter() - t1


def test_long_article_takes_bounded_time() -> None:
    found, parse, layer = _timed_quotes("\n".join([BUS_PARAGRAPH] * 2000))
    assert found >= 2000
    assert layer < max(3.0, 0.5 * parse)  # linear, and small beside the parse


def test_long_article_whose_reported_clauses_run_on_takes_bounded_time() -> None:
    # Every reported clause has words after it for the extent model to weigh.
    paragraph = "Officials said service would improve, leaving riders to wait at the stops."
    found, parse, layer = _timed_quotes("\n".join([paragraph] * 2000))
    assert found >= 2000
    assert layer < max(3.0, 0.5 * parse)


def test_article_on_one_line_takes_bounded_time() -> None:
    # Scraped copy may come as one line: hundreds of quotes and cues in a single paragraph.
    found, parse, layer = _timed_quotes(" ".join([BUS_PARAGRAPH] * 800))
    assert found >= 1600
    assert layer < max(1.5, 0.5 * parse)  # no quote-by-cue pass over the whole paragraph


def test_seed_article_quotes_and_speakers(seed_path) -> None:  # type: ignore[no-untyped-def]
    from dateline.run.local import extract_paths

    article = next(extract_paths([str(seed_path)], published="2025-05-19"))
    quotes = article.quotes

    important = find(quotes, "important")
    assert important.kind.value == "partial"
    assert speaker_text(important) == "He"
    assert "Peskov" in (speaker_name(important) or "")

    for fragment in ("sensibilities", "successful call"):
        q = find(quotes, fragment)
        assert q.kind.value == "direct"
        assert "Witkoff" in (speaker_name(q) or "")

    productive = find(quotes, "productive day")
    assert productive.kind.value == "partial" and productive.text == "productive day"
    assert "Trump" in (speaker_name(productive) or "")
    crucial = find(quotes, "talking directly to Putin")  # the participle's words stay in what Trump said
    assert "Trump" in (speaker_name(crucial) or "") and cue_text(crucial) == "said"

    confirmed = find(quotes, "are scheduled")
    assert confirmed.kind.value == "indirect" and "Peskov" in (speaker_name(confirmed) or "")
    office = find(quotes, "thanked")
    assert office.speaker is not None and "office" in (office.speaker.text or "")
    assert "Zelenskyy" in (speaker_name(office) or "")
    air_force = find(quotes, "270 drones")
    assert air_force.speaker is not None and "Air Force" in (air_force.speaker.text or "")
    headline = find(quotes, "end war in Ukraine")
    assert cue_text(headline) == ":"

    # What was said is speech; a choice the story attributes without a verb of saying is a stance.
    for q in (important, productive, confirmed, office, air_force, headline, find(quotes, "sensibilities")):
        assert q.act.value == "speech", q.text
    assert all(q.act.value == "stance" for q in quotes if "not to sit down" in q.text)


def test_stance_without_a_verb_of_saying_is_not_speech() -> None:
    """'The ministry said …' is speech; 'the company opted to …' attributes a choice, not words."""
    from dateline.nlp.quote_data import lexicon
    from dateline.nlp.quote_indirect import Attribution
    from dateline.nlp.quotes import speech_act
    from dateline.schema import QuoteKind

    def attribution(lemma: str, pattern: str = "verb", open_: bool = True) -> Attribution:
        return Attribution(
            cue=(0, 1),
            cue_i=0,
            speaker=None,
            speaker_i=None,
            content=(2, 3),
            scope=(0, 3),
            pattern=pattern,
            lemma=lemma,
            open=open_,
        )

    lex = lexicon()
    assert speech_act(QuoteKind.indirect, attribution("say", open_=False), lex).value == "speech"
    assert speech_act(QuoteKind.indirect, attribution("according to", "according_to"), lex).value == "speech"
    assert speech_act(QuoteKind.indirect, attribution("opt"), lex).value == "stance"
    assert speech_act(QuoteKind.indirect, attribution("plan"), lex).value == "stance"
    assert speech_act(QuoteKind.partial, attribution("opt"), lex).value == "speech"  # quoted words are speech
    assert speech_act(QuoteKind.direct, None, lex).value == "speech"


def test_vox_pop_name_line_speaks_the_quote_below() -> None:
    text = "Voters told us what they think.\nMaria Lopez\n“I am voting for the first time and I am nervous.”\n"
    q = find(quotes_of(text), "voting for the first time")
    assert speaker_text(q) == "Maria Lopez"
    assert q.cue is None


def test_unattributed_quote_inside_narration_is_dropped() -> None:
    # (A chant is speech: "chanting “…”" frames the quote, see test_quotes_direct.py.)
    text = "The crowd waited outside, under a banner about “the results we were promised” until midnight."
    assert quotes_of(text) == []


def test_unreliable_cue_learnt_on_train_drops_only_unquoted_speech() -> None:
    import dataclasses

    from dateline.nlp.quote_data import lexicon
    from dateline.nlp.quotes import plan_quotes

    text = "The mayor said the bridge would reopen. The governor said the plan was “a disaster” for towns."
    doc = load_nlp()(text)
    strict = dataclasses.replace(lexicon(), unreliable_cues=frozenset({"say/verb"}))
    kinds = {text[p.start : p.end]: p.kind.value for p in plan_quotes(doc, text, strict)}
    assert "the bridge would reopen" not in kinds
    assert kinds.get("a disaster") == "partial"
    assert any(k == "mixed" for k in kinds.values())
    assert "the bridge would reopen" in {text[p.start : p.end] for p in plan_quotes(doc, text, lexicon())}


def test_quote_signed_with_a_dash_and_name() -> None:
    text = (
        "We asked readers about the debate.\n"
        "“Fear. I am truly afraid of what comes next.” ― Edwin Monroy\n"
        "“We need better schools, not slogans.” — Ana Ruiz, Denver\n"
    )
    quotes = quotes_of(text)
    fear, schools = find(quotes, "truly afraid"), find(quotes, "better schools")
    assert speaker_text(fear) == "Edwin Monroy"
    assert speaker_text(schools) == "Ana Ruiz"


def test_colon_lead_in_paragraph_across_a_blank_line() -> None:
    text = (
        "The senator spoke to reporters after the vote.\n\n"
        "Senator Ruth Adler said:\n\n"
        "“We have waited three years for this bill, and the families who lost their homes deserve it.”\n"
    )
    q = find(quotes_of(text), "waited three years")
    assert q.kind.value == "direct"
    assert "Adler" in (speaker_name(q) or "")


def test_colon_of_a_later_sentence_does_not_hand_a_quote_to_an_earlier_cue() -> None:
    # The colon closes the columnist's sentence, a paragraph after Lee's cue: the quote is the
    # columnist's ("went so far as to say": the clause hangs on an adverb of "went").
    quotes = quotes_of(
        "Lee emphatically proclaimed, “I did not send any secret files to anyone.”\n\n"
        "The columnist went so far as to say: “Radio as we know it is over.”"
    )
    radio = find(quotes, "Radio as we know")
    assert cue_text(radio) == "say" and speaker_text(radio) == "The columnist"
    assert speaker_text(find(quotes, "secret files")) == "Lee"
    # With no cue in the later sentence, the quote is still not Lee's.
    quotes = quotes_of(
        "Lee emphatically proclaimed, “I did not send any secret files to anyone.”\n\n"
        "The verdict of the columnist was blunt: “Radio as we know it is over.”"
    )
    assert all(speaker_text(q) != "Lee" for q in quotes if "Radio" in q.text)


def test_quote_paragraph_after_blank_line_keeps_previous_speaker() -> None:
    text = (
        "“The plant will close in March,” said Tom Okafor, the works manager.\n\n"
        "“About 300 people will lose their jobs, and we are talking to the council about retraining.”\n"
    )
    q = find(quotes_of(text), "300 people")
    assert "Okafor" in (speaker_name(q) or "")


def test_cue_verbs_learnt_on_train_extend_the_object_cues() -> None:
    from dateline.nlp.quote_data import lexicon

    lex = lexicon()
    assert lex.learned_cue_verbs <= lex.object_cue_verbs
    assert "say" not in lex.learned_cue_verbs  # only verbs the rules do not already know are learnt


def test_quoted_transcript_speaker_labels() -> None:
    text = (
        "The host pressed the governor on the debate.\n\n"
        '"HARRIS: Will the senator attend the debate tomorrow night, yes or no?\n\n'
        '"MORALES: Well, look, the senator has made his plans clear and he will be there."\n'
    )
    quotes = quotes_of(text)
    first, second = find(quotes, "attend the debate"), find(quotes, "made his plans clear")
    assert first.text.startswith("Will the senator")
    assert second.text.startswith("Well, look")
    assert "HARRIS" in (first.speaker.text if first.speaker else "") or ""
    assert "MORALES" in (second.speaker.text if second.speaker else "") or ""


def test_participle_after_preposition_borrows_the_subject() -> None:
    text = "Dr. Helen Marsh appeared on the radio on Tuesday and began by saying the clinic would close in May."
    q = find(quotes_of(text), "clinic would close")
    assert "Marsh" in (speaker_name(q) or "")


def test_asked_lead_in_has_no_speaker_of_its_own() -> None:
    from dateline.nlp.quote_data import lexicon
    from dateline.nlp.quote_indirect import find_attributions
    from dateline.nlp.quote_marks import paragraphs

    text = "Asked whether he would run again, Governor Tim Walsh said he had not decided."
    doc = load_nlp()(text)
    attrs = {a.lemma: a for a in find_attributions(doc, text, list(paragraphs(text)), lexicon())}
    assert "ask" in attrs and attrs["ask"].speaker is None
    assert attrs["say"].speaker is not None and "Walsh" in text[attrs["say"].speaker[0] : attrs["say"].speaker[1]]


def test_poll_answer_said_the_opposite_is_reported_speech() -> None:
    text = "Most Republicans backed the bill. Only a third of independents said the opposite."
    q = find(quotes_of(text), "the opposite")
    assert q.kind.value == "indirect"
    assert q.text == "the opposite"


def test_cue_after_likely_to_borrows_the_subject() -> None:
    text = "Farm owners in Iowa are more likely to say the trade war has hurt their income."
    q = find(quotes_of(text), "trade war has hurt")
    assert "owners" in ((q.speaker.text or "") if q.speaker else "")


def test_seems_reports_an_impression_without_a_source() -> None:
    from dateline.nlp.quote_data import lexicon
    from dateline.nlp.quote_indirect import find_attributions
    from dateline.nlp.quote_marks import paragraphs

    text = "After the vote, the governor seems to regret the deal with the unions."
    doc = load_nlp()(text)
    for open_cues in (False, True):  # the cue lists, and every verb for the model to judge
        found = find_attributions(doc, text, list(paragraphs(text)), lexicon(), open_cues=open_cues)
        attrs = [a for a in found if a.lemma == "seem"]
        assert attrs and all(a.speaker is None for a in attrs)


def test_pronoun_after_a_cue_is_the_latest_speakers_not_an_earlier_ones() -> None:
    text = (
        "Governor Tom Reed said the budget was fair.\n"
        "Spokesman John Smith confirmed Reed and Kowalski will meet on Friday. "
        "He called the meeting “important.”"
    )
    important = find(quotes_of(text), "important")
    assert speaker_text(important) == "He"
    assert "Smith" in (speaker_name(important) or "")


def test_parenthetical_attribution_splits_the_reported_clause_around_it() -> None:
    # "The bridge, officials said, will reopen …": the cue and its speaker are not the officials' words.
    quotes = quotes_of("The bridge, officials said, will reopen in June after repairs.")
    pieces = sorted(q.text for q in quotes if cue_text(q) == "said")
    assert pieces == ["The bridge", "will reopen in June after repairs"]
    assert all(speaker_text(q) == "officials" for q in quotes)


def test_time_between_a_tag_and_its_comma_is_when_it_was_said() -> None:
    # The parse hangs "last week" on "is"; it tells when the mayor spoke. After the comma it is reported.
    quotes = quotes_of(
        "As the mayor said last week, the ferry is finished.\n\nAs the mayor said, last week the ferry sank."
    )
    assert [q.text for q in quotes if cue_text(q) == "said"] == ["the ferry is finished", "last week the ferry sank"]


def test_opening_conjunction_is_the_writers_link_not_the_reported_words() -> None:
    quotes = quotes_of("But the bridge, officials said, will reopen in June after repairs.")
    assert sorted(q.text for q in quotes) == ["the bridge", "will reopen in June after repairs"]


def test_speech_reported_inside_a_reported_clause_is_part_of_that_report() -> None:
    # "Officials told reporters the mayor said …": one attribution, the officials'; the mayor's
    # "said" is inside what they reported (PolNeAR gives each word one role in one attribution).
    quotes = quotes_of("Officials told reporters the mayor said the bridge will reopen in June.")
    assert [(q.cue.text if q.cue else None, q.text) for q in quotes] == [
        ("told", "the mayor said the bridge will reopen in June")
    ]


def test_calling_for_someone_to_act_reports_the_demand() -> None:
    # "is calling for the United States to step up …": the parser hangs the for-to clause as an
    # adverbial clause; it is what is called for.
    quotes = quotes_of("Lane is calling for the government to step up its efforts against the smuggling gangs.")
    call = [q for q in quotes if cue_text(q) == "calling"]
    assert [q.text for q in call] == ["the government to step up its efforts against the smuggling gangs"]
    assert speaker_text(call[0]) == "Lane"


def test_reported_clause_runs_on_through_its_coordinated_verb() -> None:
    # "says Obama is acting unlawfully and showing disregard …": the parser cuts the clause at the
    # coordination; the cue's complement reading holds all of it and the model keeps it.
    text = "The mayor says Governor Price is acting recklessly and showing contempt for the voters."
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["Governor Price is acting recklessly and showing contempt for the voters"]


def test_told_reporters_reports_the_clause_not_the_reporters() -> None:
    quotes = quotes_of("Smith told reporters that he had a long talk with the nominee on Tuesday.")
    assert [q.text for q in quotes] == ["that he had a long talk with the nominee on Tuesday"]


def test_no_break_space_after_the_verb_keeps_its_complement() -> None:
    # A text that did not pass the cleaner: spaCy makes a token of the no-break space and hangs it
    # off the verb, before the object.
    quotes = quotes_of("Author Roger Stone will discuss\u00a0his new book about the campaign.")
    assert [(q.cue.text if q.cue else None, q.text) for q in quotes] == [("discuss", "his new book about the campaign")]


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_according_to_ending_a_paragraph_reports_the_clause_before_it(gap: str) -> None:
    # spaCy alone runs "… according to the U.S.C.G." on into the next paragraph for a head and a
    # subject. A blank line now ends the sentence before the parser runs; after a single line break
    # the report is still the clause before the cue, and the source stays in its paragraph.
    text = (
        "The smaller ship was held in port last week. It is now cleared to sail again, according to the U.S.C.G."
        + gap
        + "Most of his other ships have been sold, according to the company."
    )
    pairs = [(q.text, q.speaker.text if q.speaker else "") for q in quotes_of(text)]
    assert [p[0] for p in pairs] == ["It is now cleared to sail again", "Most of his other ships have been sold"]
    assert pairs[0][1].endswith("U.S.C.G.") and pairs[1][1] == "the company"


def test_participle_with_its_own_object_reports_that_object_not_the_clause_before_it() -> None:
    # "…, recalling her first campaign": the participle is not set into the clause before it the way
    # "The plan, Miller said, would …" is; what is recalled is its object.
    quotes = quotes_of("Jane Miller spoke for an hour, recalling her first campaign.")
    assert [q.text for q in quotes] == ["her first campaign"]
    assert cue_text(quotes[0]) == "recalling"


def test_according_to_is_not_part_of_what_it_reports() -> None:
    # Set inside the clause it is two pieces around the cue; closing it, the source ends the report
    # and an aside after a dash is the writer's.
    inside = quotes_of("Now, according to the latest statewide survey, some voters are wavering.")
    assert sorted(q.text for q in inside) == ["Now", "some voters are wavering"]
    assert {q.speaker.text for q in inside if q.speaker} == {"the latest statewide survey"}
    closing = quotes_of(
        "Some 57 percent of voters view him unfavorably, according to a CBS News survey - almost the same as "
        "her 58 percent."
    )
    assert [q.text for q in closing] == ["Some 57 percent of voters view him unfavorably"]


def test_according_to_after_a_participle_reports_the_whole_clause() -> None:
    # The parse hangs the source on "erasing"; it reports the clause the participle belongs to.
    quotes = quotes_of(
        "Markets were calm in the morning.\n\n"
        "The currency fell sharply within an hour, erasing $40 billion in value, according to Bloomberg."
    )
    assert [q.text for q in quotes if cue_text(q) == "according to"] == [
        "The currency fell sharply within an hour, erasing $40 billion in value"
    ]


def test_idioms_of_saying_that_report_nothing_are_no_cues() -> None:
    # "That said," means even so and "All told," means in all: neither names a speaker.
    quotes = quotes_of(
        "Turnout rose in the cities.\n\n"
        "That said, the council will still vote on the budget next week.\n\n"
        "That said, young voters say they believe the vote will matter.\n\n"
        "All told, outside groups spent more than $2.5 million on mailers, according to an analysis by the paper."
    )
    assert not any(cue_text(q) == "said" for q in quotes)
    assert speaker_text(find(quotes, "the vote will matter")) == "young voters"
    assert find(quotes, "outside groups spent").text.startswith("All told, outside groups spent more")


def test_speech_reported_as_not_said_is_negated() -> None:
    quotes = quotes_of(
        "The minister did not say whether the troops would stay.\n\n"
        "The governor declined to say when the bridge would reopen.\n\n"
        "Nobody said the plan was perfect, and no official confirmed that the mine would close.\n\n"
        "The mayor said the water was safe.\n\n"
        "He not only said the deal was dead, he blamed the unions.\n\n"
        "“I never said that,” Hale told reporters."
    )
    negated = {q.text: q.negated for q in quotes}
    assert negated["whether the troops would stay"]
    assert negated["when the bridge would reopen"]
    assert negated["the plan was perfect"]
    assert negated["that the mine would close"]
    assert not negated["the water was safe"]
    assert not find(quotes, "the deal was dead").negated  # "not only … but" affirms
    assert not find(quotes, "I never said that").negated  # the denial is inside the quote


def test_speech_the_speaker_held_back_is_negated() -> None:
    quotes = quotes_of(
        "The minister has yet to say whether the troops will stay.\n\n"
        "The senator stopped short of saying that the bill would fail.\n\n"
        "The mayor refrained from saying when the bridge would reopen.\n\n"
        "The company denied saying that prices would rise.\n\n"
        "The envoy left without saying whether talks would resume."
    )
    for words in ("the troops", "the bill", "the bridge", "prices would", "talks would"):
        assert find(quotes, words).negated, words


def test_second_that_clause_after_but_is_reported_too() -> None:
    # "said X, but that Y": the parser hangs the second clause on the verb; its own "that" makes it
    # a second reported clause.
    quotes = quotes_of(
        "The Iowa senator said the state needs to repair its bridges and build a new rail line, but that she "
        "would not support a higher fuel tax."
    )
    assert [q.text for q in quotes] == [
        "the state needs to repair its bridges and build a new rail line, but that she would not support a "
        "higher fuel tax"
    ]


def test_british_single_quotation_marks() -> None:
    text = (
        "The health secretary, Anna Reid, said the plan was ‘the right thing to do’ for patients.\n"
        "‘We have listened to doctors and we will not back down,’ Reid told the BBC. ‘This is about saving lives.’\n"
        "Labour’s spokesman, Tom Hale, said: ‘Nobody asked for this.’"
    )
    quotes = quotes_of(text)
    partial = find(quotes, "right thing")
    assert partial.kind.value == "partial" and "Reid" in (speaker_name(partial) or "")
    first, second = find(quotes, "not back down"), find(quotes, "saving lives")
    assert first.kind.value == second.kind.value == "direct"
    assert "Reid" in (speaker_name(first) or "") and speaker_name(second) == speaker_name(first)
    assert "Hale" in (speaker_name(find(quotes, "Nobody asked")) or "")


def test_title_case_quote_in_a_headline_is_speech() -> None:
    # A headline capitalises every word, so the quote's casing does not make it a book or a show.
    text = "Macron Says Boris Johnson ‘Makes You Want To Scream’\n\nThe French president spoke in Paris."
    q = find(quotes_of(text), "Want To Scream")
    assert "Macron" in (speaker_text(q) or "")


def test_short_quote_after_a_split_tag_is_a_whole_sentence() -> None:
    quotes = quotes_of("“It's done,” Mayor Jane Ortiz said on Saturday. “Total victory!”")
    second = find(quotes, "Total victory")
    assert second.kind.value == "direct"
    assert "Ortiz" in (speaker_name(second) or "")


def test_reported_clause_hung_on_the_noun_before_it_is_still_reported() -> None:
    # The parser reads "the crowd at her rally for nurses that she and the union had …" as a relative
    # clause; its "that" is a conjunction and the clause has a subject of its own, so it is what was
    # said, with its "but that …" second clause. (test_quotes_sources pins the rule on a fixed parse.)
    both = quotes_of(
        "On Friday evening, Mayor Ellen Park told the crowd at her rally for nurses that she and the union had "
        "several talks Friday but that nothing would change her plan to close the clinic."
    )
    assert [q.text for q in both] == [
        "that she and the union had several talks Friday but that nothing would change her plan to close the clinic"
    ]
    assert speaker_text(both[0]) == "Mayor Ellen Park" and cue_text(both[0]) == "told"


def test_clause_stands_when_its_wider_reading_gives_way_to_a_quote() -> None:
    # The open reading of "said" runs on over the quote that "telling" links; it gives way, and the
    # reported clause the rules cut is kept rather than lost with it.
    quotes = quotes_of(
        "Baker said he saw no need to change anything in his race, telling Stephens that “we speak plainly, we "
        "handle the issues” and that he'd seen steady support from voters."
    )
    said = find(quotes, "no need")
    assert said.text == "he saw no need to change anything in his race"
    assert speaker_text(said) == "Baker" and cue_text(said) == "said"
    assert speaker_text(find(quotes, "we speak plainly")) == "Baker"


def test_standing_in_clause_runs_on_to_the_words_that_took_its_wider_reading() -> None:
    # "announced"'s wider reading ran on into "Boeing saying that …" and gave way to it; the clause
    # the rules cut at "begun two years ago" stands in, run on to the last comma before "Boeing".
    quotes = quotes_of(
        "United States airframer Boeing has announced that development of a replacement for their 737 "
        "narrowbody airliner, begun two years ago, has been pushed back several years, Boeing saying that "
        "further advancement of technology is required."
    )
    assert find(quotes, "development").text == (
        "that development of a replacement for their 737 narrowbody airliner, begun two years ago, has been "
        "pushed back several years"
    )
    assert find(quotes, "advancement").text == "that further advancement of technology is required"
    # The parse runs the question on into the next speaker's name; the stand-in ends before it.
    text = (
        "When asked whether the deal should be seen as a step towards a resolution of the rift between Russia "
        "and the US, Boeing Executive Vice President Scott Carson replied, “It represents a business "
        "relationship between our Company and Aeroflot, and I' m really proud of it,”."
    )
    quotes = quotes_of(text)
    asked = find(quotes, "whether the deal")
    assert asked.text.endswith("between Russia and the US")
    assert speaker_name(find(quotes, "It represents")) == "Scott Carson"


def test_standing_in_clause_stops_at_the_next_cue_of_saying() -> None:
    quotes = quotes_of(
        "One in five said the council does not care much about the east side and one in six said the council "
        "was openly hostile to the east side, about the same share who said the council truly cares."
    )
    assert not [q for q in quotes if "care much" in q.text and "openly hostile" in q.text]


def test_participle_the_model_leaves_out_goes_back_to_the_clause_it_was_cut_from() -> None:
    # "saying that …" was cut from what Mendez said to report on its own; PolNeAR's annotators keep such
    # a participle inside the clause, the model rejects it alone, and its words must not be lost (the
    # seed article's sentence about Trump has this shape: test_seed_article_quotes_and_speakers).
    quotes = quotes_of(
        "Mendez said last week she hoped for a “useful meeting” and restated her demand for a truce in "
        "Sudan, saying that talking directly with Burhan was essential."
    )
    said = find(quotes, "restated her demand")
    assert said.text.endswith("in Sudan, saying that talking directly with Burhan was essential")
    assert speaker_text(said) == "Mendez" and cue_text(said) == "said"
    assert speaker_text(find(quotes, "useful meeting")) == "Mendez"


def test_subject_before_a_relative_clause_the_parser_misread_still_speaks() -> None:
    # The parse gives "stands" both "Reyes" and "who" as subjects, as a clause of "said"'s own.
    text = (
        "Lopez has won 12 endorsements in the senate. Reyes, meanwhile, who stands at zero such backers, said "
        "that the gap shows voters which of the two is ready to fight the bosses."
    )
    said = find(quotes_of(text), "the gap shows")
    assert said.text.startswith("that the gap shows voters")
    assert speaker_text(said) == "Reyes" and speaker_name(said) == "Reyes"
    # The parse makes "One delegate … spoke" a clause of "said", with the relative clause on its subject.
    text = (
        "One delegate, who like others spoke on condition that she not be named, said the message was that the "
        "fight would not be over in June."
    )
    said = find(quotes_of(text), "the message was")
    assert speaker_text(said) == "One delegate" and cue_text(said) == "said"
    # A clause before a verb with its own subject is reported: "…, the senator said".
    fronted = find(quotes_of("Smith, who chairs the panel, will resign next week, the senator said."), "resign")
    assert fronted.text == "Smith, who chairs the panel, will resign next week"
    assert speaker_text(fronted) == "the senator"


def test_participle_after_a_purpose_clause_is_the_main_clauses() -> None:
    text = (
        "Barack Obama spoke on Monday. He described the hardship as a sacrifice, so that their children could "
        "live in a better America, concluding that one day the United States might return to a better time."
    )
    concluding = find(quotes_of(text), "one day the United States")
    assert cue_text(concluding) == "concluding"
    assert speaker_text(concluding) == "He" and speaker_name(concluding) == "Barack Obama"


def test_standing_in_clause_never_repeats_another_quotes_words() -> None:
    # "pushed back against …" runs on into the partial quote "a champion", over what "saying" reports.
    text = (
        "The senator has pushed back against charges of bias against his party, saying it has been a pioneer "
        'in promoting women and calling it "a champion."'
    )
    quotes = quotes_of(text)
    for i, a in enumerate(quotes):
        for b in quotes[i + 1 :]:
            overlap = a.start < b.end and b.start < a.end
            assert not overlap or (a.cue and b.cue and a.cue.start == b.cue.start), (a.text, b.text)


def test_a_cue_the_parse_joined_to_an_infinitive_is_the_reporting_verbs_conjunct() -> None:
    # "insisted" cannot be coordinated with "try" after "will": it is "said"'s conjunct, a second act
    # of the mayor's, not words of the first clause.
    quotes = quotes_of(
        'The mayor said that she will "try to form a working council" and insisted that her party was '
        '"still the strongest force in the city."'
    )
    said = find(quotes, "that she will")
    assert cue_text(said) == "said" and said.text == 'that she will "try to form a working council"'
    insisted = find(quotes, "that her party")
    assert cue_text(insisted) == "insisted" and speaker_text(insisted) == "The mayor"


def test_a_past_verb_after_a_present_clause_is_the_reporting_verbs_conjunct() -> None:
    # "respects" cannot share its tense with "urged": the ministry urged talks, it did not say it urges them.
    quotes = quotes_of("In a statement, the ministry said it “respects the council's decision” but urged talks.")
    assert [q.text for q in quotes if q.kind.value == "mixed"] == ["it “respects the council's decision”"]


def test_a_cue_with_its_own_did_is_the_reporting_verbs_conjunct_not_the_clauses() -> None:
    # "did not say" carries its own tense and cannot share "had" of "had resigned": the club said
    # nothing about the push, so "say" is a second act, not the end of the confirmed clause.
    quotes = quotes_of(
        "The club confirmed that its coach had resigned on Friday, but did not say whether he was pushed out.\n\n"
        "The pastor said that he would offer a prayer for the eventual nominee but did not suggest it would be Lee."
    )
    confirmed = find(quotes, "its coach")
    assert cue_text(confirmed) == "confirmed" and confirmed.text == "that its coach had resigned on Friday"
    say = find(quotes, "pushed out")
    assert cue_text(say) == "say" and speaker_text(say) == "The club"
    said = find(quotes, "offer a prayer")
    assert said.text == "that he would offer a prayer for the eventual nominee"


def test_a_verb_of_saying_joined_to_the_reported_clause_is_the_reporters_next_act() -> None:
    # The parse joins "urged" and "promised" to the verbs of the reported clauses; both are the
    # speaker's own next acts, each a report of its own with its speaker.
    text = (
        "Budget talks\n\n"
        "The treasurer said the club was in no danger, and urged that members pay their fees by March.\n\n"
        "The coach said she regretted the outburst and promised to keep quiet about referees from now on.\n"
    )
    quotes = quotes_of(text)
    said = find(quotes, "no danger")
    assert said.text == "the club was in no danger"
    urged = find(quotes, "their fees")
    assert cue_text(urged) == "urged" and speaker_text(urged) == "The treasurer"
    assert find(quotes, "regretted").text == "she regretted the outburst"
    promised = find(quotes, "keep quiet")
    assert cue_text(promised) == "promised" and speaker_text(promised) == "The coach"


def test_a_second_clause_after_but_is_the_reporters_next_act() -> None:
    # "said crews were on their way but warned that …": the parse made "warned" a second clause of
    # "said"; with no subject of its own after "but", it is the utility's second act.
    text = (
        "Storm update\n\n"
        "Harbor Power said crews from three states were on their way but warned that some customers could "
        "be without power for days.\n"
    )
    quotes = quotes_of(text)
    assert find(quotes, "three states").text == "crews from three states were on their way"
    warned = find(quotes, "for days")
    assert cue_text(warned) == "warned" and speaker_text(warned) == "Harbor Power"


def test_a_report_inside_a_relative_clause_holds_neither_its_cue_nor_the_sentences_verb() -> None:
    # "The bill, which tenants said would raise rents, passed …": the words reported are those after
    # the cue; neither "which tenants said" nor the sentence's own verb "passed" is part of them.
    text = (
        "Housing vote\n\n"
        "The housing bill, which tenant groups said would raise rents, passed the council on Monday.\n\n"
        "It is the third such law, which landlords said was needed to fund repairs.\n"
    )
    quotes = quotes_of(text)
    assert find(quotes, "raise rents").text == "would raise rents"
    assert find(quotes, "fund repairs").text == "was needed to fund repairs"


def test_a_day_right_after_the_cue_is_when_it_was_said_not_what() -> None:
    # The parse hangs "on Thursday" on the reported clause; it dates the saying.
    text = (
        "Fleet grounded\n\n"
        "Harbor Air said on Thursday it had grounded all six of its jets while it inspected their engines.\n"
    )
    assert find(quotes_of(text), "grounded").text == (
        "it had grounded all six of its jets while it inspected their engines"
    )


def test_a_that_clause_the_parse_hung_on_the_addressee_is_what_was_told() -> None:
    # "telling aldermen that …": the parse made the clause one of "aldermen"; it is what was told,
    # not words that run on from the budget "defended" before it.
    text = (
        "City budget\n\n"
        "CHICAGO — Mayor Ann Brody on Wednesday defended her police budget in front of a packed council "
        'chamber, telling aldermen that safety and police reform "are not opposites."\n'
    )
    quotes = quotes_of(text)
    assert not [q for q in quotes if "police budget" in q.text and "opposites" in q.text]
    told = find(quotes, "safety and police reform")
    assert cue_text(told) == "telling" and told.text.startswith("that safety")


def test_a_document_obtained_by_a_newspaper_speaks_for_itself() -> None:
    # "according to a memo obtained by the Tribune": the paper has the memo, it did not write it;
    # "a report released by the agency" is the agency's.
    text = (
        "Overtime\n\n"
        "According to a budget office memo obtained by the Lakeside Tribune, overtime has risen 40% since 2021.\n\n"
        "According to a report released by the Harbor Authority, cargo fell 3% last year.\n"
    )
    quotes = quotes_of(text)
    assert speaker_text(find(quotes, "overtime has risen")) == "a budget office memo"
    assert speaker_text(find(quotes, "cargo fell")) == "the Harbor Authority"


def test_a_plan_protested_is_not_the_protesters_plan() -> None:
    # "rallied to protest a plan to close schools": the plan is the district's, not the parents'.
    text = (
        "DENVER — Hundreds of parents rallied outside the district headquarters on Monday to protest a plan "
        "to close 10 elementary schools.\n"
    )
    quotes = quotes_of(text)
    assert not [q for q in quotes if cue_text(q) == "plan" and q.speaker is not None]


def test_said_in_an_email_that_reports_the_clause_not_the_email() -> None:
    # The parse made "that" and "Harborview" both subjects of a clause of "email".
    text = (
        "Nurses vote\n\n"
        'Hospital spokeswoman Ann Gregg said in an email that Harborview "values its nurses" and had '
        "offered raises of 12% over three years.\n"
    )
    quoted = find(quotes_of(text), "Harborview")
    assert quoted.text.startswith("that Harborview") and cue_text(quoted) == "said"


def test_a_cue_joined_to_a_participle_stays_in_the_clause() -> None:
    # "has criticized … and called …": the tagger's VBD "called" may share "has"; Lee called the mayor so.
    quotes = quotes_of(
        "She noted that Lee in the past has criticized the mayor for taking money from developers and called "
        'the mayor "timid" and "aloof."'
    )
    noted = find(quotes, "has criticized")
    assert cue_text(noted) == "noted" and noted.text.endswith('called the mayor "timid" and "aloof."')


def test_a_bracket_the_content_opens_it_also_closes() -> None:
    # The parser may hang the closing bracket outside the reported clause; the content keeps it.
    quotes = quotes_of(
        "The airline said it had signed a contract to buy 20 jets for 9.9 billion yuan (about US$1.4 billion).\n\n"
        "Officials said they had questioned the director of the bureau (the FBI)."
    )
    assert find(quotes, "20 jets").text.endswith("(about US$1.4 billion)")
    assert find(quotes, "questioned").text == "they had questioned the director of the bureau (the FBI)"


def test_with_and_a_participle_of_saying_is_another_speakers_act() -> None:
    # "…, with X saying “…”": X says it (the absolute construction), not the subject of the main clause,
    # whose reported clause ends before "with". A plain adjunct set off by a comma is no such subject.
    quotes = quotes_of(
        "Officials said that the contract had been awarded on merit and price, with one analyst, Jane Moss, "
        "saying “The deciding factor was the range of the new plane.”\n\n"
        "The council said the vote was close, with the mayor saying “We will try again next year.”\n\n"
        "The senator sparred with the governor, saying that the budget was a fraud."
    )
    awarded = find(quotes, "the contract")
    assert awarded.text == "that the contract had been awarded on merit and price"
    assert speaker_text(find(quotes, "deciding factor")) == "one analyst"
    assert find(quotes, "the vote").text == "the vote was close"
    assert speaker_text(find(quotes, "try again")) == "the mayor"
    assert speaker_text(find(quotes, "a fraud")) == "The senator"


def test_a_second_participle_of_saying_after_and_has_the_first_ones_speaker() -> None:
    # The parse may make "merely saying …" the reported clause of the first "saying": the "and" before
    # it joins two acts of one speaker.
    quotes = quotes_of(
        "The chief executive declined to speculate on when the government would sell its stake, saying that "
        "it was a question “better put to the Treasury”, and merely saying that he expected it to take "
        "“years, not months” before the sale."
    )
    second = find(quotes, "he expected")
    assert cue_text(second) == "saying" and speaker_text(second) == "The chief executive"
    assert speaker_text(find(quotes, "years, not months")) == "The chief executive"


def test_a_subject_the_parse_lost_before_an_adverb_is_found() -> None:
    # "Filings reported on Sunday now suggest …": the parse drops the subject; the name before the
    # adverb ("Sunday") leads the speaker rules back to the noun phrase it ends.
    quotes = quotes_of(
        "Filings reported on Sunday now suggest that Ms. Lane is the only remaining candidate with the money "
        "to challenge Mr. Ortiz.\n\n"
        "Numbers reported on Friday now show that Ms. Lane is the only candidate left with the cash to take on "
        "Mr. Ortiz."
    )
    assert speaker_text(find(quotes, "only remaining candidate")) == "Filings"
    assert speaker_text(find(quotes, "only candidate left")) == "Numbers"
    # Not for "seem": the writer's impression has no holder (see sourceless_cues).
    seems = quotes_of("By the end of the week Ms. Lane still seems not to have found a message that voters trust.")
    assert speaker_text(find(seems, "a message")) is None


def test_a_clause_of_time_the_parse_hung_on_the_cue_is_not_what_it_reports() -> None:
    # "In a letter released shortly after …, Ellis said he's certain …": the parser made the "after"
    # clause a complement of "said" as well; the reported clause is the one after the verb.
    text = (
        "In a letter released shortly after the Texas senator suspended his presidential campaign, "
        "Ellis said he’s certain Moreno will continue to be “a voice for rural families.”"
    )
    quotes = quotes_of(text)
    assert speaker_text(find(quotes, "rural families")) == "Ellis"
    assert not any(q.text.startswith("In a letter") for q in quotes)


def test_a_participle_after_a_partial_quotes_closing_mark_is_the_writers() -> None:
    # "called Moreno the “ultimate hypocrite,” linking to a story …": the participle after the mark
    # and its comma is what the writer adds (PolNeAR train: 36 such clauses end the reported words,
    # 8 go on with them).
    quotes = quotes_of('Ellis called Moreno the "ultimate hypocrite," linking to a story about his vacation.')
    assert find(quotes, "ultimate hypocrite").speaker is not None
    assert not any("linking" in q.text for q in quotes)


def test_a_run_on_clause_before_a_cue_without_a_subject_names_the_speaker() -> None:
    # "Ellis criticized the record said she …": the parse hangs the first clause on "said" as if it
    # were a quote the verb tags. Its subject speaks, and the clause after the cue is reported.
    quote = find(
        quotes_of("Ellis criticized the mayor’s record said she “is not going to fix it” over the next four years."),
        "fix it",
    )
    assert speaker_text(quote) == "Ellis"
    text = (
        'He pledged to be "the greatest mayor this city has seen" and cast doubt on the official crime '
        "figures, suggested that the real rate could be twice as high."
    )
    quote = find(quotes_of(text), "twice as high")
    assert speaker_text(quote) == "He" and quote.text.startswith("that the real rate")
