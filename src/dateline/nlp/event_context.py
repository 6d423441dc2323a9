"""When an event happened and who reported it.

Time: the time layer's expression nearest the trigger in the parse (same sentence), else a date or
time the parser saw there (text only, unresolved), else the publication date marked ``inferred``.
Attribution: the speaker of a quote whose content covers the trigger (the quotes layer), else the
subject of a reporting verb governing the trigger ("The Ukrainian Air Force said Russia launched…"),
else the object of "according to".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dateline.nlp.event_args import entities_of
from dateline.nlp.event_lexicon import cue_sets
from dateline.nlp.lines import crosses_line
from dateline.nlp.state import ArticleState
from dateline.schema import EventTime, TimexType

# A time farther than this many dependency edges from the trigger belongs to something else.
MAX_TIME_DISTANCE = 5
_POINT_TYPES = frozenset({TimexType.DATE, TimexType.TIME})


_DURATION = re.compile(
    r"^(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many)[- ]"
    r"(day|week|month|year|hour|minute|decade)s?$",
    re.I,
)


def looks_like_duration(text: str) -> bool:
    """ "30-day", "three years": a length of time, not when something happened."""
    return bool(_DURATION.match(text.strip()))


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency edges between two tokens of one sentence (large when in different sentences)."""
    if a.sent.start != b.sent.start:
        return 1_000
    up_a = [a, *a.ancestors]
    depth_a = {t.i: n for n, t in enumerate(up_a)}
    for n, tok in enumerate([b, *b.ancestors]):
        if tok.i in depth_a:
            return depth_a[tok.i] + n
    return 1_000


def _span_head(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


@dataclass(frozen=True)
class TimeCandidate:
    """A time expression of the article, located in the parse."""

    head: Token
    sentence: int  # index of the sentence's first token
    text: str
    value: str | None


def time_candidates(state: ArticleState) -> list[TimeCandidate]:
    """The article's point times: the times layer's, or the parser's dates (unresolved) without it."""
    doc = state.doc
    found: list[tuple[int, int, str, str | None]] = [
        (t.start, t.end, t.text, t.value) for t in state.times if t.type in _POINT_TYPES
    ]
    if not state.times:
        found = [
            (e.start_char, e.end_char, e.text, None)
            for e in doc.ents
            if e.label_ in ("DATE", "TIME") and not looks_like_duration(e.text)
        ]
    out = []
    for start, end, text, value in found:
        head = _span_head(doc, start, end)
        if head is not None:
            out.append(TimeCandidate(head, head.sent.start, text, value))
    return out


def event_time(state: ArticleState, triggers: list[Token], candidates: list[TimeCandidate] | None = None) -> EventTime:
    """The time of an event whose trigger tokens are given (candidates: ``time_candidates(state)``)."""
    if candidates is None:
        candidates = time_candidates(state)
    best: tuple[int, EventTime] | None = None
    sentences = {t.sent.start for t in triggers}
    for cand in candidates:
        if cand.sentence not in sentences:
            continue  # only the trigger's own sentence holds its time
        head, text, value = cand.head, cand.text, cand.value
        if all(crosses_line(head, trig) for trig in triggers):
            continue
        dist = min(tree_distance(head, trig) for trig in triggers)
        if dist <= MAX_TIME_DISTANCE and (best is None or dist < best[0]):
            best = (dist, EventTime(text=text, value=value))
    if best is not None:
        return best[1]
    published = state.clean.published
    return EventTime(text=None, value=published[:10] if published else None, inferred=True)


def quote_speaker(state: ArticleState, trigger: Token) -> str | None:
    """The resolved speaker of a quote whose content covers the trigger."""
    for quote in state.quotes:
        if quote.start <= trigger.idx < quote.end and quote.speaker is not None and quote.speaker.entity:
            return quote.speaker.entity
    return None


def reporter_of(state: ArticleState, trigger: Token) -> str | None:
    """Who reports the event: the quote layer's speaker, else the governing reporting verb's subject."""
    from_quote = quote_speaker(state, trigger)
    if from_quote is not None:
        return from_quote
    reporting = cue_sets()["reporting_verbs"]
    child = trigger
    for head in trigger.ancestors:
        if head.lemma_.lower() in reporting and head.pos_ == "VERB" and child.dep_ in ("ccomp", "parataxis", "advcl"):
            for subj in (c for c in head.children if c.dep_ == "nsubj"):
                ids = entities_of(state, subj)
                if ids:
                    return ids[0]
            return None
        child = head
    for tok in trigger.sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            for pobj in (c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"):
                ids = entities_of(state, pobj)
                if ids:
                    return ids[0]
    return None
