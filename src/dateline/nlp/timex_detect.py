"""Finding temporal expressions: our grammar, confirmed or extended by spaCy's DATE/TIME entities.

1. Every grammar match (``dateline.timex.grammar``), longest first without overlaps.
2. Matches of weak rules (a bare "1990", "current") only where spaCy also says DATE/TIME or a
   temporal preposition stands before them: "in 1990", not "1990 troops".
3. spaCy DATE/TIME entities that the grammar missed, when the normalizer can read some part of
   them; the part it reads becomes the span ("the summer of 2004's" → "the summer of 2004").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from dateline.timex import lexicon as lx
from dateline.timex.grammar import RULES_BY_NAME, Candidate, find_candidates, select

# A weak match counts when one of these words stands right before it.
_TEMPORAL_LEAD = re.compile(
    r"(?:\b(?:in|since|by|until|till|from|before|after|during|of|to|through|between|and|or|early|late|"
    r"mid|fiscal|year|around|circa|spring|summer|fall|autumn|winter|end|,)\s*)$",
    re.IGNORECASE,
)
_SPACY_TIME_LABELS = frozenset({"DATE", "TIME"})


@dataclass(frozen=True)
class TimexSpan:
    """A detected temporal expression: character span and the grammar match that reads it."""

    start: int
    end: int
    candidate: Candidate


def _spacy_spans(doc: Doc) -> list[tuple[int, int]]:
    return [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _SPACY_TIME_LABELS]


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def _counts_a_noun(doc: Doc, end: int) -> bool:
    """Whether a plural noun follows ``end``: "1990 protesters" counts; "the 1991 accord" dates."""
    span = doc.char_span(end, min(len(doc.text), end + 40), alignment_mode="expand")
    following = [t for t in span if not t.is_space] if span is not None else []
    return bool(following) and following[0].tag_ == "NNS"


# Unit and clock words that, capitalised inside a sentence, belong to a title: "60 Minutes",
# ABC's "This Week", the film "High Noon".
_TITLE_WORDS = frozenset(w.capitalize() for w in (*lx.UNITS, *lx.UNIT_PLURALS, *lx.PARTS_OF_DAY, "noon", "midnight"))
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n]\s*|[.!?]['\"`]+\s*|^['\"`]+)$")


def _in_a_title(cand: Candidate, text: str) -> bool:
    """Whether a capitalised unit word marks the match as part of a name, not a time."""
    if cand.rule == "holiday":
        return False
    for m in re.finditer(r"[A-Za-z]+", text[cand.start : cand.end]):
        if m.group() not in _TITLE_WORDS:
            continue
        before = text[max(0, cand.start + m.start() - 3) : cand.start + m.start()]
        if m.start() > 0 or not _SENTENCE_START.search(before):
            return True
    return False


# "more than a quarter of the market", "three-quarters of its food": a share, not a period.
_FRACTION = re.compile(
    r"^(?:(?:more|less)\s+than\s+|about\s+|nearly\s+|almost\s+|roughly\s+|over\s+)?(?:a|one|three)[- ]quarters?$",
    re.IGNORECASE,
)
_OF_A_WHOLE = re.compile(r"^\s+of\s+(?!a\s+century|the\s+(?:year|century)\b)", re.IGNORECASE)
# "the annual March for Life", "the March of the Combatant Mothers": a month word naming an event.
_MONTH_NAMING = re.compile(r"^\s+(?:for|of\s+the)\s+[A-Z]")

# "today's world", "today's youth": the present age in general, which TimeML leaves untagged
# (unlike "today's editions", "today's vote": a thing of that very day).
_GENERIC_TODAY = re.compile(
    r"^['’]s\s+(?:[a-z-]+\s+)?(?:world|youth|young|society|economy|generation|children|kids|"
    r"teenagers|families|computers|technology|standards|age|culture|climate|environment)\b",
    re.IGNORECASE,
)


# "rise 8.5% annually", "$17.9 million annually", "average daily volume": a rate that qualifies an
# amount, which TimeML leaves untagged (unlike "held here annually", "rallies almost daily").
_RATE_AFTER_AMOUNT = re.compile(r"\d[\d,.]*\s*(?:%|percent\b)?\s*(?:[a-z]+\s+){0,2}$|\baverage\s+$", re.IGNORECASE)
_RATE_WORDS = frozenset({"annually", "daily"})


def _not_a_time(cand: Candidate, text: str) -> bool:
    """Whether the match is a fraction ("a quarter of the market"), an age or an event's name."""
    surface, after = text[cand.start : cand.end], text[cand.end : cand.end + 40]
    if _FRACTION.match(surface) and _OF_A_WHOLE.match(after):
        return True
    if surface.lower() == "today" and _GENERIC_TODAY.match(after):
        return True
    if surface.lower() in _RATE_WORDS and _RATE_AFTER_AMOUNT.search(text[max(0, cand.start - 30) : cand.start]):
        return True
    before = text[max(0, cand.start - 12) : cand.start].lower()
    if surface.lower() == "tomorrow" and re.search(r"\bof\s+$", before) and not re.match(r"['’]s", after):
        return True  # "the people of tomorrow": the future in general
    if surface.lower() == "noon" and re.search(r"\bhigh\s+$", before):
        return True  # "high noon comes today": the idiom, not the hour
    if surface == "Now" and after.startswith(","):
        # Sentence-initial "Now, he says, ..." turns the discourse, as "now" does in TimeML's reading.
        return bool(_SENTENCE_START.search(text[max(0, cand.start - 3) : cand.start]))
    return surface[:1].isupper() and surface.lower() in lx.MONTHS and bool(_MONTH_NAMING.match(after))


def _confirmed(cand: Candidate, doc: Doc, spacy_spans: list[tuple[int, int]]) -> bool:
    if _in_a_title(cand, doc.text) or _not_a_time(cand, doc.text):
        return False
    if not RULES_BY_NAME[cand.rule].needs_signal:
        return True
    text = doc.text
    if cand.rule == "year":
        if cand.groups.get("fiscal") or cand.groups.get("pos"):
            return True  # "fiscal 1989", "mid-1990": the modifier makes the number a year
        if _TEMPORAL_LEAD.search(text[max(0, cand.start - 12) : cand.start]):
            return True
        return _overlaps((cand.start, cand.end), spacy_spans) and not _counts_a_noun(doc, cand.end)
    # Weak reference words ("current", "former") only inside a spaCy DATE of their own size.
    return any(s == cand.start and e == cand.end for s, e in spacy_spans)


def _from_spacy(text: str, start: int, end: int) -> Candidate | None:
    """The longest grammar reading inside a spaCy time entity (None when there is none)."""
    piece = text[start:end]
    inside = select(find_candidates(piece))
    if not inside:
        return None
    best = max(inside, key=lambda c: c.length)
    return Candidate(start + best.start, start + best.end, best.rule, best.groups)


def detect_timexes(doc: Doc) -> list[TimexSpan]:
    """Temporal expressions in ``doc``, in text order, without overlaps."""
    text = doc.text
    spacy_spans = _spacy_spans(doc)
    chosen = select([c for c in find_candidates(text) if _confirmed(c, doc, spacy_spans)])
    taken = [(c.start, c.end) for c in chosen]
    for start, end in spacy_spans:
        if _overlaps((start, end), taken):
            continue
        cand = _from_spacy(text, start, end)
        if cand is None or _in_a_title(cand, text) or _not_a_time(cand, text):
            continue
        if cand.rule != "year" or _confirmed(cand, doc, spacy_spans):
            chosen.append(cand)
            taken.append((cand.start, cand.end))
    chosen.sort(key=lambda c: c.start)
    return [TimexSpan(c.start, c.end, c) for c in chosen]
