"""``dateline export``: a store table as JSON lines or CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from typing import IO, Any

import click

from dateline.cli.store import db_option, open_reader
from dateline.corpus.store import export_story_lines
from dateline.store import Store

# What can be exported, as flat rows. ``articles`` as jsonl is the full contract object instead.
ROWS: dict[str, Callable[[Store], Iterator[dict[str, Any]]]] = {
    "articles": lambda store: store.article_rows(),
    "entities": lambda store: store.rows("entities"),
    "quotes": lambda store: store.rows("quotes"),
    "times": lambda store: store.rows("times"),
    "events": lambda store: store.rows("events"),
    "errors": lambda store: store.rows("errors"),
    "failures": lambda store: store.rows("failures"),
    "sources": lambda store: store.rows("article_sources"),
    "stories": lambda store: export_story_lines(store.conn),
}

# Columns of exports that are not one store table.
COLUMNS = {"stories": ["article", "source_path", "story", "duplicate_of"]}

# Export names that differ from their table's name.
TABLES = {"sources": "article_sources"}


def _cell(value: object) -> object:
    """CSV cells are flat: lists and objects become JSON text."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


def write_jsonl(rows: Iterator[dict[str, Any]], out: IO[str]) -> int:
    """One JSON object per line; the number written."""
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(rows: Iterator[dict[str, Any]], out: IO[str], columns: list[str]) -> int:
    """A header row, then one row per record; the number written."""
    writer = csv.writer(out)
    writer.writerow(columns)
    n = 0
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
        n += 1
    return n


@click.command()
@click.option(
    "--what",
    type=click.Choice(sorted(ROWS)),
    default="articles",
    show_default=True,
    help="articles (jsonl: the contract objects), stories (one line per article: its story and the "
    "article it is a copy of), or one row per entity, quote, time, event, error, failure or source "
    "(each path or URL an article was read from).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one JSON object per line; csv: flat columns with a header (lists as JSON text).",
)
@db_option
@click.option(
    "--output",
    "-o",
    metavar="FILE",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    show_default=True,
    help="Write here instead of stdout ('-').",
)
def export(what: str, fmt: str, db: str, output: str) -> None:
    """Export the store, streaming: articles, stories, entities, quotes, times, events, errors or failures."""
    with open_reader(db) as store:
        if what == "articles" and fmt == "jsonl":
            rows: Iterator[dict[str, Any]] = (a.to_json_dict() for a in store.iter_articles())
        else:
            rows = ROWS[what](store)
        with click.open_file(output, "w", encoding="utf-8", lazy=False) as out:
            if fmt == "jsonl":
                write_jsonl(rows, out)
            else:
                write_csv(rows, out, COLUMNS.get(what) or store.columns(TABLES.get(what, what)))
