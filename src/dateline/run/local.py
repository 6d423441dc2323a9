"""The main job in one process: paths → raw → clean → annotated articles, streaming, in order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from dateline.clean import CleanDocument
from dateline.clean.pipeline import clean_document
from dateline.ingest.files import read_documents
from dateline.nlp.pipeline import annotate
from dateline.schema import Article


def extract_paths(paths: Iterable[str], published: str | None = None) -> Iterator[Article]:
    """Every article under ``paths``; ``published`` overrides each document's publication time."""

    def cleaned() -> Iterator[CleanDocument]:
        for raw in read_documents(paths):
            clean = clean_document(raw)
            if published:
                clean.published = published
            yield clean

    yield from annotate(cleaned())
