"""The quotes layer (filled in by its own issue)."""

from __future__ import annotations

from dateline.nlp.state import ArticleState


def annotate_quotes(state: ArticleState) -> None:
    """Fill ``state.quotes``."""
    return None
