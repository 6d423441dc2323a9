"""Read queries over the store: quotes, events, statistics and table exports."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

# Columns that hold JSON lists; readers get them decoded.
JSON_COLUMNS = frozenset({"roles", "actors", "actor_names", "targets", "target_names"})

# What ``export`` and the HTTP layer can list row by row, in a stable order.
TABLE_ORDER: dict[str, str] = {
    "entities": "article_id, entity_id",
    "quotes": "article_id, seq",
    "times": "article_id, seq",
    "events": "article_id, event_id",
    "errors": "article_id, code",
    "failures": "source_path, code",
    "article_sources": "article_id, rowid",
}


def _like(text: str) -> str:
    """A case-insensitive substring pattern for LIKE ... ESCAPE '\\'."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _decode(row: sqlite3.Row) -> dict[str, Any]:
    out = dict(row)
    for key in JSON_COLUMNS.intersection(out):
        out[key] = json.loads(out[key])
    if "json" in out:
        out["json"] = json.loads(out["json"])
    return out


def table_rows(conn: sqlite3.Connection, table: str) -> Iterator[dict[str, Any]]:
    """Every row of one layer table, JSON columns decoded (streaming)."""
    if table not in TABLE_ORDER:
        raise ValueError(f"not an exportable table: {table}")
    for row in conn.execute(f"SELECT * FROM {table} ORDER BY {TABLE_ORDER[table]}"):
        yield _decode(row)


ARTICLE_COLUMNS = (
    "id",
    "source_path",
    "url",
    "title",
    "published",
    "site",
    "dateline_place",
    "dateline_agency",
    "ingested_at",
)


ARTICLE_COUNTS = ("entities", "quotes", "times", "events", "errors")


def columns(conn: sqlite3.Connection, what: str) -> list[str]:
    """The column names of an export: ``articles`` (flat, with counts) or a layer table."""
    if what == "articles":
        return [*ARTICLE_COLUMNS, *ARTICLE_COUNTS]
    if what not in TABLE_ORDER:
        raise ValueError(f"not an exportable table: {what}")
    return [r["name"] for r in conn.execute(f"PRAGMA table_info({what})")]


def article_rows(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Flat article rows (no text), with how many annotations of each layer each one has."""
    counts = ", ".join(f"(SELECT COUNT(*) FROM {t} WHERE {t}.article_id = a.id) AS {t}" for t in ARTICLE_COUNTS)
    sql = f"SELECT {', '.join('a.' + c for c in ARTICLE_COLUMNS)}, {counts} FROM articles a ORDER BY a.rowid"
    for row in conn.execute(sql):
        yield dict(row)


def find_quotes(
    conn: sqlite3.Connection,
    speaker: str | None = None,
    since: str | None = None,
    limit: int | None = None,
    stance: bool = False,
) -> list[dict[str, Any]]:
    """Quotes with their speaker and article, newest article first.

    ``speaker`` matches the resolved name or the surface text (case-insensitive substring);
    ``since`` keeps articles published on or after that ISO date; ``stance`` adds the stances
    attributed without a verb of saying (``act = 'stance'``) to the speech. ``negated`` says the
    article reports the words as not said ("did not say whether …", "declined to say …").
    """
    where: list[str] = [] if stance else ["q.act = 'speech'"]
    args: list[object] = []
    if speaker:
        where.append("(q.speaker_name LIKE ? ESCAPE '\\' OR q.speaker_text LIKE ? ESCAPE '\\')")
        args += [_like(speaker), _like(speaker)]
    if since:
        where.append("a.published >= ?")
        args.append(since)
    sql = f"""
        SELECT q.text, q.kind, q.act, q.negated, q.speaker_name, q.speaker_entity, q.speaker_text, q.cue,
               q.article_id, a.title, a.published, a.source_path
        FROM quotes q JOIN articles a ON a.id = q.article_id
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY a.published IS NULL, a.published DESC, q.article_id, q.seq
        {"LIMIT ?" if limit else ""}
    """
    if limit:
        args.append(limit)
    return [{**dict(r), "negated": bool(r["negated"])} for r in conn.execute(sql, args)]


def find_events(
    conn: sqlite3.Connection,
    type_: str | None = None,
    country: str | None = None,
    since: str | None = None,
    actor: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Events with their article, newest first.

    ``type_`` is a PLOVER type; ``country`` an ISO alpha-2 code; ``since`` compares the event's day
    (its own resolved time, else the article's publication day); ``actor`` matches an actor's name.
    """
    where: list[str] = []
    args: list[object] = []
    if type_:
        where.append("v.type = ?")
        args.append(type_.upper())
    if country:
        where.append("v.country = ?")
        args.append(country.upper())
    if since:
        where.append("v.event_date >= ?")
        args.append(since)
    if actor:
        where.append("EXISTS (SELECT 1 FROM json_each(v.actor_names) WHERE value LIKE ? ESCAPE '\\')")
        args.append(_like(actor))
    sql = f"""
        SELECT v.event_id, v.type, v.mode, v.status, v.trigger, v.actors, v.actor_names, v.targets,
               v.target_names, v.location, v.country, v.time_value, v.event_date,
               v.article_id, a.title, a.published, a.source_path
        FROM events v JOIN articles a ON a.id = v.article_id
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY v.event_date IS NULL, v.event_date DESC, v.article_id, v.event_id
        {"LIMIT ?" if limit else ""}
    """
    if limit:
        args.append(limit)
    return [_decode(r) for r in conn.execute(sql, args)]


@dataclass
class StoreStats:
    """Counts over the whole store, for ``dateline stats``, ``summary`` and the HTTP layer."""

    articles: int = 0
    entities: int = 0
    quotes: int = 0
    stances: int = 0
    times: int = 0
    events: int = 0
    failures: int = 0
    errors: int = 0
    top_entities: list[dict[str, Any]] = field(default_factory=list)
    by_month: list[dict[str, Any]] = field(default_factory=list)
    failures_by_code: list[dict[str, Any]] = field(default_factory=list)
    top_speakers: list[dict[str, Any]] = field(default_factory=list)
    times_by_type: list[dict[str, Any]] = field(default_factory=list)
    events_by_type: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return asdict(self)


def _count(conn: sqlite3.Connection, sql: str) -> int:
    return int(conn.execute(sql).fetchone()[0])


def _dicts(conn: sqlite3.Connection, sql: str, *args: object) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(sql, args)]


TOP_ENTITIES = """
    SELECT name, type, COUNT(*) AS articles, SUM(mentions) AS mentions FROM entities
    GROUP BY name, type ORDER BY articles DESC, mentions DESC, name LIMIT ?"""
CORPUS_TOP_ENTITIES = """
    SELECT COALESCE(c.name, e.name) AS name, COALESCE(c.type, e.type) AS type,
           COUNT(DISTINCT e.article_id) AS articles, SUM(e.mentions) AS mentions
    FROM entities e
    LEFT JOIN corpus_entity_mentions m ON m.article = e.article_id AND m.local_id = e.entity_id
    LEFT JOIN corpus_entities c ON c.id = m.entity
    GROUP BY COALESCE(m.entity, e.name || '|' || e.type)
    ORDER BY articles DESC, mentions DESC, name LIMIT ?"""
TOP_SPEAKERS = """
    SELECT speaker_name AS name, COUNT(*) AS quotes, COUNT(DISTINCT article_id) AS articles
    FROM quotes WHERE speaker_name IS NOT NULL AND act = 'speech' AND negated = 0
    GROUP BY speaker_name ORDER BY quotes DESC, name LIMIT ?"""
CORPUS_TOP_SPEAKERS = """
    SELECT COALESCE(c.name, q.speaker_name) AS name, COUNT(*) AS quotes,
           COUNT(DISTINCT q.article_id) AS articles
    FROM quotes q
    LEFT JOIN corpus_entity_mentions m ON m.article = q.article_id AND m.local_id = q.speaker_entity
    LEFT JOIN corpus_entities c ON c.id = m.entity
    WHERE q.speaker_name IS NOT NULL AND q.act = 'speech' AND q.negated = 0
    GROUP BY COALESCE(m.entity, q.speaker_name) ORDER BY quotes DESC, name LIMIT ?"""


def store_stats(conn: sqlite3.Connection, top: int = 10) -> StoreStats:
    """Totals per table, the most-mentioned entities and speakers, and articles per published month.

    Where the store holds the corpus tables (``dateline ingest`` fills them), entities and speakers
    are counted per cross-article entity ("Apple" and "Apple Inc." once), else per article name.
    """
    corpus = _count(conn, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'corpus_entity_mentions'") > 0
    return StoreStats(
        articles=_count(conn, "SELECT COUNT(*) FROM articles"),
        entities=_count(conn, "SELECT COUNT(*) FROM entities"),
        quotes=_count(conn, "SELECT COUNT(*) FROM quotes WHERE act = 'speech'"),
        stances=_count(conn, "SELECT COUNT(*) FROM quotes WHERE act = 'stance'"),
        times=_count(conn, "SELECT COUNT(*) FROM times"),
        events=_count(conn, "SELECT COUNT(*) FROM events"),
        failures=_count(conn, "SELECT COUNT(DISTINCT source_path) FROM failures"),
        errors=_count(conn, "SELECT COUNT(*) FROM errors"),
        top_entities=_dicts(conn, CORPUS_TOP_ENTITIES if corpus else TOP_ENTITIES, top),
        by_month=_dicts(
            conn,
            """SELECT COALESCE(substr(published, 1, 7), 'unknown') AS month, COUNT(*) AS articles
               FROM articles GROUP BY month ORDER BY month""",
        ),
        failures_by_code=_dicts(
            conn,
            """SELECT code, COUNT(*) AS documents, MIN(source_path) AS example FROM failures
               GROUP BY code ORDER BY documents DESC, code""",
        ),
        top_speakers=_dicts(conn, CORPUS_TOP_SPEAKERS if corpus else TOP_SPEAKERS, top),
        times_by_type=_dicts(conn, "SELECT type, COUNT(*) AS count FROM times GROUP BY type ORDER BY count DESC, type"),
        events_by_type=_dicts(
            conn, "SELECT type, COUNT(*) AS count FROM events GROUP BY type ORDER BY count DESC, type"
        ),
    )
