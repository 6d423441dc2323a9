"""Text into paragraphs: one per source line, or per blank-line block when lines are hard-wrapped."""

from __future__ import annotations

import re

from dateline.clean.patterns import BARE_DATE_LINE_RE, DATE_LINE_RE, SPLIT_APOSTROPHE_NAME_RE, WIKI_IMAGE_SIZE_RE

# Invisible and odd spaces that scrapers leave behind.
ODD_SPACES = "\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
_SPACES_RE = re.compile(f"[ \t{ODD_SPACES}]+")
_PLAIN = str.maketrans(dict.fromkeys(ODD_SPACES, " "))
_INVISIBLE_RE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_BLANK_LINE_RE = re.compile(r"\n[ \t\u00a0]*\n")
# A wrapped line: long, and not ending a sentence, a quote or a heading.
WRAP_MIN_CHARS = 40
_LINE_END = (".", "!", "?", ":", '"', "”", "’", ")", "…")


def plain_spaces(text: str) -> str:
    """``text`` with each no-break or other odd space made a plain space, one for one, so every
    character offset holds. ``normalize_line`` does this and more; evaluations whose gold offsets
    index the raw text use this to see the spaces the cleaner would leave (the parser makes a
    token of a no-break space and can hang it between a verb and its object)."""
    return text.translate(_PLAIN)


def normalize_line(line: str) -> str:
    """One line with invisible characters dropped, runs of spaces made single, and two slips of
    scraped copy repaired: a wiki image size before the text (``150px Airbus, …``) and a space after
    a surname's apostrophe (``O' Leary``), which would split the name into two entities."""
    line = _SPACES_RE.sub(" ", _INVISIBLE_RE.sub("", line)).strip()
    return SPLIT_APOSTROPHE_NAME_RE.sub(r"\1", WIKI_IMAGE_SIZE_RE.sub("", line))


# A hard-wrapped line runs close to the block's longest line; a headline above a date line does not.
WRAP_WIDTH_SHARE = 0.8
WRAP_MIN_LINES = 3


def _is_wrapped(line: str, following: str, lines: list[str]) -> bool:
    """Whether ``line`` breaks mid-sentence and continues on ``following``."""
    if len(line) < WRAP_MIN_CHARS or line.endswith(_LINE_END):
        return False
    if following[:1].islower():
        return True
    if DATE_LINE_RE.match(following) or BARE_DATE_LINE_RE.match(following):
        return False  # a headline with its date line under it
    width = max(len(x) for x in lines)
    return len(lines) >= WRAP_MIN_LINES and len(line) >= WRAP_WIDTH_SHARE * width


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
            if current and has_blocks and _is_wrapped(current, line, lines):
                current = f"{current} {line}"
            else:
                if current:
                    paragraphs.append(current)
                current = line
        if current:
            paragraphs.append(current)
    return paragraphs
