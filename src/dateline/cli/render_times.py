"""The times section of ``--format pretty``: each expression with its resolved TIMEX3 value."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from dateline.schema import Article


def render_times(article: Article, console: Console) -> None:
    """Print a table of the article's temporal expressions (nothing when there are none)."""
    if not article.times:
        return
    table = Table(title="Times", show_lines=False)
    for col in ("text", "type", "value", "utc", "at"):
        # Values are never cut short: a person reads them to check the resolution.
        table.add_column(col, overflow="fold")
    for t in article.times:
        table.add_row(t.text, t.type.value, t.value or "?", t.utc or "", f"{t.start}-{t.end}")
    console.print(table)
