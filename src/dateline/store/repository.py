"""``Store``: the article repository over one SQLite file (the API the CLI and HTTP layer use)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from dateline.errors import Code, error
from dateline.schema import Article, ErrorInfo
from dateline.store import queries, rows
from dateline.store.connection import connect, transaction
from dateline.store.search import SearchHit, search

DEFAULT_PATH = "dateline.sqlite"

# Runs inside the transaction that writes an article (e.g. the corpus layer's ``assign``):
# what it writes commits with the article, and if it raises, the article is not stored either.
ArticleHook = Callable[[sqlite3.Connection, Article], object]


def _insert(conn: sqlite3.Connection, table: str, records: Iterable[dict[str, Any]]) -> int | None:
    """Insert dict rows (all with the same keys); return the last rowid."""
    records = list(records)
    if not records:
        return None
    cols = list(records[0])
    names = ", ".join(f'"{c}"' for c in cols)
    sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(cols))})"
    if len(records) == 1:
        return conn.execute(sql, [records[0][c] for c in cols]).lastrowid
    conn.executemany(sql, ([r[c] for c in cols] for r in records))
    return None


class Store:
    """Articles and their annotation layers in one SQLite file.

    A writable store migrates the schema on open; ``readonly=True`` opens the file with
    ``mode=ro`` for readers (the HTTP layer): they never block the writer (WAL). One connection
    per Store; open one Store per thread that writes. ``hooks`` run for each newly written
    article inside its transaction (see ``ArticleHook``).
    """

    def __init__(
        self, path: str | Path = DEFAULT_PATH, readonly: bool = False, hooks: Sequence[ArticleHook] = ()
    ) -> None:
        self.path = str(path)
        self.readonly = readonly
        self.hooks: list[ArticleHook] = list(hooks)
        self.conn = connect(self.path, readonly=readonly)

    # -- lifecycle ---------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def reader(self) -> Store:
        """A new read-only Store on the same file (for another thread or a request)."""
        return Store(self.path, readonly=True)

    # -- writing -----------------------------------------------------------------------------

    def add(self, article: Article, replace: bool = False) -> bool:
        """Write one article and all its layers in one transaction; True when something was written.

        An article whose id (content hash) is already stored is left as it is (False), unless
        ``replace``; a new place it was seen at (another path or URL: a syndicated copy) is still
        noted in ``article_sources``. An article without text is a failed document: its errors go
        to ``failures``.
        """
        if not article.text.strip():
            return self.add_failure(
                article.source_path or article.url or article.id,
                article.errors or [error(Code.E002_EMPTY, article.source_path or article.id)],
            )
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with transaction(self.conn) as conn:
            old = conn.execute("SELECT rowid FROM articles WHERE id = ?", (article.id,)).fetchone()
            if old is not None:
                if not replace:
                    self._note_source(article, now)
                    return False
                conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (old[0],))
                conn.execute("DELETE FROM articles WHERE id = ?", (article.id,))
            rowid = _insert(conn, "articles", [rows.article_row(article, now)])
            _insert(conn, "articles_fts", [{"rowid": rowid, **rows.fts_row(article)}])
            _insert(conn, "entities", rows.entity_rows(article))
            _insert(conn, "quotes", rows.quote_rows(article))
            _insert(conn, "times", rows.time_rows(article))
            _insert(conn, "events", rows.event_rows(article))
            _insert(conn, "errors", rows.error_rows(article))
            self._note_source(article, now)
            for hook in self.hooks:
                hook(conn, article)
            if article.source_path:
                # The path reads now: an earlier failure of it is history.
                conn.execute("DELETE FROM failures WHERE source_path = ?", (article.source_path,))
        return True

    def _note_source(self, article: Article, now: str) -> None:
        if article.source_path or article.url:
            self.conn.execute(
                "INSERT OR IGNORE INTO article_sources (article_id, source_path, url, first_seen) VALUES (?, ?, ?, ?)",
                (article.id, article.source_path, article.url, now),
            )

    def add_failure(self, source: str, errors: Sequence[ErrorInfo]) -> bool:
        """Record why the document at ``source`` could not be stored; False when already recorded so."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with transaction(self.conn) as conn:
            seen = {
                (r[0], r[1])
                for r in conn.execute("SELECT code, message FROM failures WHERE source_path = ?", (source,))
            }
            if seen == {(e.code, e.message) for e in errors}:
                return False
            conn.execute("DELETE FROM failures WHERE source_path = ?", (source,))
            conn.executemany(
                "INSERT OR REPLACE INTO failures (source_path, code, message, recorded_at) VALUES (?, ?, ?, ?)",
                [(source, e.code, e.message, now) for e in errors],
            )
        return True

    # -- reading -----------------------------------------------------------------------------

    def get(self, article_id: str) -> Article | None:
        """The article with this id, or the only one whose id starts with it."""
        row = self.conn.execute("SELECT json FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            matches = self.resolve_prefix(article_id, limit=2)
            if len(matches) != 1:
                return None
            row = self.conn.execute("SELECT json FROM articles WHERE id = ?", (matches[0],)).fetchone()
        return Article.model_validate_json(row[0])

    def resolve_prefix(self, prefix: str, limit: int = 10) -> list[str]:
        """Ids that start with ``prefix`` (at most ``limit``), sorted."""
        if not prefix:
            return []
        # A range scan on the primary key: prefix <= id < prefix + U+FFFF.
        cur = self.conn.execute(
            "SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
            (prefix, prefix + "\uffff", limit),
        )
        return [r[0] for r in cur]

    def __contains__(self, article_id: object) -> bool:
        return (
            isinstance(article_id, str)
            and self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None
        )

    def __len__(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article as a contract object, in ingestion order (streaming)."""
        for row in self.conn.execute("SELECT json FROM articles ORDER BY rowid"):
            yield Article.model_validate_json(row[0])

    def search(
        self, query: str, limit: int = 20, raw: bool = False, mark: tuple[str, str] = ("[", "]")
    ) -> list[SearchHit]:
        """Full-text search over titles, text and quotes, best first (see ``store.search``)."""
        return search(self.conn, query, limit=limit, raw=raw, mark=mark)

    def stats(self, top: int = 10) -> queries.StoreStats:
        """Counts, top entities and speakers, articles per month."""
        return queries.store_stats(self.conn, top=top)

    def quotes(
        self, speaker: str | None = None, since: str | None = None, limit: int | None = None, stance: bool = False
    ) -> list[dict[str, Any]]:
        """Quotes with speaker and article (see ``queries.find_quotes``)."""
        return queries.find_quotes(self.conn, speaker=speaker, since=since, limit=limit, stance=stance)

    def events(
        self,
        type_: str | None = None,
        country: str | None = None,
        since: str | None = None,
        actor: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Events with their article (see ``queries.find_events``)."""
        return queries.find_events(self.conn, type_=type_, country=country, since=since, actor=actor, limit=limit)

    def sources(self, article_id: str) -> list[dict[str, Any]]:
        """Every path or URL this article's text was read from, first seen first."""
        cur = self.conn.execute(
            "SELECT source_path, url, first_seen FROM article_sources WHERE article_id = ? ORDER BY rowid",
            (article_id,),
        )
        return [dict(r) for r in cur]

    def failures(self) -> list[dict[str, Any]]:
        """Documents that could not be read, one row per (path, error code)."""
        return list(queries.table_rows(self.conn, "failures"))

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Every row of a layer table (``entities``, ``quotes``, ``times``, ``events``, ``errors``…)."""
        return queries.table_rows(self.conn, table)

    def columns(self, what: str) -> list[str]:
        """Column names of ``article_rows`` (``articles``) or of a layer table."""
        return queries.columns(self.conn, what)

    def article_rows(self) -> Iterator[dict[str, Any]]:
        """Flat article rows with per-layer counts."""
        return queries.article_rows(self.conn)
