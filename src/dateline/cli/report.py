"""Overviews of the store: ``stats`` (the numbers) and ``summary`` (what ``make demo`` shows)."""

from __future__ import annotations

import json
import sqlite3
from itertools import islice
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from dateline.cli.store import db_option, open_reader
from dateline.corpus.timeline import story_summaries
from dateline.store import Store, StoreStats

LAYERS = ("articles", "entities", "quotes", "stances", "times", "events", "failures")


def _top_option(default: int) -> Any:
    return click.option(
        "--top",
        type=click.IntRange(min=1),
        default=default,
        show_default=True,
        help="How many top entities and speakers to list.",
    )


def _table(title: str, columns: tuple[str, ...], rows: list[dict[str, Any]]) -> Table:
    table = Table(title=title, title_justify="left")
    for col in columns:
        table.add_column(col, justify="right" if rows and isinstance(rows[0].get(col), int) else "left")
    for row in rows:
        table.add_row(*(escape(str(row.get(col) if row.get(col) is not None else "-")) for col in columns))
    return table


def _counts_line(stats: StoreStats) -> str:
    return " · ".join(f"[bold]{getattr(stats, name)}[/bold] {name}" for name in LAYERS)


@click.command()
@db_option
@_top_option(10)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["pretty", "json"]),
    default="pretty",
    show_default=True,
    help="pretty: tables for a person; json: one object.",
)
def stats(db: str, top: int, fmt: str) -> None:
    """Counts per layer, top entities, and articles per published month."""
    with open_reader(db) as store:
        result = store.stats(top=top)
    if fmt == "json":
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return
    con = Console(highlight=False)
    con.print(_counts_line(result))
    if result.top_entities:
        con.print(_table("Top entities", ("name", "type", "articles", "mentions"), result.top_entities))
    if result.by_month:
        con.print(_table("Articles by published month", ("month", "articles"), result.by_month))
    if result.failures_by_code:
        con.print(_table("Failures", ("code", "documents", "example"), result.failures_by_code))


# How many example quotes and time expressions the summary shows.
SAMPLES = 5


def _sample_quotes(store: Store) -> list[dict[str, Any]]:
    rows = [r for r in store.quotes(limit=200) if (r["speaker_name"] or r["speaker_text"]) and not r["negated"]]
    return [
        {
            "speaker": r["speaker_name"] or r["speaker_text"],
            "quote": _clip(r["text"]),
            "date": (r["published"] or "-")[:10],
        }
        for r in rows[:SAMPLES]
    ]


def _sample_times(store: Store) -> list[dict[str, Any]]:
    return [
        {"text": r["text"], "type": r["type"], "value": r["value"]}
        for r in islice((r for r in store.rows("times") if r["value"]), SAMPLES)
    ]


def _largest_stories(store: Store, top: int) -> list[dict[str, Any]]:
    """Stories with more than one article, largest first (none when the corpus layer is absent)."""
    try:
        summaries = story_summaries(store.conn, top_entities=0)
    except sqlite3.OperationalError:  # a store written before the corpus layer existed
        return []
    multi = [s for s in summaries if int(str(s["articles"])) > 1]
    multi.sort(key=lambda s: -int(str(s["articles"])))
    return [
        {
            "story": s["story"],
            "title": _clip(str(s["title"] or ""), 60),
            "articles": s["articles"],
            "copies": s["copies"],
        }
        for s in multi[:top]
    ]


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@click.command()
@db_option
@_top_option(8)
def summary(db: str, top: int) -> None:
    """A readable overview of the store: counts, failures, top entities, speakers and quotes, times."""
    with open_reader(db) as store:
        result = store.stats(top=top)
        quotes = _sample_quotes(store)
        times = _sample_times(store)
        stories = _largest_stories(store, top)
    con = Console(highlight=False)
    con.rule(f"[bold]dateline store[/bold] {escape(db)}")
    con.print(_counts_line(result))
    if stories:
        con.print(_table("Largest stories", ("story", "title", "articles", "copies"), stories))
    if result.failures_by_code:
        con.print(_table("Failed documents", ("code", "documents", "example"), result.failures_by_code))
    if result.top_entities:
        con.print(_table("Top entities", ("name", "type", "articles", "mentions"), result.top_entities))
    if result.top_speakers:
        con.print(_table("Who is quoted", ("name", "quotes", "articles"), result.top_speakers))
    if quotes:
        con.print(_table("Quotes with speakers", ("date", "speaker", "quote"), quotes))
    if result.times_by_type:
        con.print(_table("Time expressions", ("type", "count"), result.times_by_type))
    if times:
        con.print(_table("Resolved times (examples)", ("text", "type", "value"), times))
    if result.events_by_type:
        con.print(_table("Events", ("type", "count"), result.events_by_type))
    if result.by_month:
        con.print(_table("Articles by published year", ("year", "articles"), _by_year(result.by_month)))


def _by_year(by_month: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Months folded into years, so the overview stays short."""
    years: dict[str, int] = {}
    for row in by_month:
        year = str(row["month"])[:4] if row["month"] != "unknown" else "unknown"
        years[year] = years.get(year, 0) + int(row["articles"])
    return [{"year": year, "articles": n} for year, n in years.items()]
