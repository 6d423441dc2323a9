"""The corpus index in SQLite: ``assign`` one article at a time, ``recluster`` from scratch, export.

All writes for one article happen inside one SAVEPOINT on the caller's connection: inside the
store's ingest transaction they commit with it; on a bare connection they commit on release. A
crash mid-article leaves nothing of it behind, and assigning an article again is a no-op.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from dateline.corpus.duplicates import find_copy, index_fingerprint, repoint_to
from dateline.corpus.embeddings import add_story_embedding, article_embedding, ensure_embedding_tables, prime
from dateline.corpus.entities import merge_entities
from dateline.corpus.events import article_source, merge_events
from dateline.corpus.features import article_features
from dateline.corpus.fingerprint import fingerprint
from dateline.corpus.stories import (
    add_copy_to_story,
    add_to_story,
    article_vector,
    best_sibling,
    best_story,
    count_document,
    create_story,
    index_article,
)
from dateline.corpus.story_split import add_member, check_split
from dateline.corpus.tables import SCHEMA
from dateline.schema import Article

CORPUS_SCHEMA_VERSION = "1"
# Whether a story that turns out to be two is split as it grows (see story_split).
SPLIT_STORIES = True


@dataclass(frozen=True)
class Assignment:
    """Where an article landed: its story and, for a copy, the version it copies."""

    article: str
    story: str
    duplicate_of: str | None
    duplicate_kind: str | None


def ensure_corpus_schema(conn: sqlite3.Connection) -> None:
    """Create the corpus_ tables if missing (safe inside the caller's transaction: no executescript)."""
    body = "\n".join(line for line in SCHEMA.splitlines() if not line.lstrip().startswith("--"))
    for statement in body.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute(
        "INSERT OR IGNORE INTO corpus_meta (key, value) VALUES ('schema_version', ?)",
        (CORPUS_SCHEMA_VERSION,),
    )
    ensure_embedding_tables(conn)


@contextmanager
def _savepoint(conn: sqlite3.Connection, name: str) -> Iterator[None]:
    conn.execute(f"SAVEPOINT {name}")
    try:
        yield
    except BaseException:
        conn.execute(f"ROLLBACK TO {name}")
        conn.execute(f"RELEASE {name}")
        raise
    conn.execute(f"RELEASE {name}")


def assignment(conn: sqlite3.Connection, article_id: str) -> Assignment | None:
    """The stored assignment of an article, or None when the corpus has not seen it."""
    row = conn.execute(
        "SELECT article, story, duplicate_of, duplicate_kind FROM corpus_assignments WHERE article = ?",
        (article_id,),
    ).fetchone()
    return Assignment(*row) if row else None


def assign(conn: sqlite3.Connection, article: Article) -> Assignment:
    """Place an article: find what it copies, pick or start its story, merge its entities and events."""
    known = assignment(conn, article.id)
    if known is not None:
        return known
    with _savepoint(conn, "corpus_assign"):
        return _assign(conn, article)


def _assign(conn: sqlite3.Connection, article: Article) -> Assignment:
    seq = int(conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM corpus_articles").fetchone()[0])
    fp = fingerprint(article.text)
    band_keys = fp.band_keys()
    copy = find_copy(conn, fp, band_keys) if fp.n_words else None
    features = article_features(article)
    count_document(conn, features)
    vector = article_vector(conn, features)
    embedding = article_embedding(conn, article)  # None without the embeddings extra
    conn.execute(
        "INSERT INTO corpus_articles (id, seq, source_path, title, published, day, source, exact, signature, "
        "n_shingles, n_words, article) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article.id,
            seq,
            article.source_path,
            article.title,
            article.published,
            features.day,
            article_source(article),
            fp.exact,
            fp.signature.tobytes(),
            fp.n_shingles,
            fp.n_words,
            zlib.compress(article.model_dump_json(by_alias=True).encode("utf-8")),
        ),
    )
    duplicate_of: str | None = None
    kind: str | None = None
    if copy is not None:
        story = _story_of(conn, copy.other)
        if copy.new_is_copy:
            duplicate_of, kind = copy.other, copy.kind
            add_copy_to_story(conn, story, features.day)
        else:
            repoint_to(conn, copy.other, article.id, copy.kind)
            add_to_story(conn, story, seq, vector, features.day, article.title, features.lead_keys)
    else:
        match = best_story(conn, vector, features, embedding)
        sibling = best_sibling(conn, vector, features)
        if sibling is not None and (match is None or sibling.score > match.score):
            match = sibling
        if match is None:
            story = "S" + article.id[:15]
            create_story(conn, story, seq, article.title, features.day)
        else:
            story = match.story
        add_to_story(conn, story, seq, vector, features.day, article.title, features.lead_keys)
    if duplicate_of is None:
        index_article(conn, article.id, story, seq, vector)
        add_story_embedding(conn, story, embedding)
        add_member(conn, article.id, story, seq, features.day, article.title, features.lead_keys, vector)
    conn.execute(
        "INSERT INTO corpus_assignments (article, story, duplicate_of, duplicate_kind) VALUES (?, ?, ?, ?)",
        (article.id, story, duplicate_of, kind),
    )
    if duplicate_of is None and SPLIT_STORIES and check_split(conn, story) is not None:
        story = _story_of(conn, article.id)  # the article may be in the half that moved
    index_fingerprint(conn, article.id, band_keys)
    entity_map = merge_entities(conn, article, seq)
    merge_events(conn, article, story, entity_map, seq)
    return Assignment(article.id, story, duplicate_of, kind)


def _story_of(conn: sqlite3.Connection, article_id: str) -> str:
    return str(conn.execute("SELECT story FROM corpus_assignments WHERE article = ?", (article_id,)).fetchone()[0])


def stored_articles(conn: sqlite3.Connection) -> Iterator[Article]:
    """Every article the corpus holds, in arrival order."""
    for (blob,) in conn.execute("SELECT article FROM corpus_articles ORDER BY seq"):
        yield Article.model_validate_json(zlib.decompress(blob))


CORPUS_TABLES = (
    "corpus_story_embeddings",
    "corpus_event_entities",
    "corpus_event_reports",
    "corpus_events",
    "corpus_entity_merges",
    "corpus_entity_quotes",
    "corpus_entity_mentions",
    "corpus_entity_keys",
    "corpus_entity_aliases",
    "corpus_entities",
    "corpus_story_terms",
    "corpus_story_leads",
    "corpus_story_members",
    "corpus_article_terms",
    "corpus_stories",
    "corpus_df",
    "corpus_minhash_bands",
    "corpus_assignments",
    "corpus_articles",
)


def recluster(conn: sqlite3.Connection) -> int:
    """Rebuild copies, stories, entities and events from scratch in arrival order; the article count."""
    articles = list(stored_articles(conn))
    prime(conn, articles)  # vectors kept from ingest are reused; only missing ones are encoded
    with _savepoint(conn, "corpus_recluster"):
        for table in CORPUS_TABLES:
            conn.execute(f"DELETE FROM {table}")
        conn.execute("DELETE FROM corpus_meta WHERE key = 'n_docs'")
        for article in articles:
            _assign(conn, article)
    return len(articles)


def export_story_lines(conn: sqlite3.Connection) -> Iterator[dict[str, str | None]]:
    """The contract's story export: ``{article, source_path, story, duplicate_of}`` per article."""
    for article, source_path, story, duplicate_of in conn.execute(
        "SELECT a.article, c.source_path, a.story, a.duplicate_of FROM corpus_assignments AS a "
        "JOIN corpus_articles AS c ON c.id = a.article ORDER BY c.seq"
    ):
        yield {"article": article, "source_path": source_path, "story": story, "duplicate_of": duplicate_of}
