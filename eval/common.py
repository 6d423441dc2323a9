"""Shared helpers for the evaluation scripts: where the data is, scores, and reporting.

Every script reads ../shared/data (or $DATELINE_DATA), prints a table, writes its metrics as JSON
with ``--json FILE`` and exits 0 with ``skipped`` when the data set is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The shared evaluation data folder."""
    return Path(os.environ.get("DATELINE_DATA", ROOT.parent / "shared" / "data"))


def dataset(name: str) -> Path | None:
    """The folder of one data set, or None when it is not there."""
    path = data_dir() / name
    return path if path.is_dir() else None


@dataclass
class PRF:
    """Precision, recall and F1 over true positives, false positives and false negatives."""

    tp: float = 0.0
    fp: float = 0.0
    fn: float = 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self, prefix: str = "") -> dict[str, float]:
        return {
            f"{prefix}precision": round(self.precision, 4),
            f"{prefix}recall": round(self.recall, 4),
            f"{prefix}f1": round(self.f1, 4),
        }


def b_cubed(gold: dict[str, str], predicted: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed P/R/F1 of ``predicted`` (item -> cluster) against ``gold`` over gold's items."""
    if not gold:
        return 0.0, 0.0, 0.0
    gold_members: dict[str, set[str]] = defaultdict(set)
    pred_members: dict[str, set[str]] = defaultdict(set)
    for item, label in gold.items():
        gold_members[label].add(item)
        pred_members[predicted[item]].add(item)
    p = r = 0.0
    for item in gold:
        g, s = gold_members[gold[item]], pred_members[predicted[item]]
        both = len(g & s)
        p += both / len(s)
        r += both / len(g)
    p, r = p / len(gold), r / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def fingerprint(paths: Iterable[Path]) -> str:
    """A hash of the gold files, so a changed gold set is noticed rather than silently scored."""
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def parser(description: str) -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--json", metavar="FILE", help="write the metrics as JSON to FILE")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N documents (0: all)")
    return ap


def report(name: str, metrics: dict[str, object], json_path: str | None) -> None:
    """Print the metrics and write them where the gate asked."""
    print(f"== {name}")
    for key, value in metrics.items():
        print(f"  {key:40s} {value}")
    if json_path:
        Path(json_path).write_text(json.dumps(metrics, indent=2, sort_keys=True))


def skip(name: str, why: str, json_path: str | None) -> None:
    """Report a clean skip (data absent) and exit 0."""
    print(f"== {name}: skipped ({why})")
    if json_path:
        Path(json_path).write_text(json.dumps({"skipped": why}))
    sys.exit(0)
