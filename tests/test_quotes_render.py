"""The quotes section of ``--format pretty``."""

from __future__ import annotations

from rich.console import Console

from dateline.cli.render_quotes import render_quotes
from dateline.schema import Article, Quote, QuoteKind, Span, Speaker


def test_pretty_output_shows_quotes_with_speakers() -> None:
    text = "He called the talks “important,” officials said."
    article = Article(
        id="x",
        text=text,
        quotes=[
            Quote(
                text="important",
                start=21,
                end=30,
                kind=QuoteKind.partial,
                speaker=Speaker(entity="e1", name="Dmitry Peskov", text="He", start=0, end=2),
                cue=Span(text="called", start=3, end=9),
            )
        ],
    )
    console = Console(record=True, width=120)
    render_quotes(article, console)
    out = console.export_text()
    assert "He → Dmitry Peskov" in out
    assert "“important”" in out and "partial" in out and "called" in out


def test_pretty_output_omits_the_section_without_quotes() -> None:
    console = Console(record=True, width=120)
    render_quotes(Article(id="x", text="No speech here."), console)
    assert console.export_text() == ""


def test_pretty_output_marks_what_was_reported_as_not_said() -> None:
    text = "The minister did not say whether the troops would stay."
    start = text.index("whether")
    article = Article(
        id="x",
        text=text,
        quotes=[
            Quote(
                text=text[start:-1],
                start=start,
                end=len(text) - 1,
                kind=QuoteKind.indirect,
                speaker=Speaker(text="The minister", start=0, end=12),
                cue=Span(text="say", start=text.index("say"), end=text.index("say") + 3),
                negated=True,
            )
        ],
    )
    console = Console(record=True, width=120)
    render_quotes(article, console)
    out = console.export_text()
    assert "(not)" in out and "indirect" in out
