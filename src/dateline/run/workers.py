"""Local worker processes: documents annotated in parallel, handed back in input order.

Workers are started with ``spawn`` (no forked copies of the parent's state) and each loads the
spaCy model once, in its initializer. Reading stays in the parent (it may be stdin); cleaning
and annotation run in the workers, a chunk of documents at a time.

The pieces any worker backend shares (``init_worker``, ``annotate_chunk``, ``chunks``,
``lost_article``) live here; ``dateline.run.ray_runner`` uses them for Ray actors.
"""

from __future__ import annotations

import hashlib
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from dateline.errors import Code, error
from dateline.ingest import RawDocument
from dateline.schema import Article

# Documents per task: enough to amortize pickling and use nlp.pipe, few enough to keep order latency low.
CHUNK_SIZE = 8
# Chunks in flight per worker: keeps every worker busy while bounding memory.
IN_FLIGHT_PER_WORKER = 2


def init_worker() -> None:
    """Load the spaCy model once in a fresh worker, before its first chunk."""
    from dateline.nlp.model import load_nlp

    load_nlp()


def annotate_chunk(chunk: list[RawDocument], published: str | None) -> list[Article]:
    """Clean and annotate one chunk in this worker, in order."""
    from dateline.run.local import annotate_raw

    return list(annotate_raw(chunk, published))


def chunks(raws: Iterable[RawDocument], size: int) -> Iterator[list[RawDocument]]:
    """``raws`` in lists of ``size`` (the last one shorter), read lazily."""
    it = iter(raws)
    while chunk := list(islice(it, size)):
        yield chunk


def lost_article(raw: RawDocument, detail: str) -> Article:
    """The output line for a document whose worker died: no text, an E010 error."""
    where = raw.source_path or raw.url or ""
    return Article(
        id="x" + hashlib.sha256(where.encode()).hexdigest()[:23],
        source_path=raw.source_path,
        url=raw.url,
        errors=[*raw.errors, error(Code.E010_INTERNAL, where or "<document>", f"worker: {detail}")],
    )


def _collect(chunk: list[RawDocument], future: Future[list[Article]]) -> list[Article]:
    try:
        return future.result()
    except Exception as exc:  # a crashed worker must not end the batch
        return [lost_article(raw, repr(exc)) for raw in chunk]


def annotate_in_workers(
    raws: Iterable[RawDocument],
    published: str | None = None,
    jobs: int = 2,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[Article]:
    """Clean and annotate ``raws`` in ``jobs`` spawned processes; yield articles in input order.

    A worker that dies (a crash, the OOM killer) costs the documents it held, reported as E010;
    a fresh pool takes the rest.
    """
    pool = _new_pool(jobs)
    pending: deque[tuple[list[RawDocument], Future[list[Article]]]] = deque()
    try:
        for chunk in chunks(raws, chunk_size):
            try:
                pending.append((chunk, pool.submit(annotate_chunk, chunk, published)))
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _new_pool(jobs)
                pending.append((chunk, pool.submit(annotate_chunk, chunk, published)))
            while len(pending) >= jobs * IN_FLIGHT_PER_WORKER:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _new_pool(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=jobs, mp_context=multiprocessing.get_context("spawn"), initializer=init_worker
    )
