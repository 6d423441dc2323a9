"""Entities across articles: 'Zelensky', 'Zelenskyy' and 'Volodymyr Zelenskyy' become one entity.

Candidates come from an index of name-token prefixes (so spelling variants meet), are compared by
name (rapidfuzz) within compatible types, and ties are broken by context: the candidate that
shares more co-occurring entities with this article wins. A shorter organization name at the tail
of a longer one ('Air Force', 'United States Air Force') is a weak match, taken only with shared
context and only when no candidate matches outright.

When one article name matches several corpus entities that can all be one (no two contradicting
full names, each sharing context with the article), they are merged after the fact into the oldest
(``entity_merge``): 'Air Force' of article 1 and 'United States Air Force' of article 5 become one
once an article ties them. Bare surnames never merge two people with different first names.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass, replace

from dateline.corpus.aliases import STRONG, WEAK, entity_match, merge_safe
from dateline.corpus.entity_merge import aliases_of, canonical, merge_group, refresh_name
from dateline.corpus.lexicon import COMPATIBLE_TYPES
from dateline.corpus.names import (
    NAME_RATIO,
    PREFIX,
    SURNAME_RATIO,
    acronyms,
    entity_keys,
    name_tokens,
    org_core,
    same_name,
    type_group,
)
from dateline.schema import Article, Entity, QuoteAct

MAX_CANDIDATES = 50  # corpus entities read per index key
MAX_ALIASES = 200  # aliases read per candidate (the most frequent)

__all__ = [
    "NAME_RATIO",
    "PREFIX",
    "SURNAME_RATIO",
    "Candidate",
    "acronyms",
    "candidates",
    "entity_keys",
    "merge_entities",
    "name_tokens",
    "org_core",
    "pick",
    "same_name",
    "surface_forms",
    "type_group",
]


@dataclass(frozen=True)
class Candidate:
    """A corpus entity an article name may be: how well the name matches and how much context it shares."""

    entity: str
    level: int
    shared: int
    n_articles: int
    seq: int
    type: str


def surface_forms(ent: Entity) -> list[str]:
    """Other names an article wrote for an organization or place ('SIA' for 'Singapore Airlines').

    Kept as aliases (counted zero times as the entity's name) so a later article that uses only the
    short form finds the entity. A person's other forms are surnames or first names: the surname
    already matches by name, and a bare first name would tie strangers together.
    """
    if ent.type == "PERSON":
        return []
    forms = {m.text.strip() for m in ent.mentions} - {ent.name}
    return sorted(f for f in forms if f[:1].isupper() and name_tokens(f, ent.type))


def _entity_id(name: str, type_: str) -> str:
    digest = hashlib.sha1(f"{type_group(type_)}|{' '.join(name_tokens(name, type_))}".encode()).hexdigest()
    return "E" + digest[:15]


def candidates(conn: sqlite3.Connection, name: str, type_: str, context: set[str]) -> list[Candidate]:
    """The corpus entities of a compatible type whose aliases match the name, strong or weak."""
    found: set[str] = set()
    for key in entity_keys(name, type_):
        for (entity,) in conn.execute(
            "SELECT entity FROM corpus_entity_keys WHERE key = ? LIMIT ?", (key, MAX_CANDIDATES)
        ):
            found.add(entity)
    allowed = COMPATIBLE_TYPES.get(type_, frozenset({type_}))
    out: list[Candidate] = []
    for entity in sorted(found):
        seq, their_type, n_articles = conn.execute(
            "SELECT seq, type, n_articles FROM corpus_entities WHERE id = ?", (entity,)
        ).fetchone()
        if their_type not in allowed:
            continue
        level = entity_match(name, [a for a, _ in aliases_of(conn, entity, MAX_ALIASES)], type_)
        if level:
            out.append(Candidate(entity, level, 0, n_articles, seq, their_type))
    if len(out) == 1 and out[0].level == STRONG:
        return out  # nothing to weigh: context is read only to choose or to back a weak match
    return [replace(c, shared=_shared_context(conn, c.entity, context - {c.entity})) for c in out]


def _bridged(conn: sqlite3.Connection, ent: Entity, context: set[str]) -> list[Candidate]:
    """The corpus entities the article's other names for the entity match outright ('SIA')."""
    found: dict[str, Candidate] = {}
    for form in surface_forms(ent):
        for c in candidates(conn, form, ent.type, context):
            if c.level == STRONG:
                found.setdefault(c.entity, c)
    return [found[e] for e in sorted(found)]


def pick(found: list[Candidate]) -> Candidate | None:
    """The entity a name is: the best outright match by shared context, articles and age; else a weak
    match that shares context; else none (a new entity)."""
    pool = [c for c in found if c.level == STRONG] or [c for c in found if c.level == WEAK and c.shared > 0]
    return min(pool, key=lambda c: (-c.shared, -c.n_articles, c.seq, c.entity)) if pool else None


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
    """Link each entity of the article to a corpus entity (new or existing); local id → corpus id.

    Names that matched several existing entities are looked at again once the whole article is
    linked: the entities merge when they can all be one and each shares context with the article.
    """
    local_to_global: dict[str, str] = {}
    proposals: list[tuple[Entity, list[Candidate]]] = []
    # The longest names first: 'Volodymyr Zelenskyy' resolved before a stray 'Zelensky' in the same text.
    ordered = sorted(article.entities, key=lambda e: (-len(e.name), e.id))
    for ent in ordered:
        if len(name_tokens(ent.name, ent.type)) == 0:
            continue
        context = set(local_to_global.values())
        found = candidates(conn, ent.name, ent.type, context)
        bridged = _bridged(conn, ent, context)
        best = pick(found) or pick(bridged)
        found += [c for c in bridged if c.entity not in {f.entity for f in found}]
        if best is None:
            entity = _entity_id(ent.name, ent.type)
            while conn.execute("SELECT 1 FROM corpus_entities WHERE id = ?", (entity,)).fetchone():
                entity = "E" + hashlib.sha1(entity.encode()).hexdigest()[:15]
            conn.execute(
                "INSERT INTO corpus_entities (id, seq, name, type, n_articles) VALUES (?, ?, ?, ?, 0)",
                (entity, seq, ent.name, ent.type),
            )
        else:
            entity = best.entity
        _record(conn, entity, ent, article.id, already=entity in local_to_global.values())
        local_to_global[ent.id] = entity
        if best is not None and len(found) > 1:
            proposals.append((ent, found))
    for ent, found in proposals:
        _merge_if_one(conn, ent, found, local_to_global, article.id, seq)
    for quote in article.quotes:  # what it said; stances and what it did not say are not its quotes
        if (
            quote.speaker
            and quote.speaker.entity in local_to_global
            and quote.act == QuoteAct.speech
            and not quote.negated
        ):
            conn.execute(
                "INSERT INTO corpus_entity_quotes (entity, article, text, kind) VALUES (?, ?, ?, ?)",
                (local_to_global[quote.speaker.entity], article.id, quote.text, quote.kind.value),
            )
    return local_to_global


def _merge_if_one(
    conn: sqlite3.Connection,
    ent: Entity,
    found: list[Candidate],
    local_to_global: dict[str, str],
    article: str,
    seq: int,
) -> None:
    """Merge the entities one article name matched, when they can be one; re-point the article's map."""
    chosen = canonical(conn, local_to_global[ent.id])
    group_type = type_group(ent.type)
    members = {canonical(conn, c.entity) for c in found}
    members = {m for m in members if m != chosen and _type_group_of(conn, m) == group_type}
    if not members:
        return
    context = {canonical(conn, e) for e in local_to_global.values()} - members - {chosen}
    members = {m for m in members if _shared_context(conn, m, context) > 0}
    if not members:
        return
    group = sorted(members | {chosen})
    if not merge_safe([[a for a, _ in aliases_of(conn, m, MAX_ALIASES)] for m in group], ent.type):
        return
    survivor = merge_group(conn, group, article, seq)
    for local, entity in local_to_global.items():
        if entity in group:
            local_to_global[local] = survivor


def _type_group_of(conn: sqlite3.Connection, entity: str) -> str:
    (type_,) = conn.execute("SELECT type FROM corpus_entities WHERE id = ?", (entity,)).fetchone()
    return type_group(str(type_))


def _record(conn: sqlite3.Connection, entity: str, ent: Entity, article: str, already: bool) -> None:
    conn.execute(
        "INSERT INTO corpus_entity_aliases (entity, alias, n) VALUES (?, ?, 1) "
        "ON CONFLICT (entity, alias) DO UPDATE SET n = n + 1",
        (entity, ent.name),
    )
    forms = surface_forms(ent)
    conn.executemany(
        "INSERT OR IGNORE INTO corpus_entity_aliases (entity, alias, n) VALUES (?, ?, 0)", [(entity, f) for f in forms]
    )
    conn.executemany(
        "INSERT OR IGNORE INTO corpus_entity_keys (key, entity) VALUES (?, ?)",
        sorted({(key, entity) for name in [ent.name, *forms] for key in entity_keys(name, ent.type)}),
    )
    conn.execute(
        "INSERT INTO corpus_entity_mentions (entity, article, local_id, n_mentions) VALUES (?, ?, ?, ?)",
        (entity, article, ent.id, len(ent.mentions)),
    )
    conn.execute("UPDATE corpus_entities SET n_articles = n_articles + ? WHERE id = ?", (0 if already else 1, entity))
    refresh_name(conn, entity)
