"""Publication time: metadata strings and date lines near the top, normalized to ISO 8601.

A string without a year is never completed with today's: no date is better than a wrong one.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from dateline.clean.patterns import BARE_DATE_LINE_RE, DATE_LINE_RE, YEAR_RE

_RFC822_RE = re.compile(r"^(?:[A-Z][a-z]{2}, )?\d{1,2} [A-Z][a-z]{2} \d{4} \d{1,2}:\d{2}")
_ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HAS_CLOCK_RE = re.compile(r"\d{1,2}:\d{2}|\d{1,2}\s*[ap]\.?m\.?\b|\bnoon\b", re.IGNORECASE)


def _iso(dt: datetime, has_clock: bool) -> str:
    if not has_clock:
        return dt.date().isoformat()
    return dt.isoformat(timespec="seconds")


def normalize_published(value: str | None) -> str | None:
    """ISO 8601 from ``2025-05-19T14:03Z``, ``Mon, 19 May 2025 14:03 GMT``, ``May 19, 2025 10:03 AM EDT``."""
    if not value:
        return None
    text = " ".join(str(value).split())
    if _ISO_DATE_RE.match(text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return _iso(dt, True)
    except ValueError:
        pass
    if _RFC822_RE.match(text):
        try:
            return _iso(parsedate_to_datetime(text), True)  # RSS's RFC 822 dates
        except (TypeError, ValueError, IndexError):
            pass
    if not YEAR_RE.search(text):
        return None
    import dateparser  # slow to import; most documents never get here

    dt = dateparser.parse(
        text,
        languages=["en"],
        settings={"PREFER_DAY_OF_MONTH": "first"},
    )
    if dt is None:
        return None
    return _iso(dt, bool(_HAS_CLOCK_RE.search(text)))


def date_from_line(paragraph: str) -> str | None:
    """The publication time a date line states (``Published May 19, 2025 10:03 AM EDT``), or None."""
    line = paragraph.strip()
    if len(line) > 100:
        return None
    m = DATE_LINE_RE.match(line) or BARE_DATE_LINE_RE.match(line)
    if not m:
        return None
    return normalize_published(m.group("when").strip(" .,"))
