"""A raw document into body text and metadata: boilerplate, dateline, credits, byline, subheads."""

from __future__ import annotations

from dataclasses import dataclass, field

from dateline.schema import Dateline, ErrorInfo, Span


@dataclass
class CleanDocument:
    """The cleaned body and what was read around it. Offsets index ``text``."""

    text: str
    source_path: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    dateline: Dateline | None = None
    credits: list[str] = field(default_factory=list)
    byline: list[str] = field(default_factory=list)
    subheads: list[Span] = field(default_factory=list)
    site: str | None = None
    language: str | None = None
    errors: list[ErrorInfo] = field(default_factory=list)
