"""Calendar arithmetic for TIMEX3 values: ISO weeks, weekends, months, quarters, seasons."""

from __future__ import annotations

import datetime as dt
from typing import Literal

Tense = Literal["past", "present", "future"]


def iso_week(day: dt.date) -> str:
    """``2025-W20`` for any day of that ISO week."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def parse_iso_week(value: str) -> dt.date:
    """The Monday of an ISO week value ``YYYY-Www`` (or ``YYYY-Www-WE``)."""
    year, week = value.split("-W", 1)
    return dt.date.fromisocalendar(int(year), int(week[:2]), 1)


def weekend(day: dt.date) -> str:
    """``2025-W20-WE``: the weekend of the ISO week of ``day``."""
    return iso_week(day) + "-WE"


def resolve_weekday(anchor: dt.date, weekday: int, tense: Tense | None, step: int = 0) -> dt.date:
    """The date of ISO ``weekday`` (Monday = 1) meant on ``anchor``.

    ``step`` -1 ("last Friday") and 1 ("next Friday") move strictly before or after the anchor.
    A bare weekday is the most recent such day on or before the anchor in a past or reporting
    clause, the next one on or after it in a future clause.
    """
    delta = (weekday - anchor.isoweekday()) % 7  # days forward to the next such day (0: today)
    if step < 0:
        return anchor - dt.timedelta(days=(7 - delta) if delta else 7)
    if step > 0:
        return anchor + dt.timedelta(days=delta or 7)
    if tense == "future":
        return anchor + dt.timedelta(days=delta)
    return anchor - dt.timedelta(days=(7 - delta) % 7)


def resolve_weekend(anchor: dt.date, tense: Tense | None, step: int = 0) -> str:
    """The weekend meant on ``anchor`` (``YYYY-Www-WE``).

    On a Saturday or Sunday "the weekend" is this one; otherwise the latest one before the anchor
    in a past or reporting clause ("over the weekend" on a Monday), the next one in a future clause.
    """
    wd = anchor.isoweekday()
    if step == 0 and wd >= 6:
        return weekend(anchor)
    if step < 0 or (step == 0 and tense != "future"):
        return weekend(anchor - dt.timedelta(days=(wd - 6) % 7 or 7))
    return weekend(anchor + dt.timedelta(days=(6 - wd) % 7 or 7))


def add_months(day: dt.date, months: int) -> tuple[int, int]:
    """(year, month) ``months`` after the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def resolve_month(anchor: dt.date, month: int, tense: Tense | None, step: int = 0) -> int:
    """The year of a month named without one ("in March"), nearest consistent with the tense."""
    if step < 0:
        # "last February" said in March is a year before: the month just ended would be "last month".
        return anchor.year if month < anchor.month - 1 else anchor.year - 1
    if step > 0:
        return anchor.year if month > anchor.month else anchor.year + 1
    if month == anchor.month % 12 + 1:
        # The coming month, whatever the parse says of the tense: a month ago would be "last".
        return anchor.year + (1 if month == 1 else 0)
    if tense == "past":
        return anchor.year if month <= anchor.month else anchor.year - 1
    if tense == "future":
        return anchor.year if month >= anchor.month else anchor.year + 1
    # No tense: the nearest such month.
    diff = month - anchor.month
    if diff > 6:
        return anchor.year - 1
    if diff < -6:
        return anchor.year + 1
    return anchor.year


def resolve_month_day(anchor: dt.date, month: int, day: int, tense: Tense | None) -> int:
    """The year of a date written without one ("on Jan. 5"), nearest consistent with the tense."""

    def make(year: int) -> dt.date:
        return dt.date(year, month, min(day, 28) if month == 2 and day == 29 else day)

    this = make(anchor.year)
    candidates = [make(anchor.year - 1), this, make(anchor.year + 1)]
    nearest = min(candidates, key=lambda d: abs((d - anchor).days))
    if abs((nearest - anchor).days) <= 62:
        # A date within two months of publication is that one, whatever the parse says the tense is.
        return nearest.year
    if tense == "past":
        return anchor.year if this <= anchor else anchor.year - 1
    if tense == "future":
        return anchor.year if this >= anchor else anchor.year + 1
    return nearest.year


def quarter_of(day: dt.date) -> int:
    """The calendar quarter (1-4) of ``day``."""
    return (day.month - 1) // 3 + 1


def shift_quarter(year: int, quarter: int, steps: int) -> tuple[int, int]:
    """(year, quarter) ``steps`` quarters later."""
    index = year * 4 + quarter - 1 + steps
    return index // 4, index % 4 + 1


def season_of(day: dt.date) -> tuple[int, str]:
    """(year, code) of the season of ``day``; December belongs to the next year's winter."""
    codes = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}
    code = codes.get(day.month, "FA")
    year = day.year + 1 if day.month == 12 else day.year
    return year, code


_SEASON_ORDER = ("WI", "SP", "SU", "FA")


def resolve_season(anchor: dt.date, code: str, tense: Tense | None, step: int = 0) -> int:
    """The year of a season named without one ("last fall", "this summer")."""
    now_year, now_code = season_of(anchor)
    if step == 0 and tense is None:
        return now_year  # "this summer": the one of this (season) year
    now_i, want_i = _SEASON_ORDER.index(now_code), _SEASON_ORDER.index(code)
    if step < 0 or (step == 0 and tense == "past"):
        if want_i < now_i or (want_i == now_i and step == 0):
            return now_year
        return now_year - 1
    if step > 0 or tense == "future":
        return now_year if want_i > now_i or (want_i == now_i and step == 0) else now_year + 1
    return now_year
