"""The quotes section of ``--format pretty``: each quote highlighted, with its speaker and cue."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from dateline.schema import Article, Quote, QuoteAct

KIND_STYLE = {"direct": "bold green", "partial": "green", "mixed": "yellow", "indirect": "cyan"}
MAX_CHARS = 240


def speaker_label(quote: Quote) -> Text:
    """``He → Dmitry Peskov``: the surface mention and, where resolved, the entity's name."""
    spk = quote.speaker
    if spk is None or spk.text is None:
        return Text("?", style="dim")
    label = Text(spk.text, style="bold magenta")
    if spk.name and spk.name != spk.text:
        label.append(f" → {spk.name}", style="magenta")
    return label


def quote_text(quote: Quote) -> Text:
    """The quote's words, marked as speech when they were inside quotation marks."""
    words = quote.text if len(quote.text) <= MAX_CHARS else quote.text[: MAX_CHARS - 1] + "…"
    style = KIND_STYLE.get(quote.kind.value, "")
    if quote.kind.value in ("direct", "partial"):
        return Text(f"“{words}”", style=style)
    return Text(words, style=style)


def render_quotes(article: Article, console: Console) -> None:
    """Print one row per quote: speaker, cue, kind and the highlighted words."""
    if not article.quotes:
        return
    table = Table(title="Quotes", show_lines=False, expand=True)
    table.add_column("speaker", ratio=2)
    table.add_column("cue", ratio=1)
    table.add_column("kind", ratio=1)
    table.add_column("quote", ratio=6)
    for quote in article.quotes:
        cue = quote.cue.text if quote.cue else ""
        kind = quote.kind.value if quote.act == QuoteAct.speech else f"{quote.kind.value} (stance)"
        if quote.negated:
            kind += " (not)"  # "did not say whether …": reported as not said
        table.add_row(speaker_label(quote), cue, kind, quote_text(quote))
    console.print(table)
