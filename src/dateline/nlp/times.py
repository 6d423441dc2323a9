"""The times layer (filled in by its own issue)."""

from __future__ import annotations

from dateline.nlp.state import ArticleState


def annotate_times(state: ArticleState) -> None:
    """Fill ``state.times``."""
    return None
