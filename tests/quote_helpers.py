"""Running the real quotes pipeline (spaCy, entities, quotes) on a small text written for a test."""

from __future__ import annotations

from dateline.clean import CleanDocument
from dateline.nlp.entities import annotate_entities
from dateline.nlp.model import load_nlp
from dateline.nlp.quotes import annotate_quotes
from dateline.nlp.state import ArticleState
from dateline.schema import Quote


def quotes_of(text: str) -> list[Quote]:
    """The quotes of ``text``; every quote's offsets are checked against its text."""
    state = ArticleState(clean=CleanDocument(text=text), doc=load_nlp()(text))
    annotate_entities(state)
    annotate_quotes(state)
    for q in state.quotes:
        assert text[q.start : q.end] == q.text
    return state.quotes


def find(quotes: list[Quote], fragment: str) -> Quote:
    """The shortest quote whose text contains ``fragment``."""
    hits = [q for q in quotes if fragment in q.text]
    assert hits, f"no quote with {fragment!r} in {[q.text for q in quotes]}"
    return min(hits, key=lambda q: len(q.text))
