"""eval/stories.py reads ECB+ pages: the headline and date line come in either order."""

from __future__ import annotations

import gzip
from pathlib import Path

from eval_scripts import load_eval


def _page(root: Path, name: str, sentences: list[str]) -> None:
    """A tiny ECB+-style token file (self-written text), one sentence per list item."""
    tokens = []
    for i, sentence in enumerate(sentences):
        for word in sentence.split():
            tokens.append(f'<token sentence="{i}">{word}</token>')
    folder = root / "ECB+" / "1"
    folder.mkdir(parents=True, exist_ok=True)
    with gzip.open(folder / f"{name}.xml.gz", "wt") as fh:
        fh.write(f"<Document>{''.join(tokens)}</Document>")


def test_ecbplus_page_with_date_line_before_headline(tmp_path: Path) -> None:
    """A blog page that prints 'Tuesday, May 24, 2005' above its headline: the headline is still the title."""
    _page(
        tmp_path,
        "1_1ecbplus",
        [
            "http://example.org/post",
            "Tuesday , May 24 , 2005",
            "River town names new ferry captain",
            "The town council named a new captain for the river ferry on Monday .",
        ],
    )
    ((doc_id, gold, clean),) = load_eval("stories").ecb_documents(tmp_path, {1})
    assert (doc_id, gold) == ("1_1ecbplus", "1ecbplus")
    assert clean.title == "River town names new ferry captain"
    assert clean.published == "2005-05-24"


def test_ecbplus_page_with_headline_first(tmp_path: Path) -> None:
    """The usual layout (headline, then date line) reads as before."""
    _page(
        tmp_path,
        "1_2ecbplus",
        [
            "http://example.org/news",
            "River town names new ferry captain",
            "May 24 , 2005",
            "The town council named a new captain for the river ferry on Monday .",
        ],
    )
    ((_, _, clean),) = load_eval("stories").ecb_documents(tmp_path, {1})
    assert clean.title == "River town names new ferry captain"
    assert clean.published == "2005-05-24"
    assert clean.text.startswith("May 24, 2005")
