"""The SQLite store: content-hash ids, atomic document writes, migrations, FTS5, queries."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dateline.schema import Article, ErrorInfo
from dateline.store import Store, StoreError
from dateline.store.connection import connect
from dateline.store.migrations import MIGRATIONS, migrate
from dateline.store.rows import calendar_start, event_date
from dateline.store.search import fts_query
from store_samples import failed_article, kyiv_article, washington_article

LAYER_TABLES = ("articles", "entities", "quotes", "times", "events", "errors", "articles_fts")


def count(store: Store, table: str) -> int:
    return int(store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


@pytest.fixture
def store() -> Store:
    return Store(":memory:")


def test_reingest_is_noop(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    with Store(db) as first:
        assert first.add(kyiv_article()) is True
        before = {t: count(first, t) for t in LAYER_TABLES}
        stamp = first.conn.execute("SELECT ingested_at FROM articles").fetchone()[0]
    with Store(db) as again:
        assert again.add(kyiv_article()) is False
        assert {t: count(again, t) for t in LAYER_TABLES} == before
        assert again.conn.execute("SELECT ingested_at FROM articles").fetchone()[0] == stamp


def test_replace_rewrites_an_existing_article(store: Store) -> None:
    store.add(kyiv_article())
    updated = kyiv_article()
    updated.quotes = updated.quotes[:1]
    assert store.add(updated, replace=True) is True
    assert count(store, "articles") == 1 and count(store, "articles_fts") == 1
    assert count(store, "quotes") == 1
    assert len(store.search("surrender")) == 1
    assert store.get(updated.id) == updated


def test_document_write_is_atomic(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        # A real failure in the middle of a document: events are written after entities, quotes, times.
        store.conn.execute(
            "CREATE TRIGGER refuse_event BEFORE INSERT ON events WHEN NEW.type = 'ASSAULT' "
            "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
        )
        with pytest.raises(sqlite3.DatabaseError, match="disk full"):
            store.add(kyiv_article())
        assert {t: count(store, t) for t in LAYER_TABLES} == dict.fromkeys(LAYER_TABLES, 0)
        assert kyiv_article().id not in store
        # The connection is usable again, and the next document goes in whole.
        assert store.add(washington_article()) is True
        assert count(store, "entities") == 4 and count(store, "events") == 1


def test_fts_finds_quote_text(store: Store) -> None:
    article = kyiv_article()
    article.text = article.text.replace("We will never surrender our land", "We will hold")
    article.quotes[0].text = "We will never surrender our land"  # only the quote layer has these words
    store.add(article)
    hits = store.search("surrender")
    assert [h.id for h in hits] == [article.id]
    assert "[surrender]" in hits[0].snippet


def test_search_ranks_title_matches_first(store: Store) -> None:
    store.add(kyiv_article())
    store.add(washington_article())
    hits = store.search("sanctions")
    assert hits[0].id == washington_article().id
    assert store.search("drones")[0].title.startswith("Russia launches")


def test_search_quotes_punctuation_instead_of_failing(store: Store) -> None:
    store.add(washington_article())
    assert store.search("United-States")  # FTS5 would read '-' as an operator
    assert store.search('"new sanctions"')
    assert store.search("sanct*")
    assert store.search('"sanctions new"') == []
    with pytest.raises(ValueError):
        store.search("  -- ")
    with pytest.raises(ValueError):
        store.search("AND OR", raw=True)


def test_fts_query_quotes_every_term() -> None:
    assert fts_query('Zelenskyy "peace talks" ceasefire*') == '"Zelenskyy" "peace talks" "ceasefire"*'
    assert fts_query('say "no" U.S.') == '"say" "no" "U.S."'


def test_migrations_recorded_once(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    Store(db).close()
    Store(db).close()
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
    assert rows == [(m.version, m.name) for m in MIGRATIONS]
    conn.isolation_level = None
    assert migrate(conn) == []
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_old_store_gets_only_the_missing_migrations(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    conn = sqlite3.connect(db, isolation_level=None)
    assert [m.version for m in migrate(conn, MIGRATIONS[:1])] == [1]
    conn.close()
    with pytest.raises(StoreError, match="migrate"):
        Store(db, readonly=True)
    with Store(db) as store:
        versions = [r[0] for r in store.conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
        assert versions == [m.version for m in MIGRATIONS]
        store.add(kyiv_article())
        assert store.search("drones")


def test_failed_document_goes_to_failures_not_articles(store: Store) -> None:
    assert store.add(failed_article()) is True
    assert store.add(failed_article()) is False  # the same failure again changes nothing
    assert len(store) == 0
    assert [(f["source_path"], f["code"]) for f in store.failures()] == [("broken.bin", "E003")]
    assert store.stats().failures == 1


def test_document_that_reads_later_clears_its_failure(store: Store) -> None:
    store.add(failed_article("kyiv.txt"))
    store.add(kyiv_article())
    assert store.failures() == []


def test_warnings_are_kept_with_the_article(store: Store) -> None:
    article = kyiv_article()
    article.errors = [ErrorInfo(code="E004", message="[E004] invalid utf-8 bytes in kyiv.txt")]
    store.add(article)
    assert [r["code"] for r in store.rows("errors")] == ["E004"]
    assert store.get(article.id) == article


def test_get_accepts_an_unambiguous_prefix(store: Store) -> None:
    a, b = kyiv_article(), washington_article()
    store.add(a)
    store.add(b)
    assert store.get(a.id) == a
    assert store.get(a.id[:5]) == a
    assert store.get("") is None
    assert store.get("zzz") is None
    assert store.resolve_prefix(b.id[:3]) == [b.id]


def test_iter_articles_keeps_ingestion_order(store: Store) -> None:
    store.add(washington_article())
    store.add(kyiv_article())
    assert [a.source_path for a in store.iter_articles()] == ["washington.txt", "kyiv.txt"]


def test_quotes_by_speaker_and_date(store: Store) -> None:
    store.add(kyiv_article())
    store.add(washington_article())
    every = store.quotes()
    assert [q["speaker_name"] for q in every] == ["Marco Rubio", "Volodymyr Zelenskyy", "Dmitry Peskov"]
    zel = store.quotes(speaker="zelensk")
    assert [q["text"] for q in zel] == ["We will never surrender our land"]
    assert zel[0]["published"] == "2025-05-19" and zel[0]["cue"] == "said"
    assert [q["speaker_name"] for q in store.quotes(since="2025-06-01")] == ["Marco Rubio"]
    assert store.quotes(speaker="100%_") == []


def test_events_by_type_country_actor_and_date(store: Store) -> None:
    store.add(kyiv_article())
    store.add(washington_article())
    assault = store.events(type_="assault")
    assert len(assault) == 1
    assert assault[0]["actor_names"] == ["Russia"] and assault[0]["country"] == "UA"
    assert assault[0]["event_date"] == "2025-05-18"
    assert [e["type"] for e in store.events(country="us")] == ["SANCTION"]
    assert store.events(actor="united")[0]["target_names"] == ["Moscow"]
    # The sanction's time is ISO week 23 of 2025, which starts on Monday 2 June.
    assert [e["type"] for e in store.events(since="2025-06-01")] == ["SANCTION"]
    assert [e["type"] for e in store.events()] == ["SANCTION", "ASSAULT"]


def test_stats_counts_every_layer(store: Store) -> None:
    store.add(kyiv_article())
    store.add(washington_article())
    store.add(failed_article())
    stats = store.stats(top=3)
    assert (stats.articles, stats.entities, stats.quotes, stats.times, stats.events, stats.failures) == (
        2,
        8,
        3,
        3,
        2,
        1,
    )
    assert len(stats.top_entities) == 3
    assert stats.by_month == [{"month": "2025-05", "articles": 1}, {"month": "2025-06", "articles": 1}]
    assert [s["name"] for s in stats.top_speakers] == ["Dmitry Peskov", "Marco Rubio", "Volodymyr Zelenskyy"]
    assert {r["type"]: r["count"] for r in stats.times_by_type} == {"DATE": 2, "TIME": 1}


def test_readonly_store_refuses_writes(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    with Store(db) as writer:
        writer.add(kyiv_article())
        reader = writer.reader()
        # A reader sees committed data while the writer stays open (WAL).
        assert len(reader) == 1
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.add(washington_article())
        writer.add(washington_article())
        assert len(reader) == 2
        reader.close()


def test_reader_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no dateline store"):
        Store(tmp_path / "absent.sqlite", readonly=True)
    assert not (tmp_path / "absent.sqlite").exists()
    (tmp_path / "notes.txt").write_text("not a database at all, just words\n" * 50)
    with pytest.raises(StoreError):
        connect(tmp_path / "notes.txt")


def test_writer_needs_an_existing_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder"):
        Store(tmp_path / "missing" / "s.sqlite")


def test_month_and_week_values_file_under_their_first_day() -> None:
    assert calendar_start("2025-05-19T17:00+03:00") == "2025-05-19"
    assert calendar_start("2022-03") == "2022-03-01"
    assert calendar_start("2024") == "2024-01-01"
    assert calendar_start("2025-W20") == "2025-05-12"
    assert calendar_start("2025-W20-WE") == "2025-05-17"
    assert calendar_start("2022-13") is None
    assert calendar_start("PAST_REF") is None
    assert calendar_start("P30D") is None


def test_event_without_a_resolved_time_files_under_publication_day() -> None:
    assert event_date("PAST_REF", "2025-05-19T08:00:00Z") == "2025-05-19"
    assert event_date(None, None) is None
    assert event_date("2025-05-17", "2025-05-19") == "2025-05-17"


def test_same_text_from_another_path_is_unchanged_but_its_source_is_kept(store: Store) -> None:
    original = kyiv_article()
    copy = original.model_copy(update={"source_path": "mirror/kyiv-copy.txt", "url": "https://example.org/k"})
    store.add(original)
    assert store.add(copy) is False
    assert store.add(copy) is False
    assert len(store) == 1 and store.get(original.id) == original
    assert [(s["source_path"], s["url"]) for s in store.sources(original.id)] == [
        ("kyiv.txt", None),
        ("mirror/kyiv-copy.txt", "https://example.org/k"),
    ]


def test_sources_migration_backfills_a_store_made_before_it(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    conn = sqlite3.connect(db, isolation_level=None)
    migrate(conn, MIGRATIONS[:2])
    conn.execute(
        "INSERT INTO articles (id, source_path, url, schema_version, ingested_at, json)"
        " VALUES ('a1', 'old.txt', NULL, '1.0', '2025-01-01T00:00:00+00:00', '{}')"
    )
    conn.close()
    with Store(db) as store:
        assert store.sources("a1") == [
            {"source_path": "old.txt", "url": None, "first_seen": "2025-01-01T00:00:00+00:00"}
        ]


def _store_with_an_old_quote(tmp_path: Path, migrations: int) -> Path:
    """A store made with only the first ``migrations`` migrations, holding one quote."""
    db = tmp_path / "old.sqlite"
    conn = sqlite3.connect(db, isolation_level=None)
    migrate(conn, MIGRATIONS[:migrations])
    conn.execute(
        "INSERT INTO articles (id, source_path, url, schema_version, ingested_at, json)"
        " VALUES ('a1', 'old.txt', NULL, '1.0', '2025-01-01T00:00:00+00:00', '{}')"
    )
    conn.execute(
        'INSERT INTO quotes (article_id, seq, text, kind, start, "end")'
        " VALUES ('a1', 0, 'We will hold', 'direct', 0, 12)"
    )
    conn.close()
    return db


def test_act_migration_reads_quotes_of_a_store_made_before_it_as_speech(tmp_path: Path) -> None:
    with Store(_store_with_an_old_quote(tmp_path, 3)) as store:
        assert [(r["text"], r["act"]) for r in store.quotes()] == [("We will hold", "speech")]


def test_quotes_reported_as_not_said_credit_no_speaker(store: Store) -> None:
    article = kyiv_article()
    article.quotes[1] = article.quotes[1].model_copy(update={"negated": True})  # "Peskov did not say …"
    store.add(article)
    assert {q["text"]: q["negated"] for q in store.quotes()} == {
        "We will never surrender our land": False,
        "the talks would continue": True,
    }
    assert [s["name"] for s in store.stats().top_speakers] == ["Volodymyr Zelenskyy"]


def test_negated_migration_reads_quotes_of_a_store_made_before_it_as_said(tmp_path: Path) -> None:
    with Store(_store_with_an_old_quote(tmp_path, 4)) as store:
        assert [(r["text"], r["negated"]) for r in store.quotes()] == [("We will hold", False)]


def _story_hook(conn: sqlite3.Connection, article: Article) -> None:
    """A later layer's writer, as the corpus layer will plug in: its own table, same transaction."""
    conn.execute("CREATE TABLE IF NOT EXISTS seen_by_hook (article TEXT PRIMARY KEY, title TEXT)")
    conn.execute("INSERT INTO seen_by_hook VALUES (?, ?)", (article.id, article.title))
    if "sanctions" in article.text:
        raise RuntimeError("the later layer failed on this article")


def test_hooks_commit_and_roll_back_with_the_article(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite", hooks=[_story_hook]) as store:
        assert store.add(kyiv_article()) is True
        assert store.add(kyiv_article()) is False  # unchanged: the hook does not run again
        with pytest.raises(RuntimeError):
            store.add(washington_article())
        assert [r[0] for r in store.conn.execute("SELECT article FROM seen_by_hook")] == [kyiv_article().id]
        assert washington_article().id not in store and len(store) == 1


def test_two_writers_share_one_file_without_lock_errors(tmp_path: Path) -> None:
    """WAL, BEGIN IMMEDIATE and a busy timeout: concurrent ingests queue instead of failing."""
    import threading

    db = tmp_path / "s.sqlite"
    Store(db).close()
    errors: list[BaseException] = []

    def write(prefix: str) -> None:
        try:
            with Store(db) as store:
                for i in range(40):
                    store.add(kyiv_article().model_copy(update={"id": f"{prefix}{i:03d}"}))
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(p,)) for p in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Store(db, readonly=True) as reader:
        assert len(reader) == 80 and reader.stats().quotes == 160
