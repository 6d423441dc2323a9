"""Text normalization shared by fingerprints and story features: words, paragraphs, shingles."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from dateline.corpus.lexicon import BOILERPLATE_PREFIXES, STOPWORDS

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_PARAGRAPH = re.compile(r"\n\s*\n|\n")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’]?\s+(?=[\"'“‘A-Z0-9])")


def normalize(text: str) -> str:
    """Casefolded, accent-stripped, whitespace-collapsed text."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


def words(text: str) -> list[str]:
    """Normalized word tokens (letters and digits, inner apostrophes kept)."""
    return [w.replace("’", "'") for w in _WORD.findall(normalize(text))]


def is_boilerplate(paragraph: str) -> bool:
    """True for share lines, credits and similar furniture a republisher adds."""
    p = normalize(paragraph).lstrip("-—–•*|> ")
    return not p or any(p.startswith(prefix) for prefix in BOILERPLATE_PREFIXES)


def body_paragraphs(text: str) -> list[str]:
    """The paragraphs of a body that carry the story (furniture lines dropped)."""
    return [p.strip() for p in _PARAGRAPH.split(text) if p.strip() and not is_boilerplate(p)]


def fingerprint_words(text: str) -> list[str]:
    """The words that fingerprints are built from: the story paragraphs, normalized."""
    out: list[str] = []
    for paragraph in body_paragraphs(text):
        out.extend(words(paragraph))
    return out


def shingles(tokens: list[str], size: int = 3) -> set[str]:
    """Overlapping word n-grams; a text shorter than ``size`` words is one shingle."""
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def stem(word: str) -> str:
    """A light English suffix stripper so 'missiles'/'missile', 'launched'/'launch' share a term."""
    if len(word) <= 4 or word.isdigit():
        return word
    for suffix, keep in (
        ("'s", ""),
        ("ies", "y"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("xes", "x"),
        ("sses", "ss"),
        ("ing", ""),
        ("ed", ""),
        ("es", "e"),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            return word[: len(word) - len(suffix)] + keep
    return word


def content_terms(text: str) -> list[str]:
    """Stemmed content words of a text, stopwords and bare numbers under 4 digits dropped."""
    out: list[str] = []
    for w in words(text):
        if w in STOPWORDS or len(w) < 3 or (w.isdigit() and len(w) != 4):
            continue
        out.append(stem(w))
    return out


def lead(text: str, n_sentences: int = 3) -> str:
    """The first sentences of the body (the news lead), furniture lines skipped."""
    paragraphs = body_paragraphs(text)
    joined = " ".join(paragraphs[:4])
    parts = _SENTENCE_END.split(joined)
    return " ".join(parts[:n_sentences])


def join_terms(groups: Iterable[Iterable[str]]) -> list[str]:
    """Flatten term groups into one list."""
    return [t for group in groups for t in group]
