"""Paths (files, directories, ``-`` for stdin) into raw documents, streaming, in input order.

Each file is sniffed from its name and first bytes, then read by the reader for its kind. A file
that cannot be read still yields one document carrying a coded error, and the batch goes on.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from typing import IO

from dateline.errors import Code, error
from dateline.ingest import MAX_CONTAINER_BYTES, MAX_DOCUMENT_BYTES, RawDocument
from dateline.ingest.decode import decode_bytes
from dateline.ingest.feeds import read_feed
from dateline.ingest.jsonl import read_json, read_jsonl
from dateline.ingest.sniff import SNIFF_BYTES, Kind, sniff
from dateline.ingest.warc import read_warc

STDIN = "-"


def iter_paths(paths: Iterable[str]) -> Iterator[str]:
    """Expand directories recursively (sorted, hidden files skipped), keep files and ``-`` as given."""
    for p in paths:
        if p != STDIN and os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield os.path.join(root, name)
        else:
            yield p


class _Prefixed(io.RawIOBase):
    """A stream that replays the sniffed head before the rest (stdin cannot seek back)."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def read_documents(paths: Iterable[str]) -> Iterator[RawDocument]:
    """Every document found under ``paths``; unreadable ones come back with an error."""
    for path in iter_paths(paths):
        if path == STDIN:
            yield from _guarded("<stdin>", read_stream("<stdin>", sys.stdin.buffer, size=None))
            continue
        try:
            stream = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is drained
        except OSError as exc:
            yield RawDocument(path, errors=[error(Code.E001_UNREADABLE, path, exc.strerror or str(exc))])
            continue
        with stream:
            try:
                size: int | None = os.fstat(stream.fileno()).st_size
            except OSError:
                size = None
            yield from _guarded(path, read_stream(path, stream, size))


def _guarded(name: str, documents: Iterator[RawDocument]) -> Iterator[RawDocument]:
    """The documents of one input; a reader that fails mid-way ends that input with E010, not the batch."""
    try:
        yield from documents
    except Exception as exc:  # a bug in a reader or a library: report it, go on with the next input
        yield RawDocument(name, errors=[error(Code.E010_INTERNAL, name, f"reading: {exc!r}")])


def read_stream(name: str, stream: IO[bytes], size: int | None) -> Iterator[RawDocument]:
    """The documents in one file or stream, by the kind its name and first bytes say it is."""
    try:
        head = stream.read(SNIFF_BYTES)
    except OSError as exc:
        yield RawDocument(name, errors=[error(Code.E001_UNREADABLE, name, exc.strerror or str(exc))])
        return
    kind, why = sniff(name, head)
    while kind is Kind.EMPTY and len(head) <= MAX_DOCUMENT_BYTES:
        # Whitespace can run past the head: read on until something shows or the input ends.
        more = stream.read(SNIFF_BYTES)
        if not more:
            break
        head += more
        kind, why = sniff(name, head)
    if kind is Kind.EMPTY:
        yield RawDocument(name, errors=[error(Code.E002_EMPTY, name)])
        return
    whole = size is not None and size <= len(head)
    if kind is Kind.BINARY:
        yield RawDocument(name, errors=[error(Code.E003_BINARY, name, why)])
        return
    if kind is Kind.UNSUPPORTED:
        yield RawDocument(name, errors=[error(Code.E009_UNSUPPORTED, name, why)])
        return
    if kind in (Kind.JSONL, Kind.WARC):
        reader = io.BufferedReader(_Prefixed(head, stream))
        yield from (read_jsonl(name, reader) if kind is Kind.JSONL else read_warc(name, reader))
        return
    limit = MAX_CONTAINER_BYTES if kind in (Kind.FEED, Kind.JSON) else MAX_DOCUMENT_BYTES
    if size is not None and size > limit:
        yield RawDocument(name, errors=[error(Code.E005_TOO_LARGE, name, f"{size} bytes")])
        return
    data = head if whole else head + stream.read(limit + 1 - len(head))
    if len(data) > limit:
        yield RawDocument(name, errors=[error(Code.E005_TOO_LARGE, name, f"over {limit} bytes")])
        return
    if kind is Kind.FEED:
        yield from read_feed(name, data)
    elif kind is Kind.JSON:
        yield from read_json(name, data)
    else:
        yield _decoded_document(name, data, html=kind is Kind.HTML)


def _decoded_document(name: str, data: bytes, html: bool) -> RawDocument:
    """A text or HTML file decoded with its own charset; guessed bytes are an E004 warning."""
    decoded = decode_bytes(data)
    doc = RawDocument(name, html=decoded.text) if html else RawDocument(name, text=decoded.text)
    if decoded.lossy:
        doc.errors.append(
            error(Code.E004_ENCODING, name, "UTF-8" if decoded.encoding == "cp1252" else decoded.encoding)
        )
    return doc
