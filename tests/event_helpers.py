"""Running the annotation layers on a small text written for a test, with hand-made upstream layers."""

from __future__ import annotations

from dateline.clean import CleanDocument
from dateline.nlp.amounts import annotate_amounts
from dateline.nlp.entities import annotate_entities
from dateline.nlp.events import annotate_events
from dateline.nlp.model import load_nlp
from dateline.nlp.state import ArticleState
from dateline.schema import Dateline, Event, Quote, TimeExpression


def annotate(
    text: str,
    published: str | None = "2025-05-19",
    dateline: str | None = None,
    times: list[TimeExpression] | None = None,
    quotes: list[Quote] | None = None,
) -> ArticleState:
    """The entities, amounts and events layers on ``text``; times and quotes as given."""
    clean = CleanDocument(
        text=text,
        published=published,
        dateline=Dateline(place=dateline, raw=dateline.upper()) if dateline else None,
    )
    state = ArticleState(clean=clean, doc=load_nlp()(text))
    annotate_entities(state)
    state.quotes = quotes or []
    state.times = times or []
    annotate_amounts(state)
    annotate_events(state)
    return state


def names(state: ArticleState, ids: list[str]) -> list[str]:
    """Entity names for ids."""
    return [ent.name for i in ids if (ent := state.entity(i)) is not None]


def event_at(state: ArticleState, trigger: str) -> Event:
    """The one event whose trigger text contains ``trigger``."""
    found = [e for e in state.events if trigger in e.trigger.text]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in state.events]
    return found[0]
