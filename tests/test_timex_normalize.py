"""The pure TIMEX3 normalizer: one test per news pattern, on phrases we wrote ourselves."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.timex import Context, find_candidates, normalize, normalize_text, select
from dateline.timex.calendar import resolve_weekend

MONDAY = dt.date(2025, 5, 19)  # a Monday, in ISO week 21


def value(text: str, tense: str | None = "past", anchor: dt.date | None = MONDAY, **kw: object) -> str | None:
    resolved = normalize_text(text, Context(anchor=anchor, tense=tense, **kw))  # type: ignore[arg-type]
    assert resolved is not None, text
    return resolved.value


def test_bare_weekday_in_past_clause_is_previous_day() -> None:
    assert value("Friday", "past") == "2025-05-16"
    assert value("Sunday", "past") == "2025-05-18"


def test_bare_weekday_on_publication_day_is_that_day() -> None:
    assert value("Monday", "past") == "2025-05-19"
    assert value("Monday", "future") == "2025-05-19"


def test_will_meet_tuesday_is_next_tuesday() -> None:
    assert value("Tuesday", "future") == "2025-05-20"


def test_last_friday_is_strictly_before() -> None:
    assert value("last Friday", None) == "2025-05-16"
    assert value("last Monday", None) == "2025-05-12"


def test_next_friday_is_strictly_after() -> None:
    assert value("next Monday", None) == "2025-05-26"


def test_weekday_with_part_of_day_keeps_the_day() -> None:
    resolved = normalize_text("late Tuesday night", Context(anchor=MONDAY, tense="past"))
    assert resolved is not None
    assert (resolved.type, resolved.value) == ("DATE", "2025-05-13")


def test_date_within_a_month_of_publication_ignores_tense() -> None:
    assert value("Jan. 14", "past", anchor=dt.date(2000, 1, 6)) == "2000-01-14"


def test_a_year_earlier_follows_the_quarter_just_named() -> None:
    ctx = Context(anchor=dt.date(1989, 10, 26), last_value="1989-Q3")
    assert normalize_text("a year earlier", ctx) == normalize_text("a year ago", ctx)
    resolved = normalize_text("a year earlier", ctx)
    assert resolved is not None and resolved.value == "1988-Q3"
    assert value("a year ago", anchor=dt.date(1989, 10, 26)) == "1988"


def test_spelled_out_year_in_a_transcript() -> None:
    assert value("nineteen ninety-six") == "1996"
    assert value("the year two thousand") == "2000"


def _found(text: str, anchor: dt.date = MONDAY) -> list[tuple[str, str, str | None]]:
    out = []
    for c in select(find_candidates(text)):
        r = normalize(c, text[c.start : c.end], Context(anchor=anchor))
        if r is not None:
            out.append((text[c.start : c.end], r.type, r.value))
    return out


def test_for_the_year_in_results_is_the_current_year() -> None:
    text = "Sales rose 5% for the year, the best result of the year."
    assert _found(text) == [("the year", "DATE", "2025"), ("the year", "DATE", "2025")]


def test_the_year_ended_a_date_is_a_span_of_a_year() -> None:
    text = "Net income in the fiscal year ended March 31 rose; over the year, costs fell."
    assert [(t, ty, v) for t, ty, v in _found(text) if t != "March 31"] == [
        ("the fiscal year", "DURATION", "P1Y"),
        ("the year", "DURATION", "P1Y"),
    ]


def test_current_and_latest_fiscal_periods() -> None:
    anchor = dt.date(1989, 10, 26)
    assert _found("Sales in the current fiscal year will rise.", anchor) == [
        ("the current fiscal year", "DATE", "1989")
    ]
    assert _found("Sales in the latest fiscal year fell.", anchor) == [("the latest fiscal year", "DATE", "1988")]
    assert _found("The current quarter began well.", anchor) == [("The current quarter", "DATE", "1989-Q4")]


def test_the_latest_period_in_an_earnings_report_is_the_last_quarter() -> None:
    assert _found("Sales in the latest period were $1.7 billion.", dt.date(1989, 10, 26)) == [
        ("the latest period", "DATE", "1989-Q3")
    ]


def test_next_years_first_quarter() -> None:
    assert value("next year's first quarter", anchor=dt.date(1989, 10, 31)) == "1990-Q1"
    assert value("last year's fourth quarter", anchor=dt.date(1989, 10, 31)) == "1988-Q4"


def test_spelled_count_before_a_singular_unit_is_a_duration() -> None:
    assert _found("supporters began a two day rally") == [("two day", "DURATION", "P2D")]
    assert _found("stocks hit a five year low") == [("five year", "DURATION", "P5Y")]


def test_may_after_a_temporal_word_is_the_month() -> None:
    assert _found("The talks should end by May, he said.") == [("May", "DATE", "2025-05")]
    assert _found("The deal was signed last May.") == [("last May", "DATE", "2024-05")]
    assert _found("He may be late; in May we may know.") == [("May", "DATE", "2025-05")]


def test_the_coming_month_is_ahead_whatever_the_tense() -> None:
    assert value("September", "past", anchor=dt.date(1990, 8, 16)) == "1990-09"
    assert value("January", "past", anchor=dt.date(1989, 12, 5)) == "1990-01"


def test_prices_fall_is_not_a_season() -> None:
    assert normalize_text("fall", Context(anchor=MONDAY)) is None
    assert value("the fall of 2020") == "2020-FA"


def test_last_week_is_previous_iso_week() -> None:
    assert value("last week") == "2025-W20"
    assert value("this week") == "2025-W21"
    assert value("next week") == "2025-W22"


def test_weekend_is_iso_week_we() -> None:
    assert value("the weekend", "past") == "2025-W20-WE"
    assert value("the weekend", "future") == "2025-W21-WE"
    assert value("this past weekend", None) == "2025-W20-WE"


def test_weekend_on_a_sunday_is_this_weekend() -> None:
    assert resolve_weekend(dt.date(2025, 5, 18), "past") == "2025-W20-WE"


def test_moscow_time_to_utc() -> None:
    resolved = normalize_text("5 p.m. Moscow time", Context(anchor=MONDAY))
    assert resolved is not None
    assert resolved.value == "2025-05-19T17:00+03:00"
    assert resolved.utc == "2025-05-19T14:00:00Z"


def test_eastern_time_follows_daylight_saving() -> None:
    summer = normalize_text("10 a.m. Eastern", Context(anchor=MONDAY))
    winter = normalize_text("10 a.m. Eastern", Context(anchor=dt.date(2025, 1, 6)))
    assert summer is not None and winter is not None
    assert summer.value == "2025-05-19T10:00-04:00" and summer.utc == "2025-05-19T14:00:00Z"
    assert winter.value == "2025-01-06T10:00-05:00" and winter.utc == "2025-01-06T15:00:00Z"


def test_fixed_zone_abbreviation_keeps_its_offset() -> None:
    resolved = normalize_text("9:30 p.m. EDT", Context(anchor=MONDAY))
    assert resolved is not None and resolved.utc == "2025-05-20T01:30:00Z"
    gmt = normalize_text("1400 GMT", Context(anchor=MONDAY))
    assert gmt is not None and gmt.utc == "2025-05-19T14:00:00Z"


def test_local_time_uses_the_dateline_zone() -> None:
    resolved = normalize_text("8 a.m. local time", Context(anchor=MONDAY, local_zone="Europe/Kyiv"))
    assert resolved is not None and resolved.utc == "2025-05-19T05:00:00Z"
    unknown = normalize_text("8 a.m. local time", Context(anchor=MONDAY))
    assert unknown is not None and unknown.utc is None and unknown.value == "2025-05-19T08:00"


def test_clock_time_with_weekday_takes_that_day() -> None:
    assert value("9 a.m. EST Tuesday", "future") == "2025-05-20T09:00-05:00"


def test_clock_time_without_anchor_stays_unresolved() -> None:
    assert value("5 p.m.", anchor=None) == "XXXX-XX-XXT17:00"


def test_month_year_is_month() -> None:
    assert value("March 2022") == "2022-03"


def test_month_without_year_follows_tense() -> None:
    assert value("March", "past") == "2025-03"
    assert value("March", "future") == "2026-03"
    assert value("September", "past") == "2024-09"
    assert value("September", "future") == "2025-09"
    assert value("last November", None) == "2024-11"


def test_month_day_without_year_follows_tense() -> None:
    assert value("Jan. 5", "past") == "2025-01-05"
    assert value("Jan. 5", "future") == "2026-01-05"
    assert value("Dec. 30", None) == "2024-12-30"


def test_weekday_beside_date_picks_the_year() -> None:
    # 2024-12-30 was a Monday; 2025-12-30 is a Tuesday.
    assert value("Tuesday, Dec. 30", None) == "2025-12-30"


def test_full_date_is_read_as_written() -> None:
    assert value("Aug. 7, 1998") == "1998-08-07"
    assert value("7 August 1998") == "1998-08-07"


def test_invalid_day_is_not_a_date() -> None:
    assert normalize_text("Feb. 30", Context(anchor=MONDAY)) is None


def test_thirty_day_ceasefire_is_duration() -> None:
    resolved = normalize_text("30-day", Context(anchor=MONDAY))
    assert resolved is not None and (resolved.type, resolved.value) == ("DURATION", "P30D")


def test_the_past_three_years_is_duration() -> None:
    assert value("the past three years") == "P3Y"
    assert value("nearly forty years") == "P40Y"
    assert value("a decade") == "P10Y"
    assert value("half an hour") == "PT30M"
    assert value("several months") == "PXM"


def test_three_years_ago_is_the_year() -> None:
    assert value("three years ago") == "2022"
    assert value("two weeks ago") == "2025-W19"
    assert value("11 days ago") == "2025-05-08"


def test_ago_without_count_is_past_ref() -> None:
    assert value("several years ago") == "PAST_REF"
    assert value("a few years from now") == "FUTURE_REF"


def test_days_later_is_a_duration_and_later_a_signal() -> None:
    # A bare "later" is a weak reference word the detector takes only on spaCy's word.
    assert _found("Three days later, the index closed higher.")[0] == ("Three days", "DURATION", "P3D")
    assert _found("He saw the car ten days before the shooting.") == [("ten days", "DURATION", "P10D")]
    assert _found("A few days later, it fell.")[0] == ("A few days", "DURATION", "PXD")


def test_yesterday_and_tomorrow() -> None:
    assert value("yesterday") == "2025-05-18"
    assert value("tomorrow") == "2025-05-20"
    assert value("this morning") == "2025-05-19TMO"
    assert value("last night") == "2025-05-18TNI"


def test_reference_words() -> None:
    assert value("now") == "PRESENT_REF"
    assert value("recently") == "PAST_REF"
    assert value("formerly") == "PAST_REF"
    assert value("the future") == "FUTURE_REF"


def test_this_year_and_relative_months() -> None:
    assert value("this year") == "2025"
    assert value("last year") == "2024"
    assert value("earlier this month") == "2025-05"
    assert value("next month") == "2025-06"


def test_decades_and_centuries() -> None:
    assert value("the 1990s") == "199"
    assert value("the mid-1990s") == "199"
    assert value("the '80s") == "198"
    assert value("the 20th century") == "19"


def test_last_fall_is_previous_autumn() -> None:
    assert value("last fall", None) == "2024-FA"
    assert value("this summer", "future") == "2025-SU"
    assert value("last winter", None) == "2025-WI"
    assert value("this summer", "past", anchor=dt.date(1998, 3, 22)) == "1998-SU"


def test_half_of_a_year() -> None:
    assert value("the last half of 1989") == "1989-H2"
    assert value("the first half of next year") == "2026-H1"


def test_the_third_quarter_is_this_years_unless_past() -> None:
    assert value("the third quarter", "future") == "2025-Q3"
    assert value("the third quarter", "past") == "2024-Q3"
    assert value("the first quarter", "past") == "2025-Q1"
    assert value("third-quarter", "past") == "2024-Q3"


def test_the_quarter_in_an_earnings_report_is_the_last_one() -> None:
    assert value("the quarter", "past", anchor=dt.date(1989, 10, 26)) == "1989-Q3"
    assert value("the year-earlier quarter", "past", anchor=dt.date(1989, 10, 26)) == "1988-Q3"


def test_every_monday_is_a_set() -> None:
    resolved = normalize_text("every Monday", Context(anchor=MONDAY))
    assert resolved is not None and (resolved.type, resolved.value) == ("SET", "XXXX-WXX-1")
    assert value("daily") == "P1D"
    assert value("twice a week") == "P1W"


def test_holidays() -> None:
    assert value("Christmas", "future") == "2025-12-25"
    assert value("Thanksgiving", "past", anchor=dt.date(1998, 12, 2)) == "1998-11-26"


def test_no_anchor_leaves_relative_values_unresolved() -> None:
    assert value("Tuesday", anchor=None) == "XXXX-WXX-2"
    assert value("last week", anchor=None) is None
    assert value("March", anchor=None) == "XXXX-03"
    assert value("P30D" if False else "30-day", anchor=None) == "P30D"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("He said it may rain.", []),
        ("The march began at noon.", ["noon"]),
        ("The fall of Kabul shocked the world.", []),
        ("Talks resumed on Jan. 5 in Geneva.", ["Jan. 5"]),
        ("Putin spoke late Tuesday night.", ["late Tuesday night"]),
        ("They meet every Monday.", ["every Monday"]),
    ],
)
def test_grammar_finds_only_time_phrases(text: str, found: list[str]) -> None:
    spans = [text[c.start : c.end] for c in select(find_candidates(text))]
    assert spans == found


def test_easter_follows_the_gregorian_computus() -> None:
    from dateline.timex.holidays import easter

    assert [easter(y).isoformat() for y in (2000, 2024, 2025)] == ["2000-04-23", "2024-03-31", "2025-04-20"]


def test_a_second_before_a_noun_is_the_ordinal() -> None:
    assert _found("It will be a second betrayal, she said.") == []
    assert _found("It lasted a second or two.") == [("a second", "DURATION", "PT1S")]


def test_month_with_this_or_last_year_is_one_expression() -> None:
    anchor = dt.date(1998, 2, 19)
    assert _found("In June last year, the leaders split.", anchor) == [("June last year", "DATE", "1997-06")]
    assert _found("They join in April next year.", anchor) == [("April next year", "DATE", "1999-04")]


def test_the_nineties_is_the_decade_but_their_forties_an_age() -> None:
    assert _found("Prices rose through the nineties.") == [("the nineties", "DATE", "199")]
    assert _found("Both men are in their forties.") == []


def test_the_coming_weeks_and_the_near_term_look_ahead() -> None:
    assert _found("Talks resume in the coming weeks.") == [("the coming weeks", "DATE", "FUTURE_REF")]
    assert _found("Margins will stay thin in the near term.") == [("the near term", "DATE", "FUTURE_REF")]


def test_that_year_is_the_year_just_talked_about() -> None:
    assert value("that year", last_value="1998-06") == "1998"
    assert value("later that year", last_value="1998-06") == "1998"
    assert value("that month", last_value="1998-06-04") == "1998-06"


def test_the_week_of_a_date_is_its_week() -> None:
    assert _found("A hearing is set for the week of March 6.", dt.date(2000, 2, 24)) == [
        ("the week of March 6", "DATE", "2000-W10")
    ]


def test_quarter_to_quarter_is_a_modifier_not_a_time() -> None:
    assert _found("The quarter-to-quarter comparison improved.", dt.date(1989, 11, 1)) == []


def test_more_and_trading_days_stay_inside_a_duration() -> None:
    assert _found("Eight trading days after the plunge.") == [("Eight trading days", "DURATION", "P8D")]
    assert _found("It may stay for two more weeks.") == [("two more weeks", "DURATION", "P2W")]
    assert _found("The loan runs for an additional year.") == [("an additional year", "DURATION", "P1Y")]


def test_hyphenated_position_before_a_month() -> None:
    assert _found("He returned in late-November.", dt.date(1999, 12, 3)) == [("late-November", "DATE", "1999-11")]


def test_bare_clock_time_in_a_story_takes_the_day_just_named() -> None:
    # "The quake struck on Oct. 23 ... The shelters opened at 10 p.m." (our own phrasing)
    oct23 = dt.date(2025, 5, 14)
    assert value("10 p.m.", "past", last_date=oct23) == "2025-05-14T22:00"
    assert value("10 p.m.", "past") == "2025-05-19T22:00"  # no day named yet: the publication day
    assert value("10 p.m.", "future", last_date=oct23) == "2025-05-19T22:00"  # "will open at 10 p.m."
    assert value("10 p.m. Tuesday", "past", last_date=oct23) == "2025-05-13T22:00"


def test_the_following_year_steps_from_the_year_just_named() -> None:
    # "The plant opened in 2019. The following year it doubled output." (our own phrasing)
    assert value("the following year", None, last_value="2019") == "2020"
    assert value("the previous month", None, last_value="2024-03-12") == "2024-02"
    assert value("the following month", None, last_value="2024-12") == "2025-01"
    assert value("the following year", None) == "2026"  # nothing named before: from publication


def test_five_and_a_half_hours_in_whole_hours_and_minutes() -> None:
    assert value("5 1/2 hours") == "PT5H30M"
    assert value("a minute and a half") == "PT1M30S"
    assert value("1 1/2 hours") == "PT1H30M"
    assert value("half an hour") == "PT30M"
    assert value("two and a half years") == "P2.5Y"


def test_last_february_said_in_march_is_a_year_before() -> None:
    assert value("last February", anchor=dt.date(1998, 3, 1)) == "1997-02"
    assert value("last October", anchor=dt.date(1999, 2, 6)) == "1998-10"
    assert value("last April", anchor=dt.date(1989, 10, 27)) == "1989-04"


def test_election_day_is_the_tuesday_after_the_first_monday_of_november() -> None:
    assert value("Election Day", tense="future", anchor=dt.date(1998, 10, 26)) == "1998-11-03"
    assert value("Election Day", tense="past", anchor=dt.date(2024, 11, 20)) == "2024-11-05"


def test_shares_at_mid_afternoon_yesterday_and_a_hearing_at_midday() -> None:
    anchor = dt.date(1989, 11, 2)
    assert value("mid-afternoon yesterday", anchor=anchor) == "1989-11-01TAF"
    assert value("mid afternoon", anchor=anchor) == "1989-11-02TAF"
    assert value("midday", anchor=anchor) == "1989-11-02T12:00"
    assert value("midnight", anchor=anchor) == "1989-11-02T00:00"


def test_four_in_the_morning_is_a_clock_time() -> None:
    anchor = dt.date(2000, 4, 6)
    assert value("4 in the morning", anchor=anchor) == "2000-04-06T04:00"
    assert value("8 in the evening", anchor=anchor) == "2000-04-06T20:00"


def test_fiscal_first_quarter_written_with_a_hyphen() -> None:
    assert value("the fiscal-first quarter", anchor=dt.date(1989, 10, 26)) == "1989-Q1"


def test_wednesday_evening_keeps_the_evening_tuesday_night_the_day() -> None:
    anchor = dt.date(2000, 3, 29)  # a Wednesday
    assert value("Wednesday evening", anchor=anchor) == "2000-03-29TEV"
    assert value("Tuesday afternoon", anchor=anchor) == "2000-03-28TAF"
    assert value("Tuesday night", anchor=anchor) == "2000-03-28"
    assert value("Tuesday morning", anchor=anchor) == "2000-03-28"
