"""Across articles: copies, stories, entities and events merged over a corpus, and timelines.

Pure logic over contract ``Article`` objects with its own SQLite tables (``corpus_*``):
``ensure_corpus_schema(conn)`` once, then ``assign(conn, article)`` per article.
"""

from dateline.corpus.store import (
    Assignment,
    assign,
    assignment,
    ensure_corpus_schema,
    export_story_lines,
    recluster,
)

__all__ = ["Assignment", "assign", "assignment", "ensure_corpus_schema", "export_story_lines", "recluster"]
