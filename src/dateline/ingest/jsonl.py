"""JSON-lines and JSON article records (news-please's field names work) into raw documents.

A JSON-lines file streams one line at a time, so a huge dump is never held in memory; a bad line
becomes one E008 document and the lines after it still come.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from dateline.errors import Code, error
from dateline.ingest import MAX_DOCUMENT_BYTES, RawDocument
from dateline.ingest.decode import decode_bytes

# Field names, in order of preference (ours first, then news-please's and other common dumps).
# news-please leaves ``maintext`` null on some pages; its ``description`` is then the only body there is.
TEXT_FIELDS = ("text", "maintext", "body", "content", "article", "description")
TITLE_FIELDS = ("title", "headline")
PUBLISHED_FIELDS = ("published", "date_publish", "date", "datePublished", "pubDate", "published_at")
URL_FIELDS = ("url", "link", "source_url")
AUTHOR_FIELDS = ("authors", "author", "byline")
SITE_FIELDS = ("source_domain", "site", "sitename", "source")
ID_FIELDS = ("id", "_id", "filename")


def _first(obj: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = obj.get(name)
        if value not in (None, "", []):
            return value
    return None


def _authors(value: Any) -> list[str]:
    if isinstance(value, str):
        return [a.strip() for a in value.replace(";", ",").split(",") if a.strip()]
    if isinstance(value, list):
        out: list[str] = []
        for item in value:
            if isinstance(item, str) and item.strip():
                out.append(item.strip())
            elif isinstance(item, dict) and isinstance(item.get("name"), str):
                out.append(item["name"].strip())
        return out
    return []


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def record_to_document(obj: Any, where: str) -> RawDocument:
    """One JSON article record into a raw document; a record that is not an article gets E008."""
    if not isinstance(obj, dict):
        return RawDocument(
            where, errors=[error(Code.E008_MALFORMED, where, f"a JSON {type(obj).__name__}, not an object")]
        )
    strings = [obj[n] for n in TEXT_FIELDS if isinstance(obj.get(n), str)]
    text = next((s for s in strings if s.strip()), strings[0] if strings else None)
    doc = RawDocument(
        where,
        url=_str(_first(obj, URL_FIELDS)),
        title=_str(_first(obj, TITLE_FIELDS)),
        published=_str(_first(obj, PUBLISHED_FIELDS)),
        authors=_authors(_first(obj, AUTHOR_FIELDS)),
        site=_str(_first(obj, SITE_FIELDS)),
        external_id=_str(_first(obj, ID_FIELDS)),
    )
    if not isinstance(text, str):
        names = "/".join(TEXT_FIELDS[:2])
        doc.errors.append(error(Code.E008_MALFORMED, where, f"no {names} field with a string"))
    else:
        doc.text = text
    return doc


def _with_encoding_warning(doc: RawDocument, lossy: bool) -> RawDocument:
    """Add the E004 warning to a record read from bytes that were not valid UTF-8."""
    if lossy and doc.text is not None:
        doc.errors.append(error(Code.E004_ENCODING, doc.source_path or "record", "UTF-8"))
    return doc


def _lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; ``None`` for a line longer than ``limit`` (skipped, not kept)."""
    lineno = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        lineno += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # drain the rest of the over-long line in bounded chunks
                more = stream.readline(limit)
                if not more or more.endswith(b"\n"):
                    break
            yield lineno, None
            continue
        yield lineno, line


def read_jsonl(name: str, stream: IO[bytes]) -> Iterator[RawDocument]:
    """One document per non-blank line of a JSON-lines stream."""
    for lineno, line in _lines(stream, MAX_DOCUMENT_BYTES):
        where = f"{name}:{lineno}"
        if line is None:
            yield RawDocument(
                where, errors=[error(Code.E005_TOO_LARGE, where, f"a line over {MAX_DOCUMENT_BYTES} bytes")]
            )
            continue
        if not line.strip():
            continue
        decoded = decode_bytes(line, "utf-8")
        try:
            obj = json.loads(decoded.text)
        except json.JSONDecodeError as exc:
            yield RawDocument(where, errors=[error(Code.E008_MALFORMED, where, f"invalid JSON ({exc.msg})")])
            continue
        yield _with_encoding_warning(record_to_document(obj, where), decoded.lossy)


def read_json(name: str, data: bytes) -> Iterator[RawDocument]:
    """A whole JSON file: one article object (news-please's .json), or an array of them.

    A file of several one-line objects is JSON-lines whatever its extension.
    """
    decoded = decode_bytes(data, "utf-8")
    try:
        obj = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            import io

            yield from read_jsonl(name, io.BytesIO(data))
            return
        yield RawDocument(name, errors=[error(Code.E008_MALFORMED, name, f"invalid JSON ({exc.msg})")])
        return
    if isinstance(obj, list):
        for i, item in enumerate(obj):
            yield _with_encoding_warning(record_to_document(item, f"{name}:{i + 1}"), decoded.lossy)
    else:
        yield _with_encoding_warning(record_to_document(obj, name), decoded.lossy)
