"""The main job on this machine: paths → raw → clean → annotated articles, streaming, in input order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from dateline.clean import CleanDocument
from dateline.clean.pipeline import clean_document
from dateline.errors import Code, error
from dateline.ingest import RawDocument
from dateline.ingest.files import read_documents
from dateline.nlp.pipeline import annotate
from dateline.schema import Article


def clean_with_override(raw: RawDocument, published: str | None = None) -> CleanDocument:
    """Clean one raw document; ``published`` (from the command line) overrides what was read.

    A bug in cleaning becomes an E010 error on this document: the batch goes on.
    """
    try:
        clean = clean_document(raw)
    except Exception as exc:
        where = raw.source_path or raw.url or "<document>"
        clean = CleanDocument(
            text="",
            source_path=raw.source_path,
            url=raw.url,
            errors=[*raw.errors, error(Code.E010_INTERNAL, where, f"clean: {exc!r}")],
        )
    if published:
        clean.published = published
    return clean


def annotate_raw(raws: Iterable[RawDocument], published: str | None = None) -> Iterator[Article]:
    """Clean and annotate raw documents in this process, in order."""
    yield from annotate(clean_with_override(raw, published) for raw in raws)


def extract_paths(
    paths: Iterable[str],
    published: str | None = None,
    jobs: int = 1,
    ray: bool = False,
    ray_address: str | None = None,
) -> Iterator[Article]:
    """Every article under ``paths``; ``published`` overrides each document's publication time.

    ``jobs`` > 1 annotates in that many local worker processes (each loads the model once);
    ``ray`` (or a ``ray_address``: "auto", ``ray://host:port``) annotates on ``jobs`` Ray actors,
    on a local Ray or on that cluster. Articles still come back in input order.
    """
    raws = read_documents(paths)
    if ray or ray_address is not None:
        from dateline.run.ray_runner import annotate_on_ray

        yield from annotate_on_ray(raws, published=published, address=ray_address, workers=jobs)
        return
    if jobs <= 1:
        yield from annotate_raw(raws, published)
        return
    from dateline.run.workers import annotate_in_workers

    yield from annotate_in_workers(raws, published=published, jobs=jobs)
