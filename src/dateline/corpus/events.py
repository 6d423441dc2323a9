"""Events across articles: reports of one real-world event from many sources become one event.

Two reports merge when they sit in the same story, share the PLOVER type, do not disagree on the
day, and share a participant or the place (or neither names any). Figures are kept per report, so
'270 drones' from one source and '273 drones' from another stay side by side.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from urllib.parse import urlparse

from dateline.corpus.features import publication_day
from dateline.schema import Article, Event

MAX_DAY_GAP = 1  # time zones and 'overnight' make reports of one event differ by a day
MAX_CANDIDATES = 200  # the newest events of that type in the story


def article_source(article: Article) -> str:
    """Who published the report: the site, the wire agency, the web domain, or the article itself."""
    if article.site:
        return article.site
    if article.dateline and article.dateline.agency:
        return article.dateline.agency
    if article.url:
        host = urlparse(article.url).hostname or ""
        if host:
            return host.removeprefix("www.")
    if article.credits:
        return article.credits[0]
    return article.id


def event_day(event: Event) -> int | None:
    """The event's day when its time resolves to a calendar date."""
    if event.time is None or not event.time.value:
        return None
    return publication_day(event.time.value)


def participants(event: Event, entity_map: dict[str, str]) -> dict[str, set[str]]:
    """Corpus entity ids of the event's actors and targets."""
    return {
        "actor": {entity_map[e] for e in event.actors if e in entity_map},
        "target": {entity_map[e] for e in event.targets if e in entity_map},
    }


def compatible(
    day: int | None,
    other_day: int | None,
    mine: set[str],
    theirs: set[str],
    place: str | None,
    other_place: str | None,
) -> int | None:
    """A merge score for two reports of one type in one story, or None when they are different events."""
    if day is not None and other_day is not None and abs(day - other_day) > MAX_DAY_GAP:
        return None
    same_place = place is not None and other_place is not None and place.casefold() == other_place.casefold()
    if place and other_place and not same_place:
        return None
    shared = len(mine & theirs)
    if mine and theirs and not shared and not same_place:
        return None
    return 2 * shared + (2 if same_place else 0) + (1 if day is not None and day == other_day else 0)


def merge_events(
    conn: sqlite3.Connection, article: Article, story: str, entity_map: dict[str, str], seq: int
) -> list[str]:
    """Attach each event of the article to a corpus event (new or existing); the corpus ids."""
    source = article_source(article)
    merged: list[str] = []
    for event in article.events:
        roles = participants(event, entity_map)
        everyone = roles["actor"] | roles["target"]
        day = event_day(event)
        place = event.location.name if event.location else None
        best: tuple[int, int, str] | None = None
        for cand, cand_day, cand_place, cand_seq in conn.execute(
            "SELECT id, day, location, seq FROM corpus_events WHERE story = ? AND type = ? ORDER BY seq DESC LIMIT ?",
            (story, event.type.value, MAX_CANDIDATES),
        ):
            theirs = {e for (e,) in conn.execute("SELECT entity FROM corpus_event_entities WHERE event = ?", (cand,))}
            score = compatible(day, cand_day, everyone, theirs, place, cand_place)
            if score is not None and (best is None or (score, -cand_seq) > (best[0], best[1])):
                best = (score, -cand_seq, cand)
        if best is None:
            event_id = "V" + hashlib.sha1(f"{article.id}|{event.id}".encode()).hexdigest()[:15]
            conn.execute(
                "INSERT INTO corpus_events (id, seq, story, type, day, time_value, status, location) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    event_id,
                    seq,
                    story,
                    event.type.value,
                    day,
                    event.time.value if event.time else None,
                    event.status.value,
                    place,
                ),
            )
        else:
            event_id = best[2]
            conn.execute(
                "UPDATE corpus_events SET day = COALESCE(day, ?), time_value = COALESCE(time_value, ?), "
                "location = COALESCE(location, ?) WHERE id = ?",
                (day, event.time.value if event.time else None, place, event_id),
            )
        conn.execute(
            "INSERT INTO corpus_event_reports (event, article, local_id, source, trigger, status, "
            "time_value, published, quantities, casualties) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event_id,
                article.id,
                event.id,
                source,
                event.trigger.text,
                event.status.value,
                event.time.value if event.time else None,
                article.published,
                json.dumps(
                    [
                        {"value": q.value, "object": q.object, "approx": q.approx.value, "text": q.text}
                        for q in event.quantities
                    ]
                ),
                event.casualties.model_dump_json() if event.casualties else None,
            ),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO corpus_event_entities (event, entity, role) VALUES (?, ?, ?)",
            [(event_id, e, role) for role, ids in roles.items() for e in sorted(ids)],
        )
        merged.append(event_id)
    return merged
