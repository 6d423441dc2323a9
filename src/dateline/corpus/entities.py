"""Entities across articles: 'Zelensky', 'Zelenskyy' and 'Volodymyr Zelenskyy' become one entity.

Candidates come from an index of name-token prefixes (so spelling variants meet), are compared by
name (rapidfuzz) within compatible types, and ties are broken by context: the candidate that
shares more co-occurring entities with this article wins.
"""

from __future__ import annotations

import hashlib
import sqlite3

from rapidfuzz import fuzz

from dateline.corpus.lexicon import COMPATIBLE_TYPES, NAME_TITLES
from dateline.corpus.name_lexicon import ACRONYM_SKIP, ORG_FORM_WORDS, ORG_INDUSTRY_WORDS
from dateline.corpus.text import words
from dateline.schema import Article, Entity

PREFIX = 5  # token prefix length for the candidate index: 'zelensky' and 'zelenskyy' share 'zelen'
NAME_RATIO = 88.0  # whole-name spelling variants
SURNAME_RATIO = 88.0  # surname spelling variants between a full name and a bare surname
MAX_CANDIDATES = 50


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


def same_name(a: str, b: str, type_: str) -> bool:
    """Whether two names of one type can denote the same entity."""
    ta, tb = name_tokens(a, type_), name_tokens(b, type_)
    if not ta or not tb:
        return False
    ja, jb = " ".join(ta), " ".join(tb)
    if ja == jb or fuzz.ratio(ja, jb) >= NAME_RATIO:
        return True
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


def _entity_id(name: str, type_: str) -> str:
    digest = hashlib.sha1(f"{type_group(type_)}|{' '.join(name_tokens(name, type_))}".encode()).hexdigest()
    return "E" + digest[:15]


def _better_name(current: str, alias: str, type_: str) -> str:
    """The fuller form names the entity ('Volodymyr Zelenskyy' over 'Zelenskyy')."""
    mine, theirs = len(name_tokens(alias, type_)), len(name_tokens(current, type_))
    return alias if (mine, len(alias)) > (theirs, len(current)) else current


def resolve(conn: sqlite3.Connection, ent: Entity, context: set[str]) -> str | None:
    """The corpus entity this article entity is, or None when it is new."""
    candidates: set[str] = set()
    for key in entity_keys(ent.name, ent.type):
        for (entity,) in conn.execute(
            "SELECT entity FROM corpus_entity_keys WHERE key = ? LIMIT ?", (key, MAX_CANDIDATES)
        ):
            candidates.add(entity)
    allowed = COMPATIBLE_TYPES.get(ent.type, frozenset({ent.type}))
    matches: list[tuple[int, int, int, str]] = []
    for entity in sorted(candidates):
        seq, type_, n_articles = conn.execute(
            "SELECT seq, type, n_articles FROM corpus_entities WHERE id = ?", (entity,)
        ).fetchone()
        if type_ not in allowed:
            continue
        aliases = [a for (a,) in conn.execute("SELECT alias FROM corpus_entity_aliases WHERE entity = ?", (entity,))]
        if not any(same_name(ent.name, alias, ent.type) for alias in aliases):
            continue
        shared = _shared_context(conn, entity, context)
        matches.append((-shared, -n_articles, seq, entity))
    return min(matches)[3] if matches else None


def _shared_context(conn: sqlite3.Connection, entity: str, context: set[str]) -> int:
    """How many of this article's other entities co-occurred with a candidate in its latest articles."""
    if not context:
        return 0
    recent = [
        r[0]
        for r in conn.execute(
            "SELECT article FROM corpus_entity_mentions WHERE entity = ? ORDER BY rowid DESC LIMIT 20",
            (entity,),
        )
    ]
    marks = ",".join("?" * len(recent))
    seen = {r[0] for r in conn.execute(f"SELECT entity FROM corpus_entity_mentions WHERE article IN ({marks})", recent)}
    return len(seen & context)


def merge_entities(conn: sqlite3.Connection, article: Article, seq: int) -> dict[str, str]:
    """Link each entity of the article to a corpus entity (new or existing); local id → corpus id."""
    local_to_global: dict[str, str] = {}
    # The longest names first: 'Volodymyr Zelenskyy' resolved before a stray 'Zelensky' in the same text.
    ordered = sorted(article.entities, key=lambda e: (-len(e.name), e.id))
    for ent in ordered:
        if len(name_tokens(ent.name, ent.type)) == 0:
            continue
        context = set(local_to_global.values())
        found = resolve(conn, ent, context)
        if found is None:
            found = _entity_id(ent.name, ent.type)
            while conn.execute("SELECT 1 FROM corpus_entities WHERE id = ?", (found,)).fetchone():
                found = "E" + hashlib.sha1(found.encode()).hexdigest()[:15]
            conn.execute(
                "INSERT INTO corpus_entities (id, seq, name, type, n_articles) VALUES (?, ?, ?, ?, 0)",
                (found, seq, ent.name, ent.type),
            )
        _record(conn, found, ent, article.id, already=found in local_to_global.values())
        local_to_global[ent.id] = found
    for quote in article.quotes:
        if quote.speaker and quote.speaker.entity in local_to_global:
            conn.execute(
                "INSERT INTO corpus_entity_quotes (entity, article, text, kind) VALUES (?, ?, ?, ?)",
                (local_to_global[quote.speaker.entity], article.id, quote.text, quote.kind.value),
            )
    return local_to_global


def _record(conn: sqlite3.Connection, entity: str, ent: Entity, article: str, already: bool) -> None:
    conn.execute(
        "INSERT INTO corpus_entity_aliases (entity, alias, n) VALUES (?, ?, 1) "
        "ON CONFLICT (entity, alias) DO UPDATE SET n = n + 1",
        (entity, ent.name),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO corpus_entity_keys (key, entity) VALUES (?, ?)",
        [(key, entity) for key in entity_keys(ent.name, ent.type)],
    )
    conn.execute(
        "INSERT INTO corpus_entity_mentions (entity, article, local_id, n_mentions) VALUES (?, ?, ?, ?)",
        (entity, article, ent.id, len(ent.mentions)),
    )
    name = conn.execute("SELECT name FROM corpus_entities WHERE id = ?", (entity,)).fetchone()[0]
    conn.execute(
        "UPDATE corpus_entities SET name = ?, n_articles = n_articles + ? WHERE id = ?",
        (_better_name(name, ent.name, ent.type), 0 if already else 1, entity),
    )
