"""Shared pieces of the store commands: the ``--db`` option, opening the store, ``dateline migrate``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from dateline.corpus.store import assign as corpus_assign
from dateline.corpus.store import ensure_corpus_schema
from dateline.store import DEFAULT_PATH, Store, StoreError
from dateline.store.migrations import MIGRATIONS, applied_versions
from dateline.store.rows import calendar_start

F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    """``--db FILE``: the SQLite store (default ./dateline.sqlite, or $DATELINE_DB)."""
    return click.option(
        "--db",
        default=DEFAULT_PATH,
        show_default=True,
        envvar="DATELINE_DB",
        show_envvar=True,
        metavar="FILE",
        type=click.Path(dir_okay=False),
        help="SQLite store file (created with its schema on first ingest).",
    )(func)


def open_writer(db: str) -> Store:
    """The store opened for writing; a bad --db (missing folder, not a store) is a usage error."""
    if db != ":memory:" and not Path(db).resolve().parent.is_dir():
        raise click.BadParameter(f"the folder {str(Path(db).parent)!r} does not exist", param_hint="--db")
    try:
        store = Store(db, hooks=[corpus_assign])
    except StoreError as exc:
        raise click.BadParameter(str(exc), param_hint="--db") from exc
    # Each new article joins the corpus (copies, stories, merged entities and events) in its own
    # store transaction, so an interrupted ingest never leaves the two out of step.
    ensure_corpus_schema(store.conn)
    store.conn.commit()
    return store


def open_reader(db: str) -> Store:
    """The store opened read-only; a missing or out-of-date store is a usage error."""
    try:
        return Store(db, readonly=True)
    except StoreError as exc:
        raise click.BadParameter(str(exc), param_hint="--db") from exc


def parse_since(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--since``: an ISO date, month, year or week, as the day it starts (``YYYY-MM-DD``)."""
    if value is None:
        return None
    day = calendar_start(value.strip())
    if day is None:
        raise click.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
    return day


@click.command()
@db_option
def migrate(db: str) -> None:
    """Create the store or bring its schema up to date, and list the recorded migrations."""
    with open_writer(db) as store:
        done = applied_versions(store.conn)
    for m in MIGRATIONS:
        click.echo(f"{m.version:>3}  {'applied' if m.version in done else 'pending'}  {m.name}")
