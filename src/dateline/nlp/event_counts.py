"""Amounts tied to events, and casualties: "killing at least two people and wounding five more".

An amount belongs to the nearest event trigger above its counted noun in the parse. When the way up
passes a casualty verb (kill, injure, wound, die), the amount is a casualty count of that event.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.nlp.amounts import counted_token
from dateline.nlp.event_lexicon import casualty_verbs, cue_sets
from dateline.nlp.event_parse import lemma_of
from dateline.schema import Amount, Approx, Casualties, Range

MAX_STEPS = 5


def range_of(amount: Amount) -> Range:
    """The min/max a reported count allows ("at least one" -> min 1; "more than 270" -> min 271)."""
    value = int(amount.value)
    if amount.max_value is not None:
        return Range(min=value, max=int(amount.max_value))
    approx = amount.approx
    if approx is Approx.at_least:
        return Range(min=value, max=None)
    if approx is Approx.more_than:
        return Range(min=value + 1, max=None)
    if approx is Approx.at_most:
        return Range(min=None, max=value)
    if approx is Approx.fewer_than:
        return Range(min=None, max=max(value - 1, 0))
    return Range(min=value, max=value)  # exact, or "about": the reported figure


def _amount_tokens(doc: Doc, amount: Amount) -> tuple[Token, Token | None] | None:
    span = doc.char_span(amount.start, amount.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    for tok in reversed(span):
        counted = counted_token(doc, tok)
        if counted is not None:
            return tok, counted
    return span[-1], None


def owner_of(doc: Doc, amount: Amount, trigger_of: dict[int, int]) -> tuple[int, str | None] | None:
    """(event index, casualty kind or None) for an amount, given token index -> event index."""
    found = _amount_tokens(doc, amount)
    if found is None:
        return None
    number, counted = found
    tok = counted if counted is not None else number
    kind: str | None = None
    for _ in range(MAX_STEPS):
        lemma = tok.lemma_.lower()
        if lemma in casualty_verbs() and kind is None and tok.pos_ == "VERB":
            kind = casualty_verbs()[lemma]
        if tok.i in trigger_of:
            return trigger_of[tok.i], kind
        if kind is not None and lemma in casualty_verbs():
            # "five died in the attack": a casualty verb points to its event through a complement.
            for prep in (c for c in tok.children if c.dep_ in ("prep", "agent")):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    if pobj.i in trigger_of:
                        return trigger_of[pobj.i], kind
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return None


def add_casualty(casualties: Casualties | None, kind: str, amount: Amount) -> Casualties:
    """Casualties with one more reported count (the larger count wins when one is said twice)."""
    result = casualties or Casualties()
    new = range_of(amount)
    old = getattr(result, kind)
    if old is None or (new.min or 0) > (old.min or 0):
        setattr(result, kind, new)
    return result


def single_casualties(tokens: list[Token]) -> list[str]:
    """Casualty kinds said with a singular noun and no number: "killing a policeman" -> killed."""
    humans = cue_sets()["human"] | cue_sets()["protest_agents"] | {"policeman", "officer", "guard", "journalist"}
    kinds = []
    for tok in tokens:
        kind = casualty_verbs().get(lemma_of(tok))
        if kind is None and any(
            c.lower_ == "dead" or (c.lower_ == "to" and "death" in [g.lower_ for g in c.children]) for c in tok.children
        ):
            kind = "killed"  # "shot dead", "beaten to death"
        if kind is None:
            continue
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        for obj in (c for c in tok.children if c.dep_ == "dobj" or (passive and c.dep_ == "nsubjpass")):
            for noun in (obj, *obj.conjuncts):
                singular = any(d.lower_ in ("a", "an", "one") for d in noun.children if d.dep_ in ("det", "nummod"))
                if singular and lemma_of(noun) in humans and noun.tag_ == "NN":
                    kinds.append(kind)
    return kinds


def add_single_casualty(casualties: Casualties | None, kind: str) -> Casualties:
    """Casualties with one more person of a kind."""
    result = casualties or Casualties()
    setattr(result, kind, Range(min=1, max=1))
    return result
