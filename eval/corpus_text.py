"""No evaluation text in the project: the repository's strings against the shared data sets.

Most of ../shared/data is copyrighted news (PolNeAR, TimeBank and AQUAINT, ECB+, Giveme5W1H, re3d,
CASE 2021, the article-extraction pages) and so is the seed article: none of it may be committed,
not even as a test sentence "barely changed". This check reads every string constant of the
project's Python files and every line of its other text files (MEANTIME's CC BY Wikinews texts and
the demo corpus built from them aside) and fails when one shares a run of ``MIN_RUN`` or more
letters and digits (case, spaces and punctuation ignored) with a data set text, unless the run is
stock boilerplate the cleaner must recognise (``ALLOWED``). It skips cleanly without the data.

    .venv/bin/python eval/corpus_text.py [--json FILE]
"""

from __future__ import annotations

import ast
import gzip
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, data_dir, parser, report, skip

NAME = "corpus-text"
# Windows of WINDOW letters are indexed at every offset of the project's strings and looked up every
# STEP letters of the data texts, so every shared run of WINDOW + STEP - 1 letters or more is found.
WINDOW = 40
STEP = 6
MIN_RUN = WINDOW + STEP - 1
# Shared runs that are stock phrases the cleaner's patterns and tests must spell out.
ALLOWED = (
    "thismaterialmaynotbepublishedbroadcastrewrittenorredistributed",
    "advertisementcontinuereadingthemainstory",
    "theassociatedpresscontributedtothisreport",
    "mondaytuesdaywednesdaythursdayfridaysaturdaysundayjanuaryfebruarymarchaprilmayjunejulyaugustseptember"
    "octobernovemberdecember",
)
# Data sets whose texts may be used (CC BY, with attribution): not scanned.
FREE_DATA = ("meantime",)
FREE_PATHS = ("demo/corpus/wikinews/",)
TEXT_SUFFIXES = (".py", ".json", ".md", ".txt", ".html", ".xml", ".jsonl", ".toml", ".cfg")
_NOT_ALNUM = re.compile(r"[^a-z0-9]")


def fold(text: str) -> str:
    return _NOT_ALNUM.sub("", text.lower())


def project_strings() -> Iterator[tuple[str, str]]:
    """(where, text) for every string constant of 30+ characters in the project's Python files and
    every line of 30+ characters of its other text files."""
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=False).stdout
    for rel in listed.split():
        if not rel.endswith(TEXT_SUFFIXES) or rel.startswith(FREE_PATHS):
            continue
        path = ROOT / rel
        try:
            source = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if rel.endswith(".py"):
            try:
                tree = ast.parse(source)
            except SyntaxError:
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) >= 30:
                    yield f"{rel}:{node.lineno}", node.value
        else:
            for n, line in enumerate(source.splitlines(), 1):
                if len(line) >= 30:
                    yield f"{rel}:{n}", line


def data_texts(root: Path) -> Iterator[tuple[str, str]]:
    """(name, text) of every text file of the data sets (gzipped ones unpacked, XML and HTML tags
    dropped) and the seed article."""
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.relative_to(root).parts[0] in FREE_DATA:
            continue
        try:
            raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        except OSError:
            continue
        if b"\0" in raw[:1024]:
            continue
        text = raw.decode("utf-8", "ignore")
        if path.name.endswith((".xml", ".xml.gz", ".html", ".html.gz", ".tml", ".naf")):
            text = re.sub(r"<[^>]+>", " ", text)
        yield str(path.relative_to(root)), text
    seed = root.parent / "seed" / "article.txt"
    if seed.is_file():
        yield "seed/article.txt", seed.read_text(encoding="utf-8")


def longest_run(mine: str, theirs: str, at: int) -> str:
    """The longest common run of ``mine`` and ``theirs`` through ``theirs[at : at + WINDOW]``."""
    window = theirs[at : at + WINDOW]
    best = ""
    j = mine.find(window)
    while j >= 0:
        left = 0
        while j - left > 0 and at - left > 0 and mine[j - left - 1] == theirs[at - left - 1]:
            left += 1
        right = WINDOW
        while j + right < len(mine) and at + right < len(theirs) and mine[j + right] == theirs[at + right]:
            right += 1
        if left + right > len(best):
            best = mine[j - left : j + right]
        j = mine.find(window, j + 1)
    return best


def main() -> None:
    args = parser(__doc__ or NAME).parse_args()
    root = data_dir()
    if not root.is_dir():
        skip(NAME, "../shared/data is absent", args.json)
    items = list(project_strings())
    index: dict[str, list[int]] = {}
    for k, (_, text) in enumerate(items):
        folded = fold(text)
        for i in range(len(folded) - WINDOW + 1):
            index.setdefault(folded[i : i + WINDOW], []).append(k)
    allowed = [fold(a) for a in ALLOWED]
    folded_items = [fold(text) for _, text in items]
    found: dict[int, tuple[str, str]] = {}
    chars = 0
    for name, text in data_texts(root):
        folded = fold(text)
        chars += len(folded)
        for i in range(0, len(folded) - WINDOW + 1, STEP):
            hits = index.get(folded[i : i + WINDOW])
            if not hits:
                continue
            for k in hits:
                if k in found:
                    continue
                run = longest_run(folded_items[k], folded, i)
                if len(run) >= MIN_RUN and not any(run in a for a in allowed):
                    found[k] = (name, run)
    for k, (name, run) in sorted(found.items()):
        print(f"SHARED {items[k][0]}: {run!r} also in {name}")
    report(NAME, {"strings": len(items), "data_letters": chars, "shared": len(found)}, args.json)
    if found:
        print(f"{len(found)} project strings share {MIN_RUN}+ letters with evaluation texts: rewrite them")
        sys.exit(1)


if __name__ == "__main__":
    main()
