"""Bytes into text: the document's own charset, else UTF-8, else cp1252, else replacement characters."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# Where a page or XML file names its own encoding (only the first bytes are searched).
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_XML_ENCODING_RE = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)["']""", re.IGNORECASE)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HEAD = 4096


@dataclass
class Decoded:
    """Decoded text, the encoding used, and whether bytes had to be guessed or replaced."""

    text: str
    encoding: str
    lossy: bool = False  # True: not valid in the declared/UTF-8 encoding (an E004 warning)


def declared_charset(data: bytes) -> str | None:
    """The charset named by a BOM, an HTML ``<meta>`` or an XML declaration, if Python knows it."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    head = data[:_HEAD]
    for pattern in (_META_CHARSET_RE, _XML_ENCODING_RE):
        m = pattern.search(head)
        if m:
            name = m.group(1).decode("ascii", "ignore").lower()
            try:
                return codecs.lookup(name).name
            except LookupError:
                return None
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data``: declared charset, then UTF-8, then cp1252, then UTF-8 with replacement.

    Pages that say ``iso-8859-1`` are decoded as cp1252, as browsers do (a superset for text).
    """
    charset = declared or declared_charset(data)
    if charset in ("latin-1", "iso8859-1"):
        charset = "cp1252"
    if charset == "cp1252" and not data.isascii():
        # Pages saved as UTF-8 under a stale latin-1 header are common; valid multi-byte UTF-8 is
        # almost never what real cp1252 text looks like.
        try:
            return Decoded(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            pass
    if charset:
        try:
            return Decoded(data.decode(charset), charset)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return Decoded(data.decode("cp1252"), "cp1252", lossy=True)
    except UnicodeDecodeError:
        return Decoded(data.decode("utf-8", errors="replace"), "utf-8", lossy=True)
