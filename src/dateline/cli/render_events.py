"""``--format pretty``: the events table of one article."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from dateline.schema import Article, Event, Range


def _names(article: Article, ids: list[str]) -> str:
    by_id = {e.id: e.name for e in article.entities}
    return ", ".join(by_id.get(i, i) for i in ids)


def _range(label: str, span: Range | None) -> str | None:
    if span is None:
        return None
    if span.min == span.max:
        return f"{label} {span.min}"
    low = "?" if span.min is None else str(span.min)
    high = "" if span.max is None else str(span.max)
    return f"{label} {low}–{high}" if high else f"{label} ≥{low}"


def _counts(event: Event) -> str:
    parts = [q.text + (f" {q.object}" if q.object and q.object not in q.text else "") for q in event.quantities]
    if event.casualties is not None:
        parts += [
            p for p in (_range("killed", event.casualties.killed), _range("injured", event.casualties.injured)) if p
        ]
    return "; ".join(parts)


def _place(event: Event) -> str:
    loc = event.location
    if loc is None:
        return ""
    return f"{loc.name} ({loc.country})" if loc.country else loc.name


def _time(event: Event) -> str:
    if event.time is None:
        return ""
    shown = event.time.value or event.time.text or ""
    return f"{shown} (inferred)" if shown and event.time.inferred else shown


# Below this console width the nine-column table wraps every cell: one entry per event instead.
WIDE_TABLE_MIN_WIDTH = 140


def render_events(article: Article, console: Console) -> None:
    """Print one row per event: type/mode, trigger, who, whom, where, when, status, counts, source.

    On a console narrower than ``WIDE_TABLE_MIN_WIDTH`` each event is a short entry instead.
    """
    if not article.events:
        return
    if console.width < WIDE_TABLE_MIN_WIDTH:
        _render_entries(article, console)
        return
    table = Table(title="Events", show_lines=False)
    for col in ("type", "trigger", "actors", "targets", "where", "when", "status", "counts", "according to"):
        table.add_column(col)
    for ev in article.events:
        kind = ev.type.value + (f"/{ev.mode}" if ev.mode else "")
        table.add_row(
            kind,
            ev.trigger.text,
            _names(article, ev.actors),
            _names(article, ev.targets),
            _place(ev),
            _time(ev),
            ev.status.value,
            _counts(ev),
            _names(article, [ev.attributed_to]) if ev.attributed_to else "",
        )
    console.print(table)


def _render_entries(article: Article, console: Console) -> None:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for ev in article.events:
        entry = Text()
        entry.append(ev.type.value + (f"/{ev.mode}" if ev.mode else ""), style="bold cyan")
        entry.append(f" “{ev.trigger.text}” ")
        entry.append(ev.status.value, style="magenta")
        who, whom = _names(article, ev.actors), _names(article, ev.targets)
        if who or whom:
            entry.append(f"  {who or '?'}" + (f" → {whom}" if whom else ""))
        details = [
            f"{label} {value}"
            for label, value in (
                ("where", _place(ev)),
                ("when", _time(ev)),
                ("counts", _counts(ev)),
                ("according to", _names(article, [ev.attributed_to]) if ev.attributed_to else ""),
            )
            if value
        ]
        if details:
            entry.append("\n" + " · ".join(details), style="dim")
        grid.add_row("•", entry)
    console.print(Text("Events", style="bold"))
    console.print(grid)
