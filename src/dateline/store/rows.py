"""Contract articles into table rows (pure functions: no database here)."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from dateline.schema import Article

# TIMEX3 values that name a calendar stretch, with the day each one starts on.
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def calendar_start(value: str | None) -> str | None:
    """The first day (``YYYY-MM-DD``) of a TIMEX3 date value, or None for relative/durations.

    ``2025-05`` → ``2025-05-01``; ``2025-W20`` → its Monday; ``2025-W20-WE`` → its Saturday.
    """
    if not value:
        return None
    if m := _DAY.match(value):
        return m.group(0)
    if m := _MONTH.match(value):
        return f"{m.group(1)}-{m.group(2)}-01" if 1 <= int(m.group(2)) <= 12 else None
    if m := _YEAR.match(value):
        return f"{m.group(1)}-01-01"
    if m := _WEEK.match(value):
        try:
            day = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 6 if m.group(3) else 1)
        except ValueError:
            return None
        return day.isoformat()
    return None


def event_date(time_value: str | None, published: str | None) -> str | None:
    """The day an event is filed under: its own resolved time, else the article's publication day."""
    return calendar_start(time_value) or calendar_start(published)


def article_row(article: Article, ingested_at: str) -> dict[str, Any]:
    """The ``articles`` row; ``json`` holds the whole contract object."""
    return {
        "id": article.id,
        "source_path": article.source_path,
        "url": article.url,
        "title": article.title,
        "published": article.published,
        "site": article.site,
        "dateline_place": article.dateline.place if article.dateline else None,
        "dateline_agency": article.dateline.agency if article.dateline else None,
        "schema_version": article.schema_version,
        "ingested_at": ingested_at,
        "json": _dumps(article.to_json_dict()),
    }


def entity_rows(article: Article) -> list[dict[str, Any]]:
    """One row per canonical entity, with its mention count."""
    return [
        {
            "article_id": article.id,
            "entity_id": ent.id,
            "name": ent.name,
            "type": ent.type,
            "roles": _dumps(ent.roles),
            "mentions": len(ent.mentions),
        }
        for ent in article.entities
    ]


def quote_rows(article: Article) -> list[dict[str, Any]]:
    """One row per quote: its text, kind, act, whether it was not said, speaker (name, entity,
    surface text) and cue."""
    return [
        {
            "article_id": article.id,
            "seq": seq,
            "text": q.text,
            "kind": q.kind.value,
            "act": q.act.value,
            "negated": int(q.negated),
            "speaker_name": q.speaker.name if q.speaker else None,
            "speaker_entity": q.speaker.entity if q.speaker else None,
            "speaker_text": q.speaker.text if q.speaker else None,
            "cue": q.cue.text if q.cue else None,
            "start": q.start,
            "end": q.end,
        }
        for seq, q in enumerate(article.quotes)
    ]


def time_rows(article: Article) -> list[dict[str, Any]]:
    """One row per temporal expression."""
    return [
        {
            "article_id": article.id,
            "seq": seq,
            "text": t.text,
            "type": t.type.value,
            "value": t.value,
            "utc": t.utc,
            "start": t.start,
            "end": t.end,
        }
        for seq, t in enumerate(article.times)
    ]


def event_rows(article: Article) -> list[dict[str, Any]]:
    """One row per event; actor and target ids are also stored as names for querying."""
    names = {ent.id: ent.name for ent in article.entities}
    rows = []
    for ev in article.events:
        rows.append(
            {
                "article_id": article.id,
                "event_id": ev.id,
                "type": ev.type.value,
                "mode": ev.mode,
                "status": ev.status.value,
                "trigger": ev.trigger.text,
                "actors": _dumps(ev.actors),
                "actor_names": _dumps([names.get(a, a) for a in ev.actors]),
                "targets": _dumps(ev.targets),
                "target_names": _dumps([names.get(t, t) for t in ev.targets]),
                "location": ev.location.name if ev.location else None,
                "country": ev.location.country if ev.location else None,
                "time_value": ev.time.value if ev.time else None,
                "event_date": event_date(ev.time.value if ev.time else None, article.published),
                "json": _dumps(ev.model_dump(mode="json")),
            }
        )
    return rows


def error_rows(article: Article) -> list[dict[str, Any]]:
    """The errors (warnings included) of an article that has text and so is stored."""
    return [
        {"article_id": article.id, "source_path": article.source_path, "code": e.code, "message": e.message}
        for e in article.errors
    ]


def fts_row(article: Article) -> dict[str, Any]:
    """The searchable text: title, body and every quote's content."""
    return {
        "title": article.title or "",
        "text": article.text,
        "quotes": "\n".join(q.text for q in article.quotes),
    }
