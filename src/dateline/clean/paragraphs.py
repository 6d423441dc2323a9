"""Text into paragraphs: one per source line, or per blank-line block when lines are hard-wrapped."""

from __future__ import annotations

import re

# Invisible and odd spaces that scrapers leave behind.
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE_RE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_BLANK_LINE_RE = re.compile(r"\n[ \t\u00a0]*\n")
# A wrapped line: long, and not ending a sentence, a quote or a heading.
WRAP_MIN_CHARS = 40
_LINE_END = (".", "!", "?", ":", '"', "”", "’", ")", "…")


def normalize_line(line: str) -> str:
    """One line with invisible characters dropped and runs of spaces made single."""
    return _SPACES_RE.sub(" ", _INVISIBLE_RE.sub("", line)).strip()


def _is_wrapped(line: str) -> bool:
    return len(line) >= WRAP_MIN_CHARS and not line.endswith(_LINE_END)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of ``text``, normalized, empty ones dropped.

    Where the text separates paragraphs by blank lines, a line that breaks mid-sentence inside a block
    (hard-wrapped email or wire copy) is joined to the next; otherwise each line is its own paragraph.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    has_blocks = bool(_BLANK_LINE_RE.search(text.strip()))
    paragraphs: list[str] = []
    for block in _BLANK_LINE_RE.split(text):
        lines = [normalize_line(line) for line in block.split("\n")]
        lines = [line for line in lines if line]
        current = ""
        for line in lines:
            if current and has_blocks and _is_wrapped(current):
                current = f"{current} {line}"
            else:
                if current:
                    paragraphs.append(current)
                current = line
        if current:
            paragraphs.append(current)
    return paragraphs
