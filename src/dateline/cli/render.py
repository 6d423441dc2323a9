"""``--format pretty``: an article rendered for a person with rich."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from dateline.cli.render_events import render_events
from dateline.cli.render_quotes import render_quotes
from dateline.cli.render_times import render_times
from dateline.errors import WARNINGS
from dateline.schema import Article

WARNING_CODES = frozenset(code.value for code in WARNINGS)


def render_article(article: Article, console: Console | None = None) -> None:
    """Print the header, entities and every annotation layer of one article."""
    con = console or Console()
    con.rule(f"[bold]{article.title or article.source_path or article.id}")
    head = []
    if article.dateline:
        head.append(f"dateline: {article.dateline.place or '?'} ({article.dateline.agency or '-'})")
    if article.published:
        head.append(f"published: {article.published}")
    if article.credits:
        head.append("credits: " + ", ".join(article.credits))
    if article.byline:
        head.append("by: " + ", ".join(article.byline))
    if head:
        con.print(" · ".join(head))
    for err in article.errors:
        colour = "yellow" if err.code in WARNING_CODES else "red"
        con.print(f"[{colour}]{err.code}[/{colour}] {escape(err.message)}")
    if article.subheads:
        con.print("subheads: " + " | ".join(s.text for s in article.subheads))
    if article.entities:
        table = Table(title="Entities", show_lines=False)
        for col in ("id", "name", "type", "roles", "mentions"):
            table.add_column(col)
        for ent in article.entities:
            forms = list(dict.fromkeys(m.text for m in ent.mentions))
            table.add_row(
                ent.id, ent.name, ent.type, ", ".join(ent.roles), f"{len(ent.mentions)}: " + " · ".join(forms)
            )
        con.print(table)
    render_quotes(article, con)
    render_times(article, con)
    render_events(article, con)
