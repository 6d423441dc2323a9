"""Handlers for days and clock times: dates, weekdays, "yesterday", "5 p.m. Moscow time", weekends."""

from __future__ import annotations

import datetime as dt

from dateline.timex import lexicon as lx
from dateline.timex.calendar import iso_week, resolve_month_day, resolve_weekday, resolve_weekend
from dateline.timex.context import (
    Context,
    Groups,
    Handler,
    Resolved,
    direction_tense,
    full_year,
    group,
    month_of,
    valid_date,
    weekday_of,
    words,
)
from dateline.timex.zones import format_offset, iana_offset, zone_offset


def _iso_datetime(g: Groups, ctx: Context) -> Resolved | None:
    y, m, d = int(g["y"] or 0), int(g["m"] or 0), int(g["d"] or 0)
    if not valid_date(y, m, d):
        return None
    if g.get("h"):
        return Resolved("TIME", f"{y:04d}-{m:02d}-{d:02d}T{g['h']}:{g['mi']}")
    return Resolved("DATE", f"{y:04d}-{m:02d}-{d:02d}")


def _numeric_date(g: Groups, ctx: Context) -> Resolved | None:
    y, m, d = full_year(g["y"] or "0"), int(g["m"] or 0), int(g["d"] or 0)
    return Resolved("DATE", f"{y:04d}-{m:02d}-{d:02d}") if valid_date(y, m, d) else None


def _day_of_ref(ref: str, ctx: Context) -> dt.date | None:
    """The day meant by the day phrase after a clock time ("5 p.m. Monday", "noon Jan. 5")."""
    ref = words(ref).removeprefix("on ").strip()
    if ctx.anchor is None:
        return None
    if ref in lx.DAY_OFFSETS:
        return ctx.anchor + dt.timedelta(days=lx.DAY_OFFSETS[ref])
    if ref in lx.WEEKDAYS:
        return resolve_weekday(ctx.anchor, lx.WEEKDAYS[ref], ctx.tense)
    parts = ref.split()
    if len(parts) == 2 and parts[0] in lx.MONTHS and parts[1].isdigit():
        month, day = lx.MONTHS[parts[0]], int(parts[1])
        year = resolve_month_day(ctx.anchor, month, day, ctx.tense) if valid_date(2000, month, day) else None
        return dt.date(year, month, day) if year and valid_date(year, month, day) else None
    return None


def _clock(g: Groups, ctx: Context) -> Resolved | None:
    if g.get("noon"):
        hour, minute = (0, 0) if group(g, "noon") == "midnight" else (12, 0)
    elif g.get("mil"):
        hour, minute = int(g["mil"][:2]), int(g["mil"][2:])  # type: ignore[index]
    elif g.get("h24"):
        hour, minute = int(g["h24"] or 0), int(g["mi24"] or 0)
    else:
        hour, minute = int(g["h"] or 0), int(g.get("mi") or 0)
        pm = group(g, "ampm").startswith("p") or group(g, "ampm").endswith(("afternoon", "evening"))
        if not 1 <= hour <= 12:
            return None
        hour = (hour % 12) + (12 if pm else 0)
    if hour > 23 or minute > 59:
        return None
    # A bare clock time in a narrative belongs to the day last named ("Oct. 23 ... at 10 p.m."),
    # as TimeML reads it; with no day named before, or looking ahead, to the publication day.
    bare_day = ctx.last_date if ctx.last_date and ctx.tense != "future" else ctx.anchor
    day = _day_of_ref(g["dayref"] or "", ctx) if g.get("dayref") else bare_day
    clock = f"T{hour:02d}:{minute:02d}"
    if day is None:
        return Resolved("TIME", "XXXX-XX-XX" + clock)
    offset = None
    zone = group(g, "zone") or group(g, "zone_p")
    if zone:
        if zone == "local time" or zone.startswith("local"):
            offset = iana_offset(ctx.local_zone, day, hour, minute) if ctx.local_zone else None
        else:
            offset = zone_offset(zone, day, hour, minute)
    value = day.isoformat() + clock
    if offset is None:
        return Resolved("TIME", value)
    local = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=dt.timezone(offset))
    utc = local.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return Resolved("TIME", value + format_offset(offset), utc)


def _month_day(g: Groups, ctx: Context) -> Resolved | None:
    month, day = month_of(g), int(g["d"] or 0)
    if not valid_date(2000, month, day):
        return None
    if g.get("y"):
        year = int(g["y"] or 0)
        return Resolved("DATE", f"{year:04d}-{month:02d}-{day:02d}") if valid_date(year, month, day) else None
    if ctx.anchor is None:
        return Resolved("DATE", f"XXXX-{month:02d}-{day:02d}")
    year = resolve_month_day(ctx.anchor, month, day, ctx.tense)
    if g.get("wd") and valid_date(year, month, day):
        # A weekday beside the date picks the year in which they agree ("Friday, Jan. 5").
        want = weekday_of(g["wd"] or "")
        for y in (year, year - 1, year + 1):
            if valid_date(y, month, day) and dt.date(y, month, day).isoweekday() == want:
                year = y
                break
    if not valid_date(year, month, day):
        return None
    return Resolved("DATE", f"{year:04d}-{month:02d}-{day:02d}")


def _weekday_rule(g: Groups, ctx: Context) -> Resolved | None:
    wd = weekday_of(g["wd"] or "")
    direction = words(g.get("dir") or "")
    part = lx.PARTS_OF_DAY.get(group(g, "part"))
    if direction in ("each", "every"):
        return Resolved("SET", f"XXXX-WXX-{wd}")
    if ctx.anchor is None:
        return Resolved("DATE", f"XXXX-WXX-{wd}")
    if direction in ("the following", "the previous") and ctx.last_date:
        day = resolve_weekday(ctx.last_date, wd, None, 1 if direction == "the following" else -1)
    else:
        step = {"last": -1, "next": 1, "coming": 1, "this coming": 1}.get(direction, 0)
        tense = direction_tense(direction, ctx.tense)
        if direction == "this" and tense is None:
            tense = "future"
        day = resolve_weekday(ctx.anchor, wd, tense, step)
    # "Tuesday night", "Friday morning" keep the day as their value: TBAQ's gold codes the part of
    # day for fewer than half of them (news often says "Friday night" for the day's event), and
    # timelines order events by day. "Wednesday evening" (and afternoon) narrow the day: TBAQ codes
    # all of them ``TEV``.
    if part in ("AF", "EV"):
        return Resolved("TIME", f"{day.isoformat()}T{part}")
    return Resolved("DATE", day.isoformat())


def _day_word(g: Groups, ctx: Context) -> Resolved | None:
    if ctx.anchor is None:
        return Resolved("DATE", None)
    if g.get("last_night"):
        return Resolved("TIME", f"{ctx.anchor - dt.timedelta(days=1)}TNI")
    if g.get("part2"):
        which = words(g["this"] or "")
        base = ctx.last_date if which in ("that", "the same", "the next", "the following", "the previous") else None
        base = base or ctx.anchor
        shift = {"the next": 1, "the following": 1, "the previous": -1}.get(which, 0)
        day = base + dt.timedelta(days=shift)
        return Resolved("TIME", f"{day.isoformat()}T{lx.PARTS_OF_DAY[group(g, 'part2')]}")
    if g.get("part3"):
        day = ctx.anchor + dt.timedelta(days=lx.DAY_OFFSETS[group(g, "day3") or "today"])
        return Resolved("TIME", f"{day.isoformat()}T{lx.PARTS_OF_DAY[group(g, 'part3')]}")
    word = words(g["day"] or "")
    day = ctx.anchor + dt.timedelta(days=lx.DAY_OFFSETS[word])
    part = lx.PARTS_OF_DAY.get(group(g, "part")) or ("NI" if word == "tonight" else None)
    if part:
        return Resolved("TIME", f"{day.isoformat()}T{part}")
    return Resolved("DATE", day.isoformat())


def _that_day(g: Groups, ctx: Context) -> Resolved | None:
    base = ctx.last_date or ctx.anchor
    if base is None:
        return Resolved("DATE", None)
    which = words(g["which"] or "")
    shift = {"the next": 1, "the following": 1, "the previous": -1, "the prior": -1}.get(which, 0)
    return Resolved("DATE", (base + dt.timedelta(days=shift)).isoformat())


def _week_of(g: Groups, ctx: Context) -> Resolved | None:
    """ "the week of March 6": the ISO week of that day."""
    day = _month_day({"month": g["month"], "d": g["d"]}, ctx)
    if day is None or day.value is None or day.value.startswith("X"):
        return Resolved("DATE", None)
    return Resolved("DATE", iso_week(dt.date.fromisoformat(day.value)))


def _weekend(g: Groups, ctx: Context) -> Resolved | None:
    if ctx.anchor is None:
        return Resolved("DATE", None)
    direction = words(g.get("dir") or "")
    step = {"last": -1, "the past": -1, "next": 1, "the coming": 1, "this coming": 1}.get(direction, 0)
    tense = direction_tense(direction, ctx.tense)
    if direction == "this past":
        tense = "past"
    return Resolved("DATE", resolve_weekend(ctx.anchor, tense, step))


DAY_HANDLERS: dict[str, Handler] = {
    "iso_datetime": _iso_datetime,
    "numeric_date": _numeric_date,
    "clock": _clock,
    "month_day": _month_day,
    "day_month": _month_day,
    "weekday": _weekday_rule,
    "day_word": _day_word,
    "that_day": _that_day,
    "week_of": _week_of,
    "weekend": _weekend,
}
