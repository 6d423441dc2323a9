"""The cleaning cascade: raw document → CleanDocument."""

from __future__ import annotations

from dateline.clean import CleanDocument
from dateline.ingest import RawDocument


def clean_document(raw: RawDocument) -> CleanDocument:
    """Clean one raw document."""
    text = (raw.text or "").strip()
    return CleanDocument(
        text=text,
        source_path=raw.source_path,
        url=raw.url,
        title=raw.title,
        published=raw.published,
        byline=list(raw.authors),
        site=raw.site,
        errors=list(raw.errors),
    )
