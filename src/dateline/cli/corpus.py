"""Across-article commands: ``assign``, ``recluster``, ``stories``, ``timeline``, ``entity``.

They read and write the corpus tables (``corpus_*``) of a SQLite file; ``assign`` feeds it contract
articles (``dateline extract --format jsonl`` output) until the store's ``ingest`` does it itself.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterable
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from dateline.corpus import assign as assign_article
from dateline.corpus import ensure_corpus_schema
from dateline.corpus import recluster as recluster_corpus
from dateline.corpus.timeline import (
    TimelineEntry,
    between_timeline,
    entity_profile,
    entity_timeline,
    story_summaries,
    story_timeline,
)
from dateline.schema import Article

_DB = click.option("--db", "db", required=True, type=click.Path(dir_okay=False), help="SQLite file holding the corpus.")
_FORMAT = click.option(
    "--format",
    "fmt",
    type=click.Choice(["pretty", "jsonl"]),
    default="pretty",
    show_default=True,
    help="pretty: a table for a person; jsonl: one JSON object per line.",
)


def _connect(db: str, must_exist: bool = True) -> sqlite3.Connection:
    if must_exist and not Path(db).exists():
        raise click.ClickException(f"no database at {db}")
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    ensure_corpus_schema(conn)
    conn.commit()
    return conn


def _jsonl(rows: Iterable[dict[str, object]]) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


@click.command("assign")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@_DB
def assign(paths: tuple[str, ...], db: str) -> None:
    """Add contract articles (JSONL files, '-' for stdin) to the corpus: copies, stories, entities, events."""
    conn = _connect(db, must_exist=False)
    for path in paths:
        handle = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
        with handle:
            for line in handle:
                if line.strip():
                    result = assign_article(conn, Article.model_validate_json(line))
                    conn.commit()
                    _jsonl([result.__dict__])


@click.command("recluster")
@_DB
def recluster(db: str) -> None:
    """Rebuild copies, stories, merged entities and events from scratch, in arrival order."""
    conn = _connect(db)
    n = recluster_corpus(conn)
    conn.commit()
    click.echo(f"reclustered {n} articles into {len(story_summaries(conn))} stories", err=True)


@click.command("stories")
@_DB
@_FORMAT
def stories(db: str, fmt: str) -> None:
    """List the stories: title, date span, articles, copies and top entities."""
    rows = story_summaries(_connect(db))
    if fmt == "jsonl":
        _jsonl(rows)
        return
    table = Table("story", "title", "dates", "articles", "copies", "top entities")
    for r in rows:
        span = r["first"] if r["first"] == r["last"] else f"{r['first']} – {r['last']}"
        table.add_row(
            str(r["story"]),
            str(r["title"] or ""),
            str(span or ""),
            str(r["articles"]),
            str(r["copies"]),
            ", ".join(str(x) for x in r["top_entities"]),  # type: ignore[attr-defined]
        )
    Console().print(table)


def _print_timeline(entries: list[TimelineEntry], fmt: str) -> None:
    if fmt == "jsonl":
        _jsonl(e.as_dict() for e in entries)
        return
    table = Table("date", "event", "status", "who → whom", "where", "sources", "figures")
    for e in entries:
        figures = "; ".join(
            f"{obj}: " + " vs ".join(f"{f['value']} ({f['source']})" for f in vals) for obj, vals in e.figures.items()
        )
        table.add_row(
            e.date or "?",
            f"{e.type} ({e.trigger})",
            e.status,
            f"{', '.join(e.actors) or '?'} → {', '.join(e.targets) or '?'}",
            e.location or "",
            f"{e.n_sources} sources, {e.n_reports} reports",
            figures,
        )
    Console().print(table)


@click.command("timeline")
@_DB
@click.option("--story", metavar="ID", help="The events of one story.")
@click.option("--entity", metavar="NAME", help="The events where NAME is an actor or a target.")
@click.option("--between", nargs=2, metavar="NAME NAME", help="The events involving both entities.")
@_FORMAT
def timeline(db: str, story: str | None, entity: str | None, between: tuple[str, str] | None, fmt: str) -> None:
    """Chronological merged events with dates, status and sources."""
    if sum(x is not None and x != () for x in (story, entity, between)) != 1:
        raise click.UsageError("give exactly one of --story, --entity, --between")
    conn = _connect(db)
    if story:
        entries = story_timeline(conn, story)
    elif entity:
        entries = entity_timeline(conn, entity)
    else:
        assert between is not None
        entries = between_timeline(conn, *between)
    _print_timeline(entries, fmt)


@click.command("entity")
@click.argument("name")
@_DB
@_FORMAT
def entity(name: str, db: str, fmt: str) -> None:
    """One entity (NAME, alias or id): its aliases, quotes, events as actor or target, co-occurring entities."""
    profile = entity_profile(_connect(db), name)
    if profile is None:
        raise click.ClickException(f"no entity named {name!r}")
    if fmt == "jsonl":
        _jsonl([profile])
        return
    console = Console()
    console.print(f"[bold]{profile['name']}[/] ({profile['type']}), {profile['articles']} articles")
    console.print("aliases: " + ", ".join(map(str, profile["aliases"])))  # type: ignore[call-overload]
    console.print(f"events: {profile['events_as_actor']} as actor, {profile['events_as_target']} as target")
    for e in profile["events"]:  # type: ignore[attr-defined]
        console.print(f"  {e['date'] or '?'} {e['type']} ({e['trigger']}) as {'/'.join(e['roles'])}")
    console.print("quotes:")
    for q in profile["quotes"]:  # type: ignore[attr-defined]
        console.print(f"  “{q['text']}”")
    console.print("with: " + ", ".join(f"{c['name']} ({c['articles']})" for c in profile["co_occurring"]))  # type: ignore[attr-defined]


COMMANDS = (assign, recluster, stories, timeline, entity)
