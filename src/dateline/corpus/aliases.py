"""Judging a corpus entity by the names it has gone by: match levels, merge safety, display name.

Pure functions over alias strings (no SQL). ``entities.merge_entities`` asks how well a new name matches
an entity's aliases; ``entity_merge`` asks whether two entities' aliases may be one entity's and
which alias should name it.
"""

from __future__ import annotations

from collections.abc import Iterable

from dateline.corpus.lexicon import STOPWORDS
from dateline.corpus.name_lexicon import TAIL_MATCH_TYPES
from dateline.corpus.names import name_tokens, org_core, same_name
from dateline.corpus.text import normalize, words

STRONG = 2  # the same name: spelling variants, a legal form, an acronym, a title or a first name more
WEAK = 1  # a shorter organization name at the tail of a longer one: only with shared context
NONE = 0


def _tail_of(short: str, long_: str) -> bool:
    """'Air Force' at the tail of 'United States Air Force' (word-separated: not 'Boeing-Air Force')."""
    s, lng = normalize(short).removeprefix("the "), normalize(long_).removeprefix("the ")
    ts, tl = words(s), words(lng)
    if len(ts) < 2 or len(tl) <= len(ts) or tl[-len(ts) :] != ts:
        return False
    return lng.endswith(" " + s)


def name_match(name: str, alias: str, type_: str) -> int:
    """STRONG when two names are the same name, WEAK when one ends the other (organizations), else NONE."""
    if same_name(name, alias, type_):
        return STRONG
    if type_ in TAIL_MATCH_TYPES and (_tail_of(name, alias) or _tail_of(alias, name)):
        return WEAK
    return NONE


def is_full(alias: str, type_: str) -> bool:
    """A person's name with a first name, or any multi-word name: the forms that can contradict each other."""
    return len(name_tokens(alias, type_)) >= 2


def entity_match(name: str, aliases: Iterable[str], type_: str) -> int:
    """The best match level of a name against an entity's aliases.

    A person's full name must match one of the entity's full names when it has any: 'Dwayne Johnson'
    does not join 'Boris Johnson' through the bare 'Johnson' both were once called. A weak match
    must fit every full name the entity has gone by.
    """
    pool = list(aliases)
    full = [a for a in pool if is_full(a, type_)]
    if type_ == "PERSON" and is_full(name, type_):
        pool = full or pool
    level = NONE
    for alias in pool:
        level = max(level, name_match(name, alias, type_))
        if level == STRONG:
            return STRONG
    if level == WEAK and not all(name_match(name, a, type_) for a in full):
        return NONE  # 'Royal Saudi Air Force' does not end 'United States Air Force' though both end in 'Air Force'
    return level


def absorbable(smaller: Iterable[str], larger: Iterable[str], type_: str) -> bool:
    """Whether every full name of one entity matches a full name of another (so both may be one).

    Bare names ('Johnson', 'Apple') contradict nothing; 'Dwayne Johnson' contradicts 'Boris Johnson'
    and 'Apple Corps' contradicts 'Apple Inc.'.
    """
    theirs = [a for a in larger if is_full(a, type_)]
    if not theirs:
        return True
    return all(any(name_match(a, b, type_) for b in theirs) for a in smaller if is_full(a, type_))


def _acronym_like(alias: str) -> bool:
    letters = alias.replace(".", "").replace("&", "")
    return " " not in alias.strip() and letters.isalpha() and letters.isupper() and len(letters) <= 6


def _proper(alias: str) -> bool:
    """Not led by a stray function word the entity layer kept ('for Apple Corps')."""
    first = alias.split()[0] if alias.split() else ""
    return not (first.islower() and first in STOPWORDS)


def display_name(aliases: Iterable[tuple[str, int]], type_: str) -> str:
    """The name an entity goes by: its most frequent full form.

    A person's full form has a first name (forms differing only by a title count together and show
    without it: 'Donald Trump' for 'President Donald Trump'). Another entity's full form is not the
    tail of a longer alias ('Air Force' of 'United States Air Force'), nor an acronym used less
    than its spelled-out names together ('General Motors' over 'GM' x2, 'EADS' x5 over three
    spellings once each). Forms led by a stray function word ('for Apple Corps') come last. Ties go
    to the form without a legal form ('Chrysler' over 'Chrysler LLC'), then the longer, then the
    first in alphabetical order.
    """
    aliases = list(aliases)
    groups: dict[tuple[str, ...], list[tuple[str, int]]] = {}
    for alias, n in aliases:
        tokens = tuple(name_tokens(alias, type_))
        if tokens:
            groups.setdefault(tokens, []).append((alias, n))
    if not groups:
        return next(iter(a for a, _ in aliases), "")
    proper_names = [a for forms in groups.values() for a, _ in forms if _proper(a)]
    acronym = {t: all(_acronym_like(a) for a, _ in forms) for t, forms in groups.items()}
    spelled = sum(n for t, forms in groups.items() if not acronym[t] for _, n in forms)

    def surface(tokens: tuple[str, ...], forms: list[tuple[str, int]]) -> str:
        # Without a title first ('Donald Trump' over 'President Donald Trump'), then the most frequent.
        return min(forms, key=lambda f: (len(words(f[0])) != len(tokens), -f[1], -len(f[0]), f[0]))[0]

    def rank(tokens: tuple[str, ...], forms: list[tuple[str, int]]) -> tuple[int, ...]:
        shown, count = surface(tokens, forms), sum(n for _, n in forms)
        if type_ == "PERSON":
            full = len(tokens) >= 2
        else:
            full = (not acronym[tokens] or count > spelled) and not any(_tail_of(shown, o) for o in proper_names)
        legal = type_ == "ORG" and org_core(list(tokens), industry=False) != list(tokens)
        return (int(_proper(shown)), int(full), count, int(not legal), len(tokens), len(shown))

    ranked = {surface(t, f): rank(t, f) for t, f in groups.items()}
    best = max(ranked.values())
    return min(name for name, r in ranked.items() if r == best)


def merge_safe(members: list[list[str]], type_: str) -> bool:
    """Whether several entities' alias lists can all be one entity: each fits the richest of them."""
    anchor = max(members, key=lambda m: (sum(is_full(a, type_) for a in m), len(m)))
    return all(absorbable(m, anchor, type_) and absorbable(anchor, m, type_) for m in members if m is not anchor)


__all__ = [
    "NONE",
    "STRONG",
    "WEAK",
    "absorbable",
    "display_name",
    "entity_match",
    "is_full",
    "merge_safe",
    "name_match",
]
