"""The amounts layer: each news pattern of counting, tested on text written for the test."""

from __future__ import annotations

import pytest

from dateline.nlp.amounts import find_amounts, parse_number
from dateline.nlp.model import load_nlp
from dateline.schema import Amount, Approx


def amounts(text: str) -> list[Amount]:
    return [a for a, _ in find_amounts(load_nlp()(text))]


def only(text: str) -> Amount:
    found = amounts(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["1,000"], 1000),
        (["270"], 270),
        (["three"], 3),
        (["three", "hundred"], 300),
        (["1.5", "million"], 1_500_000),
        (["twenty-five"], 25),
        (["two", "thousand", "and", "five"], 2005),
    ],
)
def test_parse_number_digits_and_words(words: list[str], value: float) -> None:
    assert parse_number(words) == value


def test_parse_number_refuses_non_numbers() -> None:
    assert parse_number(["drones"]) is None


def test_amount_more_than_keeps_cue_and_counted_object() -> None:
    a = only("Russia launched more than 270 drones overnight.")
    assert (a.text, a.value, a.approx, a.object) == ("more than 270", 270, Approx.more_than, "drones")


def test_amount_at_least_one_person() -> None:
    a = only("The strike killed at least one person.")
    assert (a.value, a.approx, a.object) == (1, Approx.at_least, "person")


def test_amount_thousands_separator_prisoners() -> None:
    a = only("The rival camps settled on a swap of 1,000 detainees.")
    assert (a.value, a.approx, a.object) == (1000, Approx.exact, "detainees")


def test_amount_a_dozen_is_twelve() -> None:
    a = only("A dozen soldiers were wounded.")
    assert (a.value, a.object) == (12, "soldiers")


def test_amount_hundreds_of_is_a_lower_bound() -> None:
    a = only("Hundreds of protesters marched on parliament.")
    assert (a.value, a.approx, a.object) == (200, Approx.at_least, "protesters")


def test_amount_money_in_billions_counts_dollars() -> None:
    a = only("The package is worth $40 billion.")
    assert (a.text, a.value, a.object) == ("$40 billion", 40e9, "dollars")


def test_amount_hyphenated_duration_30_day() -> None:
    a = only("Ukraine accepted a 30-day ceasefire.")
    assert (a.value, a.object) == (30, "day")


def test_amount_number_words_with_multiplier() -> None:
    a = only("Nearly three hundred homes were destroyed.")
    assert (a.value, a.approx, a.object) == (300, Approx.about, "homes")


def test_amount_range_between_and_shares_the_object() -> None:
    a = only("Between 10 and 20 soldiers died.")
    assert (a.value, a.max_value, a.object) == (10, 20, "soldiers")


def test_amount_hyphen_range() -> None:
    a = only("Militants fired 5-10 rockets.")
    assert (a.value, a.max_value, a.object) == (5, 10, "rockets")


def test_amount_years_and_dates_are_not_counts() -> None:
    assert amounts("The war began in March 2022 and the talks were held on May 16.") == []


def test_amount_no_one_is_not_a_count() -> None:
    assert amounts("No one was hurt in the blast.") == []


def test_amount_offsets_index_the_text() -> None:
    text = "Police arrested at least 40 people and seized 3 tons of drugs."
    for a in amounts(text):
        assert text[a.start : a.end] == a.text
