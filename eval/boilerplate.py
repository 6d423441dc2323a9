"""Boilerplate removal: the body dateline extracts from HTML pages vs the human-extracted article body.

Data: ../shared/data/article-extraction-benchmark (html/<id>.html.gz + ground-truth.json).
Metric: the upstream benchmark's, i.e. token 4-shingle bags of the predicted and gold bodies, micro P/R/F1
over all pages; a bag-of-words (unigram) F1 is reported beside it. Plain ``trafilatura.extract`` with its
default settings is scored in the same run, so ``delta_f1`` (ours − trafilatura) compares like with like.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PRF, dataset, fingerprint, parser, report, skip

NAME = "boilerplate"
_TOKEN_RE = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The bag of token n-grams of ``text`` (the upstream benchmark's unit of matching)."""
    tokens = _TOKEN_RE.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


def add_match(score: PRF, gold: str, predicted: str, n: int) -> None:
    """Add one page's overlap between gold and predicted bags to ``score``."""
    g, p = shingles(gold, n), shingles(predicted, n)
    score.tp += sum((g & p).values())
    score.fp += sum((p - g).values())
    score.fn += sum((g - p).values())


def ours(data: bytes, url: str | None) -> str:
    """dateline's body for one page: decode with the page's charset, then the cleaning cascade."""
    from dateline.clean.pipeline import clean_document
    from dateline.ingest import RawDocument
    from dateline.ingest.decode import decode_bytes

    return clean_document(RawDocument(url, url=url, html=decode_bytes(data).text)).text


def plain_trafilatura(data: bytes, url: str | None) -> str:
    """trafilatura.extract with its default settings, given the raw bytes as a user would."""
    import trafilatura

    return trafilatura.extract(data, url=url) or ""


def main() -> None:
    args = parser(__doc__ or NAME).parse_args()
    root = dataset("article-extraction-benchmark")
    if root is None or not (root / "ground-truth.json").exists():
        skip(NAME, "article-extraction-benchmark absent", args.json)
        return
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(k for k in gold if (root / "html" / f"{k}.html.gz").exists())
    if args.limit:
        ids = ids[: args.limit]
    pages = [root / "html" / f"{k}.html.gz" for k in ids]
    scores = {name: PRF() for name in ("ours", "ours_tok", "traf", "traf_tok")}
    timing = {"ours": 0.0, "traf": 0.0}
    for key, page in zip(ids, pages, strict=True):
        data = gzip.decompress(page.read_bytes())
        body, url = gold[key]["articleBody"], gold[key].get("url")
        for name, extract in (("ours", ours), ("traf", plain_trafilatura)):
            t0 = time.perf_counter()
            predicted = extract(data, url)
            timing[name] += time.perf_counter() - t0
            add_match(scores[name], body, predicted, SHINGLE)
            add_match(scores[f"{name}_tok"], body, predicted, 1)
    metrics: dict[str, object] = {
        **scores["ours"].as_dict(),
        **scores["traf"].as_dict("trafilatura_"),
        "delta_f1": round(scores["ours"].f1 - scores["traf"].f1, 4),
        "token_f1": round(scores["ours_tok"].f1, 4),
        "trafilatura_token_f1": round(scores["traf_tok"].f1, 4),
        "pages": len(ids),
        "seconds_ours": round(timing["ours"], 1),
        "seconds_trafilatura": round(timing["traf"], 1),
        "fingerprint": fingerprint([root / "ground-truth.json", *pages]),
    }
    report(NAME, metrics, args.json)


if __name__ == "__main__":
    main()
