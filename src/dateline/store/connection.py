"""Opening the SQLite store: one writer in WAL mode, read-only connections for readers."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from dateline.store.migrations import LATEST_VERSION, applied_versions, migrate

MEMORY = ":memory:"


class StoreError(Exception):
    """The store cannot be opened or used as asked (a missing file, an out-of-date schema…)."""


def connect(path: str | Path, readonly: bool = False) -> sqlite3.Connection:
    """A connection to the store at ``path``: migrated (writer) or checked up to date (reader).

    Writers get WAL journaling so that readers never block them; readers open the file with
    ``mode=ro`` and never create or change it.
    """
    target = str(path)
    if readonly:
        if target != MEMORY and not Path(target).is_file():
            raise StoreError(f"no dateline store at {target} (create one with `dateline ingest`)")
        uri = MEMORY if target == MEMORY else f"file:{quote(str(Path(target).resolve()))}?mode=ro"
        conn = sqlite3.connect(uri, uri=target != MEMORY, isolation_level=None, check_same_thread=False)
    else:
        if target != MEMORY and not Path(target).resolve().parent.is_dir():
            raise StoreError(f"the folder for the store does not exist: {Path(target).parent}")
        conn = sqlite3.connect(target, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("PRAGMA foreign_keys = ON")
    try:
        if readonly:
            _check_up_to_date(conn, target)
        else:
            if target != MEMORY:
                conn.execute("PRAGMA journal_mode = WAL")
                # WAL + NORMAL: a crash may lose the last commits, never corrupt the file.
                conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{target} is not a usable dateline store: {exc}") from exc
    except StoreError:
        conn.close()
        raise
    return conn


def _check_up_to_date(conn: sqlite3.Connection, target: str) -> None:
    done = applied_versions(conn)
    if not done:
        raise StoreError(f"{target} is not a dateline store (no schema_migrations table)")
    if max(done) < LATEST_VERSION:
        raise StoreError(
            f"{target} has schema version {max(done)}, this dateline needs {LATEST_VERSION}: "
            "run `dateline migrate --db FILE` to bring it up to date"
        )


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: everything inside commits together or not at all."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
