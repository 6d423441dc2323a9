"""Two corpus entities found to be one after the fact, and the name an entity goes by.

'Air Force' seen in one article and 'United States Air Force' in another start as two entities;
when a later article shows them to be one, the younger is folded into the older: its mentions,
aliases, index keys, quotes and event roles move to the older id, which stays stable, and the
merge is recorded in ``corpus_entity_merges`` (loser → survivor) so an id handed out earlier still
leads somewhere. All statements run on the caller's connection, inside its savepoint.
"""

from __future__ import annotations

import sqlite3

from dateline.corpus.aliases import display_name
from dateline.corpus.names import entity_keys

MAX_NAME_ALIASES = 50  # the most frequent aliases read to choose a display name


def canonical(conn: sqlite3.Connection, entity: str) -> str:
    """The id an entity lives on under: itself, or the entity it was merged into."""
    row = conn.execute("SELECT survivor FROM corpus_entity_merges WHERE loser = ?", (entity,)).fetchone()
    return str(row[0]) if row else entity


def aliases_of(conn: sqlite3.Connection, entity: str, limit: int = 200) -> list[tuple[str, int]]:
    """An entity's aliases with how often each was its name in an article, most frequent first."""
    return [
        (str(a), int(n))
        for a, n in conn.execute(
            "SELECT alias, n FROM corpus_entity_aliases WHERE entity = ? ORDER BY n DESC, alias LIMIT ?",
            (entity, limit),
        )
    ]


def refresh_name(conn: sqlite3.Connection, entity: str) -> None:
    """Set the entity's display name from its aliases (see ``aliases.display_name``)."""
    (type_,) = conn.execute("SELECT type FROM corpus_entities WHERE id = ?", (entity,)).fetchone()
    name = display_name(aliases_of(conn, entity, MAX_NAME_ALIASES), type_)
    if name:
        conn.execute("UPDATE corpus_entities SET name = ? WHERE id = ?", (name, entity))


def _age(conn: sqlite3.Connection, entity: str) -> tuple[int, int]:
    seq, rowid = conn.execute("SELECT seq, rowid FROM corpus_entities WHERE id = ?", (entity,)).fetchone()
    return int(seq), int(rowid)


def merge_group(conn: sqlite3.Connection, members: list[str], article: str, seq: int) -> str:
    """Fold several corpus entities into the oldest of them; the surviving id."""
    ordered = sorted(set(members), key=lambda e: _age(conn, e))
    survivor = ordered[0]
    for loser in ordered[1:]:
        merge_into(conn, survivor, loser, article, seq)
    refresh_name(conn, survivor)
    return survivor


def merge_into(conn: sqlite3.Connection, survivor: str, loser: str, article: str, seq: int) -> None:
    """Move everything of ``loser`` onto ``survivor`` and record the merge (``article`` is the evidence)."""
    (type_,) = conn.execute("SELECT type FROM corpus_entities WHERE id = ?", (loser,)).fetchone()
    aliases = aliases_of(conn, loser, limit=-1)
    conn.execute("UPDATE corpus_entity_mentions SET entity = ? WHERE entity = ?", (survivor, loser))
    conn.executemany(
        "INSERT INTO corpus_entity_aliases (entity, alias, n) VALUES (?, ?, ?) "
        "ON CONFLICT (entity, alias) DO UPDATE SET n = n + excluded.n",
        [(survivor, alias, n) for alias, n in aliases],
    )
    conn.execute("DELETE FROM corpus_entity_aliases WHERE entity = ?", (loser,))
    keys = sorted({key for alias, _ in aliases for key in entity_keys(alias, type_)})
    conn.executemany(
        "INSERT OR IGNORE INTO corpus_entity_keys (key, entity) VALUES (?, ?)", [(k, survivor) for k in keys]
    )
    conn.execute(  # and every key the loser was indexed under, so none points to a deleted entity
        "INSERT OR IGNORE INTO corpus_entity_keys (key, entity) SELECT key, ? FROM corpus_entity_keys WHERE entity = ?",
        (survivor, loser),
    )
    conn.execute("DELETE FROM corpus_entity_keys WHERE entity = ?", (loser,))
    conn.execute("UPDATE corpus_entity_quotes SET entity = ? WHERE entity = ?", (survivor, loser))
    conn.execute(
        "INSERT OR IGNORE INTO corpus_event_entities (event, entity, role) "
        "SELECT event, ?, role FROM corpus_event_entities WHERE entity = ?",
        (survivor, loser),
    )
    conn.execute("DELETE FROM corpus_event_entities WHERE entity = ?", (loser,))
    conn.execute("DELETE FROM corpus_entities WHERE id = ?", (loser,))
    conn.execute(
        "UPDATE corpus_entities SET n_articles = "
        "(SELECT COUNT(DISTINCT article) FROM corpus_entity_mentions WHERE entity = ?) WHERE id = ?",
        (survivor, survivor),
    )
    conn.execute("UPDATE corpus_entity_merges SET survivor = ? WHERE survivor = ?", (survivor, loser))
    conn.execute(
        "INSERT INTO corpus_entity_merges (loser, survivor, article, seq) VALUES (?, ?, ?, ?)",
        (loser, survivor, article, seq),
    )
