"""The events layer (filled in by its own issue)."""

from __future__ import annotations

from dateline.nlp.state import ArticleState


def annotate_events(state: ArticleState) -> None:
    """Fill ``state.events``."""
    return None
