"""Names of entities across articles: their words, cores, acronyms, index keys, and whether two match.

Pure functions over name strings: 'Zelensky' and 'Volodymyr Zelenskyy', 'GM' and 'General Motors
Corporation', 'Apple' and 'Apple Inc.' are the same name; 'Donald Trump' and 'Melania Trump' are not.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from dateline.corpus.lexicon import NAME_TITLES
from dateline.corpus.name_lexicon import ACRONYM_SKIP, ORG_FORM_WORDS, ORG_INDUSTRY_WORDS
from dateline.corpus.text import words

PREFIX = 5  # token prefix length for the candidate index: 'zelensky' and 'zelenskyy' share 'zelen'
NAME_RATIO = 88.0  # whole-name spelling variants
SURNAME_RATIO = 88.0  # surname spelling variants between a full name and a bare surname
WORD_RATIO = 80.0  # each word of a whole-name spelling variant


def name_tokens(name: str, type_: str | None = None) -> list[str]:
    """The words of a name without a possessive, and a person's without titles ('President', 'Gen.').

    Titles come off only a person's name (or one of unknown type): 'General Motors', 'Prince Edward
    Island' and 'Justice Department' keep their first word.
    """
    tokens = [w.removesuffix("'s") for w in words(name)]
    if type_ is None or type_ == "PERSON":
        tokens = [t for t in tokens if t not in NAME_TITLES]
    return tokens


def org_core(tokens: list[str], industry: bool = True) -> list[str]:
    """An organization's name without its legal form and (``industry``) generic industry tail.

    'ford motor company' and 'ford motor co' → 'ford'; 'apple inc' → 'apple'; 'chrysler holding llc'
    → 'chrysler'. The first word always stays.
    """
    tail = ORG_FORM_WORDS | ORG_INDUSTRY_WORDS if industry else ORG_FORM_WORDS
    core = list(tokens)
    while len(core) > 1 and core[-1] in tail:
        core.pop()
    return core


def type_group(type_: str) -> str:
    """Types that may name the same thing share a group (GPE and LOC and FAC are places)."""
    return "PLACE" if type_ in ("GPE", "LOC", "FAC") else type_


def _acronym(tokens: list[str]) -> str:
    return "".join(t[0] for t in tokens if t not in ACRONYM_SKIP)


def acronyms(tokens: list[str], type_: str) -> set[str]:
    """The acronyms a multi-word name may go by: 'General Motors Corporation' → 'gmc' and 'gm'."""
    if len(tokens) < 2 or type_ == "PERSON":
        return set()
    found = {_acronym(tokens), _acronym(org_core(tokens, industry=False))}
    return {a for a in found if len(a) >= 2}


def _word_for_word(ta: list[str], tb: list[str]) -> bool:
    """Two names whose words are spelling variants one by one: 'Volodymyr Zelensky' and 'Volodymyr
    Zelenskyy', not 'Chiang Mai Airport' and 'Changi Airport', 'China Eastern Airlines' and 'China
    Southern Airlines' or 'John Smith' and 'Joan Smith'."""
    return len(ta) == len(tb) and all(x == y or fuzz.ratio(x, y) >= WORD_RATIO for x, y in zip(ta, tb, strict=True))


def same_name(a: str, b: str, type_: str) -> bool:
    """Whether two names of one type can denote the same entity."""
    ta, tb = name_tokens(a, type_), name_tokens(b, type_)
    if not ta or not tb:
        return False
    ja, jb = " ".join(ta), " ".join(tb)
    if ja == jb or (_word_for_word(ta, tb) and fuzz.ratio(ja, jb) >= NAME_RATIO):
        return True  # spelling variants word for word
    if type_ == "ORG" and org_core(ta) == org_core(tb):
        return True  # 'Apple' and 'Apple Inc.', 'Ford' and 'Ford Motor Company'
    if type_ == "PERSON":
        if fuzz.ratio(ta[-1], tb[-1]) < SURNAME_RATIO:
            return False
        if len(ta) == 1 or len(tb) == 1:
            return True  # a bare surname: context decides between several people
        fa, fb = ta[0], tb[0]
        return fa[0] == fb[0] and (len(fa) == 1 or len(fb) == 1 or fuzz.ratio(fa, fb) >= 80)
    short, long_ = (ta, tb) if len(ja) <= len(jb) else (tb, ta)
    if len(short) == 1 and len(short[0]) >= 2 and short[0] in acronyms(long_, type_):
        return True  # 'UN' and 'United Nations', 'NATO' and 'North Atlantic Treaty Organization'
    # 'Kremlin' and 'the Kremlin', 'Ukraine' and 'Ukraine's': a name inside a longer name of a place
    # or organization only when it is most of it.
    return set(short) <= set(long_) and len(" ".join(short)) >= 0.7 * len(" ".join(long_))


def entity_keys(name: str, type_: str) -> list[str]:
    """Index keys of a name: its type group with each token's prefix and each acronym it may go by.

    The acronym keys let 'General Motors' find a corpus entity so far known only as 'GM'.
    """
    group = type_group(type_)
    tokens = name_tokens(name, type_)
    keys = {f"{group}:{t[:PREFIX]}" for t in tokens if len(t) >= 2}
    keys |= {f"{group}:{a[:PREFIX]}" for a in acronyms(tokens, type_)}
    return sorted(keys)
