"""Counts written in words or digits ("three", "twenty-five", "1,000", "a half")."""

from __future__ import annotations

import re

from dateline.timex import lexicon as lx


def parse_count(text: str | None) -> float | None:
    """The number a count phrase says, or None when it is vague ("several") or unreadable."""
    if not text:
        return None
    t = " ".join(text.lower().replace("-", " ").split())
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", t):
        return float(t.replace(",", ""))
    if t in ("half a", "half an", "a half", "an half"):
        return 0.5
    if t in lx.NUMBER_WORDS:
        return float(lx.NUMBER_WORDS[t])
    total = 0.0
    for word in t.split():
        if word not in lx.NUMBER_WORDS:
            return None
        total += lx.NUMBER_WORDS[word]
    return total or None


def format_count(n: float) -> str:
    """``3`` for 3.0, ``1.5`` for 1.5."""
    return str(int(n)) if n == int(n) else f"{n:g}"
