"""Property tests of the normalizer: invariants that hold for any publication date."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from dateline.timex import Context, normalize_text
from dateline.timex.calendar import iso_week, parse_iso_week, resolve_month, resolve_weekday, resolve_weekend

dates = st.dates(min_value=dt.date(1900, 1, 8), max_value=dt.date(2099, 12, 24))
weekdays = st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
tenses = st.sampled_from(["past", "present", "future", None])


@given(dates)
def test_yesterday_is_one_day_before_any_publication_date(anchor: dt.date) -> None:
    resolved = normalize_text("yesterday", Context(anchor=anchor))
    assert resolved is not None and resolved.value == (anchor - dt.timedelta(days=1)).isoformat()


@given(dates, weekdays, tenses)
def test_resolved_weekday_has_that_weekday_within_seven_days(anchor: dt.date, name: str, tense: str | None) -> None:
    resolved = normalize_text(name, Context(anchor=anchor, tense=tense))  # type: ignore[arg-type]
    assert resolved is not None and resolved.value is not None
    day = dt.date.fromisoformat(resolved.value)
    assert day.strftime("%A") == name
    assert abs((day - anchor).days) < 7
    if tense == "future":
        assert day >= anchor
    else:
        assert day <= anchor


@given(dates, st.integers(min_value=1, max_value=7), st.sampled_from([-1, 1]))
def test_last_and_next_weekday_are_strictly_on_their_side(anchor: dt.date, wd: int, step: int) -> None:
    day = resolve_weekday(anchor, wd, None, step)
    assert day.isoweekday() == wd
    assert 0 < (day - anchor).days * step <= 7


@given(dates)
def test_iso_weeks_round_trip(anchor: dt.date) -> None:
    monday = parse_iso_week(iso_week(anchor))
    assert monday.isoweekday() == 1
    assert 0 <= (anchor - monday).days < 7
    assert iso_week(monday) == iso_week(anchor)


@given(dates)
def test_last_week_is_seven_days_back(anchor: dt.date) -> None:
    resolved = normalize_text("last week", Context(anchor=anchor))
    assert resolved is not None and resolved.value == iso_week(anchor - dt.timedelta(days=7))


@given(dates, tenses)
def test_weekend_is_within_a_week_and_on_the_right_side(anchor: dt.date, tense: str | None) -> None:
    value = resolve_weekend(anchor, tense)  # type: ignore[arg-type]
    assert value.endswith("-WE")
    saturday = parse_iso_week(value) + dt.timedelta(days=5)
    if anchor.isoweekday() >= 6:
        assert saturday <= anchor <= saturday + dt.timedelta(days=1)
    elif tense == "future":
        assert anchor < saturday <= anchor + dt.timedelta(days=6)
    else:
        assert anchor - dt.timedelta(days=7) < saturday < anchor


@given(dates, st.integers(min_value=1, max_value=12), tenses)
def test_month_without_year_is_within_a_year(anchor: dt.date, month: int, tense: str | None) -> None:
    year = resolve_month(anchor, month, tense)  # type: ignore[arg-type]
    months_apart = (year * 12 + month) - (anchor.year * 12 + anchor.month)
    assert -12 < months_apart < 12
    if tense == "past":
        assert months_apart <= 0 or months_apart == 1  # the coming month is never eleven back
    if tense == "future":
        assert months_apart >= 0


@given(dates, st.integers(min_value=1, max_value=40))
def test_n_years_ago_is_that_year(anchor: dt.date, n: int) -> None:
    resolved = normalize_text(f"{n} years ago", Context(anchor=anchor))
    assert resolved is not None and resolved.value == f"{anchor.year - n:04d}"
