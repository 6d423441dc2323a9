"""``--format pretty``: the events table of one article."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

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
    parts = [
        q.text + (f" {q.object}" if q.object and q.object not in q.text else "") for q in event.quantities
    ]
    if event.casualties is not None:
        parts += [
            p
            for p in (_range("killed", event.casualties.killed), _range("injured", event.casualties.injured))
            if p
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
    return f"{shown} (inferred)" if event.time.inferred else shown


def render_events(article: Article, console: Console) -> None:
    """Print one row per event: type/mode, trigger, who, whom, where, when, status, counts, source."""
    if not article.events:
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
