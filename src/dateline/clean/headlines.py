"""Headline-like lines: the title of a plain-text story and the subheads inside its body."""

from __future__ import annotations

from dateline.clean.patterns import (
    BODY_MIN_WORDS,
    HEADLINE_MAX_CHARS,
    HEADLINE_MAX_WORDS,
    SENTENCE_END,
    SUBHEAD_MAX_WORDS,
    SUBHEAD_MIN_WORDS,
    SUBHEAD_REJECT_RE,
)


def is_headline_like(line: str, max_words: int = HEADLINE_MAX_WORDS) -> bool:
    """Short, starts with a capital or a digit, no sentence-final punctuation (``?`` and ``!`` allowed)."""
    words = line.split()
    if not (SUBHEAD_MIN_WORDS <= len(words) <= max_words) or len(line) > HEADLINE_MAX_CHARS:
        return False
    first = line.lstrip("\"“‘'")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    if line.rstrip("\"”’'").endswith(SENTENCE_END):
        return False
    # A quote that opens and never closes is a paragraph cut short, not a heading.
    return line.count("“") == line.count("”") and line.count('"') % 2 == 0


def is_body_paragraph(paragraph: str) -> bool:
    """Prose: enough words and a sentence-final mark (or a closing quote after one)."""
    end = paragraph.rstrip("\"”’')")
    return len(paragraph.split()) >= BODY_MIN_WORDS and end.endswith((".", "!", "?", "…", ":"))


def is_subhead(paragraphs: list[str], i: int) -> bool:
    """Whether paragraph ``i`` is a section heading: headline-like, between two body paragraphs."""
    if i == 0 or i + 1 >= len(paragraphs):
        return False
    line = paragraphs[i]
    if not is_headline_like(line, SUBHEAD_MAX_WORDS) or line.endswith(("?", "!")):
        return False
    if SUBHEAD_REJECT_RE.search(line):
        return False
    return is_body_paragraph(paragraphs[i - 1]) and is_body_paragraph(paragraphs[i + 1])


def is_title(paragraphs: list[str]) -> bool:
    """Whether the first paragraph of a plain-text story is its headline (body paragraphs follow)."""
    if len(paragraphs) < 2 or not is_headline_like(paragraphs[0]):
        return False
    return any(is_body_paragraph(p) for p in paragraphs[1:3])
