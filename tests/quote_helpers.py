"""Running the real quotes pipeline (spaCy, entities, quotes) on a small text written for a test."""

from __future__ import annotations

import json
from importlib import resources

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


def mixed_texts(text: str) -> list[str]:
    """The texts of the mixed quotes (reported words around partial quotes) of ``text``."""
    return [q.text for q in quotes_of(text) if q.kind.value == "mixed"]


def find(quotes: list[Quote], fragment: str) -> Quote:
    """The shortest quote whose text contains ``fragment``."""
    hits = [q for q in quotes if fragment in q.text]
    assert hits, f"no quote with {fragment!r} in {[q.text for q in quotes]}"
    return min(hits, key=lambda q: len(q.text))


def speaker_name(q: Quote) -> str | None:
    """The resolved name of the quote's speaker, or None."""
    return q.speaker.name if q.speaker else None


def speaker_text(q: Quote) -> str | None:
    """The surface mention of the quote's speaker, or None (a failed check shows the value)."""
    return q.speaker.text if q.speaker else None


def cue_text(q: Quote) -> str | None:
    """The quote's cue as written, or None."""
    return q.cue.text if q.cue else None


def shipped_model(file: str, trainer: str, feature_version: int, min_weights: int) -> dict[str, object]:
    """A learnt model's JSON as the package ships it (``dateline.nlp/data/<file>``, written by
    ``eval/<trainer>``), checked to be a real fit of this code's features: its feature version, at
    least ``min_weights`` weights, a threshold between 0 and 1."""
    path = resources.files("dateline.nlp").joinpath("data", file)
    assert path.is_file(), f"{file} must ship inside the package (eval/{trainer} writes it)"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and data["feature_version"] == feature_version
    assert len(data["weights"]) > min_weights  # learnt on PolNeAR train, not an empty stand-in
    assert 0.0 < data["threshold"] < 1.0
    return data
