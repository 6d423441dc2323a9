"""Open candidates whose source is not the subject of a verb of saying: a poll or document that says
so ("In a CNN poll, …"), a viewpoint ("For most voters, …"), hearsay ("… is reportedly …")."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.nlp.model import load_nlp
from dateline.nlp.quote_data import lexicon
from dateline.nlp.quote_indirect import Attribution, _clause_content, find_attributions
from dateline.nlp.quote_marks import paragraphs
from quote_helpers import cue_text, find, quotes_of, speaker_name, speaker_text


def open_readings(text: str) -> list[Attribution]:
    """Every attribution of ``text`` in open mode (the rules' readings and the model's candidates)."""
    return find_attributions(load_nlp()(text), text, list(paragraphs(text)), lexicon(), open_cues=True)


def candidates(text: str, pattern: str) -> list[Attribution]:
    return [a for a in open_readings(text) if a.pattern == pattern]


def span(text: str, chars: tuple[int, int] | None) -> str | None:
    return text[chars[0] : chars[1]] if chars else None


def test_poll_opening_the_sentence_is_the_source_of_its_clause() -> None:
    text = "In a Reuters/Ipsos poll released Tuesday, the governor led his challenger by eight points."
    (a,) = candidates(text, "in_source")
    assert "poll" in (span(text, a.speaker) or "")
    assert span(text, a.content) == "the governor led his challenger by eight points"
    assert a.open and a.features  # judged by the model, never linked to quotation marks


def test_interview_with_its_own_verb_of_saying_is_not_a_second_source() -> None:
    text = "In an interview on Sunday, the mayor said the cuts were unavoidable."
    assert candidates(text, "in_source") == []


def test_place_after_in_is_not_a_source() -> None:
    text = "In Ohio, the governor led his challenger by eight points."
    assert candidates(text, "in_source") == []


def test_for_a_person_opening_the_sentence_is_a_viewpoint() -> None:
    text = "For Sanders, the mission is different."
    (a,) = candidates(text, "viewpoint")
    assert span(text, a.speaker) == "Sanders"
    assert span(text, a.content) == "the mission is different"


def test_for_a_time_or_purpose_is_not_a_viewpoint() -> None:
    assert candidates("For the first time, the club lost at home.", "viewpoint") == []
    assert candidates("The club lost at home for Sanders.", "viewpoint") == []


def test_reportedly_marks_content_without_a_named_source() -> None:
    text = "The company is reportedly weighing a sale of its shipping unit."
    (a,) = candidates(text, "hearsay")
    assert a.speaker is None
    assert "weighing a sale of its shipping unit" in (span(text, a.content) or "")


def test_rules_alone_propose_none_of_these() -> None:
    text = "In a new poll, the governor led by eight points. The company is reportedly weighing a sale."
    doc = load_nlp()(text)
    found = find_attributions(doc, text, list(paragraphs(text)), lexicon())
    assert not [a for a in found if a.pattern in ("in_source", "viewpoint", "hearsay")]


def test_asked_if_reports_the_question() -> None:
    text = "Asked if he was ever bullied, the senator laughed and shook his head."
    doc = load_nlp()(text)
    found = find_attributions(doc, text, list(paragraphs(text)), lexicon())
    (ask,) = [a for a in found if a.lemma == "ask"]
    assert span(text, ask.content) == "if he was ever bullied"
    assert ask.speaker is None  # the senator was asked; who asked is unsaid


def test_asked_read_as_a_past_tense_still_reports_a_question_nobody_named_asked() -> None:
    # After another paragraph the tagger reads the opening "Asked" as a past tense (VBD) hung on
    # "said": still a participle, so the one named in the main clause was asked, not the asker.
    text = "The council met on Monday.\n\nAsked whether he would run again, Councilman Tom Reyes said: “We’ll see.”"
    doc = load_nlp()(text)
    asked = doc[next(t.i for t in doc if t.text == "Asked")]
    assert asked.tag_ == "VBD"  # the reading this test is about; another model may tag it VBN
    quotes = quotes_of(text)
    question = find(quotes, "run again")
    assert question.speaker is None and cue_text(question) == "Asked"
    assert speaker_name(find(quotes, "We’ll see")) == "Tom Reyes"


def test_telling_a_show_whose_quoted_title_reads_as_a_clause_reports_the_that_clause() -> None:
    # The parser reads the quoted title "Face the Nation" as a clause of "telling", before the
    # clause opened by "that": the addressee is not what was told.
    text = (
        'Sen. Mark Delaney defended his vote on Sunday, telling CBS\'s "Face the Nation" that the '
        'measure "spends money we simply don\'t have."'
    )
    told = find(quotes_of(text), "that the measure")
    assert told.kind.value == "mixed" and "Nation" not in told.text and cue_text(told) == "telling"


def test_a_participle_hung_on_a_things_relative_clause_speaks_for_the_main_subject() -> None:
    # The parser hangs "saying" on "would ban", in the relative clause of "a law that …"; a law says
    # nothing, so the participle is the judge's.
    text = (
        "A federal judge on Friday blocked a state law that would ban most abortions after six weeks, "
        "saying it likely violates the Constitution."
    )
    said = find(quotes_of(text), "likely violates")
    assert speaker_text(said) == "A federal judge" and cue_text(said) == "saying"


def test_said_in_remarks_to_reporters_that_reports_the_that_clause() -> None:
    # The parser hangs the that-clause on "remarks" (the object of "in") as the noun's own clause:
    # it is what was said, not "remarks to reporters that …".
    text = "The commissioner said in remarks to reporters that the review would take as long as needed."
    said = find(quotes_of(text), "the review would take")
    assert said.text == "that the review would take as long as needed" and cue_text(said) == "said"


def test_words_reported_by_a_verb_are_not_reported_again_by_according_to() -> None:
    # "X said …, according to a statement from his office": one report, the speaker's.
    text = (
        'The prime minister said his country would "not stop until its goals are met," according to '
        "a statement from his office."
    )
    quotes = quotes_of(text)
    reports = [q for q in quotes if q.kind.value != "partial"]
    assert [cue_text(q) for q in reports] == ["said"] and speaker_text(reports[0]) == "The prime minister"


def test_participle_opening_the_sentence_is_not_a_parenthetical_cue() -> None:
    text = "Asked about the budget, the senator laughed."
    doc = load_nlp()(text)
    found = find_attributions(doc, text, list(paragraphs(text)), lexicon())
    assert not [a for a in found if a.pattern == "parenthetical"]


def test_a_cue_in_a_clause_after_the_main_one_is_not_its_tag() -> None:
    # "…, they warned." reports the clause before it; "… after they warned of …" does not.
    text = "GM and Chrysler were given loans from the government after they warned of imminent collapse."
    doc = load_nlp()(text)
    found = find_attributions(doc, text, list(paragraphs(text)), lexicon())
    assert not [a for a in found if a.pattern == "parenthetical"]
    tag = "The economy will shrink this year, the bank warned."
    found = find_attributions(load_nlp()(tag), tag, list(paragraphs(tag)), lexicon())
    assert "The economy will shrink this year" in [span(tag, a.content) for a in found]


def test_tag_the_parser_joined_to_the_clause_reports_that_clause() -> None:
    # "…, her chief adviser, Paul Kim, told The Boston Globe.": "told" is parsed as a conjunct of
    # "remains", with a subject of its own and nothing after its addressee.
    text = (
        "Despite a string of painful losses, Gov. Ann Rowe remains determined to take the race all the way to "
        "the convention, her chief adviser, Paul Kim, told The Boston Globe."
    )
    (told,) = [a for a in candidates(text, "parenthetical") if a.lemma == "tell"]
    assert "Ann Rowe remains determined to take the race" in (span(text, told.content) or "")
    assert "Paul Kim" not in (span(text, told.content) or "")
    assert span(text, told.speaker) == "her chief adviser"
    joined = "Gov. Ann Rowe remains determined to take the race, and her adviser told The Boston Globe."
    assert not [a for a in candidates(joined, "parenthetical") if a.lemma == "tell"]


def test_subject_of_a_verb_of_saying_in_the_passive_never_speaks() -> None:
    text = (
        "The deal was announced during a large business forum that President Vladimir Putin had set up to "
        "showcase his country's role in the international market."
    )
    (announced,) = [a for a in open_readings(text) if a.lemma == "announce"]
    assert announced.speaker is None
    assert span(text, announced.content) == "The deal"  # what was announced, not the forum it was announced at
    said = "This is said to be out of Apple's increasing frustration at IBM's slow processors."
    found = open_readings(said)
    assert all(a.speaker is None for a in found if a.lemma == "say")


def test_a_cause_in_a_by_phrase_is_no_speaker() -> None:
    text = "This fact is explained by great demand enjoyed by Apple's iPod digital music players."
    found = open_readings(text)
    assert not [a for a in found if a.lemma == "explain"]


def test_calls_despite_which_something_happens_are_not_the_subjects() -> None:
    text = (
        "In the U.S., iPhone 4 will only be available on AT&T's cellular network, despite calls for Apple to "
        "let the iPhone be used on other carriers, such as Verizon."
    )
    found = open_readings(text)
    calls = [a for a in found if span(text, a.cue) == "calls"]
    assert calls and all(a.speaker is None for a in calls)
    held = "The senator resigned in the hope of a fresh start for the party."
    found = open_readings(held)
    assert [span(held, a.speaker) for a in found if span(held, a.cue) == "hope"] == ["The senator"]


def _fixed_parse(rows: list[tuple[str, int, str, str, str, str]]) -> Doc:
    """A parse written out by hand (word, head, dep, pos, tag, lemma), for a rule that a misparse
    triggers: the statistical parser gives it on some sentences only."""
    words, heads, deps, pos, tags, lemmas = (list(col) for col in zip(*rows, strict=True))
    return Doc(load_nlp().vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def test_reported_clause_the_parse_hung_on_a_noun_as_a_relative_clause() -> None:
    # "said at a press briefing that she may delay until March.", with "that she may delay …" parsed
    # as a relative clause of "briefing" (as the parser does on some such sentences).
    rows = [
        ("Feldman", 1, "nsubj", "PROPN", "NNP", "Feldman"),
        ("said", 1, "ROOT", "VERB", "VBD", "say"),
        ("at", 1, "prep", "ADP", "IN", "at"),
        ("a", 5, "det", "DET", "DT", "a"),
        ("press", 5, "compound", "NOUN", "NN", "press"),
        ("briefing", 2, "pobj", "NOUN", "NN", "briefing"),
        ("that", 9, "mark", "SCONJ", "IN", "that"),
        ("she", 9, "nsubj", "PRON", "PRP", "she"),
        ("may", 9, "aux", "AUX", "MD", "may"),
        ("delay", 5, "relcl", "VERB", "VB", "delay"),
        ("until", 9, "prep", "ADP", "IN", "until"),
        ("March", 10, "pobj", "PROPN", "NNP", "March"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    doc = _fixed_parse(rows)
    assert span(doc.text, _clause_content(doc[1], lexicon())) == "that she may delay until March"
    # A relative clause that ends on its verb has its object in "that", mislabelled: not what was said.
    rows = [
        ("She", 1, "nsubj", "PRON", "PRP", "she"),
        ("said", 1, "ROOT", "VERB", "VBD", "say"),
        ("in", 1, "prep", "ADP", "IN", "in"),
        ("a", 4, "det", "DET", "DT", "a"),
        ("letter", 2, "pobj", "NOUN", "NN", "letter"),
        ("that", 7, "mark", "SCONJ", "IN", "that"),
        ("she", 7, "nsubj", "PRON", "PRP", "she"),
        ("wrote", 4, "relcl", "VERB", "VBD", "write"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    doc = _fixed_parse(rows)
    assert _clause_content(doc[1], lexicon()) is None
