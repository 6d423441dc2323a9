"""The optional embedding feature for stories: off without the extra, real encoder when installed."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from dateline.corpus import assign, ensure_corpus_schema, recluster
from dateline.corpus import embeddings as emb
from dateline.nlp.pipeline import article_id
from dateline.schema import Article

MERGER = [
    "Carmaker Orvida agrees to buy rival Telsen for $4 billion",
    "Orvida said on Monday it would acquire Telsen in a cash deal, creating the region's largest carmaker.",
]
MERGER_REWORDED = [
    "Orvida to take over Telsen in $4bn car deal",
    "The two automakers announced a takeover that values Telsen at about four billion dollars.",
]
FLOOD = [
    "Floods force thousands from homes in river valley",
    "Heavy rain swelled the river overnight and rescue crews evacuated three villages, officials said.",
]


def _article(title_and_lead: list[str], published: str) -> Article:
    title, body = title_and_lead
    return Article(id=article_id(title + body), title=title, text=body, published=published)


@pytest.fixture
def conn() -> sqlite3.Connection:
    c = sqlite3.connect(":memory:")
    ensure_corpus_schema(c)
    return c


@pytest.mark.parametrize("switch", ["off", ""])
def test_switched_off_the_corpus_stores_no_vectors(conn, monkeypatch, switch):
    """Off unless asked for: installing the extra alone changes no story."""
    monkeypatch.setenv(emb.ENV_SWITCH, switch)
    assert not emb.enabled()
    for lines in (MERGER, MERGER_REWORDED, FLOOD):
        assign(conn, _article(lines, "2024-05-06"))
    assert conn.execute("SELECT COUNT(*) FROM corpus_embeddings").fetchone()[0] == 0
    assert emb.article_embedding(conn, _article(FLOOD, "2024-05-06")) is None


def test_unrelated_news_below_the_floor_adds_nothing_to_the_story_score():
    assert emb.blend(0.5, emb.FLOOR - 0.1) == pytest.approx((1 - emb.WEIGHT) * 0.5)
    assert emb.blend(0.5, 1.0) == pytest.approx((1 - emb.WEIGHT) * 0.5 + emb.WEIGHT)
    assert emb.blend(0.2, 0.9) > emb.blend(0.2, 0.5)


def test_story_similarity_is_the_cosine_with_the_members_mean_direction(conn):
    a = np.array([1.0, 0.0, 0.0], dtype=np.float32)
    b = np.array([0.0, 1.0, 0.0], dtype=np.float32)
    emb.add_story_embedding(conn, "S1", a)
    emb.add_story_embedding(conn, "S1", b)
    assert emb.story_similarity(conn, "S1", a) == pytest.approx(2**-0.5)
    assert emb.story_similarity(conn, "S2", a) is None
    assert emb.embedding_score(conn, "S2", a, 0.4) == 0.4
    assert emb.embedding_score(conn, "S1", None, 0.4) == 0.4


def test_real_encoder_puts_a_reworded_report_closer_than_other_news(conn, monkeypatch):
    pytest.importorskip("torch")
    pytest.importorskip(emb.PACKAGE)
    monkeypatch.setenv(emb.ENV_SWITCH, "on")
    assert emb.enabled()
    articles = [_article(MERGER, "2024-05-06"), _article(MERGER_REWORDED, "2024-05-06"), _article(FLOOD, "2024-05-06")]
    vectors = emb.encode([emb.embedding_text(a) for a in articles])
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > emb.FLOOR > vectors[0] @ vectors[2]
    # Vectors are stored with the corpus as articles arrive, and a rebuild encodes nothing again.
    for a in articles:
        assign(conn, a)
    stored = conn.execute("SELECT COUNT(*) FROM corpus_embeddings").fetchone()[0]
    assert stored == 3
    assert conn.execute("SELECT COUNT(*) FROM corpus_story_embeddings").fetchone()[0] >= 1
    assert emb.prime(conn, articles) == 0
    recluster(conn)
    assert conn.execute("SELECT COUNT(*) FROM corpus_embeddings").fetchone()[0] == 3
    again = emb.article_embedding(conn, articles[0])
    assert again is not None and np.allclose(again, vectors[0], atol=1e-5)
