"""WARC and WARC.gz files into raw documents: HTML ``response`` records with status 200, streamed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from dateline.errors import Code, error
from dateline.ingest import MAX_DOCUMENT_BYTES, RawDocument
from dateline.ingest.decode import decode_bytes

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ").lower()
    return None


def read_warc(name: str, stream: IO[bytes]) -> Iterator[RawDocument]:
    """One document per HTML page captured with status 200; other records are not articles."""
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type not in ("response", "resource"):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{name}#{uri}" if uri else name
            if record.rec_type == "response":
                if record.http_headers is None or record.http_headers.get_statuscode() != "200":
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
            else:
                content_type = record.rec_headers.get_header("Content-Type") or ""
            if not content_type.lower().startswith(HTML_TYPES):
                continue
            data = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
            if len(data) > MAX_DOCUMENT_BYTES:
                yield RawDocument(where, url=uri, errors=[error(Code.E005_TOO_LARGE, where, "a record over the limit")])
                continue
            decoded = decode_bytes(data, _charset(content_type))
            doc = RawDocument(where, url=uri, html=decoded.text)
            if decoded.lossy:
                doc.errors.append(error(Code.E004_ENCODING, where, decoded.encoding))
            yield doc
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        # A truncated or corrupt archive: what came before still counts, the rest is reported.
        yield RawDocument(name, errors=[error(Code.E008_MALFORMED, name, f"WARC stream: {exc}")])
