"""Is it English? A cheap stopword-ratio check (no model, no dependency)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from dateline.clean.patterns import ENGLISH_MIN_RATIO, ENGLISH_STOPWORDS, LANGUAGE_MIN_WORDS, OTHER_STOPWORDS

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


def guess_language(text: str) -> LanguageGuess:
    """English when enough words are English function words; short texts get the benefit of the doubt."""
    sample = text[:SAMPLE_CHARS]
    script = _script(sample)
    if script:
        return LanguageGuess(False, None, f"{script} script")
    words = [w.lower() for w in _WORD_RE.findall(sample)]
    if len(words) < LANGUAGE_MIN_WORDS:
        return LanguageGuess(True, "en", "too short to tell")
    ratio = sum(w in ENGLISH_STOPWORDS for w in words) / len(words)
    if ratio >= ENGLISH_MIN_RATIO:
        return LanguageGuess(True, "en", f"English stopword ratio {ratio:.2f}")
    others = {lang: sum(w in stop for w in words) / len(words) for lang, stop in OTHER_STOPWORDS.items()}
    lang, best = max(others.items(), key=lambda kv: kv[1])
    guess = lang if best >= ENGLISH_MIN_RATIO else None
    detail = f"English stopword ratio {ratio:.2f}" + (f", {lang} {best:.2f}" if guess else "")
    return LanguageGuess(False, guess, detail)
