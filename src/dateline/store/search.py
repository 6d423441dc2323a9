"""Full-text search: FTS5 over title, text and quotes, ranked with bm25."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

# Title matches weigh most, then quoted words, then the body (bm25 column weights).
WEIGHTS = (10.0, 1.0, 3.0)
SNIPPET_TOKENS = 16

_TERM = re.compile(r'"([^"]*)"|(\S+)')


@dataclass(frozen=True)
class SearchHit:
    """One matching article: ``snippet`` has the matched words between the given marks."""

    id: str
    title: str | None
    published: str | None
    source_path: str | None
    snippet: str
    score: float


def fts_query(query: str) -> str:
    """A plain query as safe FTS5 syntax: every word or "quoted phrase" must match; ``word*`` is a prefix.

    Punctuation that FTS5 would read as operators (``U.S.``, ``drone-strike``) is quoted, not parsed.
    """
    parts = []
    for m in _TERM.finditer(query):
        phrase, word = m.group(1), m.group(2)
        term = phrase if phrase is not None else word
        prefix = phrase is None and term.endswith("*")
        term = term.rstrip("*") if prefix else term
        if not any(ch.isalnum() for ch in term):
            continue
        parts.append('"' + term.replace('"', '""') + '"' + ("*" if prefix else ""))
    if not parts:
        raise ValueError(f"nothing to search for in {query!r}")
    return " ".join(parts)


def search(
    conn: sqlite3.Connection,
    query: str,
    limit: int = 20,
    raw: bool = False,
    mark: tuple[str, str] = ("[", "]"),
) -> list[SearchHit]:
    """Articles matching ``query``, best first; ``raw`` passes FTS5 syntax (AND, OR, NEAR…) through.

    Raises ValueError for an empty query or FTS5 syntax that SQLite rejects.
    """
    match = query if raw else fts_query(query)
    sql = f"""
        SELECT a.id, a.title, a.published, a.source_path,
               snippet(articles_fts, -1, ?, ?, '…', {SNIPPET_TOKENS}) AS snippet,
               bm25(articles_fts, {", ".join(str(w) for w in WEIGHTS)}) AS score
        FROM articles_fts JOIN articles AS a ON a.rowid = articles_fts.rowid
        WHERE articles_fts MATCH ?
        ORDER BY score, a.published DESC
        LIMIT ?
    """
    try:
        rows = conn.execute(sql, (mark[0], mark[1], match, limit)).fetchall()
    except sqlite3.OperationalError as exc:
        raise ValueError(f"bad search query {query!r}: {exc}") from exc
    return [
        SearchHit(
            id=r["id"],
            title=r["title"],
            published=r["published"],
            source_path=r["source_path"],
            snippet=r["snippet"],
            score=float(r["score"]),
        )
        for r in rows
    ]
