"""Named holidays ("Christmas", "Thanksgiving", "Easter", "Election Day") to the date meant around publication."""

from __future__ import annotations

import datetime as dt

from dateline.timex import lexicon as lx
from dateline.timex.calendar import Tense, resolve_month_day


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = ((h + ell - 7 * m + 114) % 31) + 1
    return dt.date(year, month, day)


def thanksgiving(year: int) -> dt.date:
    """U.S. Thanksgiving: the fourth Thursday of November."""
    first = dt.date(year, 11, 1)
    return first + dt.timedelta(days=(4 - first.isoweekday()) % 7 + 21)


def election_day(year: int) -> dt.date:
    """U.S. Election Day: the Tuesday after the first Monday of November."""
    first_monday = dt.date(year, 11, 1) + dt.timedelta(days=(1 - dt.date(year, 11, 1).isoweekday()) % 7)
    return first_monday + dt.timedelta(days=1)


def resolve_holiday(name: str, anchor: dt.date | None, tense: Tense | None) -> str | None:
    """The ISO date of the holiday called ``name`` nearest publication in the clause's tense."""
    key = " ".join(name.lower().split())
    if anchor is None:
        return None
    if key in lx.FIXED_HOLIDAYS:
        month, day = lx.FIXED_HOLIDAYS[key]
        return dt.date(resolve_month_day(anchor, month, day, tense), month, day).isoformat()
    if key.startswith("thanksgiving"):
        year = resolve_month_day(anchor, 11, thanksgiving(anchor.year).day, tense)
        return thanksgiving(year).isoformat()
    if key == "election day":
        year = resolve_month_day(anchor, 11, election_day(anchor.year).day, tense)
        return election_day(year).isoformat()
    return easter(anchor.year).isoformat()
