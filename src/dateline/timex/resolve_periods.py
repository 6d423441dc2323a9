"""Handlers for months, years, quarters, seasons and decades, and for units counted from a
reference ("last week", "three years ago", "a year earlier", "the following month")."""

from __future__ import annotations

import datetime as dt
import re

from dateline.timex import lexicon as lx
from dateline.timex.calendar import (
    add_months,
    iso_week,
    quarter_of,
    resolve_month,
    resolve_season,
    shift_quarter,
    weekend,
)
from dateline.timex.context import (
    Context,
    Groups,
    Handler,
    Resolved,
    direction_tense,
    group,
    month_of,
    step_of,
    unit_of,
    words,
)
from dateline.timex.durations import duration_value
from dateline.timex.holidays import resolve_holiday
from dateline.timex.numbers import parse_count


def _month_year(g: Groups, ctx: Context) -> Resolved | None:
    if g.get("rel"):  # "June last year", "April next year": one expression, the month of that year
        if ctx.anchor is None:
            return Resolved("DATE", f"XXXX-{month_of(g):02d}")
        return Resolved("DATE", f"{ctx.anchor.year + step_of(group(g, 'rel')):04d}-{month_of(g):02d}")
    return Resolved("DATE", f"{int(g['y'] or 0):04d}-{month_of(g):02d}")


def _month_alone(g: Groups, ctx: Context) -> Resolved | None:
    month = month_of(g)
    direction = group(g, "dir")
    if direction in ("each", "every"):
        return Resolved("SET", f"XXXX-{month:02d}")
    if ctx.anchor is None:
        return Resolved("DATE", f"XXXX-{month:02d}")
    year = resolve_month(ctx.anchor, month, direction_tense(direction, ctx.tense), step_of(direction))
    return Resolved("DATE", f"{year:04d}-{month:02d}")


def _decade(g: Groups, ctx: Context) -> Resolved | None:
    if g.get("dec"):
        return Resolved("DATE", (g["dec"] or "")[:3])
    if g.get("word"):
        return Resolved("DATE", f"19{lx.DECADE_WORDS[group(g, 'word')]}")
    return Resolved("DATE", "19" + (g["short"] or "0")[0])


def _century(g: Groups, ctx: Context) -> Resolved | None:
    if g.get("ord"):
        return Resolved("DATE", f"{int(g['ord'] or 1) - 1:02d}")
    direction = words(g["dir"] or "")
    if direction in ("the past", "the last", "the next"):
        return Resolved("DURATION", "P100Y")
    if ctx.anchor is None:
        return Resolved("DATE", None)
    return Resolved("DATE", f"{ctx.anchor.year // 100 + step_of(direction):02d}")


def _year_alone(g: Groups, ctx: Context) -> Resolved | None:
    return Resolved("DATE", f"{int(g['y'] or 0):04d}")


def _quarter(g: Groups, ctx: Context) -> Resolved | None:
    ordinal = group(g, "ord")
    n = lx.ORDINALS.get(ordinal) if ordinal else (int(g["q"] or 0) or None)
    directions = words(" ".join(filter(None, (g.get("dir"), g.get("dir2"), g.get("dir3")))))
    if (g.get("y") or g.get("y0")) and n:
        return Resolved("DATE", f"{int(g.get('y') or g.get('y0') or 0)}-Q{n}")
    if g.get("yq"):
        reported = re.fullmatch(r"\d{4}-(Q[1-4])", ctx.period or ctx.last_quarter or "")
        return Resolved("DATE", f"{g['yq']}-{reported[1]}" if reported else g["yq"])
    if ctx.anchor is None:
        return Resolved("DATE", f"XXXX-Q{n}" if n else None)
    year, current = ctx.anchor.year, quarter_of(ctx.anchor)
    if (g.get("yp") or g.get("yp2")) and n:  # "next year's first quarter", "the first quarter of last year"
        return Resolved("DATE", f"{year + step_of(group(g, 'yp') or group(g, 'yp2'))}-Q{n}")
    if n is None and not directions and _begun(ctx.last_quarter, ctx.anchor):
        # "the quarter" after "the fiscal first quarter": the one just talked about.
        return Resolved("DATE", ctx.last_quarter)
    if n is None and directions in ("latest", "most recent") and _ended(ctx.last_quarter, ctx.anchor):
        # "the latest period" after "the fiscal second quarter": that one, when it has ended.
        return Resolved("DATE", ctx.last_quarter)
    if n is None:
        # "the quarter", "the latest quarter": the last one reported, i.e. the previous quarter.
        year, n = shift_quarter(year, current, 0 if "same" in directions else -1)
        if "year-earlier" in directions or "year-ago" in directions:
            year -= 1
        return Resolved("DATE", f"{year}-Q{n}")
    if "year-earlier" in directions or "year-ago" in directions or "last" in directions.split():
        year -= 1
    elif "next" in directions.split():
        year += 1 if n <= current else 0
    elif ctx.tense == "past" and n > current:
        year -= 1
    return Resolved("DATE", f"{year}-Q{n}")


def _half(g: Groups, ctx: Context) -> Resolved | None:
    half = 1 if group(g, "ord") == "first" else 2
    if g.get("y"):
        return Resolved("DATE", f"{g['y']}-H{half}")
    if ctx.anchor is None:
        return Resolved("DATE", None)
    return Resolved("DATE", f"{ctx.anchor.year + step_of(group(g, 'this'))}-H{half}")


def _season(g: Groups, ctx: Context) -> Resolved | None:
    code = lx.SEASONS[group(g, "season")]
    direction = words(g.get("dir") or "")
    has_context = direction or g.get("pos") or g.get("pos2") or g.get("y")
    if group(g, "season") in ("fall", "spring") and not has_context:
        return None  # "prices fall", "a spring": only "last fall", "the spring of 2020" are times
    if direction in ("each", "every"):
        return Resolved("SET", f"XXXX-{code}")
    if g.get("y"):
        return Resolved("DATE", f"{g['y']}-{code}")
    if ctx.anchor is None:
        return Resolved("DATE", f"XXXX-{code}")
    step = step_of(direction) if direction != "the" else 0
    tense = None if direction == "this" else direction_tense(direction, ctx.tense)
    year = resolve_season(ctx.anchor, code, tense, step)
    return Resolved("DATE", f"{year}-{code}")


def _shift(anchor: dt.date, unit: str, n: int) -> str:
    """The TIMEX3 value of the ``unit`` that lies ``n`` units from ``anchor``, at that granularity."""
    if unit in ("day", "night"):
        return (anchor + dt.timedelta(days=n)).isoformat()
    if unit == "week":
        return iso_week(anchor + dt.timedelta(weeks=n))
    if unit == "weekend":
        return weekend(anchor + dt.timedelta(weeks=n))
    if unit == "month":
        y, m = add_months(anchor, n)
        return f"{y:04d}-{m:02d}"
    if unit == "quarter":
        y, q = shift_quarter(anchor.year, quarter_of(anchor), n)
        return f"{y}-Q{q}"
    if unit == "year":
        return f"{anchor.year + n:04d}"
    if unit == "decade":
        return f"{anchor.year // 10 + n:03d}"
    if unit == "century":
        return f"{anchor.year // 100 + n:02d}"
    return (anchor + dt.timedelta(hours=n) if unit == "hour" else anchor).isoformat()


def _relative_unit(g: Groups, ctx: Context) -> Resolved | None:
    if ctx.anchor is None:
        return Resolved("DATE", None)
    direction = words(g["dir"] or "")
    step = -1 if direction == "the latest" else step_of(direction)
    unit = unit_of(g["unit"] or "")
    if direction in _NARRATIVE_STEPS and (told := _from_last_value(unit, step, ctx.last_value)):
        return Resolved("DATE", told)
    if unit == "quarter" and direction == "this" and ctx.tense == "past" and ctx.period:
        return Resolved("DATE", ctx.period)  # "This quarter's loss includes charges": the one reported
    return Resolved("DATE", _shift(ctx.anchor, unit, step))


# "the following year", "the previous month": a step from the period the story just named.
_NARRATIVE_STEPS = frozenset({"the following", "the previous", "the preceding", "the prior"})


def _from_last_value(unit: str, step: int, last_value: str | None) -> str | None:
    """The year or month ``step`` units from the year or month last named (None: none named)."""
    if unit == "year" and (m := re.match(r"(\d{4})(?!\d)", last_value or "")):
        return f"{int(m[1]) + step:04d}"
    if unit == "month" and (m := re.match(r"(\d{4})-(\d{2})(?!\d)", last_value or "")):
        months = int(m[1]) * 12 + int(m[2]) - 1 + step
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return None


def _ago(g: Groups, ctx: Context) -> Resolved | None:
    if g.get("same"):
        return _same_period_a_year_back(ctx)
    if g.get("ye") or not g.get("unit"):
        return _year_earlier(ctx)
    sign = lx.AGO_WORDS.get(words(g["ago"] or ""), -1)
    n = parse_count(g.get("num"))
    if n is None:
        return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if ctx.anchor is None:
        return Resolved("DATE", None)
    unit = unit_of(g["unit"] or "")
    if unit == "year" and n == 1 and sign < 0:
        return _year_earlier(ctx)
    if unit in ("decade", "century"):
        years = round(n * (10 if unit == "decade" else 100))
        return Resolved("DATE", f"{ctx.anchor.year + sign * years:04d}")
    if unit in ("hour", "minute", "second"):
        return Resolved("DATE", ctx.anchor.isoformat())
    return Resolved("DATE", _shift(ctx.anchor, unit, sign * round(n)))


def _year_earlier(ctx: Context) -> Resolved:
    """ "A year ago", "year-earlier": the same period a year before the one just talked about.

    Earnings reports compare a quarter with the year-earlier quarter; elsewhere it is the year.
    """
    last = ctx.last_value or ""
    if ctx.after_span:
        # "in the nine months, compared with 40% a year earlier": that span a year back, which
        # TimeML values as the year.
        return Resolved("DATE", f"{ctx.anchor.year - 1}" if ctx.anchor else None)
    if re.fullmatch(r"\d{4}-(?:Q[1-4]|H[12])", last) or _day_in_period(last, ctx.period):
        # The comparison is with the reported period, the story's first quarter, even when another
        # quarter ("after a flat second quarter", "the third quarter of 1990") was named since.
        m = re.fullmatch(r"(\d{4})-(Q[1-4]|H[12])", ctx.period or last)
        if m:
            return Resolved("DATE", f"{int(m[1]) - 1}-{m[2]}")
    return Resolved("DATE", f"{ctx.anchor.year - 1}" if ctx.anchor else None)


def _same_period_a_year_back(ctx: Context) -> Resolved:
    """ "The same period last year": the month, quarter or half just named, a year back; after a
    day or a year, the reported quarter."""
    m = re.fullmatch(r"(\d{4})(-(?:Q[1-4]|H[12]|\d{2}))", ctx.last_value or "") or re.fullmatch(
        r"(\d{4})(-(?:Q[1-4]|H[12]))", ctx.period or ""
    )
    if m:
        return Resolved("DATE", f"{int(m[1]) - 1}{m[2]}")
    return _year_earlier(ctx)


def _day_in_period(value: str, period: str | None) -> bool:
    """Whether a day value lies in a quarter or half value ("the quarter ended Sept. 30")."""
    day = re.fullmatch(r"(\d{4})-(\d{2})-\d{2}", value)
    m = _PERIOD_VALUE.fullmatch(period or "")
    if day is None or m is None or day[1] != m[1]:
        return False
    first = (int(m[2]) - 1) * 3 + 1 if m[2] else (1 if m[3] == "1" else 7)
    return first <= int(day[2]) < first + (3 if m[2] else 6)


def _spelled_year(g: Groups, ctx: Context) -> Resolved | None:
    century = lx.SPELLED_CENTURIES.get(words(g["century"] or ""))
    rest = parse_count(g.get("rest")) if g.get("rest") else 0
    if century is None or rest is None or rest >= 100:
        return None
    if century == 1900 and not rest:
        return None  # "nineteen" alone is a count
    return Resolved("DATE", f"{century + int(rest):04d}")


def _the_year(g: Groups, ctx: Context) -> Resolved | None:
    unit = unit_of(next((u for k in ("unit", "unit2", "unit3", "unit4") if (u := g.get(k))), ""))
    if g.get("dur"):
        return Resolved("DURATION", duration_value(1, unit))
    if ctx.anchor is None:
        return Resolved("DATE", None)
    return Resolved("DATE", _shift(ctx.anchor, unit, 0))


def _the_past_unit(g: Groups, ctx: Context) -> Resolved | None:
    lead = words(g["lead"] or "")
    unit = unit_of(g["unit"] or "")
    if lead in ("the latest",) or (lead == "the last" and unit == "quarter"):
        # "the last quarter" in a report is the one just ended, not a span of three months.
        return _relative_unit({"dir": "the latest", "unit": unit}, ctx)
    if unit == "year" and ctx.anchor is not None and lead in _YEAR_AS_PERIOD:
        # "growth over the past year", "closed over the next year or so": TimeML corpora (TBAQ,
        # MEANTIME) locate the events in the calendar year before or after, not a span of 12 months.
        return Resolved("DATE", f"{ctx.anchor.year + _YEAR_AS_PERIOD[lead]:04d}")
    return Resolved("DURATION", duration_value(1, unit))


_YEAR_AS_PERIOD = {"the past": -1, "over the past": -1, "the last": -1, "this past": -1, "the next": 1, "the coming": 1}


def _that_period(g: Groups, ctx: Context) -> Resolved | None:
    """ "that year", "later that month": the year or month of the date talked about just before."""
    pattern = r"\d{4}" if group(g, "unit") == "year" else r"\d{4}-\d{2}"
    m = re.match(pattern, ctx.last_value or "")
    return Resolved("DATE", m.group() if m else None)


PERIOD_HANDLERS: dict[str, Handler] = {
    "month_year": _month_year,
    "month": _month_alone,
    "decade": _decade,
    "century": _century,
    "year": _year_alone,
    "quarter": _quarter,
    "half": _half,
    "season": _season,
    "relative_unit": _relative_unit,
    "ago": _ago,
    "the_past_unit": _the_past_unit,
    "that_period": _that_period,
    "holiday": lambda g, ctx: Resolved("DATE", resolve_holiday(g["name"] or "", ctx.anchor, ctx.tense)),
    "spelled_year": _spelled_year,
    "the_year": _the_year,
}


# "the year-ago quarter", "last year's quarter", "in the 1988 period": the comparison period, which
# the story compares with, not a new period it turns to.
_YEAR_BACK = re.compile(
    r"\byear[- ](?:ago|earlier)\b|\blast\s+year's\b|^the\s+\d{4}\s+(?:period|quarter)$", re.IGNORECASE
)
_PERIOD_VALUE = re.compile(r"(\d{4})-(?:Q([1-4])|H([12]))")


def looks_a_year_back(surface: str) -> bool:
    """Whether a phrase names the period a year before another ("the year-ago quarter")."""
    return bool(_YEAR_BACK.search(surface))


def _begun(quarter: str | None, anchor: dt.date) -> bool:
    m = re.fullmatch(r"(\d{4})-Q([1-4])", quarter or "")
    return m is not None and (int(m[1]), int(m[2])) <= (anchor.year, quarter_of(anchor))


def _ended(quarter: str | None, anchor: dt.date) -> bool:
    m = re.fullmatch(r"(\d{4})-Q([1-4])", quarter or "")
    return m is not None and (int(m[1]), int(m[2])) < (anchor.year, quarter_of(anchor))


def reported_period(value: str | None, anchor: dt.date | None) -> bool:
    """Whether ``value`` is the quarter or half in progress at ``anchor`` or the one just before:
    the period an earnings report covers."""
    m = _PERIOD_VALUE.fullmatch(value or "")
    if m is None or anchor is None:
        return False
    year = int(m[1])
    if m[2]:
        current = (anchor.year, quarter_of(anchor))
        return (year, int(m[2])) in (current, shift_quarter(*current, -1))
    half = 1 if anchor.month <= 6 else 2
    previous = (anchor.year, 1) if half == 2 else (anchor.year - 1, 2)
    return (year, int(m[3])) in ((anchor.year, half), previous)
