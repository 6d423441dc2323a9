"""Progress over a stream of documents, on stderr: a live bar on a terminal, one closing line otherwise."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

T = TypeVar("T")


class RateColumn(ProgressColumn):
    """``12 documents · 3.4 docs/s`` (the average since the start: workers deliver in bursts)."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        n = int(task.completed)
        return Text(f"{n} document{'s' if n != 1 else ''} · {rate:.1f} docs/s", style="progress.data.speed")


def stderr_console() -> Console:
    """The console for progress and summaries: stderr, so that stdout stays machine-readable."""
    return Console(stderr=True, highlight=False)


def track_documents(items: Iterable[T], label: str, console: Console | None = None) -> Iterator[T]:
    """Yield ``items`` while showing progress on stderr.

    On a terminal: a live bar with documents/s. Elsewhere (a log, a pipe): one closing line, and
    only when there were several documents (one document needs no progress report).
    """
    con = console or stderr_console()
    if con.is_terminal:
        yield from _live(items, label, con)
        return
    start = time.perf_counter()
    count = 0
    for item in items:
        count += 1
        yield item
    if count > 1:
        elapsed = time.perf_counter() - start
        rate = count / elapsed if elapsed > 0 else 0.0
        con.print(f"{label}: {count} documents in {elapsed:.1f}s ({rate:.1f} docs/s)")


def _live(items: Iterable[T], label: str, con: Console) -> Iterator[T]:
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        console=con,
        # stdout on the same terminal is printed above the bar; a piped stdout is left alone.
        redirect_stdout=sys.stdout.isatty(),
        redirect_stderr=False,
    )
    with progress:
        task = progress.add_task(label, total=None)
        done = 0
        for item in items:
            done += 1
            progress.advance(task)
            yield item
        progress.update(task, total=done)  # the count is known now: show a full bar
