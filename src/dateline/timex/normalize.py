"""Grammar matches to TIMEX3 types and values, resolved against the publication time.

Pure functions only: a ``Context`` holds the anchor (publication date), the tense of the clause
and the local zone; each rule of ``grammar.py`` has one handler, by job: ``resolve_days`` (dates,
weekdays, clock times), ``resolve_periods`` (months to centuries, units counted from a reference),
``durations`` (durations and sets); ``context`` holds what they share. Without an anchor, values
that need one keep their unknown parts as ``X`` (``XXXX-WXX-1``) or are None; never today.
"""

from __future__ import annotations

from dateline.timex import lexicon as lx
from dateline.timex.context import Context, Handler, Resolved, parse_published, words
from dateline.timex.durations import DURATION_HANDLERS, duration_value
from dateline.timex.grammar import Candidate, match_span
from dateline.timex.resolve_days import DAY_HANDLERS
from dateline.timex.resolve_periods import PERIOD_HANDLERS

__all__ = ["HANDLERS", "Context", "Resolved", "duration_value", "normalize", "normalize_text", "parse_published"]

# One handler per grammar rule.
HANDLERS: dict[str, Handler] = {**DAY_HANDLERS, **PERIOD_HANDLERS, **DURATION_HANDLERS}

_EXTRA_REFERENCES = {
    "current": "PRESENT_REF",
    "recent": "PAST_REF",
    "former": "PAST_REF",
    "future": "FUTURE_REF",
}


def normalize(candidate: Candidate, text: str, ctx: Context) -> Resolved | None:
    """The TIMEX3 type and value of a grammar match whose surface is ``text`` (None: not a time)."""
    if candidate.rule in ("reference", "reference_weak"):
        word = words(text)
        value = lx.REFERENCE_WORDS.get(word) or _EXTRA_REFERENCES.get(word)
        return Resolved("DATE", value) if value else None
    return HANDLERS[candidate.rule](candidate.groups, ctx)


def normalize_text(text: str, ctx: Context) -> Resolved | None:
    """Normalize a whole phrase ("last week", "5 p.m. Moscow time"), or None if no rule covers it."""
    cand = match_span(text)
    return normalize(cand, text.strip(), ctx) if cand else None
