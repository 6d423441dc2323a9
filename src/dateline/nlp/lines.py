"""Which line of the text each token is on: a subhead and the paragraph below it, or a date line
and the lead, are parsed as one sentence, but nothing the layers read crosses from one to the other."""

from __future__ import annotations

from spacy.tokens import Doc, Token

_LINES_KEY = "dateline.line_numbers"


def crosses_line(a: Token, b: Token) -> bool:
    """Whether a line break lies between two tokens."""
    lines = line_numbers(a.doc)
    return lines[a.i] != lines[b.i]


def line_numbers(doc: Doc) -> list[int]:
    """The line each token is on, computed once per document (kept in its ``user_data``)."""
    cached = doc.user_data.get(_LINES_KEY)
    if isinstance(cached, list) and len(cached) == len(doc):
        return cached
    lines: list[int] = []
    line = 0
    for tok in doc:
        lines.append(line)
        line += tok.text.count("\n") + tok.whitespace_.count("\n")
    doc.user_data[_LINES_KEY] = lines
    return lines
