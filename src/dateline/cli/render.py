"""``--format pretty``: an article rendered for a person with rich."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from dateline.cli.render_quotes import render_quotes
from dateline.schema import Article


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
        con.print(f"[red]{err.code}[/red] {err.message}")
    if article.subheads:
        con.print("subheads: " + " | ".join(s.text for s in article.subheads))
    if article.entities:
        table = Table(title="Entities", show_lines=False)
        for col in ("name", "type", "roles", "mentions"):
            table.add_column(col)
        for ent in article.entities:
            table.add_row(ent.name, ent.type, ", ".join(ent.roles), str(len(ent.mentions)))
        con.print(table)
    render_quotes(article, con)
