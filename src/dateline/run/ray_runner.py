"""Ray actors: a corpus annotated on a local Ray or on an existing Ray cluster, in input order.

What runs where: reading stays on the driver (it may be stdin) and so do store writes (the store
is one SQLite file); each actor loads the spaCy model once and cleans and annotates the chunks of
raw documents it is sent. Each actor holds one chunk at a time and at most
``workers * IN_FLIGHT_PER_WORKER`` chunks are out (running or waiting for their turn to be
yielded), so memory stays flat on a large corpus. An actor that dies (a crash, the OOM killer)
costs only the chunk it held, reported as E010; a fresh actor takes its place.

Ray is an optional extra (``pip install 'dateline[ray]'``) and is imported only here, lazily.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from dateline.ingest import RawDocument
from dateline.run.workers import CHUNK_SIZE, IN_FLIGHT_PER_WORKER, annotate_chunk, chunks, init_worker, lost_article
from dateline.schema import Article

INSTALL_HINT = "Ray is not installed: pip install 'dateline[ray]'"
# The object store of a local Ray: chunks of raw text and their articles are small.
LOCAL_OBJECT_STORE_BYTES = 256 * 1024 * 1024


class RayNotInstalled(ImportError):
    """The ``ray`` extra is missing."""


def import_ray() -> Any:
    """The ``ray`` module, or ``RayNotInstalled`` saying how to install it."""
    try:
        import ray
    except ImportError as exc:
        raise RayNotInstalled(INSTALL_HINT) from exc
    return ray


class _Annotator:
    """One Ray actor: the model loaded once, then chunk after chunk."""

    def __init__(self) -> None:
        init_worker()

    def annotate(self, chunk: list[RawDocument], published: str | None) -> list[Article]:
        return annotate_chunk(chunk, published)


def _connect(ray: Any, address: str | None, workers: int) -> bool:
    """Join ``address`` or start a local Ray with ``workers`` CPUs; True when this call started it."""
    if ray.is_initialized():
        return False
    if address is None:
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # nothing leaves the machine
        ray.init(
            num_cpus=workers,
            include_dashboard=False,
            object_store_memory=LOCAL_OBJECT_STORE_BYTES,
            log_to_driver=False,
        )
    else:
        ray.init(address=address, log_to_driver=False)
    _errors_to_stderr()
    return True


def _errors_to_stderr() -> None:
    """Ray's driver prints cluster errors (a worker died…) on stdout; send them to stderr.

    ``dateline extract`` writes its JSON Lines on stdout, which must hold nothing else. The hook is
    a private one of the pinned Ray; if a later Ray moves it, the messages stay where Ray puts them.
    """
    try:
        from ray._private import worker as ray_worker
    except ImportError:
        return
    original = getattr(ray_worker, "print_to_stdstream", None)
    if original is None or getattr(original, "_dateline", False):
        return

    def to_stderr(data: dict[str, Any], ignore_prefix: bool) -> None:
        original({**data, "is_err": True}, ignore_prefix)

    to_stderr._dateline = True  # type: ignore[attr-defined]
    ray_worker.print_to_stdstream = to_stderr


def annotate_on_ray(
    raws: Iterable[RawDocument],
    published: str | None = None,
    address: str | None = None,
    workers: int = 2,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[Article]:
    """Clean and annotate ``raws`` on ``workers`` Ray actors; yield articles in input order.

    ``address`` None starts a local Ray with ``workers`` CPUs (shut down at the end); "auto" or
    ``ray://host:port`` joins an existing cluster, whose nodes need dateline and its model
    installed. A Ray already initialized in this process is used as it is.
    """
    ray = import_ray()
    started = _connect(ray, address, workers)
    annotator = ray.remote(num_cpus=1, max_restarts=0)(_Annotator)
    actors = {annotator.remote() for _ in range(max(1, workers))}
    idle: deque[Any] = deque(actors)
    running: dict[Any, tuple[int, list[RawDocument], Any]] = {}
    done: dict[int, list[Article]] = {}
    limit = len(actors) * IN_FLIGHT_PER_WORKER
    source = enumerate(chunks(raws, chunk_size))
    exhausted = False
    next_index = 0
    try:
        while True:
            while idle and not exhausted and len(running) + len(done) < limit:
                item = next(source, None)
                if item is None:
                    exhausted = True
                    break
                index, chunk = item
                actor = idle.popleft()
                running[actor.annotate.remote(chunk, published)] = (index, chunk, actor)
            if not running:
                break
            ready, _ = ray.wait(list(running), num_returns=1)
            for ref in ready:
                index, chunk, actor = running.pop(ref)
                try:
                    done[index] = ray.get(ref)
                except ray.exceptions.RayActorError as exc:  # the actor died: this chunk is lost
                    done[index] = [lost_article(raw, type(exc).__name__) for raw in chunk]
                    ray.kill(actor, no_restart=True)
                    actors.discard(actor)
                    actor = annotator.remote()  # a fresh one (the model loads again) for the rest
                    actors.add(actor)
                except Exception as exc:  # a bug in a stage costs only this chunk
                    done[index] = [lost_article(raw, repr(exc)) for raw in chunk]
                idle.append(actor)
            while next_index in done:
                yield from done.pop(next_index)
                next_index += 1
    finally:
        for actor in actors:
            ray.kill(actor)
        if started:
            ray.shutdown()
