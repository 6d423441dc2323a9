"""The wire dateline that opens a story: ``WASHINGTON (AP) —`` → place Washington, agency AP."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.clean.patterns import (
    AGENCIES,
    DATELINE_AGENCY_ONLY_RE,
    DATELINE_NOT_PLACE_WORDS,
    DATELINE_RE,
    DATELINE_TITLECASE_RE,
    PLACE_KEEP_UPPER,
    PLACE_LOWER_PARTICLES,
)
from dateline.schema import Dateline

KNOWN_AGENCIES = frozenset(AGENCIES.values())

# After the dateline the story must go on with a sentence, not a lower-case fragment.
_BODY_START_RE = re.compile(r"^[\"“‘'(\[A-Z0-9]")


@dataclass
class DatelineMatch:
    """A parsed dateline and the paragraph without it."""

    dateline: Dateline
    rest: str


def normalize_agency(name: str | None) -> str | None:
    """``Associated Press`` → ``AP``, ``REUTERS`` → ``Reuters``; empty (a broken ``()``) → None."""
    if name is None:
        return None
    clean = " ".join(name.split()).strip(" .,")
    if not clean:
        return None
    return AGENCIES.get(clean.lower(), clean)


def _title_word(word: str, first: bool) -> str:
    if word in PLACE_KEEP_UPPER or (len(word) <= 4 and word.endswith(".") and word.count(".") >= 2):
        return word
    if not word.isupper():
        return word
    parts = re.split(r"([\-'’])", word)
    out = []
    for i, part in enumerate(parts):
        low = part.lower()
        if i > 0 and low in PLACE_LOWER_PARTICLES:
            out.append(low)
        else:
            out.append(low[:1].upper() + low[1:])
    titled = "".join(out)
    return titled if first or titled.lower() not in PLACE_LOWER_PARTICLES else titled.lower()


def title_case_place(place: str) -> str:
    """Title-case a dateline place: ``WASHINGTON`` → ``Washington``, ``ST. LOUIS`` → ``St. Louis``."""
    words = place.split(" ")
    return " ".join(_title_word(w, i == 0) for i, w in enumerate(words))


def parse_dateline(paragraph: str) -> DatelineMatch | None:
    """The dateline at the start of ``paragraph``, if it has one, and the text after it.

    An all-caps place needs a dash or parentheses after it (``WASHINGTON —``, ``WASHINGTON ()``); a
    title-case place needs an agency in parentheses (``Washington (AP)``), so that an ordinary
    sentence opening is never taken for a dateline.
    """
    for pattern in (DATELINE_RE, DATELINE_TITLECASE_RE, DATELINE_AGENCY_ONLY_RE):
        m = pattern.match(paragraph)
        if not m:
            continue
        groups = m.groupdict()
        has_parens = "(" in m.group(0)
        if not has_parens and not m.group("dash"):
            continue
        if m.group("dash") == ":" and not has_parens and pattern is not DATELINE_RE:
            continue
        rest = paragraph[m.end() :]
        if rest and not _BODY_START_RE.match(rest):
            continue  # an empty rest is a dateline on its own line, before the first paragraph
        place = groups.get("place")
        if place and pattern is DATELINE_RE and not _looks_like_city(place):
            continue
        if pattern is not DATELINE_RE and normalize_agency(groups.get("agency")) not in KNOWN_AGENCIES:
            continue  # `Rep. Jane Doe (D-Calif.)` is a name, not a dateline
        raw = m.group(0).strip()
        return DatelineMatch(
            Dateline(
                place=title_case_place(place.strip(" ,")) if place else None,
                agency=normalize_agency(groups.get("agency")),
                raw=raw,
            ),
            rest,
        )
    return None


def _looks_like_city(place: str) -> bool:
    """An all-caps city of letters, not an acronym sentence opener like ``NATO`` or ``U.S.``."""
    city = place.split(",")[0]
    letters = [c for c in city if c.isalpha()]
    if any(w.strip(".'’") in DATELINE_NOT_PLACE_WORDS for w in city.split()):
        return False
    return len(letters) >= 3 and city not in PLACE_KEEP_UPPER
