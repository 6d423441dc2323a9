"""Bytes, files, feeds, WARC and JSON-lines into raw documents (no NLP here)."""

from __future__ import annotations

from dataclasses import dataclass, field

from dateline.schema import ErrorInfo

# Documents larger than this are refused with E005 (bounded memory; spaCy's own limit is 1M chars).
MAX_DOCUMENT_BYTES = 4_000_000
# A feed or a JSON array is read whole (feedparser needs it all): a looser bound for those.
MAX_CONTAINER_BYTES = 4 * MAX_DOCUMENT_BYTES


@dataclass
class RawDocument:
    """One document as read from its source, before cleaning.

    Exactly one of ``text`` (plain text) or ``html`` (a page still to extract) is normally set;
    neither is set when reading failed, and then ``errors`` says why.
    """

    source_path: str | None
    url: str | None = None
    text: str | None = None
    html: str | None = None
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    site: str | None = None
    external_id: str | None = None
    fragment: bool = False  # ``html`` is a body fragment (a feed item), not a whole page
    errors: list[ErrorInfo] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        """Whether there is anything to clean."""
        return bool((self.text and self.text.strip()) or (self.html and self.html.strip()))
