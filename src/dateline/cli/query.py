"""Reading the store: ``search``, ``show``, ``quotes`` and ``events``."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from dateline.cli.store import db_option, open_reader, parse_since
from dateline.schema import PloverType

# Snippet marks that cannot occur in article text; turned into rich styles after escaping.
_OPEN, _CLOSE = "\x02", "\x03"
ID_WIDTH = 12
# Short fixed-form columns that tables must never fold.
_NO_WRAP = frozenset({"date", "type", "status", "article"})


def _limit_option(default: int) -> Any:
    return click.option(
        "--limit",
        type=click.IntRange(min=1),
        default=default,
        show_default=True,
        help="Show at most this many.",
    )


def _jsonl(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False))


def _highlight(snippet: str) -> str:
    return escape(snippet).replace(_OPEN, "[bold yellow]").replace(_CLOSE, "[/bold yellow]")


@click.command()
@click.argument("query")
@db_option
@_limit_option(20)
@click.option("--raw", is_flag=True, help="Pass QUERY to SQLite FTS5 as is (AND, OR, NOT, NEAR, column:term).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "jsonl"]),
    default="text",
    show_default=True,
    help="text: ranked hits with highlighted snippets; jsonl: one hit object per line.",
)
def search(query: str, db: str, limit: int, raw: bool, fmt: str) -> None:
    """Full-text search over titles, article text and quotes, best match first (bm25).

    Every word must match; "a phrase" in quotes matches as a phrase; word* matches a prefix.
    """
    with open_reader(db) as store:
        marks = ("[", "]") if fmt == "jsonl" else (_OPEN, _CLOSE)
        try:
            hits = store.search(query, limit=limit, raw=raw, mark=marks)
        except ValueError as exc:
            raise click.UsageError(str(exc)) from exc
    if fmt == "jsonl":
        _jsonl([asdict(hit) for hit in hits])
        return
    if not hits:
        click.echo(f"no matches for {query!r}", err=True)
        return
    con = Console(highlight=False)
    for hit in hits:
        head = f"[bold cyan]{hit.id[:ID_WIDTH]}[/bold cyan]  {escape((hit.published or '-')[:10])}  "
        con.print(head + f"[bold]{escape(hit.title or hit.source_path or '(untitled)')}[/bold]")
        con.print("    " + _highlight(" ".join(hit.snippet.split())))


@click.command()
@click.argument("article_id", metavar="ID")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["pretty", "json"]),
    default="pretty",
    show_default=True,
    help="pretty: for a person; json: the contract object.",
)
def show(article_id: str, db: str, fmt: str) -> None:
    """Show one stored article; ID may be any unambiguous prefix of the id."""
    with open_reader(db) as store:
        article = store.get(article_id)
        if article is None:
            matches = store.resolve_prefix(article_id, limit=6)
            if matches:
                raise click.ClickException(
                    f"id prefix {article_id!r} is ambiguous: " + ", ".join(m[:ID_WIDTH] for m in matches)
                )
            raise click.ClickException(f"no article with id {article_id!r} in {db}")
    if fmt == "json":
        click.echo(json.dumps(article.to_json_dict(), ensure_ascii=False, indent=2))
        return
    from dateline.cli.render import render_article

    render_article(article)


def _format_option(help_table: str) -> Any:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "jsonl"]),
        default="table",
        show_default=True,
        help=f"table: {help_table}; jsonl: one object per line.",
    )


@click.command()
@db_option
@click.option("--speaker", metavar="NAME", help="Only quotes whose speaker's name or mention contains NAME.")
@click.option("--since", metavar="DATE", callback=parse_since, help="Only articles published on or after DATE (ISO).")
@click.option(
    "--stance",
    is_flag=True,
    help="Also list stances attributed without a verb of saying ('hopes to …', 'opted not to …').",
)
@_limit_option(50)
@_format_option("speaker, date, quote and article")
def quotes(db: str, speaker: str | None, since: str | None, stance: bool, limit: int, fmt: str) -> None:
    """Quotes with their speaker, article and date, newest first; one reported as not said is marked (not)."""
    with open_reader(db) as store:
        rows = store.quotes(speaker=speaker, since=since, limit=limit, stance=stance)
    if fmt == "jsonl":
        _jsonl(rows)
        return
    if not rows:
        click.echo("no quotes match", err=True)
        return
    table = Table(show_lines=False)
    columns = ("date", "speaker", "act", "quote", "article") if stance else ("date", "speaker", "quote", "article")
    for col in columns:
        table.add_column(col, overflow="fold", no_wrap=col in _NO_WRAP)
    for r in rows:
        who = r["speaker_name"] or (f"({r['speaker_text']})" if r["speaker_text"] else "?")
        words = f"(not) {r['text']}" if r["negated"] else r["text"]  # "did not say whether …"
        cells = [(r["published"] or "-")[:10], escape(who), escape(words), r["article_id"][:ID_WIDTH]]
        if stance:
            cells.insert(2, r["act"])
        table.add_row(*cells)
    Console().print(table)


@click.command()
@db_option
@click.option(
    "--type",
    "type_",
    type=click.Choice([t.value for t in PloverType], case_sensitive=False),
    metavar="TYPE",
    help="Only events of this PLOVER type: " + ", ".join(t.value for t in PloverType) + ".",
)
@click.option("--country", metavar="CC", help="Only events located in this country (ISO 3166 alpha-2, e.g. UA).")
@click.option(
    "--since",
    metavar="DATE",
    callback=parse_since,
    help="Only events on or after DATE (the event's resolved time, else its article's publication day).",
)
@click.option("--actor", metavar="NAME", help="Only events with an actor whose name contains NAME.")
@_limit_option(50)
@_format_option("date, type, actors, trigger, place and article")
def events(
    db: str,
    type_: str | None,
    country: str | None,
    since: str | None,
    actor: str | None,
    limit: int,
    fmt: str,
) -> None:
    """PLOVER events with actors, place and date, newest first."""
    with open_reader(db) as store:
        rows = store.events(type_=type_, country=country, since=since, actor=actor, limit=limit)
    if fmt == "jsonl":
        _jsonl(rows)
        return
    if not rows:
        click.echo("no events match", err=True)
        return
    table = Table()
    for col in ("date", "type", "status", "actors", "trigger", "targets", "place", "article"):
        table.add_column(col, overflow="fold", no_wrap=col in _NO_WRAP)
    for r in rows:
        place = r["location"] or "-"
        if r["country"]:
            place += f" ({r['country']})"
        table.add_row(
            r["event_date"] or "-",
            r["type"],
            r["status"],
            escape(", ".join(r["actor_names"]) or "-"),
            escape(r["trigger"]),
            escape(", ".join(r["target_names"]) or "-"),
            escape(place),
            r["article_id"][:ID_WIDTH],
        )
    Console().print(table)
