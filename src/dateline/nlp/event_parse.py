"""Small readings of the dependency parse that the event modules share."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from dateline.nlp.event_lexicon import lemma_fixes

# Links by which a participle or complement clause hangs off the clause it shares arguments with.
CLAUSE_LINKS = frozenset({"advcl", "conj", "xcomp", "acl", "pcomp", "relcl"})


def lemma_of(tok: Token) -> str:
    """The lower-cased lemma, with the lemmatizer's known slips fixed ("raped" -> rape, not rap)."""
    return lemma_fixes().get(tok.lower_) or tok.lemma_.lower()


def near(tok: Token) -> Iterator[Token]:
    """Children and grandchildren, and for a participle its head's children (the shared clause)."""
    for child in tok.children:
        yield child
        yield from child.children
    if tok.dep_ in CLAUSE_LINKS and tok.head.i != tok.i:
        yield tok.head
        for sibling in tok.head.children:
            if sibling.i != tok.i:
                yield sibling
                yield from sibling.children


def words(tokens: Iterator[Token] | list[Token]) -> set[str]:
    return {w for t in tokens for w in (lemma_of(t), t.lower_)}


def objects(tok: Token) -> list[Token]:
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr", "obj")]
    for prep in (c for c in tok.children if c.dep_ == "prep"):
        objs.extend(c for c in prep.children if c.dep_ == "pobj")
    return objs + [c for o in objs for c in o.conjuncts]


def particle(tok: Token, *words: str) -> bool:
    return any(c.dep_ == "prt" and c.lower_ in words for c in tok.children)


def with_of(tokens: list[Token]) -> list[Token]:
    """Noun phrase heads and what they quantify: "a number of barracks" -> number, barracks."""
    out = list(tokens)
    for tok in tokens:
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
            out += [p for p in prep.children if p.dep_ == "pobj"]
    return out + [c for t in out for c in t.conjuncts]


def subject_chain(tok: Token) -> Token | None:
    for _ in range(4):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None or tok.dep_ not in ("xcomp", "advcl", "conj") or tok.head.i == tok.i:
            return subj
        tok = tok.head
    return None
