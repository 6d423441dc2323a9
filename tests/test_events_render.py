"""The events table of ``--format pretty``."""

from __future__ import annotations

from rich.console import Console

from dateline.cli.render_events import render_events
from dateline.schema import Article
from event_helpers import annotate


def test_events_table_shows_type_counts_and_casualties() -> None:
    text = "Russia launched more than 270 drones at Kyiv, killing at least one person."
    state = annotate(text)
    article = Article(id="x", text=text, entities=state.entities, events=state.events)
    console = Console(record=True, width=240)
    render_events(article, console)
    out = console.export_text()
    assert "ASSAULT/aerial" in out and "more than 270 drones" in out and "killed ≥1" in out


def test_no_table_without_events() -> None:
    console = Console(record=True)
    render_events(Article(id="x", text="Nothing happened."), console)
    assert console.export_text() == ""


def test_narrow_console_gets_one_entry_per_event_not_a_wrapped_table() -> None:
    text = "Russia launched more than 270 drones at Kyiv, killing at least one person."
    state = annotate(text)
    article = Article(id="x", text=text, entities=state.entities, events=state.events)
    console = Console(record=True, width=80)
    render_events(article, console)
    lines = console.export_text().splitlines()
    assert lines[0].strip() == "Events" and lines[1].startswith("• ASSAULT/aerial “")
    assert "Russia → Kyiv" in lines[1]
    assert "counts more than 270 drones; killed ≥1" in " ".join(line.strip() for line in lines[2:])
    assert "┃" not in "".join(lines)
