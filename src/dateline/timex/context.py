"""What a TIMEX3 value is resolved against, what it resolves to, and small readers of match groups.

Shared by the handler modules (``resolve_days``, ``resolve_periods``, ``durations``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from dateline.timex import lexicon as lx
from dateline.timex.calendar import Tense

Groups = dict[str, str | None]


@dataclass(frozen=True)
class Context:
    """What a value is resolved against."""

    anchor: dt.date | None = None
    tense: Tense | None = None
    local_zone: str | None = None  # IANA key for "local time" (the dateline's place)
    last_date: dt.date | None = None  # the latest day resolved before, for "the next day"
    last_value: str | None = None  # the latest DATE value before, for "a year earlier"
    period: str | None = None  # the reported period: the first quarter or half named, not yet to come
    last_quarter: str | None = None  # the latest quarter named before, for "the quarter"
    after_span: bool = False  # the time expression just before is a span ("the nine months")


@dataclass(frozen=True)
class Resolved:
    """A TIMEX3 type and value (None when it cannot be resolved), and the UTC instant if known."""

    type: str
    value: str | None
    utc: str | None = None


def parse_published(published: str | None) -> dt.date | None:
    """The publication date of an ISO 8601 date or datetime string (None if absent or unreadable)."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def group(groups: Groups, key: str) -> str:
    """The named group of a match, lower-cased and stripped ("" when absent)."""
    return (groups.get(key) or "").lower().strip()


def words(s: str) -> str:
    """Lower case, full stops dropped, single spaces: "Next  Week." reads "next week"."""
    return " ".join(s.lower().replace(".", "").split())


def step_of(direction: str) -> int:
    """How many units a direction word moves: last -1, next +1, this 0."""
    d = words(direction)
    if d in ("this past",):
        return 0
    return lx.DIRECTIONS.get(d, 0)


def direction_tense(direction: str, tense: Tense | None) -> Tense | None:
    """The tense a direction implies ("this past" looks back), else the clause's."""
    d = words(direction)
    if d == "this past":
        return "past"
    if d in ("this coming",):
        return "future"
    return tense


def month_of(groups: Groups) -> int:
    """The month number of the ``month`` group."""
    return lx.MONTHS[group(groups, "month").rstrip(".")]


def weekday_of(name: str) -> int:
    """The ISO weekday number (Monday 1) of a weekday name."""
    return lx.WEEKDAYS[name.lower().rstrip(".")]


def full_year(text: str) -> int:
    """A year as written, two digits read as 19xx (50-99) or 20xx."""
    y = int(text)
    return y + (1900 if y >= 50 else 2000) if y < 100 else y


def valid_date(year: int, month: int, day: int) -> bool:
    """Whether the year, month and day make a calendar date."""
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


# --- one handler per grammar rule -------------------------------------------------------------


def unit_of(word: str) -> str:
    """The singular unit of a unit word ("weeks" -> "week")."""
    w = word.lower()
    return lx.UNIT_PLURALS.get(w, w)


# One function per grammar rule: the match's named groups and the context to a type and value.
Handler = Callable[[Groups, Context], Resolved | None]
