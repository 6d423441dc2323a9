"""The events and amounts layers never fail on odd text, and every span they report indexes the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from event_helpers import annotate

WORDS = [
    "Russia",
    "attacked",
    "Kyiv",
    "on",
    "Monday",
    ",",
    "killing",
    "at",
    "least",
    "3",
    "people",
    ".",
    "\n",
    "protesters",
    "said",
    "the",
    "ceasefire",
    "would",
    "not",
    "hold",
    "$",
    "40",
    "billion",
    "hundreds",
    "of",
    "drones",
    "in",
    "Istanbul",
    "talks",
    "agreed",
    "30-day",
    "—",
    "“",
    "”",
    "a",
    "dozen",
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40))
def test_layers_survive_shuffled_news_words(words: list[str]) -> None:
    text = " ".join(words)
    state = annotate(text)
    for amount in state.amounts:
        assert text[amount.start : amount.end] == amount.text
    for event in state.events:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        assert all(state.entity(i) is not None for i in [*event.actors, *event.targets])
        for q in event.quantities:
            assert text[q.start : q.end] == q.text


def test_empty_and_whitespace_text() -> None:
    for text in ("", " ", "\n\n"):
        state = annotate(text)
        assert state.events == [] and state.amounts == []
