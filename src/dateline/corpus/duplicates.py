"""Copies: exact (same normalized story text) and near (MinHash LSH, verified on the signatures).

A copy points at the earliest, most complete version of the text. When a longer version of an
earlier excerpt arrives, the excerpt (and its own copies) are re-pointed at the new, fuller one.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from dateline.corpus.fingerprint import Fingerprint, containment, jaccard, signature_from_bytes

# Verified thresholds on estimated set overlaps of 3-word shingles.
NEAR_JACCARD = 0.6  # light rewriting plus a changed last paragraph stays above this
CONTAINED = 0.75  # the shorter text is (almost) entirely inside the longer one
EXCERPT_RATIO = 0.6  # shorter than this share of the longer: an excerpt, not a copy
# A near copy this much longer than the version already held is the more complete one and becomes canonical.
MORE_COMPLETE = 1.05
MIN_SHINGLES = 12  # two or three sentences: below that, shared wording proves nothing
# Band hits for one article above this are boilerplate collisions; the LSH keeps only the newest.
MAX_BAND_HITS = 64


@dataclass(frozen=True)
class CopyMatch:
    """How a new article relates to an existing one."""

    other: str
    kind: str  # exact, near, excerpt
    new_is_copy: bool  # False: the existing article is an excerpt of the new one
    score: float


def classify_copy(j: float, n_new: int, n_old: int) -> tuple[str, bool] | None:
    """(kind, new_is_copy) for two shingle sets with Jaccard ``j`` and sizes, or None if not copies."""
    if min(n_new, n_old) < MIN_SHINGLES:
        return None
    new_in_old, old_in_new = containment(j, n_new, n_old)
    ratio = min(n_new, n_old) / max(n_new, n_old)
    # Between near copies the earliest version stays canonical unless the new one is clearly more complete
    # (the original after a copy that cut its last paragraphs arrived first).
    new_is_copy = n_new < MORE_COMPLETE * n_old
    if j >= NEAR_JACCARD:
        return "near", new_is_copy
    if max(new_in_old, old_in_new) < CONTAINED:
        return None
    if ratio >= EXCERPT_RATIO:
        return "near", new_is_copy
    return "excerpt", n_new <= n_old


def find_copy(conn: sqlite3.Connection, fp: Fingerprint, band_keys: list[int]) -> CopyMatch | None:
    """The best existing article this fingerprint copies (or that is an excerpt of it)."""
    row = conn.execute("SELECT id FROM corpus_articles WHERE exact = ? ORDER BY seq LIMIT 1", (fp.exact,)).fetchone()
    if row is not None and fp.n_words > 0:
        return CopyMatch(_canonical(conn, row[0]), "exact", True, 1.0)
    candidates: set[str] = set()
    for band, key in enumerate(band_keys):
        for (article,) in conn.execute(
            "SELECT article FROM corpus_minhash_bands WHERE band = ? AND key = ? ORDER BY rowid DESC LIMIT ?",
            (band, key, MAX_BAND_HITS),
        ):
            candidates.add(article)
    best: CopyMatch | None = None
    for article in sorted(candidates):
        sig, n_shingles = conn.execute(
            "SELECT signature, n_shingles FROM corpus_articles WHERE id = ?", (article,)
        ).fetchone()
        j = jaccard(fp.signature, signature_from_bytes(sig))
        verdict = classify_copy(j, fp.n_shingles, n_shingles)
        if verdict is None:
            continue
        match = CopyMatch(_canonical(conn, article), verdict[0], verdict[1], j)
        if best is None or match.score > best.score:
            best = match
    return best


def _canonical(conn: sqlite3.Connection, article: str) -> str:
    """Follow ``duplicate_of`` to the version every copy points to."""
    seen = {article}
    while True:
        row = conn.execute("SELECT duplicate_of FROM corpus_assignments WHERE article = ?", (article,)).fetchone()
        if row is None or row[0] is None or row[0] in seen:
            return article
        article = row[0]
        seen.add(article)


def repoint_to(conn: sqlite3.Connection, old_canonical: str, new_canonical: str, kind: str = "excerpt") -> None:
    """Make an earlier excerpt (or shorter near copy) and all its copies point at the fuller version."""
    conn.execute(
        "UPDATE corpus_assignments SET duplicate_of = ? WHERE duplicate_of = ?",
        (new_canonical, old_canonical),
    )
    conn.execute(
        "UPDATE corpus_assignments SET duplicate_of = ?, duplicate_kind = ? WHERE article = ?",
        (new_canonical, kind, old_canonical),
    )


def index_fingerprint(conn: sqlite3.Connection, article: str, band_keys: list[int]) -> None:
    """Add an article's LSH band keys to the index."""
    conn.executemany(
        "INSERT INTO corpus_minhash_bands (band, key, article) VALUES (?, ?, ?)",
        [(band, key, article) for band, key in enumerate(band_keys)],
    )
