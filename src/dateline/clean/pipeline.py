"""The cleaning cascade: raw document → CleanDocument.

Each numbered stage does one thing, for one reason:

1. body       — a page's main content (trafilatura), a feed item's fragment, or the text's lines;
                without a body there is nothing to annotate (E002 empty, E006 no article).
2. furniture  — share/follow/newsletter/ad lines are not reporting and would pollute entities.
3. head       — date lines and bylines at the top are metadata, not story text.
4. title      — the headline is metadata; in plain text it is a headline-like first line.
5. dateline   — ``WASHINGTON (AP) —`` says where and who filed, and is not part of the first sentence.
6. credits    — ``The Associated Press contributed to this report.`` names contributors, not news.
7. subheads   — section headings stay in the text but are marked, so layers can skip them.
8. language   — non-English text is kept but flagged (E007) so the English NLP layers skip it.
"""

from __future__ import annotations

import re

from dateline.clean import CleanDocument
from dateline.clean.boilerplate import remove_boilerplate
from dateline.clean.credits import clean_authors, parse_byline, parse_credit_line
from dateline.clean.dateline import parse_dateline
from dateline.clean.headlines import is_body_paragraph, is_subhead, is_title
from dateline.clean.html import extract_page, fragment_paragraphs
from dateline.clean.language import guess_language
from dateline.clean.paragraphs import split_paragraphs
from dateline.clean.patterns import HEAD_PARAGRAPHS, UNDATED_STAMP_LINE_RE
from dateline.clean.published import date_from_line, normalize_published
from dateline.errors import WARNINGS, Code, error
from dateline.ingest import RawDocument
from dateline.schema import Span

PARAGRAPH_SEPARATOR = "\n\n"
# Credits sit in the last few paragraphs; a "with ..." sentence mid-story is not one.
CREDIT_TAIL_PARAGRAPHS = 4
DATELINE_SEARCH_PARAGRAPHS = 3
# A page whose extracted text is shorter than this, with no sentence of prose, has no article (E006).
MIN_ARTICLE_WORDS = 40
MIN_ARTICLE_CHARS = 250
# A first line that is most of the page title, minus a trailing site name, is the headline.
TITLE_PREFIX_SHARE = 0.6
_FOLD_RE = re.compile(r"\W+")


def _fold(text: str) -> str:
    return _FOLD_RE.sub(" ", text.lower()).strip()


def _has_fatal_error(doc: CleanDocument) -> bool:
    return any(e.code not in {w.value for w in WARNINGS} for e in doc.errors)


def _stage_body(raw: RawDocument, out: CleanDocument) -> list[str] | None:
    """Stage 1: the body paragraphs, filling metadata that the page carries."""
    what = raw.source_path or raw.url or "document"
    if raw.html is not None and raw.html.strip():
        if raw.fragment:
            paragraphs = fragment_paragraphs(raw.html)
        else:
            page = extract_page(raw.html, raw.url)
            if page is None:
                out.errors.append(error(Code.E006_NO_ARTICLE, what))
                return None
            paragraphs = page.paragraphs
            out.title = out.title or page.title
            out.byline = out.byline or clean_authors(page.authors)
            out.published = out.published or page.published
            out.site = out.site or page.site
            out.url = out.url or page.url
        if not paragraphs:
            out.errors.append(error(Code.E006_NO_ARTICLE, what))
            return None
        return paragraphs
    paragraphs = split_paragraphs(raw.text or "")
    if not paragraphs:
        out.errors.append(error(Code.E002_EMPTY, what))
        return None
    return paragraphs


def _is_article(paragraphs: list[str]) -> bool:
    """Whether a page's leftover text reads as an article: some prose, not only link labels."""
    words = sum(len(p.split()) for p in paragraphs)
    chars = sum(len(p) for p in paragraphs)  # scripts written without spaces have few "words"
    return words >= MIN_ARTICLE_WORDS or chars >= MIN_ARTICLE_CHARS or any(is_body_paragraph(p) for p in paragraphs)


def _stage_head(paragraphs: list[str], out: CleanDocument) -> list[str]:
    """Stage 3: date lines and bylines among the first paragraphs become metadata."""
    kept: list[str] = []
    for i, paragraph in enumerate(paragraphs):
        if i < HEAD_PARAGRAPHS:
            when = date_from_line(paragraph)
            if when:
                out.published = out.published or when
                continue
            if UNDATED_STAMP_LINE_RE.match(paragraph):
                continue
            people = parse_byline(paragraph)
            if people:
                out.byline = out.byline or people
                continue
        kept.append(paragraph)
    return kept


def _stage_title(paragraphs: list[str], out: CleanDocument, from_text: bool) -> list[str]:
    """Stage 4: drop the headline from the body (metadata title, or a plain-text headline line)."""
    if not paragraphs:
        return paragraphs
    first = paragraphs[0]
    if out.title:
        head, title = _fold(first), _fold(out.title)
        if head == title:
            return paragraphs[1:]
        if head and title.startswith(head) and len(head) >= TITLE_PREFIX_SHARE * len(title):
            out.title = first  # the page title carried a site suffix ("… | Riverside Daily")
            return paragraphs[1:]
    if from_text and not out.title and is_title(paragraphs) and parse_dateline(first) is None:
        out.title = first
        return paragraphs[1:]
    return paragraphs


def _stage_dateline(paragraphs: list[str], out: CleanDocument) -> list[str]:
    """Stage 5: the dateline opening the first body paragraph, cut from it."""
    for i, paragraph in enumerate(paragraphs[:DATELINE_SEARCH_PARAGRAPHS]):
        found = parse_dateline(paragraph)
        if found:
            out.dateline = found.dateline
            rest = [found.rest] if found.rest else []  # a dateline on its own line goes whole
            return [*paragraphs[:i], *rest, *paragraphs[i + 1 :]]
        if is_body_paragraph(paragraph):
            break
    return paragraphs


def _stage_credits(paragraphs: list[str], out: CleanDocument) -> list[str]:
    """Stage 6: contribution lines at the end become ``credits``."""
    tail_start = max(0, len(paragraphs) - CREDIT_TAIL_PARAGRAPHS)
    kept = paragraphs[:tail_start]
    for paragraph in paragraphs[tail_start:]:
        names = parse_credit_line(paragraph)
        if names:
            out.credits.extend(n for n in names if n not in out.credits)
        else:
            kept.append(paragraph)
    return kept


def _assemble(paragraphs: list[str], out: CleanDocument) -> None:
    """Stage 7: the text, paragraphs joined by a blank line, with subhead spans into it."""
    offset = 0
    for i, paragraph in enumerate(paragraphs):
        if is_subhead(paragraphs, i):
            out.subheads.append(Span(text=paragraph, start=offset, end=offset + len(paragraph)))
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    out.text = PARAGRAPH_SEPARATOR.join(paragraphs)


def clean_document(raw: RawDocument) -> CleanDocument:
    """Clean one raw document; failures are coded errors on the result, never exceptions."""
    try:
        return _clean(raw)
    except Exception as exc:  # a bug in a stage must not end the batch
        what = raw.source_path or raw.url or "document"
        out = CleanDocument(text="", source_path=raw.source_path, url=raw.url, errors=list(raw.errors))
        out.errors.append(error(Code.E010_INTERNAL, what, f"cleaning: {exc!r}"))
        return out


def _clean(raw: RawDocument) -> CleanDocument:
    out = CleanDocument(
        text="",
        source_path=raw.source_path,
        url=raw.url,
        title=" ".join(raw.title.split()) if raw.title else None,
        published=normalize_published(raw.published),
        byline=clean_authors(raw.authors),
        site=raw.site,
        errors=list(raw.errors),
    )
    if _has_fatal_error(out):
        return out
    what = raw.source_path or raw.url or "document"
    paragraphs = _stage_body(raw, out)
    if paragraphs is None:
        return out
    paragraphs = remove_boilerplate(paragraphs)
    paragraphs = _stage_head(paragraphs, out)
    paragraphs = _stage_title(paragraphs, out, from_text=raw.html is None)
    paragraphs = _stage_dateline(paragraphs, out)
    paragraphs = _stage_credits(paragraphs, out)
    paragraphs = [p for p in paragraphs if p.strip()]
    if raw.html is not None and not raw.fragment and not _is_article(paragraphs):
        paragraphs = []  # a login page, an index or an error page: menu text is not an article
    if not paragraphs:
        code = Code.E006_NO_ARTICLE if raw.html is not None else Code.E002_EMPTY
        out.errors.append(error(code, what))
        return out
    _assemble(paragraphs, out)
    guess = guess_language(out.text)  # stage 8
    out.language = guess.language
    if not guess.english:
        out.errors.append(error(Code.E007_NOT_ENGLISH, what, guess.detail))
    return out
