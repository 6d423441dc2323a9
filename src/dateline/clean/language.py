"""Is it English? A cheap stopword-ratio check (no model, no dependency)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from dateline.clean.patterns import (
    ENGLISH_FLOOR_RATIO,
    ENGLISH_MIN_RATIO,
    ENGLISH_STOPWORDS,
    LANGUAGE_MIN_WORDS,
    OTHER_STOPWORDS,
    PROSE_MAX_NUMERIC,
    PROSE_MIN_WORDS,
)

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Non-Latin scripts by the first word of their Unicode character names.
_SCRIPTS = {
    "CYRILLIC": "Cyrillic",
    "ARABIC": "Arabic",
    "CJK": "CJK",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
    "HEBREW": "Hebrew",
    "GREEK": "Greek",
    "DEVANAGARI": "Devanagari",
    "THAI": "Thai",
}
SAMPLE_CHARS = 20_000


@dataclass
class LanguageGuess:
    """What the text looks like: ``language`` an ISO 639-1 code where a guess is safe, else None."""

    english: bool
    language: str | None
    detail: str


def _script(text: str) -> str | None:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    counts: dict[str, int] = {}
    for c in letters:
        if c.isascii():
            continue
        head = unicodedata.name(c, "").split(" ")[0]
        if head in _SCRIPTS:
            counts[_SCRIPTS[head]] = counts.get(_SCRIPTS[head], 0) + 1
    if counts:
        script, n = max(counts.items(), key=lambda kv: kv[1])
        if n / len(letters) > 0.3:
            return script
    return None


def _prose_words(text: str) -> list[str]:
    """The words of the paragraphs that read as prose (not score lines, tables or ingredient lists)."""
    words: list[str] = []
    for paragraph in text.split("\n"):
        tokens = paragraph.split()
        numeric = sum(any(c.isdigit() for c in t) for t in tokens)
        if len(tokens) >= PROSE_MIN_WORDS and numeric <= PROSE_MAX_NUMERIC * len(tokens):
            words.extend(w.lower() for w in _WORD_RE.findall(paragraph))
    return words


def _ratio(words: list[str], stopwords: frozenset[str]) -> float:
    return sum(w in stopwords for w in words) / len(words) if words else 0.0


def guess_language(text: str) -> LanguageGuess:
    """English unless the text is in another script, reads as another language, or its prose lacks
    English function words; too little prose to tell gets the benefit of the doubt."""
    sample = text[:SAMPLE_CHARS]
    script = _script(sample)
    if script:
        return LanguageGuess(False, None, f"{script} script")
    words = [w.lower() for w in _WORD_RE.findall(sample)]
    if len(words) < LANGUAGE_MIN_WORDS:
        return LanguageGuess(True, "en", "too short to tell")
    prose = _prose_words(sample)
    english = _ratio(prose if len(prose) >= LANGUAGE_MIN_WORDS else words, ENGLISH_STOPWORDS)
    if english >= ENGLISH_MIN_RATIO:
        return LanguageGuess(True, "en", f"English stopword ratio {english:.2f}")
    others = {lang: _ratio(words, stop) for lang, stop in OTHER_STOPWORDS.items()}
    lang, best = max(others.items(), key=lambda kv: kv[1])
    if best >= ENGLISH_MIN_RATIO and best > english:
        return LanguageGuess(False, lang, f"English stopword ratio {english:.2f}, {lang} {best:.2f}")
    if len(prose) < LANGUAGE_MIN_WORDS or english >= ENGLISH_FLOOR_RATIO:
        return LanguageGuess(True, "en", f"English stopword ratio {english:.2f}, no other language found")
    return LanguageGuess(False, None, f"English stopword ratio {english:.2f}")
