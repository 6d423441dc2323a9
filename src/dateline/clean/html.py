"""HTML into article paragraphs and metadata: trafilatura for the body, htmldate (through it) for the date.

A whole page goes through trafilatura's main-content extraction; a feed item's body is already the
article, so its fragment is only turned into paragraphs.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from dateline.clean.paragraphs import normalize_line
from dateline.clean.published import normalize_published

# Measured on the article-extraction-benchmark dev pages (eval/boilerplate.py): reader comments are
# not the article, and precision mode drops more navigation than it loses body text.
TRAFILATURA_OPTIONS: dict[str, bool] = {
    "include_comments": False,
    "favor_precision": True,
    "include_tables": True,
}
_BLOCK_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "pre")
_DROP_TAGS = ("script", "style", "noscript", "figure", "figcaption", "iframe", "form", "button", "nav")
# A full timestamp in the page's metadata (htmldate gives the day; this gives the time when it is there).
_META_TIME_RE = re.compile(
    r"""<meta[^>]+(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|og:published_time|"""
    r"""datePublished|pubdate|publish[-_]date|parsely-pub-date|sailthru\.date)["'][^>]*>""",
    re.IGNORECASE,
)
_CONTENT_RE = re.compile(r"""content\s*=\s*["']([^"']{8,40})["']""", re.IGNORECASE)
_JSONLD_TIME_RE = re.compile(r""""datePublished"\s*:\s*"([^"]{8,40})\"""")


@dataclass
class HtmlArticle:
    """What a page yields: body paragraphs and the metadata around them."""

    paragraphs: list[str]
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    site: str | None = None
    url: str | None = None


def _meta_timestamp(html: str) -> str | None:
    head = html[:200_000]
    for m in _META_TIME_RE.finditer(head):
        content = _CONTENT_RE.search(m.group(0))
        if content:
            found = normalize_published(content.group(1))
            if found:
                return found
    ld = _JSONLD_TIME_RE.search(html)
    if ld:
        try:
            return normalize_published(json.loads(f'"{ld.group(1)}"'))
        except json.JSONDecodeError:
            return None
    return None


def page_published(html: str, day: str | None) -> str | None:
    """The page's publication time: the metadata timestamp where it agrees with htmldate's day."""
    stamp = _meta_timestamp(html)
    if stamp and (day is None or stamp.startswith(day)):
        return stamp
    return normalize_published(day) if day else stamp


def extract_page(html: str, url: str | None = None) -> HtmlArticle | None:
    """The article of a whole page, or None when trafilatura finds no main content."""
    import trafilatura  # heavy import; only pages need it

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=TRAFILATURA_OPTIONS["include_comments"],
        favor_precision=TRAFILATURA_OPTIONS["favor_precision"],
        include_tables=TRAFILATURA_OPTIONS["include_tables"],
    )
    if not isinstance(doc, trafilatura.settings.Document) or not (doc.text or "").strip():
        return None
    assert doc.text is not None
    paragraphs = [p for p in (normalize_line(line) for line in doc.text.split("\n")) if p]
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return HtmlArticle(
        paragraphs=paragraphs,
        title=normalize_line(doc.title) if doc.title else None,
        authors=authors,
        published=page_published(html, doc.date),
        site=doc.sitename or doc.hostname,
        url=url or doc.url,
    )


def fragment_paragraphs(html: str) -> list[str]:
    """The paragraphs of an HTML fragment (a feed item's content), one per block element or ``<br>``."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    for bad in root.xpath(" | ".join(f"//{t}" for t in _DROP_TAGS)):
        bad.drop_tree()
    for el in root.iter(*_BLOCK_TAGS, "br"):
        if el.tag != "br":
            el.text = "\n" + (el.text or "")
        el.tail = "\n" + (el.tail or "")
    text = root.text_content()
    return [p for p in (normalize_line(line) for line in text.split("\n")) if p]
