"""Paths (files, directories, ``-`` for stdin) into raw documents, in input order."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.errors import Code, error
from dateline.ingest import MAX_DOCUMENT_BYTES, RawDocument


def iter_paths(paths: Iterable[str]) -> Iterator[str]:
    """Expand directories recursively (sorted), keep files and ``-`` as given."""
    for p in paths:
        if p != "-" and os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for name in sorted(files):
                    if not name.startswith("."):
                        yield os.path.join(root, name)
        else:
            yield p


def read_documents(paths: Iterable[str]) -> Iterator[RawDocument]:
    """Every document found under ``paths``; unreadable ones come back with an error."""
    for path in iter_paths(paths):
        if path == "-":
            data = sys.stdin.buffer.read(MAX_DOCUMENT_BYTES + 1)
            yield _text_document("<stdin>", data)
            continue
        try:
            size = Path(path).stat().st_size
            if size > MAX_DOCUMENT_BYTES:
                yield RawDocument(path, errors=[error(Code.E005_TOO_LARGE, path, f"{size} bytes")])
                continue
            data = Path(path).read_bytes()
        except OSError as exc:
            yield RawDocument(path, errors=[error(Code.E001_UNREADABLE, path, exc.strerror or str(exc))])
            continue
        yield _text_document(path, data)


def _text_document(path: str, data: bytes) -> RawDocument:
    text = data.decode("utf-8", errors="replace")
    return RawDocument(path, text=text)
