"""Timelines and profiles read from the corpus tables: events in date order with their sources.

A merged event reports its date (the event's own time, else the earliest report's publication),
its status (what most reports say), how many reports and distinct sources carry it, and the
figures each source gave, side by side ('270 drones' from one, '273 drones' from another).
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from dateline.corpus.entity_merge import canonical
from dateline.corpus.names import same_name


@dataclass
class TimelineEntry:
    """One merged event on a timeline."""

    event: str
    date: str | None
    type: str
    status: str
    story: str
    trigger: str
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    location: str | None = None
    n_reports: int = 0
    n_sources: int = 0
    sources: list[str] = field(default_factory=list)
    figures: dict[str, list[dict[str, object]]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        """The JSON form (one ``timeline --format jsonl`` line)."""
        return dict(self.__dict__)


def _day_to_iso(day: int | None) -> str | None:
    return (date(1970, 1, 1) + timedelta(days=day)).isoformat() if day is not None else None


def _entry(conn: sqlite3.Connection, event: str) -> TimelineEntry:
    story, type_, day, time_value, location = conn.execute(
        "SELECT story, type, day, time_value, location FROM corpus_events WHERE id = ?", (event,)
    ).fetchone()
    reports = conn.execute(
        "SELECT source, trigger, status, published, quantities FROM corpus_event_reports WHERE event = ? "
        "ORDER BY published, article",
        (event,),
    ).fetchall()
    statuses = Counter(r[2] for r in reports)
    sources = sorted({r[0] for r in reports})
    figures: dict[str, list[dict[str, object]]] = defaultdict(list)
    for source, _, _, _, quantities in reports:
        for q in json.loads(quantities):
            figures[q.get("object") or "count"].append({"value": q["value"], "source": source})
    names: dict[str, list[str]] = {"actor": [], "target": []}
    for role, name in conn.execute(
        "SELECT ee.role, e.name FROM corpus_event_entities AS ee "
        "JOIN corpus_entities AS e ON e.id = ee.entity WHERE ee.event = ? ORDER BY e.name",
        (event,),
    ):
        names[role].append(name)
    published = [r[3][:10] for r in reports if r[3]]
    when = time_value if day is not None else (min(published) if published else None)
    if day is not None:
        when = _day_to_iso(day)
    return TimelineEntry(
        event=event,
        date=when,
        type=type_,
        status=statuses.most_common(1)[0][0] if statuses else "occurred",
        story=story,
        trigger=reports[0][1] if reports else "",
        actors=names["actor"],
        targets=names["target"],
        location=location,
        n_reports=len(reports),
        n_sources=len(sources),
        sources=sources,
        figures={k: v for k, v in sorted(figures.items())},
    )


def _ordered(conn: sqlite3.Connection, events: list[str]) -> list[TimelineEntry]:
    entries = [_entry(conn, e) for e in dict.fromkeys(events)]
    return sorted(entries, key=lambda e: (e.date is None, e.date or "", e.event))


def story_timeline(conn: sqlite3.Connection, story: str) -> list[TimelineEntry]:
    """The merged events of one story in date order."""
    rows = conn.execute("SELECT id FROM corpus_events WHERE story = ? ORDER BY seq", (story,))
    return _ordered(conn, [r[0] for r in rows])


def find_entities(conn: sqlite3.Connection, name: str) -> list[str]:
    """Corpus entities whose id, name or an alias matches ``name`` (exact first, then by name similarity).

    An id handed out before a merge still finds the entity it was merged into.
    """
    by_id = canonical(conn, name)
    if conn.execute("SELECT 1 FROM corpus_entities WHERE id = ?", (by_id,)).fetchone():
        return [by_id]
    exact = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT a.entity FROM corpus_entity_aliases AS a "
            "JOIN corpus_entities AS e ON e.id = a.entity "
            "WHERE a.alias = ? COLLATE NOCASE OR e.name = ? COLLATE NOCASE ORDER BY e.n_articles DESC, e.seq",
            (name, name),
        )
    ]
    if exact:
        return exact
    found = []
    for entity, alias, type_ in conn.execute(
        "SELECT a.entity, a.alias, e.type FROM corpus_entity_aliases AS a JOIN corpus_entities AS e "
        "ON e.id = a.entity ORDER BY e.n_articles DESC, e.seq"
    ):
        if entity not in found and same_name(name, alias, type_):
            found.append(entity)
    return found


def entity_timeline(conn: sqlite3.Connection, name: str) -> list[TimelineEntry]:
    """Events where the named entity is an actor or a target, in date order."""
    events: list[str] = []
    for entity in find_entities(conn, name)[:1]:
        events += [r[0] for r in conn.execute("SELECT event FROM corpus_event_entities WHERE entity = ?", (entity,))]
    return _ordered(conn, events)


def between_timeline(conn: sqlite3.Connection, name_a: str, name_b: str) -> list[TimelineEntry]:
    """Events that involve both named entities (either as actor or target), in date order."""
    a, b = find_entities(conn, name_a)[:1], find_entities(conn, name_b)[:1]
    if not a or not b:
        return []
    rows = conn.execute(
        "SELECT x.event FROM corpus_event_entities AS x JOIN corpus_event_entities AS y ON y.event = x.event "
        "WHERE x.entity = ? AND y.entity = ?",
        (a[0], b[0]),
    )
    return _ordered(conn, [r[0] for r in rows])


def entity_profile(conn: sqlite3.Connection, name: str, top: int = 10) -> dict[str, object] | None:
    """One corpus entity: name, type, aliases, articles, quotes by it, the events it is an actor or a
    target of (in date order, with its roles) and the entities it appears with most often."""
    found = find_entities(conn, name)
    if not found:
        return None
    entity = found[0]
    ent_name, type_, n_articles = conn.execute(
        "SELECT name, type, n_articles FROM corpus_entities WHERE id = ?", (entity,)
    ).fetchone()
    aliases = [
        r[0]
        for r in conn.execute(
            "SELECT alias FROM corpus_entity_aliases WHERE entity = ? ORDER BY n DESC, alias", (entity,)
        )
    ]
    quotes = [
        {"text": t, "kind": k, "article": a}
        for t, k, a in conn.execute(
            "SELECT text, kind, article FROM corpus_entity_quotes WHERE entity = ? ORDER BY rowid", (entity,)
        )
    ]
    roles = Counter(r[0] for r in conn.execute("SELECT role FROM corpus_event_entities WHERE entity = ?", (entity,)))
    role_of: dict[str, list[str]] = defaultdict(list)
    for event, role in conn.execute(
        "SELECT event, role FROM corpus_event_entities WHERE entity = ? ORDER BY role", (entity,)
    ):
        role_of[event].append(role)
    events = [
        {
            "event": e.event,
            "date": e.date,
            "type": e.type,
            "trigger": e.trigger,
            "roles": role_of[e.event],
            "status": e.status,
            "sources": e.n_sources,
        }
        for e in _ordered(conn, list(role_of))
    ]
    co = [
        {"entity": i, "name": n, "articles": c}
        for i, n, c in conn.execute(
            "SELECT o.entity, e.name, COUNT(DISTINCT o.article) AS c FROM corpus_entity_mentions AS m "
            "JOIN corpus_entity_mentions AS o ON o.article = m.article AND o.entity != m.entity "
            "JOIN corpus_entities AS e ON e.id = o.entity WHERE m.entity = ? "
            "GROUP BY o.entity ORDER BY c DESC, e.name LIMIT ?",
            (entity, top),
        )
    ]
    return {
        "entity": entity,
        "name": ent_name,
        "type": type_,
        "aliases": aliases,
        "articles": n_articles,
        "quotes": quotes,
        "events_as_actor": roles.get("actor", 0),
        "events_as_target": roles.get("target", 0),
        "events": events,
        "co_occurring": co,
    }


def story_summaries(conn: sqlite3.Connection, top_entities: int = 5) -> list[dict[str, object]]:
    """Every story: id, title, date span, article count, distinct texts and top entities."""
    out = []
    for story, title, first_day, last_day, n in conn.execute(
        "SELECT id, title, first_day, last_day, n_articles FROM corpus_stories ORDER BY seq"
    ):
        copies = conn.execute(
            "SELECT COUNT(*) FROM corpus_assignments WHERE story = ? AND duplicate_of IS NOT NULL", (story,)
        ).fetchone()[0]
        ents = [
            r[0]
            for r in conn.execute(
                "SELECT e.name FROM corpus_assignments AS a "
                "JOIN corpus_entity_mentions AS m ON m.article = a.article "
                "JOIN corpus_entities AS e ON e.id = m.entity WHERE a.story = ? "
                "GROUP BY m.entity ORDER BY COUNT(*) DESC, SUM(m.n_mentions) DESC, e.name LIMIT ?",
                (story, top_entities),
            )
        ]
        out.append(
            {
                "story": story,
                "title": title,
                "first": _day_to_iso(first_day),
                "last": _day_to_iso(last_day),
                "articles": n,
                "copies": copies,
                "top_entities": ents,
            }
        )
    return out
