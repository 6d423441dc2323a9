"""The store's schema as an ordered list of recorded migrations.

Each migration runs once, inside its own transaction, and is recorded in ``schema_migrations``.
Append new migrations at the end; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import NamedTuple


class Migration(NamedTuple):
    """One schema step: applied in ``version`` order, recorded under ``name``."""

    version: int
    name: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles and their layers",
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            source_path TEXT,
            url TEXT,
            title TEXT,
            published TEXT,
            site TEXT,
            dateline_place TEXT,
            dateline_agency TEXT,
            schema_version TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            json TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles (published);

        CREATE TABLE entities (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            roles TEXT NOT NULL DEFAULT '[]',
            mentions INTEGER NOT NULL,
            PRIMARY KEY (article_id, entity_id)
        );
        CREATE INDEX entities_name ON entities (name, type);

        CREATE TABLE quotes (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            speaker_name TEXT,
            speaker_entity TEXT,
            speaker_text TEXT,
            cue TEXT,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            PRIMARY KEY (article_id, seq)
        );
        CREATE INDEX quotes_speaker ON quotes (speaker_name);

        CREATE TABLE times (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            text TEXT NOT NULL,
            type TEXT NOT NULL,
            value TEXT,
            utc TEXT,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            PRIMARY KEY (article_id, seq)
        );

        CREATE TABLE events (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            event_id TEXT NOT NULL,
            type TEXT NOT NULL,
            mode TEXT,
            status TEXT NOT NULL,
            trigger TEXT NOT NULL,
            actors TEXT NOT NULL DEFAULT '[]',
            actor_names TEXT NOT NULL DEFAULT '[]',
            targets TEXT NOT NULL DEFAULT '[]',
            target_names TEXT NOT NULL DEFAULT '[]',
            location TEXT,
            country TEXT,
            time_value TEXT,
            event_date TEXT,
            json TEXT NOT NULL,
            PRIMARY KEY (article_id, event_id)
        );
        CREATE INDEX events_type ON events (type, event_date);

        CREATE TABLE errors (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            source_path TEXT,
            code TEXT NOT NULL,
            message TEXT NOT NULL
        );
        CREATE INDEX errors_article ON errors (article_id);

        CREATE TABLE failures (
            source_path TEXT NOT NULL,
            code TEXT NOT NULL,
            message TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            PRIMARY KEY (source_path, code)
        );
        """,
    ),
    Migration(
        2,
        "full-text search over title, text and quotes",
        """
        CREATE VIRTUAL TABLE articles_fts USING fts5 (
            title, text, quotes,
            tokenize = 'porter unicode61 remove_diacritics 2'
        );
        """,
    ),
    Migration(
        3,
        "where each article was seen",
        """
        CREATE TABLE article_sources (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            source_path TEXT,
            url TEXT,
            first_seen TEXT NOT NULL
        );
        CREATE UNIQUE INDEX article_sources_unique
            ON article_sources (article_id, IFNULL(source_path, ''), IFNULL(url, ''));
        INSERT INTO article_sources (article_id, source_path, url, first_seen)
            SELECT id, source_path, url, ingested_at FROM articles;
        """,
    ),
    Migration(
        4,
        "quotes tell speech from stance",
        """
        ALTER TABLE quotes ADD COLUMN act TEXT NOT NULL DEFAULT 'speech';
        CREATE INDEX quotes_act ON quotes (act);
        """,
    ),
    Migration(
        5,
        "quotes know what was not said",
        """
        ALTER TABLE quotes ADD COLUMN negated INTEGER NOT NULL DEFAULT 0;
        """,
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version


def _statements(sql: str) -> list[str]:
    """Split a script into complete statements (``sqlite3.complete_statement`` knows triggers)."""
    out: list[str] = []
    buf = ""
    for piece in sql.split(";"):
        buf += piece + ";"
        if sqlite3.complete_statement(buf):
            if buf.strip(" \n\t;"):
                out.append(buf.strip())
            buf = ""
    if buf.strip(" \n\t;"):
        raise ValueError(f"incomplete SQL statement in migration: {buf.strip()[:80]}")
    return out


def applied_versions(conn: sqlite3.Connection) -> set[int]:
    """The migration versions already recorded in this database."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").fetchone()
    if not exists:
        return set()
    return {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}


def pending(conn: sqlite3.Connection) -> list[Migration]:
    """Migrations not yet applied, in order."""
    done = applied_versions(conn)
    return [m for m in MIGRATIONS if m.version not in done]


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> list[Migration]:
    """Apply every pending migration, each in its own transaction; return what was applied.

    ``conn`` must be in autocommit mode (``isolation_level=None``): transactions are explicit.
    Safe to run twice and from two processes at once (``BEGIN IMMEDIATE`` then re-check).
    """
    applied: list[Migration] = []
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    for migration in sorted(migrations, key=lambda m: m.version):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (migration.version,)).fetchone():
                conn.execute("COMMIT")
                continue
            for statement in _statements(migration.sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(migration)
    return applied
