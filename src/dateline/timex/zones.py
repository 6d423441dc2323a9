"""Named time zones of the news ("Moscow time", "10 a.m. Eastern", "EDT") to UTC offsets.

Zone names are data (``ZONE_NAMES``); the offset of a named region is read from the stdlib
``zoneinfo`` database at the date in question, so "Eastern" is -04:00 in May and -05:00 in January.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# Lower-case name as written after a clock time → an IANA key, or a fixed offset in minutes.
ZONE_NAMES: dict[str, str | int] = {
    # Fixed abbreviations: the abbreviation itself says summer or winter time.
    "gmt": 0, "utc": 0, "z": 0, "zulu": 0, "greenwich mean time": 0,
    "edt": -240, "est": -300, "cdt": -300, "cst": -360, "mdt": -360, "mst": -420,
    "pdt": -420, "pst": -480, "akdt": -480, "akst": -540, "hst": -600,
    "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180, "msk": 180, "ist": 330,
    "jst": 540, "kst": 540, "aest": 600, "aedt": 660,
    # Regions: the offset depends on the date.
    "et": "America/New_York", "eastern": "America/New_York", "eastern time": "America/New_York",
    "eastern standard time": "America/New_York", "eastern daylight time": "America/New_York",
    "ct": "America/Chicago", "central": "America/Chicago", "central time": "America/Chicago",
    "mt": "America/Denver", "mountain": "America/Denver", "mountain time": "America/Denver",
    "pt": "America/Los_Angeles", "pacific": "America/Los_Angeles", "pacific time": "America/Los_Angeles",
    "washington time": "America/New_York", "new york time": "America/New_York",
    "moscow time": "Europe/Moscow", "kyiv time": "Europe/Kyiv", "kiev time": "Europe/Kyiv",
    "london time": "Europe/London", "paris time": "Europe/Paris", "berlin time": "Europe/Berlin",
    "brussels time": "Europe/Brussels", "istanbul time": "Europe/Istanbul",
    "ankara time": "Europe/Istanbul", "jerusalem time": "Asia/Jerusalem", "israel time": "Asia/Jerusalem",
    "tehran time": "Asia/Tehran", "beijing time": "Asia/Shanghai", "hong kong time": "Asia/Hong_Kong",
    "tokyo time": "Asia/Tokyo", "seoul time": "Asia/Seoul", "delhi time": "Asia/Kolkata",
    "india time": "Asia/Kolkata", "gaza time": "Asia/Gaza", "cairo time": "Africa/Cairo",
    "central european time": "Europe/Paris", "british time": "Europe/London",
}  # fmt: skip

# "local time" is the time where the story is told: the dateline's place, when we know its zone.
PLACE_ZONES: dict[str, str] = {
    "washington": "America/New_York", "new york": "America/New_York", "chicago": "America/Chicago",
    "los angeles": "America/Los_Angeles", "san francisco": "America/Los_Angeles",
    "moscow": "Europe/Moscow", "kyiv": "Europe/Kyiv", "kiev": "Europe/Kyiv", "london": "Europe/London",
    "paris": "Europe/Paris", "berlin": "Europe/Berlin", "brussels": "Europe/Brussels",
    "rome": "Europe/Rome", "vatican city": "Europe/Rome", "madrid": "Europe/Madrid",
    "istanbul": "Europe/Istanbul", "ankara": "Europe/Istanbul", "jerusalem": "Asia/Jerusalem",
    "tel aviv": "Asia/Jerusalem", "beirut": "Asia/Beirut", "cairo": "Africa/Cairo",
    "tehran": "Asia/Tehran", "baghdad": "Asia/Baghdad", "dubai": "Asia/Dubai", "doha": "Asia/Qatar",
    "riyadh": "Asia/Riyadh", "beijing": "Asia/Shanghai", "shanghai": "Asia/Shanghai",
    "hong kong": "Asia/Hong_Kong", "taipei": "Asia/Taipei", "tokyo": "Asia/Tokyo", "seoul": "Asia/Seoul",
    "new delhi": "Asia/Kolkata", "mumbai": "Asia/Kolkata", "islamabad": "Asia/Karachi",
    "kabul": "Asia/Kabul", "bangkok": "Asia/Bangkok", "jakarta": "Asia/Jakarta",
    "manila": "Asia/Manila", "sydney": "Australia/Sydney", "johannesburg": "Africa/Johannesburg",
    "nairobi": "Africa/Nairobi", "lagos": "Africa/Lagos", "mexico city": "America/Mexico_City",
    "sao paulo": "America/Sao_Paulo", "buenos aires": "America/Argentina/Buenos_Aires",
    "ottawa": "America/Toronto", "toronto": "America/Toronto", "geneva": "Europe/Zurich",
    "warsaw": "Europe/Warsaw", "vienna": "Europe/Vienna", "athens": "Europe/Athens",
}  # fmt: skip


def zone_offset(name: str, day: dt.date, hour: int = 12, minute: int = 0) -> dt.timedelta | None:
    """The UTC offset of the zone called ``name`` at that local wall time, or None if unknown."""
    key = ZONE_NAMES.get(" ".join(name.lower().replace(".", "").split()))
    if key is None:
        key = PLACE_ZONES.get(name.lower())
    if key is None:
        return None
    if isinstance(key, int):
        return dt.timedelta(minutes=key)
    return iana_offset(key, day, hour, minute)


def iana_offset(key: str, day: dt.date, hour: int = 12, minute: int = 0) -> dt.timedelta | None:
    """The UTC offset of IANA zone ``key`` at a local wall time (None if the key is unknown)."""
    try:
        zone = ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    local = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
    return local.utcoffset()


def place_zone(place: str | None) -> str | None:
    """The IANA zone of a dateline place ("KYIV, Ukraine" → Europe/Kyiv), when we know it."""
    if not place:
        return None
    return PLACE_ZONES.get(place.split(",")[0].strip().lower())


def format_offset(offset: dt.timedelta) -> str:
    """``+03:00`` / ``-04:00`` / ``+05:30`` for a UTC offset."""
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"
