"""The Python API: the same pipeline as ``dateline extract``, for one text or many paths.

>>> import dateline
>>> article = dateline.extract_text("WASHINGTON (AP) — ...", published="2025-05-19")
>>> [q.speaker.name for q in article.quotes if q.speaker]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from dateline.ingest import RawDocument
from dateline.schema import Article


def extract_text(
    text: str,
    published: str | None = None,
    title: str | None = None,
    url: str | None = None,
    html: bool = False,
) -> Article:
    """Clean and annotate one document given as a string (plain text, or an HTML page with ``html``)."""
    from dateline.run.local import annotate_raw  # spaCy loads on first use, not on import

    raw = RawDocument(
        source_path=None,
        url=url,
        text=None if html else text,
        html=text if html else None,
        title=title,
        published=published,
    )
    return next(annotate_raw([raw]))


def extract_paths(paths: Iterable[str], published: str | None = None, jobs: int = 1) -> Iterator[Article]:
    """Every article under ``paths`` (files, folders, feeds, WARC, JSON-lines), in input order."""
    from dateline.run.local import extract_paths as _extract_paths

    yield from _extract_paths(paths, published=published, jobs=jobs)
