"""Quotation-mark pairing on plain text (dateline.nlp.quote_marks), one news pattern per test."""

from __future__ import annotations

import pytest

from dateline.nlp.quote_marks import find_segments


def _texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_segments(text)]


def test_curly_and_straight_marks_pair() -> None:
    text = 'He said “we will win” and she said "we will not".'
    assert _texts(text) == ["we will win", "we will not"]


def test_trailing_comma_belongs_to_the_attribution() -> None:
    assert _texts("“We are ready,” she said.") == ["We are ready"]


def test_nested_quote_does_not_close_the_outer_one() -> None:
    text = "“He told me ‘no’ and then “enough” twice,” she said."
    assert _texts(text) == ["He told me ‘no’ and then “enough” twice"]


def test_apostrophes_do_not_open_quotes() -> None:
    assert _texts("It's the mayor's plan, and the voters' choice.") == []


def test_typewriter_double_apostrophes_are_quotation_marks() -> None:
    text = "Not paying taxes ''makes me smart,'' he said."
    assert _texts(text) == ["makes me smart"]


@pytest.mark.parametrize(("opening", "closing"), [("“", "”"), ("‘", "’")])
def test_quote_spans_paragraphs_without_closing_mark(opening: str, closing: str) -> None:
    text = f"{opening}The first paragraph runs on.\n{opening}And the second one closes,{closing} he said.\nDone."
    segments = find_segments(text)
    assert [text[s.start : s.end] for s in segments] == [
        "The first paragraph runs on.",
        "And the second one closes",
    ]
    assert segments[0].continues and not segments[0].closed
    assert segments[1].continued and segments[1].closed


def test_unbalanced_mark_stops_at_paragraph_end() -> None:
    text = "She said “this never closes.\nThe next paragraph is narration."
    segments = find_segments(text)
    assert [text[s.start : s.end] for s in segments] == ["this never closes."]
    assert not segments[0].closed and not segments[0].continues


def test_stray_closing_mark_is_ignored() -> None:
    assert _texts("Nothing opened here” at all.") == []


def test_empty_quotes_are_skipped() -> None:
    assert _texts("An empty “” pair.") == []


def test_paragraph_opened_with_a_closing_mark_is_a_quote() -> None:
    text = "Readers wrote in.\n”Fear. I am afraid of what comes next.” ― A Reader\n"
    assert _texts(text) == ["Fear. I am afraid of what comes next."]


def test_straight_mark_after_a_no_break_space_opens_a_quote() -> None:
    # Web copy: '"They sue," he said.\xa0"Everybody sues, right?"'
    text = '"They sue," he said.\xa0"Everybody sues, right?"'
    assert _texts(text) == ["They sue", "Everybody sues, right?"]


def test_opening_mark_typed_for_a_closing_one_after_a_tag_comma() -> None:
    text = "“It’s unusual for a campaign to do this,“ said Ann Hale, a lawyer. “Very unusual.”"
    segs = find_segments(text)
    assert [text[s.start : s.end] for s in segs] == ["It’s unusual for a campaign to do this", "Very unusual."]
    assert segs[0].closed


def test_opening_mark_typed_for_a_closing_one_after_a_scare_quote() -> None:
    text = "Hale called the plan “abhorrent“ in a tweet on Sunday and “reckless” on Monday."
    assert [text[s.start : s.end] for s in find_segments(text)] == ["abhorrent", "reckless"]


def test_nested_quote_after_a_space_still_opens_inside_a_quote() -> None:
    text = "“He told me “no way” and left,” Hale said."
    segs = find_segments(text)
    assert [text[s.start : s.end] for s in segs] == ["He told me “no way” and left"]


def test_closing_mark_opening_a_pasted_social_media_comment() -> None:
    text = "\u202a”Sorry Ann, you should have stayed home!!” posted Jo Hale."
    assert _texts(text) == ["Sorry Ann, you should have stayed home!!"]


def test_british_single_marks_quote_outside_double_ones() -> None:
    text = "‘We have listened,’ she told the BBC. ‘This is about saving lives.’ He called it ‘a shambles’."
    assert _texts(text) == ["We have listened", "This is about saving lives.", "a shambles"]


def test_apostrophes_inside_a_single_quote_do_not_close_it() -> None:
    assert _texts("‘I don’t think Farage’s plan works,’ he said.") == ["I don’t think Farage’s plan works"]


def test_plural_possessive_closes_only_without_a_better_closer() -> None:
    assert _texts("‘The players’ union is strong,’ he said.") == ["The players’ union is strong"]
    assert _texts("They called it ‘a shambles’ and the boys’ union agreed.") == ["a shambles"]


def test_elisions_and_decades_are_not_quotes() -> None:
    assert _texts("In the ‘90s, rock ‘n’ roll was king; don’t tell ‘em.") == []


def test_straight_single_marks_quote_in_a_text_without_double_marks() -> None:
    # British copy typed plain: the straight single mark is its quotation mark; apostrophes inside
    # words, plural possessives and elisions stay apostrophes.
    text = (
        "'We don't want to strike, but the companies have forced our hand,' he said. "
        "Harper called it 'pointless' and the drivers' union disagreed. In the '90s, they'd strike often."
    )
    assert _texts(text) == ["We don't want to strike, but the companies have forced our hand", "pointless"]


def test_straight_single_marks_are_apostrophes_where_double_marks_quote() -> None:
    # American copy: double marks quote, a straight single one is a headline's scare quote at most.
    text = "Trump's 'Obama founded ISIS' flap grows. \"We will see,\" he said."
    assert _texts(text) == ["We will see"]
    assert _texts("''No matter what they say,'' he said.") == ["No matter what they say"]


def test_single_mark_without_a_closer_is_not_a_quote() -> None:
    assert _texts("The ‘temporary measure stayed in place.\nNext paragraph.") == []
