"""Which documents failed, and the end-of-run summary of failures."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rich.console import Console
from rich.markup import escape

from dateline.errors import WARNINGS, Code
from dateline.schema import Article

_WARNING_CODES = frozenset(code.value for code in WARNINGS)

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

    def add(self, article: Article) -> bool:
        """Count one document; True when it failed."""
        self.documents += 1
        codes = failure_codes(article)
        if not codes:
            return False
        self.failed += 1
        where = article.source_path or article.url or article.id
        for code in codes:
            self.by_code[code] += 1
            paths = self.examples.setdefault(code, [])
            if len(paths) < EXAMPLES_PER_CODE:
                paths.append(where)
        return True

    @property
    def exit_code(self) -> int:
        """0 when every document went through, 1 when some failed."""
        return 1 if self.failed else 0

    def lines(self) -> list[str]:
        """The summary as plain lines (empty when nothing failed)."""
        if not self.failed:
            return []
        out = [f"{self.failed} of {self.documents} documents failed:"]
        for code, count in sorted(self.by_code.items(), key=lambda kv: (-kv[1], kv[0])):
            paths = self.examples.get(code, [])
            more = count - len(paths)
            shown = ", ".join(paths) + (f" and {more} more" if more > 0 else "")
            out.append(f"  {code} ×{count}: {shown}")
        return out

    def print(self, console: Console) -> None:
        """Print the summary (nothing when all went well)."""
        for i, line in enumerate(self.lines()):
            console.print(("[bold red]" if i == 0 else "") + escape(line), highlight=False, soft_wrap=True)
