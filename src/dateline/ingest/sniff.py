"""What kind of input a file is, from its name and its first bytes (never the whole file)."""

from __future__ import annotations

import json
import re
from enum import StrEnum


class Kind(StrEnum):
    """The reader that a file goes to."""

    TEXT = "text"
    HTML = "html"
    JSONL = "jsonl"
    JSON = "json"
    FEED = "feed"
    WARC = "warc"
    EMPTY = "empty"
    BINARY = "binary"
    UNSUPPORTED = "unsupported"


# How many leading bytes the sniffers look at.
SNIFF_BYTES = 65_536

_EXTENSIONS: dict[str, Kind] = {
    ".txt": Kind.TEXT,
    ".text": Kind.TEXT,
    ".md": Kind.TEXT,
    ".html": Kind.HTML,
    ".htm": Kind.HTML,
    ".xhtml": Kind.HTML,
    ".jsonl": Kind.JSONL,
    ".ndjson": Kind.JSONL,
    ".json": Kind.JSON,
    ".rss": Kind.FEED,
    ".atom": Kind.FEED,
    ".xml": Kind.FEED,
    ".warc": Kind.WARC,
    ".warc.gz": Kind.WARC,
    ".arc.gz": Kind.WARC,
}

# Formats we recognise but do not read: say so (E009) rather than pretend they are text.
UNSUPPORTED_EXTENSIONS = frozenset(
    [
        ".pdf",
        ".doc",
        ".docx",
        ".odt",
        ".rtf",
        ".xls",
        ".xlsx",
        ".ods",
        ".csv",
        ".tsv",
        ".ppt",
        ".pptx",
        ".epub",
        ".zip",
        ".tar",
        ".tgz",
        ".7z",
        ".rar",
        ".bz2",
        ".xz",
        ".mp3",
        ".mp4",
        ".wav",
        ".avi",
        ".mov",
        ".mkv",
        ".sqlite",
        ".db",
        ".parquet",
        ".pkl",
        ".exe",
        ".dll",
        ".so",
    ]
)
_UNSUPPORTED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or an Office document)"),
    (b"\xd0\xcf\x11\xe0", "legacy Office document"),
    (b"{\\rtf", "RTF document"),
    (b"SQLite format 3\x00", "SQLite database"),
)
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"RIFF", "RIFF media"),
    (b"\x7fELF", "executable"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ", "xz data"),
)
_HTML_RE = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html|<head|<body|<meta|<title|<div|<p[\s>])", re.I | re.S
)
_FEED_RE = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.I)


def extension(name: str) -> str:
    """The lower-case extension, double ones (``.warc.gz``) included."""
    lower = name.lower()
    for double in (".warc.gz", ".arc.gz"):
        if lower.endswith(double):
            return double
    dot = lower.rfind(".")
    slash = max(lower.rfind("/"), lower.rfind("\\"))
    return lower[dot:] if dot > slash + 1 else ""


def binary_reason(head: bytes) -> tuple[Kind, str] | None:
    """(BINARY or UNSUPPORTED, what it is) when ``head`` is not text, else None."""
    for magic, what in _UNSUPPORTED_MAGIC:
        if head.startswith(magic):
            return Kind.UNSUPPORTED, what
    for magic, what in _BINARY_MAGIC:
        if head.startswith(magic):
            return Kind.BINARY, what
    sample = head[:8192]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text has NULs; its BOM says so
        return None
    if b"\x00" in sample:
        return Kind.BINARY, "NUL bytes"
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    if sample and controls / len(sample) > 0.05:
        return Kind.BINARY, "control bytes"
    return None


def _sniff_json(head: bytes) -> tuple[Kind, str] | None:
    """JSON lines when the first line is a JSON object; one JSON document when it opens one; else None."""
    first = head.split(b"\n", 1)[0]
    try:
        if isinstance(json.loads(first), dict):
            return Kind.JSONL, "sniffed JSON lines"
    except ValueError:
        pass
    if first.strip() == b"{" or first.rstrip().endswith((b",", b"{", b"[")):
        return Kind.JSON, "sniffed JSON"
    return None


def sniff(name: str, head: bytes) -> tuple[Kind, str]:
    """The kind of input and a short reason, from the file name and its first bytes."""
    ext = extension(name)
    if not head.strip():
        return Kind.EMPTY, "empty"
    if head.startswith(b"WARC/") or ext in (".warc", ".warc.gz", ".arc.gz"):
        return Kind.WARC, "WARC"
    if head.startswith(b"\x1f\x8b"):
        return Kind.UNSUPPORTED, "gzip data that is not a .warc.gz"
    found = binary_reason(head)
    if found:
        return found
    if ext in UNSUPPORTED_EXTENSIONS:
        return Kind.UNSUPPORTED, f"{ext} files"
    by_ext = _EXTENSIONS.get(ext)
    if by_ext in (Kind.JSONL, Kind.JSON, Kind.HTML):
        return by_ext, ext
    if by_ext is Kind.FEED:
        return (Kind.HTML, "HTML in " + ext) if _HTML_RE.match(head) else (Kind.FEED, ext)
    # Plain text and extension-less files: look at the content.
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if _HTML_RE.match(stripped):
        return Kind.HTML, "sniffed HTML"
    if _FEED_RE.search(stripped[:4096]):
        return Kind.FEED, "sniffed feed"
    if by_ext is None and stripped.startswith(b"{"):
        found = _sniff_json(stripped)
        if found:
            return found
    return Kind.TEXT, ext or "plain text"
