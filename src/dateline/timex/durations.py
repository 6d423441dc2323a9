"""Handlers for durations ("30-day", "the past three years") and sets ("every Monday", "annually")."""

from __future__ import annotations

from dateline.timex import lexicon as lx
from dateline.timex.context import Context, Groups, Handler, Resolved, group, unit_of, weekday_of
from dateline.timex.numbers import format_count, parse_count


def duration_value(n: float | None, unit: str) -> str:
    """``P30D``, ``PT5H``, ``P10Y`` (a decade), ``PXY`` (a vague count of years)."""
    letter, clock, _ = lx.UNITS[unit]
    scale = {"decade": 10, "century": 100}.get(unit)
    if scale:
        letter = "Y"
    if n is None:
        return f"P{'T' if clock else ''}X{letter}"
    if scale:
        n = n * scale
    if n > 1 and n != int(n) and unit in ("hour", "minute"):
        # "5 1/2 hours", "a minute and a half": whole units and the half in the next smaller one.
        return f"PT{int(n)}{letter}30{'M' if unit == 'hour' else 'S'}"
    if n != int(n) and unit not in ("year", "decade", "century"):
        # Half units: express in the next smaller unit where there is one.
        smaller = {
            "hour": (60, "M", True),
            "year": (12, "M", False),
            "day": (24, "H", True),
            "minute": (60, "S", True),
            "month": (30, "D", False),
            "week": (7, "D", False),
        }
        if unit in smaller and (n * smaller[unit][0]) == int(n * smaller[unit][0]):
            mult, letter, clock = smaller[unit]
            n = n * mult
    return f"P{'T' if clock else ''}{format_count(n)}{letter}"


def _duration(g: Groups, ctx: Context) -> Resolved | None:
    unit = unit_of(g["unit"] or "")
    n = None if g.get("vague") else parse_count(g.get("num"))
    if n is None and not g.get("vague"):
        return None
    if n is not None and (g.get("half") or g.get("half2")):
        n += 0.5
    if n == 0:
        return None
    singular = group(g, "unit") in lx.UNITS
    spelled = not any(ch.isdigit() for ch in g.get("num") or "")
    if n is not None and n > 1 and singular and "-" not in (g.get("sep") or "") and not spelled:
        # "the 1988 second quarter", "1990 year": a count in digits before one unit is hyphenated;
        # a spelled count is a compound modifier written open ("a two day rally", "a five year low").
        return None
    return Resolved("DURATION", duration_value(n, unit))


def _duration_bare_plural(g: Groups, ctx: Context) -> Resolved | None:
    if group(g, "many") == "recent":
        return Resolved("DATE", "PAST_REF")
    return Resolved("DURATION", duration_value(None, unit_of(g["unit"] or "")))


def _set(g: Groups, ctx: Context) -> Resolved | None:
    if g.get("adverb"):
        return Resolved("SET", lx.SET_WORDS[group(g, "adverb")])
    if g.get("wd"):
        return Resolved("SET", f"XXXX-WXX-{weekday_of(g['wd'] or '')}")
    unit = group(g, "unit") or group(g, "unit2")
    if unit in lx.SEASONS:
        return Resolved("SET", f"XXXX-{lx.SEASONS[unit]}")
    if unit in lx.PARTS_OF_DAY:
        return Resolved("SET", f"XXXX-XX-XXT{lx.PARTS_OF_DAY[unit]}")
    if unit == "weekend":
        return Resolved("SET", "XXXX-WXX-WE")
    return Resolved("SET", duration_value(1, unit))


DURATION_HANDLERS: dict[str, Handler] = {
    "duration": _duration,
    "duration_bare_plural": _duration_bare_plural,
    "set": _set,
}
