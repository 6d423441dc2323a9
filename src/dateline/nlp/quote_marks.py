"""Quotation marks → quoted segments, on plain text (no spaCy): pairing, nesting, paragraphs.

News conventions handled here:
1. Curly (“ ”), straight (") and guillemet (« ») double marks, and curly single marks (‘ ’) outside
   them, as British papers and American headlines quote. A single mark opens only where a quote
   can start (after a space, a bracket or a dash, before a word that is not an elision such as
   ‘90s or ‘em) and only with a closing mark to pair with (see ``_single_close``). Straight single
   marks (') quote only in a text without double marks (British copy typed plain: ``'We will
   strike,' he said``); elsewhere they are apostrophes or a headline's scare quotes, and a straight
   one inside a word (don't) or doubled ('') is never a single mark.
2. Nested double marks inside a quote (a quote within a quote) do not close the outer one.
3. A multi-paragraph quote: a paragraph opens a mark and does not close it, and the next
   paragraph re-opens; each paragraph becomes its own segment, chained by ``continues``.
4. An unbalanced mark (opened, never closed, not continued) runs to its paragraph's end and is
   flagged ``closed=False``, so a stray mark never swallows the rest of the article.
5. An opening mark typed for a closing one (``“It's unusual,“ said Hale``, ``called it
   “abhorrent“ in a tweet``): inside a quote, an opening mark glued to the word before it and
   followed by a space, a stop or the line's end closes the quote (a nested quote opens after a space).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

OPEN_MARKS = frozenset("“«„")
CLOSE_MARKS = frozenset("”»")
STRAIGHT = '"'
# Where a mark may stand (``_mark_at`` and the single opening mark): the scan jumps between these.
ANY_MARK = re.compile("[“«„”»\"‘]|``|''|'")
# Any of these in a text makes its straight single marks apostrophes (see 1. above).
DOUBLE_MARKS = re.compile("[“”«»„\"]|``|''")
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
SINGLE_STRAIGHT = "'"
SINGLE_OPENERS = frozenset({SINGLE_OPEN, SINGLE_STRAIGHT})
# Words a single opening mark stands in for an apostrophe before: ‘em, rock ‘n’ roll, ‘til.
ELISIONS = ("em", "n", "til", "tis", "twas", "cause", "cos", "bout", "round", "nuff", "ol")
# What may stand right after a closing single mark, or right before it, where it ends a quote
# rather than a plural possessive (the players’ union).
SINGLE_CLOSE_AFTER = '.,;:!?)]—–-…"”'
SINGLE_CLOSE_BEFORE = ".,;:!?…-—"
# Characters trimmed from the inside edges of a quote: the comma of “…,” he said is the
# attribution's punctuation, not the speaker's.
EDGE_TRIM = " \t\r\n,"


@dataclass(frozen=True)
class QuotedSegment:
    """Text between a pair of quotation marks, within one paragraph (offsets exclude the marks)."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None
    closed: bool = True
    continues: bool = False  # the paragraph ends inside the quote and the next paragraph re-opens
    continued: bool = False  # this segment re-opens the quote of the previous paragraph
    close_len: int = 1  # two for a typewriter-style double mark: ''…''

    @property
    def after_close(self) -> int:
        """Just after the closing mark (its two apostrophes in ''…''), or the segment's end when open."""
        return self.close_mark + self.close_len if self.close_mark is not None else self.end


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each non-blank line of ``text``."""
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            yield pos, end
        pos = end + 1


def _mark_at(text: str, i: int) -> tuple[str, int] | None:
    """The mark at ``i`` as (``open``|``close``|``straight``, length), or None."""
    ch = text[i]
    if ch in OPEN_MARKS:
        return "open", 1
    if ch in CLOSE_MARKS:
        return "close", 1
    if ch == STRAIGHT:
        return "straight", 1
    pair = text[i : i + 2]
    if pair == "``":
        return "open", 2
    if pair == "''":
        return "straight", 2  # typewriter style: two apostrophes for a double mark
    return None


def _blank(chars: str) -> bool:
    """Only spaces and invisible format marks (a left-to-right mark pasted from social media)."""
    return all(c.isspace() or unicodedata.category(c) == "Cf" for c in chars)


def _opens_here(text: str, i: int) -> bool:
    # A straight mark opens at the start of a line or after a space (a no-break space of web copy
    # or an invisible format mark too), an opening bracket or a dash.
    return i == 0 or _blank(text[i - 1]) or text[i - 1] in "([{—–-:/"


def _misused_closer(text: str, i: int, p_start: int) -> bool:
    """``”Fear. I am afraid …”``, ``” … what I learned``: web copy that opens a paragraph with a
    closing mark (before a word or an ellipsis)."""
    if not _blank(text[p_start:i]) or i + 1 >= len(text):
        return False
    after = text[i + 1 : i + 6].lstrip(" ")
    return text[i + 1].isalnum() or after.startswith(("…", "..."))


def _misused_opener(text: str, i: int, p_end: int) -> bool:
    """``“…here,“ said Hale``: an opening curly mark glued to the word or stop before it, with a
    space, a punctuation mark or the paragraph's end after it, closes the quote it is in."""
    if text[i] not in OPEN_MARKS or i == 0 or text[i - 1].isspace() or text[i - 1] in "([{—–-/“«„":
        return False
    return i + 1 >= p_end or text[i + 1].isspace() or text[i + 1] in ".,;:!?)"


def _single_opens(text: str, i: int, p_end: int, openers: frozenset[str] = frozenset({SINGLE_OPEN})) -> bool:
    """A single mark at ``i`` (one of ``openers``) that can open a quote: where a quote starts,
    before a word (not a digit: ‘90s) that is not an elision (‘em); a straight one not doubled."""
    if text[i] not in openers or not _opens_here(text, i) or i + 1 >= p_end:
        return False
    nxt = text[i + 1]
    if nxt.isspace() or nxt.isdigit() or nxt == SINGLE_STRAIGHT or (i > 0 and text[i - 1] == SINGLE_STRAIGHT):
        return False
    word = text[i + 1 : i + 7].lower()
    return not any(word.startswith(e) and not word[len(e) : len(e) + 1].isalpha() for e in ELISIONS)


def _single_close(text: str, i: int, p_end: int, openers: frozenset[str] = frozenset({SINGLE_OPEN})) -> int | None:
    """The closing single mark of the quote opened at ``i``, within its paragraph. Apostrophes
    inside a word (don’t) never close; a mark after a stop or before punctuation does (‘No,’ she
    said); a mark after a plural's s and before a space (the players’ union) closes only when no
    better closer follows before the next opening mark."""
    fallback = None
    closer = SINGLE_STRAIGHT if text[i] == SINGLE_STRAIGHT else SINGLE_CLOSE
    for j in range(i + 1, p_end):
        ch = text[j]
        if ch in openers and _single_opens(text, j, p_end, openers):
            break  # the next quote opens: this one closes before it or not at all
        if ch != closer or text[j - 1].isspace() or j == i + 1:
            continue
        after = text[j + 1] if j + 1 < p_end else ""
        if after.isalnum() or after == SINGLE_STRAIGHT or text[j - 1] == SINGLE_STRAIGHT:
            continue  # don’t, Farage’s, rock ‘n’ roll; a doubled '' is a double mark
        if not after or after in SINGLE_CLOSE_AFTER or text[j - 1] in SINGLE_CLOSE_BEFORE:
            return j
        if text[j - 1] != "s":
            return j
        if fallback is None:
            fallback = j
    return fallback


def _paragraph_opens(text: str, start: int, end: int) -> bool:
    stripped = text[start:end].lstrip()
    return bool(stripped) and (stripped[0] in OPEN_MARKS or stripped[0] == STRAIGHT or stripped[:2] in ("``", "''"))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in EDGE_TRIM:
        start += 1
    while end > start and text[end - 1] in EDGE_TRIM:
        end -= 1
    return start, end


def find_segments(text: str) -> list[QuotedSegment]:
    """Every quoted segment of ``text`` in order (empty quotes are skipped)."""
    return list(_segments(text))


@lru_cache(maxsize=4)  # the quotes layer and its speaker rules read the same article's marks
def _segments(text: str) -> tuple[QuotedSegment, ...]:
    paras = list(paragraphs(text))
    out: list[QuotedSegment] = []
    openers = frozenset({SINGLE_OPEN}) if DOUBLE_MARKS.search(text) else SINGLE_OPENERS
    carried = False  # the previous paragraph ended inside a quote that this one re-opens
    for k, (p_start, p_end) in enumerate(paras):
        depth = 0
        open_at, open_len, open_kind = -1, 1, ""
        continued_here = False
        single_carry = False
        i = p_start
        for found in ANY_MARK.finditer(text, p_start, p_end):  # jump from mark to mark
            if found.start() < i:
                continue  # inside a single-quoted segment already emitted, or a two-character mark
            i = found.start()
            if depth == 0 and text[i] in openers and _single_opens(text, i, p_end, openers):
                close = _single_close(text, i, p_end, openers)
                continued = carried and not out_has_para_segment(out, p_start)
                if close is not None:
                    _emit(out, text, i, 1, close, closed=True, continued=continued)
                    i = close + 1
                    continue
                if k + 1 < len(paras) and text[paras[k + 1][0] : paras[k + 1][1]].lstrip()[:1] == text[i]:
                    # British style runs a quote on: the paragraph ends open, the next re-opens.
                    _emit(out, text, i, 1, p_end, closed=False, continued=continued, continues=True)
                    single_carry = True
                    break
            mark = _mark_at(text, i)
            if mark is None or (mark[1] == 2 and i + 1 >= p_end):
                continue
            kind, length = mark
            if depth == 0:
                if kind == "open" or (kind == "straight" and _opens_here(text, i)):
                    depth, open_at, open_len, open_kind = 1, i, length, kind
                    continued_here = carried and not out_has_para_segment(out, p_start)
                elif kind == "close" and _misused_closer(text, i, p_start):
                    depth, open_at, open_len, open_kind = 1, i, length, "straight"
                    continued_here = carried and not out_has_para_segment(out, p_start)
            elif kind == "open" and depth == 1 and _misused_opener(text, i, p_end):
                depth = 0
                _emit(out, text, open_at, open_len, i, closed=True, continued=continued_here)
            elif kind == "open" or (kind == "straight" and open_kind == "open" and _opens_here(text, i)):
                depth += 1  # a quote within the quote
            elif kind == "close" or kind == "straight":
                depth -= 1
                if depth == 0:
                    _emit(out, text, open_at, open_len, i, closed=True, continued=continued_here, close_len=length)
            i += length
        carried = single_carry
        if depth > 0:
            next_opens = k + 1 < len(paras) and _paragraph_opens(text, *paras[k + 1])
            _emit(
                out,
                text,
                open_at,
                open_len,
                p_end,
                closed=False,
                continued=continued_here,
                continues=next_opens,
            )
            carried = next_opens
    return tuple(out)


def out_has_para_segment(out: list[QuotedSegment], p_start: int) -> bool:
    """Whether a segment was already emitted in the paragraph starting at ``p_start``."""
    return bool(out) and out[-1].open_mark >= p_start


def _emit(
    out: list[QuotedSegment],
    text: str,
    open_at: int,
    open_len: int,
    close_at: int,
    *,
    closed: bool,
    continued: bool,
    continues: bool = False,
    close_len: int = 1,
) -> None:
    start, end = _trimmed(text, open_at + open_len, close_at)
    if end <= start:
        return
    out.append(
        QuotedSegment(
            start=start,
            end=end,
            open_mark=open_at,
            close_mark=close_at if closed else None,
            closed=closed,
            continues=continues,
            continued=continued,
            close_len=close_len,
        )
    )
