"""Cleaned documents through spaCy and dateline's layers into contract articles."""

from __future__ import annotations

import hashlib
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language

from dateline.clean import CleanDocument
from dateline.errors import Code, error
from dateline.nlp.amounts import annotate_amounts
from dateline.nlp.entities import annotate_entities
from dateline.nlp.events import annotate_events
from dateline.nlp.model import load_nlp
from dateline.nlp.quotes import annotate_quotes
from dateline.nlp.state import ArticleState
from dateline.nlp.times import annotate_times
from dateline.schema import Article, ErrorInfo

Layer = Callable[[ArticleState], None]

# In dependency order: quotes resolve speakers to entities, events use all the others.
LAYERS: tuple[tuple[str, Layer], ...] = (
    ("entities", annotate_entities),
    ("quotes", annotate_quotes),
    ("times", annotate_times),
    ("amounts", annotate_amounts),
    ("events", annotate_events),
)


def article_id(text: str) -> str:
    """Stable content hash of the cleaned text (whitespace- and Unicode-normalized)."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:24]


def _base_article(clean: CleanDocument) -> Article:
    return Article(
        id=article_id(clean.text) if clean.text else _empty_id(clean),
        source_path=clean.source_path,
        url=clean.url,
        title=clean.title,
        published=clean.published,
        dateline=clean.dateline,
        credits=list(clean.credits),
        byline=list(clean.byline),
        site=clean.site,
        language=clean.language,
        text=clean.text,
        subheads=list(clean.subheads),
        errors=list(clean.errors) + _missing_date(clean),
    )


def _missing_date(clean: CleanDocument) -> list[ErrorInfo]:
    """The E011 warning for an article read without a publication time (never silently today)."""
    if clean.published or not _annotatable(clean):
        return []
    return [error(Code.E011_NO_PUBLISHED, clean.source_path or clean.url or "the document")]


def _empty_id(clean: CleanDocument) -> str:
    # A failed document still needs a stable id: hash where it came from.
    return "x" + hashlib.sha256((clean.source_path or clean.url or "").encode()).hexdigest()[:23]


def _annotatable(clean: CleanDocument) -> bool:
    return bool(clean.text.strip()) and not any(e.code in (Code.E007_NOT_ENGLISH.value,) for e in clean.errors)


def annotate(
    cleans: Iterable[CleanDocument], batch_size: int = 16, timings: dict[str, float] | None = None
) -> Iterator[Article]:
    """Annotate documents in input order, streaming; a failing layer becomes an E010 error.

    ``timings``, when given, accumulates seconds per stage ("spacy" and each layer's name) for the bench.
    """
    nlp = load_nlp()
    pending: list[CleanDocument] = []
    for clean in cleans:
        pending.append(clean)
        if len(pending) >= batch_size:
            yield from _annotate_batch(nlp, pending, timings)
            pending = []
    if pending:
        yield from _annotate_batch(nlp, pending, timings)


def _annotate_batch(nlp: Language, batch: list[CleanDocument], timings: dict[str, float] | None) -> Iterator[Article]:
    texts = [c.text for c in batch if _annotatable(c)]
    started = time.perf_counter()
    docs = iter(list(nlp.pipe(texts)))
    if timings is not None:
        timings["spacy"] = timings.get("spacy", 0.0) + time.perf_counter() - started
    for clean in batch:
        article = _base_article(clean)
        if _annotatable(clean):
            state = ArticleState(clean=clean, doc=next(docs))
            for name, layer in LAYERS:
                started = time.perf_counter()
                try:
                    layer(state)
                except Exception as exc:  # a bug in one layer must not kill the batch
                    article.errors.append(
                        error(Code.E010_INTERNAL, clean.source_path or article.id, f"{name}: {exc!r}")
                    )
                if timings is not None:
                    timings[name] = timings.get(name, 0.0) + time.perf_counter() - started
            article.entities = state.entities
            article.quotes = state.quotes
            article.times = state.times
            article.amounts = state.amounts
            article.events = state.events
        yield article
