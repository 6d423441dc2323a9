"""The amounts layer (filled in by its own issue)."""

from __future__ import annotations

from dateline.nlp.state import ArticleState


def annotate_amounts(state: ArticleState) -> None:
    """Fill ``state.amounts``."""
    return None
