"""The amounts layer: numbers that count something, with their approximation and counted object.

"more than 270 drones", "at least one person", "1,000 prisoners", "a dozen", "hundreds of
protesters", "$40 billion", "30-day", "between 10 and 20 soldiers". The cue words are data
(``data/amount_cues.json``); number parsing is pure and tested on its own.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Doc, Span, Token

from dateline.nlp.state import ArticleState
from dateline.schema import Amount, Approx

# Entities whose numbers are not counts (times belong to the times layer).
_SKIP_LABELS = frozenset({"DATE", "TIME", "ORDINAL"})
# "30-day", "72-hour": a duration used as a modifier still counts units.
_HYPHEN_UNIT = re.compile(r"^(\d+(?:\.\d+)?)[-‑](day|week|month|year|hour|minute|mile|kilometre|kilometer|km)s?$", re.I)
_DIGITS = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[+-]?\d+(?:\.\d+)?$")
_RANGE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)[-–](\d[\d,]*(?:\.\d+)?)$")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


@dataclass(frozen=True)
class AmountCues:
    """The cue tables of ``data/amount_cues.json``."""

    approx: dict[str, str]
    numbers: dict[str, float]
    multipliers: dict[str, float]
    vague: dict[str, float]
    currencies: dict[str, str]


@functools.lru_cache(maxsize=1)
def amount_cues() -> AmountCues:
    """Load the amount cue tables (read-only package data)."""
    raw = json.loads(resources.files("dateline.nlp.data").joinpath("amount_cues.json").read_text("utf-8"))
    return AmountCues(
        approx=raw["approx"],
        numbers={k: float(v) for k, v in raw["numbers"].items()},
        multipliers={k: float(v) for k, v in raw["multipliers"].items()},
        vague={k: float(v) for k, v in raw["vague"].items()},
        currencies=raw["currencies"],
    )


def parse_number(words: list[str]) -> float | None:
    """The value of a written number: ``["1,000"]``, ``["three", "hundred"]``, ``["1.5", "million"]``."""
    cues = amount_cues()
    total = 0.0
    current = 0.0
    seen = False
    for raw in words:
        word = raw.lower().replace(",", "") if _DIGITS.match(raw) else raw.lower()
        if word in ("and", "a"):
            continue
        if _DIGITS.match(word):
            current += float(word)
            seen = True
        elif word in cues.numbers:
            current += cues.numbers[word]
            seen = True
        elif word in cues.multipliers:
            mult = cues.multipliers[word]
            if not seen:
                current = 1.0
            if mult == 100:
                current *= mult
            else:
                total += current * mult
                current = 0.0
            seen = True
        else:
            hyphen = word.split("-")
            if len(hyphen) == 2 and all(h in cues.numbers for h in hyphen):  # "twenty-five"
                current += cues.numbers[hyphen[0]] + cues.numbers[hyphen[1]]
                seen = True
            else:
                return None
    return total + current if seen else None


def _is_number_token(tok: Token) -> bool:
    cues = amount_cues()
    low = tok.lower_
    if low in cues.multipliers:  # "million" counts only after a number: "1.5 million"
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        return prev is not None and (bool(_DIGITS.match(prev.text)) or prev.lower_ in cues.numbers)
    if low in cues.numbers:
        return low not in ("one",) or tok.pos_ == "NUM"
    if _DIGITS.match(tok.text) or _RANGE.match(tok.text):
        return True
    parts = low.split("-")
    return len(parts) == 2 and all(p in cues.numbers for p in parts)


def _approx_before(doc: Doc, start: int) -> tuple[int, Approx]:
    """The approximation cue ending just before token ``start``, longest first."""
    cues = amount_cues()
    for width in (3, 2, 1):
        if start - width < 0:
            continue
        phrase = " ".join(t.lower_ for t in doc[start - width : start])
        if phrase in cues.approx:
            return start - width, Approx(cues.approx[phrase])
    return start, Approx.exact


def counted_token(doc: Doc, number: Token) -> Token | None:
    """The noun that a number token counts: "270 drones" → drones, "hundreds of people" → people."""
    for child in number.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            if pobj:
                return pobj[0]
    head = number.head
    if number.dep_ == "conj" and head.i != number.i:  # "10 and 20 soldiers": the range's first number
        return counted_token(doc, head)
    if number.dep_ in ("nummod", "quantmod", "compound", "amod", "npadvmod") and head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        if head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN") and head.lower_ in ("percent",):
            return head
        return head
    if number.dep_ == "nummod" and head.dep_ == "quantmod":
        return counted_token(doc, head)
    return None


def _skip_spans(doc: Doc) -> list[Span]:
    """Time entities, except a mislabelled count ("between 10 and 20 soldiers") or "30-day"."""
    skip = []
    for ent in doc.ents:
        if ent.label_ not in _SKIP_LABELS or _HYPHEN_UNIT.match(ent.text.replace(" ", "")):
            continue
        nums = [t for t in ent if t.like_num]
        counted = counted_token(doc, nums[0]) if nums else None
        if counted is not None and not (ent.start <= counted.i < ent.end) and counted.pos_ == "NOUN":
            continue
        skip.append(ent)
    return skip


def find_amounts(doc: Doc) -> list[tuple[Amount, int]]:
    """Every counting amount in the document, each with the index of its last number token."""
    cues = amount_cues()
    skipped = {t.i for span in _skip_spans(doc) for t in span}
    found: list[tuple[Amount, int]] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in skipped:
            i += 1
            continue
        hyphen = _HYPHEN_UNIT.match(tok.text) or (
            i + 2 < len(doc) and doc[i + 1].text in ("-", "‑") and _HYPHEN_UNIT.match(tok.text + "-" + doc[i + 2].text)
        )
        if hyphen:  # "30-day": one token or three
            end = i + 1 if _HYPHEN_UNIT.match(tok.text) else i + 3
            start, approx = _approx_before(doc, i)
            found.append((_amount(doc[start:end], float(hyphen.group(1)), approx, hyphen.group(2).lower()), end - 1))
            i = end
            continue
        vague = _vague_at(doc, i)
        if vague is not None:
            end, value = vague
            start, approx = _approx_before(doc, i)
            bare = approx is Approx.exact and doc[i].lower_ in cues.vague
            if bare or doc[start:i].text.lower() == "some":  # "hundreds of", "some dozens of"
                approx = Approx.at_least
            obj = counted_token(doc, doc[end - 1])
            found.append((_amount(doc[start:end], value, approx, obj.text if obj is not None else None), end - 1))
            i = end
            continue
        if not _is_number_token(tok) or (_YEAR.match(tok.text) and counted_token(doc, tok) is None):
            i += 1
            continue
        end = i + 1
        while (
            end < len(doc)
            and end not in skipped
            and (
                doc[end].lower_ in cues.multipliers or (_is_number_token(doc[end]) and not _RANGE.match(doc[end].text))
            )
        ):
            end += 1
        amount = _amount_from(doc, i, end)
        if amount is not None:
            found.append(amount)
            i = amount[1] + 1
        else:
            i = end
    return found


@functools.lru_cache(maxsize=1)
def _phrase_starts() -> frozenset[str]:
    cues = amount_cues()
    return frozenset(p.split()[0] for p in [*cues.vague, *cues.numbers] if " " in p or p in cues.vague)


def _vague_at(doc: Doc, i: int) -> tuple[int, float] | None:
    """ "hundreds of", "tens of thousands of", "a dozen": (end token, value) when one starts at ``i``."""
    cues = amount_cues()
    if doc[i].lower_ not in _phrase_starts():
        return None
    for width in (4, 3, 2, 1):
        if i + width > len(doc):
            continue
        phrase = " ".join(t.lower_ for t in doc[i : i + width])
        if phrase in cues.vague:
            return i + width, cues.vague[phrase]
        if width >= 2 and phrase in cues.numbers and not _DIGITS.match(doc[i].text):  # "a dozen", "half a dozen"
            return i + width, cues.numbers[phrase]
    return None


def _amount_from(doc: Doc, i: int, end: int) -> tuple[Amount, int] | None:
    cues = amount_cues()
    words = [t.text for t in doc[i:end]]
    value_max: float | None = None
    ranged = _RANGE.match(words[0]) if len(words) == 1 else None
    if ranged:
        value = float(ranged.group(1).replace(",", ""))
        value_max = float(ranged.group(2).replace(",", ""))
    else:
        parsed = parse_number(words)
        if parsed is None:
            return None
        value = parsed
    last = end - 1
    # "10 to 20 soldiers", "between 10 and 20": a range shares one object.
    if end + 1 < len(doc) and doc[end].lower_ in ("to", "-", "–", "and", "or") and _is_number_token(doc[end + 1]):
        more = end + 2
        while more < len(doc) and (doc[more].lower_ in cues.multipliers or _is_number_token(doc[more])):
            more += 1
        upper = parse_number([t.text for t in doc[end + 1 : more]])
        if upper is not None and upper > value and (doc[end].lower_ != "and" or doc[i - 1].lower_ == "between"):
            value_max, last, end = upper, more - 1, more
    start, approx = _approx_before(doc, i)
    if start > 0 and doc[start - 1].lower_ == "between" and value_max is not None:
        start -= 1
    obj_tok = counted_token(doc, doc[last]) or counted_token(doc, doc[i])  # "5-10 rockets"
    obj = obj_tok.text if obj_tok is not None else None
    # "$40 billion": the currency is the counted object.
    if start > 0 and doc[start - 1].text in cues.currencies:
        obj = cues.currencies[doc[start - 1].text]
        start -= 1
    elif obj_tok is not None and obj_tok.lemma_.lower() in cues.currencies:
        obj = cues.currencies[obj_tok.lemma_.lower()]
    if obj is None and end < len(doc) and doc[end].lower_ in ("percent", "%", "per"):
        obj = "percent"
    if obj is None and doc[i].lower_ == "one":  # "no one", "the one who…": not a count
        return None
    return _amount(doc[start : last + 1], value, approx, obj, value_max), last


def annotate_amounts(state: ArticleState) -> None:
    """Fill ``state.amounts``: every counting number in the text, in text order."""
    state.amounts = [amount for amount, _ in find_amounts(state.doc)]


def _amount(span: Span, value: float, approx: Approx, obj: str | None, max_value: float | None = None) -> Amount:
    """The contract record for an amount read over ``span``."""
    return Amount(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        value=value,
        approx=approx,
        object=obj,
        max_value=max_value,
    )
