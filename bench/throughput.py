"""Throughput of ``dateline extract`` against plain spaCy ``nlp.pipe`` with the same model, same texts.

The two are run alternately, several rounds, in one process, so that a noisy shared machine slows both
alike; the ratio of medians is what we report. Per-stage seconds show what each dateline layer costs, and
the peak memory of one ``dateline extract`` worker is measured in a child process.

    .venv/bin/python bench/throughput.py [--rounds 5] [PATH ...]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from dateline.clean.pipeline import clean_document
from dateline.ingest.files import read_documents
from dateline.nlp.model import load_nlp
from dateline.nlp.pipeline import annotate
from dateline.run.local import extract_paths

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATHS = [str(ROOT / "demo" / "corpus")]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="*", default=DEFAULT_PATHS)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--json", metavar="FILE", help="write the figures as JSON")
    args = ap.parse_args()
    # First, while this process is small: a forked child's peak includes its parent's pages at fork time.
    peak_mb = peak_rss_mb(args.paths)

    texts = [clean_document(raw).text for raw in read_documents(args.paths)]
    texts = [t for t in texts if t.strip()]
    n = len(texts)
    nlp = load_nlp()
    list(nlp.pipe(texts[:8]))  # warm-up both paths
    list(extract_paths(args.paths))

    plain, ours = [], []
    stages: dict[str, float] = {}
    for _ in range(args.rounds):
        started = time.perf_counter()
        list(nlp.pipe(texts))
        plain.append(time.perf_counter() - started)
        started = time.perf_counter()
        articles = list(extract_paths(args.paths))
        ours.append(time.perf_counter() - started)
        cleans = [clean_document(raw) for raw in read_documents(args.paths)]
        list(annotate(cleans, timings=stages))
    assert len([a for a in articles if a.text]) == n

    plain_rate = n / statistics.median(plain)
    ours_rate = n / statistics.median(ours)
    total_stage = sum(stages.values())
    figures: dict[str, object] = {
        "articles": n,
        "chars": sum(len(t) for t in texts),
        "rounds": args.rounds,
        "plain_nlp_pipe_articles_per_s": round(plain_rate, 2),
        "dateline_extract_articles_per_s": round(ours_rate, 2),
        "ratio": round(ours_rate / plain_rate, 3),
        "ratio_min_max": [
            round(min(p / o for p, o in zip(plain, ours, strict=True)), 3),
            round(max(p / o for p, o in zip(plain, ours, strict=True)), 3),
        ],
        "stage_share": {k: round(v / total_stage, 3) for k, v in sorted(stages.items())},
        "peak_rss_mb_one_worker": peak_mb,
    }
    print(json.dumps(figures, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))
    return 0


def peak_rss_mb(paths: list[str]) -> float:
    """Peak resident memory of a ``dateline extract`` process over ``paths``."""
    cmd = [sys.executable, "-m", "dateline.cli", "extract", *paths]
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    # ru_maxrss is in KiB on Linux: the largest child so far, which is this one.
    return round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)


if __name__ == "__main__":
    sys.exit(main())
