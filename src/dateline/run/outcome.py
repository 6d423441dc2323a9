"""Which documents failed, and the end-of-run summary of failures."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rich.console import Console
from rich.markup import escape

from dateline.errors import WARNINGS, Code
from dateline.schema import Article

_WARNING_CODES = frozenset(code.value for code in WARNINGS)

# What each code means, in a few words, for the end-of-run summary.
WHAT = {
    Code.E001_UNREADABLE.value: "unreadable",
    Code.E002_EMPTY.value: "empty",
    Code.E003_BINARY.value: "binary",
    Code.E004_ENCODING.value: "invalid encoding",
    Code.E005_TOO_LARGE.value: "too large",
    Code.E006_NO_ARTICLE.value: "no article in the page",
    Code.E007_NOT_ENGLISH.value: "not English",
    Code.E008_MALFORMED.value: "malformed record",
    Code.E009_UNSUPPORTED.value: "unsupported input",
    Code.E010_INTERNAL.value: "internal error",
    Code.E011_NO_PUBLISHED.value: "no publication time: relative dates unresolved, pass --published",
}

# How many paths the summary names per error code.
EXAMPLES_PER_CODE = 3


def failure_codes(article: Article) -> list[str]:
    """The codes of the errors that are not mere warnings, in order, without repeats.

    A document that came out with no text and no error still failed: it is reported as E002 (empty).
    """
    codes = list(dict.fromkeys(e.code for e in article.errors if e.code not in _WARNING_CODES))
    if not codes and not article.text.strip():
        codes.append(Code.E002_EMPTY.value)
    return codes


def warning_codes(article: Article) -> list[str]:
    """The codes of the warnings (``dateline.errors.WARNINGS``) on a document, in order, without repeats."""
    return list(dict.fromkeys(e.code for e in article.errors if e.code in _WARNING_CODES))


def is_failed(article: Article) -> bool:
    """A document failed when it has an error that is not a warning (``dateline.errors.WARNINGS``)."""
    return bool(failure_codes(article))


@dataclass
class FailureSummary:
    """Counts per error code and the first few paths, gathered while a run streams."""

    documents: int = 0
    failed: int = 0
    by_code: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    warned: int = 0
    warnings_by_code: Counter[str] = field(default_factory=Counter)

    def add(self, article: Article) -> bool:
        """Count one document; True when it failed."""
        self.documents += 1
        where = article.source_path or article.url or article.id
        warnings = warning_codes(article)
        self.warned += bool(warnings)
        self._tally(self.warnings_by_code, warnings, where)
        codes = failure_codes(article)
        if not codes:
            return False
        self.failed += 1
        self._tally(self.by_code, codes, where)
        return True

    def _tally(self, counts: Counter[str], codes: list[str], where: str) -> None:
        for code in codes:
            counts[code] += 1
            paths = self.examples.setdefault(code, [])
            if len(paths) < EXAMPLES_PER_CODE:
                paths.append(where)

    @property
    def exit_code(self) -> int:
        """0 when every document went through, 1 when some failed."""
        return 1 if self.failed else 0

    def lines(self) -> list[str]:
        """The failures as plain lines (empty when nothing failed)."""
        if not self.failed:
            return []
        return [f"{self.failed} of {self.documents} documents failed:", *self._code_lines(self.by_code)]

    def warning_lines(self) -> list[str]:
        """The warnings as plain lines (empty when there were none)."""
        if not self.warned:
            return []
        head = f"{self.warned} of {self.documents} documents with warnings:"
        return [head, *self._code_lines(self.warnings_by_code)]

    def _code_lines(self, counts: Counter[str]) -> list[str]:
        out = []
        for code, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            paths = self.examples.get(code, [])
            more = count - len(paths)
            shown = ", ".join(paths) + (f" and {more} more" if more > 0 else "")
            out.append(f"  {code} ×{count} ({WHAT.get(code, code)}): {shown}")
        return out

    def print(self, console: Console) -> None:
        """Print the warnings, then the failures (nothing when all went well)."""
        for style, lines in (("[yellow]", self.warning_lines()), ("[bold red]", self.lines())):
            for i, line in enumerate(lines):
                console.print((style if i == 0 else "") + escape(line), highlight=False, soft_wrap=True)
