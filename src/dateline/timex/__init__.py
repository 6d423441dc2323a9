"""Temporal expressions without spaCy: the grammar, calendar arithmetic and TIMEX3 normalization.

``nlp/times.py`` finds the spans and the tense of their clause; everything here is pure logic.
"""

from dateline.timex.calendar import Tense
from dateline.timex.grammar import Candidate, find_candidates, select
from dateline.timex.normalize import Context, Resolved, normalize, normalize_text, parse_published

__all__ = [
    "Candidate",
    "Context",
    "Resolved",
    "Tense",
    "find_candidates",
    "normalize",
    "normalize_text",
    "parse_published",
    "select",
]
