"""Direct and partial quotes against their cues: news conventions learnt from PolNeAR's error
analysis (each test names the pattern it pins)."""

from __future__ import annotations

import pytest

from dateline.nlp.model import load_nlp
from dateline.nlp.quote_data import lexicon
from dateline.nlp.quote_direct import adjacent_to_cue
from dateline.nlp.quote_indirect import Attribution, _opens_quote_inside
from dateline.nlp.quote_marks import find_segments
from dateline.nlp.quotes import plan_quotes
from dateline.schema import Quote
from quote_helpers import cue_text, find, mixed_texts, quotes_of, speaker_name, speaker_text


def containing(quotes: list[Quote], fragment: str) -> list[Quote]:
    return [q for q in quotes if fragment in q.text]


def test_quote_right_after_cue_and_comma_is_the_whole_statement() -> None:
    # "Asked …, Feldman said, “…”": the quote is what was said, not a partial quote in a clause.
    text = "Asked what qualities he wanted in the ticket's leader, Feldman said, “They have got to know how to win.”"
    quotes = quotes_of(text)
    win = containing(quotes, "how to win")
    assert win and all(q.kind.value == "direct" for q in win)
    assert not containing(quotes, "Asked what")


def test_quote_after_participle_and_comma_is_the_whole_statement() -> None:
    quotes = quotes_of("Hours later, she sent a text saying, “finished.”")
    assert [q.text for q in quotes if "finished" in q.text] == ["finished."]


def test_split_quote_after_a_participial_clause_keeps_the_first_cue() -> None:
    # ''…,'' Mr. Dale said, pointing out …. ''…'': the second quote is still Dale's "said"
    # (typewriter marks, as in The New York Times' archive copy).
    text = (
        "''Twenty years ago, the mill was busy,'' Mr. Dale said, pointing out where the bakery, "
        "the bank and the cinema used to stand. ''But those days are gone for good.''"
    )
    second = containing(quotes_of(text), "gone for good")
    assert second and all(cue_text(q) == "said" for q in second)


def test_partial_quote_in_a_clause_opening_the_sentence_stays_partial() -> None:
    # "The bill's failure was “heartbreaking,” she said": the clause is reported, not the word alone.
    quotes = quotes_of("The bill's failure was “heartbreaking,” Senator Ann Lee said on Monday.")
    reported = containing(quotes, "failure")
    assert reported and reported[0].kind.value == "mixed"


def test_mixed_speech_is_split_around_a_parenthetical_cue() -> None:
    quotes = quotes_of("The new strategy, Senator Ann Lee said, is a “very welcome tack.”")
    mixed = [q for q in quotes if q.kind.value == "mixed"]
    assert mixed and all("said" not in q.text for q in mixed)


def _said(text: str, speaker: str, cue: str = "said") -> Attribution:
    s, c = text.index(speaker), text.index(cue)
    return Attribution(
        cue=(c, c + len(cue)),
        cue_i=0,
        speaker=(s, s + len(speaker)),
        speaker_i=None,
        content=None,
        scope=(0, len(text)),
        pattern="verb",
    )


def test_quote_adjacent_to_its_cue_only_across_punctuation() -> None:
    before = "Feldman said, “They have got to know how to win.”"
    after = "“It is done,” Warren said."
    inside = "The bill's failure was “heartbreaking,” Lee said."
    bare = "He said “fake news” was everywhere."
    assert adjacent_to_cue(before, find_segments(before)[0], _said(before, "Feldman"))
    assert adjacent_to_cue(after, find_segments(after)[0], _said(after, "Warren"))
    assert not adjacent_to_cue(inside, find_segments(inside)[0], _said(inside, "Lee"))
    assert not adjacent_to_cue(bare, find_segments(bare)[0], _said(bare, "He"))


def test_partial_quote_after_participle_takes_its_complement_not_the_next_clause() -> None:
    # "…, calling them “…” and he thanked …": the participle's complement holds the quote; the
    # clause coordinated after it is another act, and the main clause is not the reported words.
    text = "Reed praised the volunteers, calling them “the backbone of this town” and he thanked the fire crews."
    mixed = [q for q in quotes_of(text) if q.kind.value == "mixed"]
    assert [q.text for q in mixed] == ["them “the backbone of this town”"]


def test_lead_in_verb_before_a_colon_is_a_cue() -> None:
    # "The statement read: “…”": any verb ending its clause on a colon before a quote reports it.
    text = "The statement read: “The company regrets the error and will refund every customer.”"
    quotes = quotes_of(text)
    assert len(quotes) == 1 and quotes[0].kind.value == "direct"
    assert cue_text(quotes[0]) == "read"
    assert speaker_text(quotes[0]) == "The statement"


def test_tag_verb_after_a_quote_is_a_cue() -> None:
    # "“…,” Garcia shot back.": a subject and verb closing the sentence after the quote speak it.
    quotes = quotes_of("“We will appeal this ruling tomorrow,” Garcia shot back.")
    assert len(quotes) == 1 and cue_text(quotes[0]) == "shot"
    assert speaker_text(quotes[0]) == "Garcia"


def test_quote_followed_by_narration_has_no_tag_cue() -> None:
    # "“…,” and then the crowd left.": words after a quote that are not subject + verb are no tag.
    quotes = quotes_of("The mayor spoke first. “We will rebuild the whole district,” and then the crowd left.")
    assert all(q.cue is None or q.cue.text != "left" for q in quotes)


def test_transcript_stage_direction_in_quotes_is_not_speech() -> None:
    text = '"WALLACE: Will she be there tomorrow night?\n\n"(CROSSTALK.)\n\n"PENCE: She will not be there.'
    assert not [q for q in quotes_of(text) if "CROSSTALK" in q.text]


def test_lead_in_voice_verb_without_colon_is_a_cue() -> None:
    # "the protesters chanted “…”": a verb of voice right before the quote reports it.
    quotes = quotes_of("Outside the hall, the protesters chanted “Bad for the city, bad for you.”")
    assert len(quotes) == 1 and cue_text(quotes[0]) == "chanted"
    assert speaker_text(quotes[0]) == "the protesters"


def test_inverted_attribution_speaker_is_never_inside_the_quote() -> None:
    # “… Total crisis mode,” said Maria Duarte: the parser also makes "mode" a subject of "said".
    text = (
        "“The clinic is in crisis mode. Total crisis mode,” said Maria Duarte, a Denver-based "
        "director of the Western Nurses Union."
    )
    quotes = quotes_of(text)
    assert len(quotes) == 1 and quotes[0].speaker is not None
    assert quotes[0].speaker.text == "Maria Duarte"


def test_quote_inside_nested_reported_clauses_goes_to_the_outer_act() -> None:
    # "He believes “…,” Benjamin said": both clauses hold the quote; the outer speech act owns it.
    from dateline.nlp.quote_direct import SegmentLinker

    text = "He believes “the generals agree with him,” Benjamin said."
    seg = find_segments(text)[0]
    close = seg.close_mark or seg.end
    believes = Attribution(
        cue=(3, 11),
        cue_i=1,
        speaker=(0, 2),
        speaker_i=0,
        content=(seg.open_mark, close + 1),
        scope=(0, close + 1),
        pattern="verb",
    )
    b = text.index("Benjamin")
    said = Attribution(
        cue=(b + 9, b + 13),
        cue_i=9,
        speaker=(b, b + 8),
        speaker_i=8,
        content=(0, close + 1),
        scope=(0, len(text)),
        pattern="parenthetical",
    )
    (linked,) = SegmentLinker(text, [0], [believes, said], lexicon()).link([seg])
    assert linked.attribution is said


def test_statement_issued_speaks_for_its_sender() -> None:
    # "The union issued a statement saying …": the union speaks, not "a statement".
    text = "The nurses union issued a statement saying the strike would “continue until every clinic is safe.”"
    quotes = quotes_of(text)
    saying = [q for q in quotes if cue_text(q) == "saying"]
    assert saying and all(q.speaker is not None and "statement" not in q.speaker.text for q in saying)


def test_words_sent_to_an_addressee_are_the_senders() -> None:
    # The parse hangs "saying" on the addressee: the residents, the supporters and the players are
    # spoken to. A stance hung there ("a group backing the governor") stays the group's.
    quotes = quotes_of(
        "The mayor wrote a letter to residents saying the water was safe to drink.\n\n"
        "The party mailed a short note to its members saying: “We carried the county!”\n\n"
        "The coach talked to his players saying the season was over."
    )
    assert speaker_text(find(quotes, "the water was safe")) == "The mayor"
    assert speaker_text(find(quotes, "We carried")) == "The party"
    assert speaker_text(find(quotes, "the season was over")) == "The coach"
    text = "Wealthy donors gave millions to a group backing the governor."
    doc = load_nlp()(text)
    backing = [p.attribution for p in plan_quotes(doc, text, lexicon(), candidates=True) if p.attribution]
    assert [text[a.speaker[0] : a.speaker[1]] for a in backing if a.lemma == "back" and a.speaker] == ["a group"]


def test_partial_quote_after_object_cue_takes_the_complement_up_to_the_quote() -> None:
    # "vowed Sunday to clear the harbor of “…” in a speech": the rules read no clause; the words
    # from the cue's complement to the closing mark were said, the time and place are the writer's.
    mixed = mixed_texts("Ms. Lee vowed Sunday to clear the harbor of “every rotting hulk” in a speech.")
    assert mixed == ["to clear the harbor of “every rotting hulk”"]


def test_complement_that_is_only_its_partial_quote_is_not_repeated_as_a_clause() -> None:
    # "cautioned against “…” in the way …": the complement ends at the closing mark, so a clause
    # around the partial quote would be the same words again; one quote of them is emitted.
    text = (
        "While the mayor has cautioned against “a waste of our budget” in the way the city responds "
        "to floods, she has ordered a review."
    )
    waste = [q for q in quotes_of(text) if "waste" in q.text]
    assert [(q.kind.value, q.text) for q in waste] == [("partial", "a waste of our budget")]


def test_a_complement_that_opens_with_a_quote_keeps_its_opening_mark() -> None:
    # The complement starts at the opening mark: dropping it would leave "serious flaws” in the design".
    assert mixed_texts("The report cited “serious flaws” in the design.") == ["“serious flaws” in the design"]
    # Straight marks open a content only where they pair up: in '" the agency managed to "misplace" …'
    # the first one closes an earlier quote.
    stray = list(load_nlp()('" the agency managed to "misplace" the records'))
    paired = list(load_nlp()('"serious flaws" in the design'))
    assert not _opens_quote_inside(stray, 0, len(stray))
    assert _opens_quote_inside(paired, 0, len(paired))


def test_lower_case_quote_after_the_reported_clause_and_a_comma_goes_on_with_the_clause() -> None:
    # The parser hangs the quote on "said"; it is the end of what Lee said, not a statement of its own.
    text = "Lee also said he was best placed to fix the budget because he is an accountant, “like you folks.”"
    quotes = quotes_of(text)
    assert find(quotes, "like you folks").kind.value == "partial"
    assert mixed_texts(text) == ["he was best placed to fix the budget because he is an accountant, “like you folks.”"]


def test_reported_words_go_on_with_the_phrases_that_hang_on_them_after_the_quote() -> None:
    # The quote stops inside the sentence; the speaker's words go on with the phrases hung on the
    # quoted words, on the clause before them or on the cue, one after another.
    text = (
        "Lee tried to shift the blame, portraying Reyes as careless because he had taken “about $90,000” "
        "from two developers through a private fund.\n\n"
        "The columnist called Reyes “the adult in the room” amid the quarrels between the other contenders."
    )
    assert mixed_texts(text) == [
        "Reyes as careless because he had taken “about $90,000” from two developers through a private fund",
        "Reyes “the adult in the room” amid the quarrels between the other contenders",
    ]


def test_participle_whose_complement_opens_with_a_quote_takes_that_quote() -> None:
    # The parser hangs the opening mark on "calling": the complement goes on past it, so "absurd" is
    # what "calling" reports, not words of the clause before the comma.
    text = "Lee criticized the plan on Wednesday, calling it “absurd.”"
    quotes = quotes_of(text)
    assert cue_text(find(quotes, "absurd")) == "calling"
    assert mixed_texts(text) == ["it “absurd.”"]
    assert find(quotes, "the plan").text == "the plan"


def test_reported_words_stop_before_a_phrase_that_holds_another_act() -> None:
    # "in trying to block a rule that he said …" reports what the board did, with a cue of its own.
    text = (
        "The chairman accused the board of a “grave breach of trust” in trying to block a rule that he "
        "said would hurt members."
    )
    assert mixed_texts(text) == ["the board of a “grave breach of trust”"]


def test_reported_words_stop_at_the_quote_before_a_time_a_scene_or_a_comma() -> None:
    text = (
        "The mayor called the ruling “a disgrace” on Monday.\n\n"
        "Lee called the new levy “a gift to landlords” during a hearing at City Hall.\n\n"
        "Reyes called the levy “a tax on renters,” in a letter to the council.\n\n"
        "Reyes called the fee ''a tax on tenants,'' from the steps of the courthouse."
    )
    assert mixed_texts(text) == [
        "the ruling “a disgrace”",
        "the new levy “a gift to landlords”",
        "the levy “a tax on renters,”",
        "the fee ''a tax on tenants,''",
    ]


def test_title_case_quote_inside_a_sentence_names_a_work() -> None:
    # "author of “Empire of the Fund,” a new book, said …": the title is not the author's words.
    text = "William Birdthistle, author of “Empire of the Fund,” a new book, said the fees were far too high."
    assert not [q for q in quotes_of(text) if "Empire" in q.text]


def test_title_case_slogan_right_beside_its_cue_is_speech() -> None:
    quotes = quotes_of("The senator told the crowd: “Yes We Can Win This State.”")
    assert [q.kind.value for q in quotes if "Yes We Can" in q.text] == ["direct"]


def test_two_capitalised_sentences_are_not_a_title() -> None:
    from dateline.nlp.quote_direct import is_title_like

    assert is_title_like("Orange is the New Black")
    assert is_title_like("Crossfire: Dana Wells's Long Battle for the Heart of General Electric.")
    assert not is_title_like("Like Oakland. Or Ferguson,")
    assert not is_title_like("What a Super Tuesday!")
    assert is_title_like("Meet Mr. Trump Again")


def test_quote_signed_on_the_next_line_with_a_hyphen_and_name() -> None:
    # A quote box: "…" then a line "- Sanders." or "-President Obama, tweeting after the speech."
    text = '"The idea that I would dismantle health care is just not accurate."\n\n- Sanders.\n\nHe spoke in Iowa.'
    quotes = quotes_of(text)
    assert len(quotes) == 1 and speaker_text(quotes[0]) == "Sanders"
    text = '"Great speech. She is tested. She is ready."\n\n-President Obama, tweeting after the speech.'
    quotes = quotes_of(text)
    assert len(quotes) == 1 and speaker_text(quotes[0]) == "President Obama"


def test_chant_in_a_clause_borrows_the_marchers_as_speaker_and_is_whole() -> None:
    # "Protesters marching … chanted "What lockdown?"": the parser hangs "chanted" off "marching".
    quotes = quotes_of('Protesters marching through the square chanted "What lockdown?" and kept going until midnight.')
    curfew = [q for q in quotes if "lockdown" in q.text]
    assert curfew and curfew[0].kind.value == "direct"
    assert speaker_text(curfew[0]) == "Protesters"


def test_paragraph_opening_with_closing_mark_and_ellipsis_is_a_quote() -> None:
    # Web copy: ” … what I learned …,” he said — a closing mark misused to open an excerpt.
    from dateline.nlp.quote_marks import find_segments as segments_of

    text = "” … what I learned from these families is that words matter,” Obama said."
    (seg,) = segments_of(text)
    assert text[seg.start : seg.end].startswith("… what I learned")


def test_statement_that_says_speaks_for_whoever_released_it() -> None:
    # "Sanders released a statement that said …": "that" is the statement; Sanders speaks.
    text = "Sanders released a statement that said the campaign would “fight for every vote” in California."
    quotes = quotes_of(text)
    assert quotes and all(speaker_text(q) == "Sanders" for q in quotes)


def test_quote_naming_a_pronoun_object_is_partial_not_the_whole_utterance() -> None:
    # "called them “…”": the writer names the object; the quoted words are a partial quote, even
    # when only one word ("them") stands outside the marks.
    quotes = quotes_of("Reed called them “the backbone of this town” on Monday.")
    kinds = sorted((q.kind.value, q.text) for q in quotes)
    assert kinds == [("mixed", "them “the backbone of this town”"), ("partial", "the backbone of this town")]


@pytest.mark.parametrize(
    ("text", "mixed"),
    [
        (
            'Her lawyer, David Kendall, wrote in a court filing that such a request was "futile," because '
            "the FBI now holds the records.",
            'that such a request was "futile,"',
        ),
        ('Fitton called the claim "significant and disturbing."', 'the claim "significant and disturbing."'),
    ],
)
def test_reported_words_ending_inside_a_straight_quote_run_to_its_closing_mark(text: str, mixed: str) -> None:
    # The parser hangs the closing straight mark on the main verb, so the clause ended inside the quote.
    assert mixed_texts(text) == [mixed]


def test_according_to_inside_a_clause_reports_the_words_before_it_and_said_the_quote() -> None:
    # "X watched …, according to their lawyers, and said …“…”": the lawyers are the source of what
    # comes before the cue; the coordinated "said" reports the quote.
    text = (
        "The Ortiz family viewed the court recordings on Tuesday, according to their lawyers, and said they "
        'left feeling "less sure than before."'
    )
    reported = {(q.kind.value, q.text, q.cue.text if q.cue else None) for q in quotes_of(text)}
    assert ("indirect", "The Ortiz family viewed the court recordings on Tuesday", "according to") in reported
    assert ("mixed", 'they left feeling "less sure than before."', "said") in reported


def test_a_letter_the_subject_wrote_in_speaks_for_its_writer() -> None:
    text = (
        "Steve Jobs resigned in a letter to Apple's board of directors stating, “I have always said I would "
        "be the first to let you know.”"
    )
    q = find(quotes_of(text), "first to let you know")
    assert speaker_text(q) == "Steve Jobs"


def test_a_statement_released_by_a_participle_speaks_for_the_clause_subject() -> None:
    text = (
        "Representative Norm Dicks said he was “shocked”, releasing a statement saying “This decision is even "
        "more disappointing.”"
    )
    q = find(quotes_of(text), "more disappointing")
    assert speaker_text(q) in ("Representative Norm Dicks", "he")


def test_an_email_by_its_author_speaks_for_the_author() -> None:
    text = "An additional email by James Roche provides a contrast, saying, “I love Ya, Big Guy.”"
    assert speaker_name(find(quotes_of(text), "Big Guy")) == "James Roche"


def test_a_tag_without_its_verb_names_the_speaker() -> None:
    text = (
        "Auto sales fell in March.\n\n"
        "“The typical incentive programs simply do not resonate in today's economy,” Jesse Toprak, an analyst "
        "for Edmunds.\n\n"
        "Ford shares gained 2.3%."
    )
    assert speaker_text(find(quotes_of(text), "incentive programs")) == "Jesse Toprak"


def test_a_tag_set_as_the_next_paragraph_names_the_speaker() -> None:
    text = (
        "Canada will lend the carmakers money.\n\n"
        "“This is a regrettable but necessary step to protect the Canadian economy.”\n\n"
        "said Stephen Harper, Prime Minister of Canada."
    )
    q = find(quotes_of(text), "regrettable")
    assert speaker_text(q) == "Stephen Harper"
    assert cue_text(q) == "said"


def test_a_quote_paragraph_after_a_tag_paragraph_keeps_its_speaker() -> None:
    text = (
        "Canada will lend the carmakers money.\n\n"
        "“This is a regrettable but necessary step to protect the Canadian economy.”\n\n"
        "said Stephen Harper, Prime Minister of Canada.\n\n"
        "“We can not, we must not, and we will not let our auto industry collapse.”"
    )
    assert speaker_text(find(quotes_of(text), "will not let")) == "Stephen Harper"


def test_a_short_title_before_a_name_is_not_a_tag() -> None:
    text = "The band closed with “Born to Run,” Bruce Springsteen."
    assert all(q.speaker is None or speaker_text(q) != "Bruce Springsteen" for q in quotes_of(text))


def _demo_article(article_id: str) -> str:
    """The text of one Wikinews article of the bundled demo corpus (CC BY 2.5, see demo/ATTRIBUTION.md)."""
    import json
    from pathlib import Path

    corpus = Path(__file__).resolve().parent.parent / "demo" / "corpus" / "wikinews" / "meantime.jsonl"
    for line in corpus.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] == article_id:
            return str(row["text"])
    raise LookupError(article_id)


def test_a_clause_with_two_partial_quotes_is_one_quote_not_three() -> None:
    # Each partial quote of "he stated that he had “no interest” …, and that … “refrain from …” as
    # a corporate shareholder …" found the clause; the article showed it three times, one stopping
    # at the second closing mark.
    text = _demo_article("wikinews-127227")
    stated = [q for q in quotes_of(text) if q.kind.value == "mixed" and q.text.startswith("that he had “no interest”")]
    assert len(stated) == 1
    assert stated[0].text.endswith("as a corporate shareholder for the most part")


def test_reported_words_do_not_run_on_into_another_quote() -> None:
    # "GovExec.com quotes a “Senate aide” as saying: “…”": the aide's words are a quote of their own.
    text = _demo_article("wikinews-1173")
    mixed = [t for t in mixed_texts(text) if "Senate aide" in t]
    assert mixed == ["a “Senate aide”"]


def test_a_typewriter_double_mark_closes_with_both_apostrophes() -> None:
    # ''…'': the reported words end after the second apostrophe, not between the two.
    assert mixed_texts("She called the levy ''a gift to landlords.''") == ["the levy ''a gift to landlords.''"]


def test_reported_words_that_open_a_straight_quote_keep_its_closing_mark() -> None:
    # Straight marks open or close by position: an odd count in the reported words leaves one open.
    quotes = quotes_of("He thought of his rallies as ''small talks,'' in which he could share ideas.")
    assert [q.text for q in quotes if q.cue is not None and q.cue.text == "thought"] == [
        "his rallies as ''small talks,''"
    ]
