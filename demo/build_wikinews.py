"""Rebuild demo/corpus/wikinews/meantime.jsonl from MEANTIME's Wikinews texts (CC BY 2.5).

MEANTIME (../shared/data/meantime) stores each Wikinews article as tokens; this script joins them back
into readable text (one sentence per paragraph, since the paragraph breaks were not kept) and keeps
the title (sentence 0), the date line (sentence 1, as `published`) and the Wikinews URL. Only the texts are
used: MEANTIME's annotations stay in ../shared/data and are never copied here.

    python demo/build_wikinews.py
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from datetime import datetime
from itertools import groupby
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent.parent / "shared" / "data" / "meantime"
OUT = HERE / "corpus" / "wikinews" / "meantime.jsonl"

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", "%", ")", "]", "”", "’", "'s", "’s", "n't", "'"}
NO_SPACE_AFTER = {"(", "[", "$", "“", "‘"}
# Penn Treebank quote tokens back to typographic quotes.
PTB_QUOTES = {"``": "“", "''": "”"}


def detokenize(tokens: list[str]) -> str:
    """Join tokens with the spacing of ordinary English prose."""
    out = ""
    straight_open = False
    for tok in (PTB_QUOTES.get(t, t) for t in tokens):
        if tok == '"':
            if straight_open:
                out += tok
            else:
                out += ("" if not out or out.endswith(tuple(NO_SPACE_AFTER)) else " ") + tok
            straight_open = not straight_open
            continue
        glue = (
            not out
            or tok in NO_SPACE_BEFORE
            or (tok.startswith("’") and len(tok) <= 3)
            or out.endswith(tuple(NO_SPACE_AFTER))
            or (straight_open and out.endswith('"'))
        )
        out += tok if glue else " " + tok
    return re.sub(r"\s+", " ", out).strip()


def paragraphs(sentences: list[str]) -> str:
    """One sentence a paragraph, except that a quotation stays in one paragraph until it closes."""
    out: list[str] = []
    depth = 0  # open curly quotes, plus 1 while a straight quote is open
    for sentence in sentences:
        if depth > 0 and out:
            out[-1] += " " + sentence
        else:
            out.append(sentence)
        depth = max(0, depth + sentence.count("“") - sentence.count("”"))
        if sentence.count('"') % 2:
            depth = depth - 1 if depth % 2 else depth + 1
    return "\n\n".join(out)


def parse_date(line: str) -> str | None:
    """The ISO date of a Wikinews date line such as "June 6, 2005"."""
    for fmt in ("%B %d, %Y", "%A, %B %d, %Y"):
        try:
            return datetime.strptime(line.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def article(path: Path) -> dict[str, str | None]:
    root = ET.parse(path).getroot()
    tokens = [(int(t.get("sentence", "0")), t.text or "") for t in root.iter("token")]
    sentences = [detokenize([w for _, w in group]) for _, group in groupby(tokens, key=lambda x: x[0])]
    title, date_line, body = sentences[0], sentences[1], sentences[2:]
    return {
        "id": f"wikinews-{root.get('doc_id')}",
        "title": title,
        "published": parse_date(date_line),
        "url": root.get("url"),
        "text": paragraphs(body),
        "licence": "CC BY 2.5, Wikinews contributors",
    }


def main() -> int:
    if not SOURCE.is_dir():
        print(f"{SOURCE} is absent; the committed demo corpus stays as it is")
        return 0
    files = sorted(SOURCE.glob("corpus_*/*.xml"))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for path in files:
            fh.write(json.dumps(article(path), ensure_ascii=False) + "\n")
    print(f"wrote {len(files)} articles to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
