"""The spaCy pipeline dateline loads: a blank line ends a sentence before the parser runs."""

from __future__ import annotations

from dateline.nlp.model import load_nlp


def test_paragraph_break_starts_a_sentence_the_parser_keeps() -> None:
    # "… according to the U.S.C.G.\n\nMost …": left alone, spaCy runs the sentence on into the next
    # paragraph and hangs "according" on its verb.
    text = "It is now cleared to sail again, according to the U.S.C.G.\n\nMost of his ships were sold."
    doc = load_nlp()(text)
    sents = [s.text.strip() for s in doc.sents]
    assert sents == ["It is now cleared to sail again, according to the U.S.C.G.", "Most of his ships were sold."]
    according = next(t for t in doc if t.text == "according")
    assert according.head.text == "cleared"


def test_headline_line_is_its_own_sentence() -> None:
    doc = load_nlp()("Senate Passes Budget Bill\n\nThe Senate passed the budget on Friday.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents == ["Senate Passes Budget Bill", "The Senate passed the budget on Friday."]


def test_hard_wrapped_line_break_is_left_to_the_parser() -> None:
    # A single line break can sit inside a sentence (hard-wrapped plain text): no sentence is forced.
    doc = load_nlp()("The committee said the vote would take place\non Friday after the hearing.")
    assert len(list(doc.sents)) == 1


def test_sentences_inside_a_paragraph_are_still_split_by_the_parser() -> None:
    doc = load_nlp()("The vote was close. Two senators abstained.\n\nThe bill now goes to the House.")
    assert [s.text.strip() for s in doc.sents] == [
        "The vote was close.",
        "Two senators abstained.",
        "The bill now goes to the House.",
    ]


def test_quotation_mark_glued_to_the_words_around_it_is_its_own_token() -> None:
    # Scraped pages and teaser lists run marks into words: "said:"No", "thing.”Trump's".
    doc = load_nlp()('Miller said:"No deal." Baker added,“Never.” It was the right thing.”Trump\'s reply came.')
    words = [t.text for t in doc]
    for run in (["said", ":", '"', "No"], ["added", ",", "“", "Never"], ["thing", ".", "”", "Trump"]):
        assert any(words[i : i + len(run)] == run for i in range(len(words))), run


def test_abbreviations_apostrophes_and_inches_keep_their_tokens() -> None:
    words = [t.text for t in load_nlp()("He met U.S.”officials. She doesn't know. He is 5'10\" tall.")]
    assert "U.S." in words and "does" in words and "n't" in words and "5'10" in words


def test_abbreviated_ranks_keep_their_period_and_end_no_sentence() -> None:
    # spaCy split "Lt." into "Lt" and "." and ended a sentence inside the name.
    doc = load_nlp()("Lt. Col. Sarah Hill and Brig. Gen. Omar Said met Sgt. Ann Cole at the base on Monday.")
    words = [t.text for t in doc]
    assert words[:3] == ["Lt.", "Col.", "Sarah"] and "Brig." in words and "Sgt." in words
    assert len(list(doc.sents)) == 1


def test_a_dash_glued_to_the_words_around_it_is_its_own_token() -> None:
    # "record—“the best run in years”—and promised": spaCy splits a dash between letters only, so
    # "record—" and "years”—and" stayed one token each (and the parse made the latter a subject).
    words = [t.text for t in load_nlp()("She praised his record—“the best run in years”—and promised more.")]
    for run in (["record", "—", "“", "the"], ["years", "”", "—", "and"]):
        assert any(words[i : i + len(run)] == run for i in range(len(words))), run
    # An en dash joins a range: "2015–16" and "pages 3–5" keep their tokens.
    assert "2015–16" in [t.text for t in load_nlp()("The 2015–16 season, pages 3–5.")]


def test_an_abbreviation_ending_a_sentence_before_a_known_surname_ends_it() -> None:
    # "… in the U.S. Lopez also said …": the abbreviation keeps its period, and spaCy ran the two
    # sentences together (the parse then made "the U.S. Lopez" one noun phrase).
    text = "Maria Lopez spoke first. Sales rose fastest in the U.S. Lopez also said that margins held."
    sents = [s.text.strip() for s in load_nlp()(text).sents]
    assert sents[-1] == "Lopez also said that margins held."
    # Initials inside a name, and a word no first name came before, stay where they are.
    text = "George H.W. Bush met Jeb Bush on Monday. The U.S. Senate voted on the bill."
    sents = [s.text.strip() for s in load_nlp()(text).sents]
    assert sents == ["George H.W. Bush met Jeb Bush on Monday.", "The U.S. Senate voted on the bill."]
