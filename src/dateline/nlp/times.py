"""The times layer: every temporal expression, resolved against the publication time.

Detection (``timex_detect``) and the tense of each clause (``timex_tense``) come from spaCy;
the TIMEX3 values come from the pure normalizer in ``dateline.timex``.
"""

from __future__ import annotations

import datetime as dt
import re

from dateline.nlp.state import ArticleState
from dateline.nlp.timex_detect import detect_timexes
from dateline.nlp.timex_tense import clause_tense
from dateline.schema import TimeExpression, TimexType
from dateline.timex import Context, normalize, parse_published
from dateline.timex.resolve_periods import looks_a_year_back, reported_period
from dateline.timex.zones import place_zone

_DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def annotate_times(state: ArticleState) -> None:
    """Fill ``state.times`` with TIMEX3-typed expressions and their resolved values."""
    doc = state.doc
    text = doc.text
    anchor = parse_published(state.clean.published)
    place = state.clean.dateline.place if state.clean.dateline else None
    local_zone = place_zone(place)
    last_date: dt.date | None = None
    last_value: str | None = None
    period: str | None = None
    last_quarter: str | None = None
    after_span = False
    times: list[TimeExpression] = []
    for found in detect_timexes(doc):
        span = doc.char_span(found.start, found.end, alignment_mode="expand")
        tense = clause_tense(span, text) if span is not None and len(span) else None
        ctx = Context(anchor, tense, local_zone, last_date, last_value, period, last_quarter, after_span)
        surface = text[found.start : found.end]
        resolved = normalize(found.candidate, surface, ctx)
        if resolved is None:
            continue
        after_span = resolved.type == "DURATION"
        if resolved.value and (m := _DAY_VALUE.match(resolved.value)):
            last_date = dt.date(int(m[1]), int(m[2]), int(m[3]))
        # "a year earlier" refers back to the period just named, never to another "year earlier".
        year_back = found.candidate.rule == "ago" or looks_a_year_back(surface)
        if not year_back and resolved.type == "DATE" and (resolved.value or "")[:1].isdigit():
            last_value = resolved.value
            if period is None and reported_period(resolved.value, anchor):
                period = resolved.value
            if re.fullmatch(r"\d{4}-Q[1-4]", resolved.value or ""):
                last_quarter = resolved.value
        times.append(
            TimeExpression(
                text=surface,
                start=found.start,
                end=found.end,
                type=TimexType(resolved.type),
                value=resolved.value,
                utc=resolved.utc,
            )
        )
    state.times = times
