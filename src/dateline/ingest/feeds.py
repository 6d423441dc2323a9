"""RSS and Atom files into raw documents: one per item, its content (or summary) as an HTML fragment."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import feedparser

from dateline.errors import Code, error
from dateline.ingest import RawDocument


def _item_html(entry: Any) -> str | None:
    """The fullest body an item carries: ``content`` (Atom, content:encoded) before ``summary``."""
    for content in entry.get("content") or []:
        value = content.get("value")
        if isinstance(value, str) and value.strip():
            return value
    summary = entry.get("summary")
    return summary if isinstance(summary, str) and summary.strip() else None


def _authors(entry: Any) -> list[str]:
    names = [a.get("name", "").strip() for a in entry.get("authors") or [] if isinstance(a, dict)]
    names = [n for n in names if n]
    if not names and isinstance(entry.get("author"), str) and entry["author"].strip():
        names = [entry["author"].strip()]
    return names


def read_feed(name: str, data: bytes) -> Iterator[RawDocument]:
    """Every item of an RSS/Atom feed, in feed order; an item without a body gets E006."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        detail = f"not a feed ({parsed.get('bozo_exception')!s})" if parsed.get("bozo") else "a feed with no items"
        yield RawDocument(name, errors=[error(Code.E006_NO_ARTICLE, name, detail)])
        return
    feed_title = parsed.feed.get("title") if parsed.get("feed") else None
    for i, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link")
        where = f"{name}:{i}"
        doc = RawDocument(
            where,
            url=link,
            title=(entry.get("title") or "").strip() or None,
            published=entry.get("published") or entry.get("updated"),
            authors=_authors(entry),
            site=feed_title or (urlparse(link).hostname if link else None),
            external_id=entry.get("id"),
            html=_item_html(entry),
            fragment=True,
        )
        if doc.html is None:
            doc.errors.append(error(Code.E006_NO_ARTICLE, where, "an item with neither content nor summary"))
        yield doc
