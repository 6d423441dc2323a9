"""Page furniture inside the body: share/follow prompts, newsletter pitches, ads, "Read more" teasers."""

from __future__ import annotations

import re

from dateline.clean.patterns import (
    BOILERPLATE_ANYWHERE_PATTERNS,
    BOILERPLATE_LINE_PATTERNS,
    BOILERPLATE_MAX_CHARS,
)

_BOILERPLATE_RE = re.compile("|".join(f"(?:{p})" for p in BOILERPLATE_LINE_PATTERNS), re.IGNORECASE)
_ANYWHERE_RE = re.compile("|".join(f"(?:{p})" for p in BOILERPLATE_ANYWHERE_PATTERNS), re.IGNORECASE)
_LEAD_RE = re.compile(r"^[\s•·▪►▶→>»|*_\-–—\[(]+")  # bullets, arrows and pipes in front of the prompt


def is_boilerplate(paragraph: str) -> bool:
    """Whether a whole paragraph is furniture rather than reporting (short, and matches a pattern)."""
    if len(paragraph) > BOILERPLATE_MAX_CHARS:
        return False
    line = _LEAD_RE.sub("", paragraph.strip())
    if not any(c.isalnum() for c in line):
        return True  # nothing but punctuation or symbols
    return bool(_BOILERPLATE_RE.match(line) or _ANYWHERE_RE.search(line))


def remove_boilerplate(paragraphs: list[str]) -> list[str]:
    """The paragraphs that are not furniture, in order."""
    return [p for p in paragraphs if not is_boilerplate(p)]
