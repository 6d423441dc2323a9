"""Fingerprints for copies: an exact hash of the normalized story text and a MinHash signature.

A syndicated copy keeps the body and changes the furniture (headline, share lines, a cut last
paragraph, light edits). So both fingerprints read only the story paragraphs, never the title.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

from dateline.corpus.text import fingerprint_words, shingles

NUM_PERM = 120
# 40 bands of 3 rows: a pair becomes a candidate with probability 1-(1-J^3)^40, about 0.7 at
# Jaccard 0.3 (a long excerpt) and 0.04 at 0.1 (two stories on one topic); candidates are verified.
BANDS = 40
ROWS = NUM_PERM // BANDS
SHINGLE_SIZE = 3
SEED = 17


@dataclass(frozen=True)
class Fingerprint:
    """What copy detection keeps of one article."""

    exact: str
    signature: np.ndarray  # uint64[NUM_PERM]
    n_shingles: int
    n_words: int

    def band_keys(self) -> list[int]:
        """One signed 63-bit key per LSH band (band index mixed in)."""
        keys = []
        for band in range(BANDS):
            chunk = self.signature[band * ROWS : (band + 1) * ROWS].tobytes()
            digest = hashlib.blake2b(chunk, digest_size=8, person=band.to_bytes(2, "big") * 8).digest()
            keys.append(int.from_bytes(digest, "big", signed=True))
        return keys


def fingerprint(text: str) -> Fingerprint:
    """Fingerprint a cleaned article body."""
    tokens = fingerprint_words(text)
    exact = hashlib.sha256(" ".join(tokens).encode("utf-8")).hexdigest()[:32]
    grams = shingles(tokens, SHINGLE_SIZE)
    from datasketch import MinHash  # a second to import: only commands that fingerprint pay it

    mh = MinHash(num_perm=NUM_PERM, seed=SEED)
    if grams:
        mh.update_batch([g.encode("utf-8") for g in sorted(grams)])
    return Fingerprint(exact, mh.hashvalues.astype(np.uint64), len(grams), len(tokens))


def signature_from_bytes(blob: bytes) -> np.ndarray:
    """A stored signature back into an array."""
    return np.frombuffer(blob, dtype=np.uint64)


def jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two shingle sets from their signatures."""
    return float(np.count_nonzero(sig_a == sig_b)) / len(sig_a)


def containment(j: float, n_a: int, n_b: int) -> tuple[float, float]:
    """Estimated share of A inside B and of B inside A, from Jaccard and the set sizes."""
    if n_a == 0 or n_b == 0:
        return 0.0, 0.0
    overlap = j * (n_a + n_b) / (1.0 + j)
    return min(1.0, overlap / n_a), min(1.0, overlap / n_b)
