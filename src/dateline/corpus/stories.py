"""Stories: single-pass incremental clustering over an inverted index of story centroids.

Each story keeps a centroid (the sum of its members' unit TF-IDF vectors, pruned to its heaviest
terms) indexed term by term. A new article looks up only the stories that share its most
distinctive terms (a bounded number per term, newest first), scores them by cosine times a time
decay, and joins the best one above the threshold or starts a new story. Cost per article does not
grow with the corpus: every lookup is an indexed, LIMITed read.
"""

from __future__ import annotations

import math
import sqlite3
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from dateline.corpus.embeddings import embedding_score
from dateline.corpus.features import ArticleFeatures, is_entity_term, tfidf
from dateline.corpus.text import stem

# Similarity to join a story (cosine of TF-IDF vectors, after time decay).
JOIN_THRESHOLD = 0.17
# Share of the score that comes from salient entities when both sides name some: two stories of one
# kind (two rehab check-ins, two coaches fired) differ mostly in who and where.
ENTITY_SHARE = 0.4
# A single member article this close links the story too (words-only cosine, same decay).
MEMBER_THRESHOLD = 0.4
# Terms kept per article vector and per story centroid (words, then entity keys).
ARTICLE_TERMS = 60
STORY_TERMS = 150
STORY_ENTITIES = 30
# Query terms used to find candidate stories, and stories read per term (newest first).
QUERY_TERMS = 25
POSTINGS_PER_TERM = 40
SHORTLIST = 40
# A story a few days older still matches; months apart it needs stronger overlap, but long-running
# stories (a missile programme, a trial) still gather their follow-ups: the decay has a floor.
DECAY_DAYS = 30.0
DECAY_FLOOR = 0.5
# Coverage within a few days of a story is likelier to be that story than anything else on the
# topic (a second angle on one summit, the day-after reaction): up to this much more, fading by
# NEAR_DAYS. Applies only when both dates are known.
NEAR_BOOST = 0.3
NEAR_DAYS = 3.0
# An article about people none of the story's articles were about tells another instance of the
# same kind of event (another player arrested, another host named): its score is scaled down.
# Applies only when both sides are about someone (see features.lead_keys).
LEAD_CONFLICT_FACTOR = 0.7
# Without dates that put the article within days of the story, nothing vouches for a match that
# rests on the same kind of event: an article whose key person the story never mentions, while it
# never mentions one of the story's protagonists, tells another instance (the champion's next
# challenger, the next interior secretary's rule change). So does one that names none of them and is
# mostly about someone the story names only in passing (the teammate arrested last month). Its score
# is scaled down harder.
RIVAL_INSTANCE_FACTOR = 0.4
PROTAGONIST_MIN_ARTICLES = 1
PROTAGONIST_SHARE = 0.5
# Prior document count so the first articles of a corpus do not treat every word as rare.
IDF_PRIOR_DOCS = 20


@dataclass(frozen=True)
class StoryMatch:
    """The story an article joins and how well it matched (0 for a new story)."""

    story: str
    score: float
    created: bool


def time_decay(day: int | None, first_day: int | None, last_day: int | None) -> float:
    """1 when a date is unknown; otherwise a boost inside and just around the story's date span,
    decaying with the gap in days down to a floor."""
    if day is None or first_day is None or last_day is None:
        return 1.0
    gap = max(first_day - day, day - last_day, 0)
    decay = DECAY_FLOOR + (1.0 - DECAY_FLOOR) * math.exp(-gap / DECAY_DAYS)
    return decay * (1.0 + NEAR_BOOST * math.exp(-gap / NEAR_DAYS))


def dates_vouch(day: int | None, first_day: int | None, last_day: int | None) -> bool:
    """True when both dates are known and the article falls within the decay window of the story's span."""
    if day is None or first_day is None or last_day is None:
        return False
    return max(first_day - day, day - last_day, 0) <= DECAY_DAYS


def idf_weights(conn: sqlite3.Connection, terms: list[str]) -> dict[str, float]:
    """Smoothed inverse document frequency of terms over the articles seen so far."""
    n_docs = _meta_int(conn, "n_docs")
    df: dict[str, int] = dict.fromkeys(terms, 0)
    for i in range(0, len(terms), 500):
        chunk = terms[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for term, count in conn.execute(f"SELECT term, df FROM corpus_df WHERE term IN ({marks})", chunk):
            df[term] = count
    total = n_docs + IDF_PRIOR_DOCS
    return {t: math.log((total + 1) / (df[t] + 1)) + 1.0 for t in terms}


def count_document(conn: sqlite3.Connection, features: ArticleFeatures) -> None:
    """Add one article to the document frequencies."""
    conn.executemany(
        "INSERT INTO corpus_df (term, df) VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET df = df + 1",
        [(t,) for t in sorted(features.terms)],
    )
    _meta_add(conn, "n_docs", 1)


def article_vector(conn: sqlite3.Connection, features: ArticleFeatures) -> dict[str, float]:
    """The article's unit TF-IDF vector against the corpus so far."""
    terms = sorted(features.terms)
    return tfidf(features.terms, idf_weights(conn, terms), ARTICLE_TERMS)


def _shortlist(conn: sqlite3.Connection, table: str, key: str, recency: str, vector: dict[str, float]) -> list[str]:
    """The keys (stories or articles) sharing the vector's heaviest terms, best partial dot first.

    Each posting list is read newest first and LIMITed, and only the SHORTLIST best partial
    matches are scored in full, so the work per article is bounded whatever the corpus size.
    """
    query = sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:QUERY_TERMS]
    partial: dict[str, float] = defaultdict(float)
    for term, w in query:
        for found, weight in conn.execute(
            f"SELECT {key}, weight FROM {table} WHERE term = ? ORDER BY {recency} DESC LIMIT ?",
            (term, POSTINGS_PER_TERM),
        ):
            partial[found] += w * weight
    ranked = sorted(partial.items(), key=lambda kv: (-kv[1], kv[0]))[:SHORTLIST]
    return sorted(k for k, _ in ranked)


def lead_conflict(
    conn: sqlite3.Connection, story: str, lead_keys: frozenset[str], article_entities: frozenset[str] | None = None
) -> bool:
    """True when the story keeps leading with one person and the article is about someone else.

    The story's protagonist is a person most of its articles led with (or named often); the article
    conflicts when it is not about that person and none of the people it is about is among the
    story's salient entities. When the article's own entity keys are given, the reading is two-sided:
    an article that names the story's protagonist anywhere never conflicts, and one that never names
    them conflicts as soon as one person it is about is unknown to the story (another player arrested,
    with the same patrol spokesman quoted). Stories told through many people (a race, a summit) have
    no protagonist and never conflict.
    """
    if not lead_keys:
        return False
    n_articles = conn.execute("SELECT n_articles FROM corpus_stories WHERE id = ?", (story,)).fetchone()[0]
    protagonists = {
        k
        for k, n in conn.execute("SELECT key, n FROM corpus_story_leads WHERE story = ?", (story,))
        if n >= PROTAGONIST_MIN_ARTICLES and n >= PROTAGONIST_SHARE * n_articles
    }
    if not protagonists or protagonists & lead_keys:
        return False
    if article_entities is not None and any("e:" + k in article_entities for k in protagonists):
        return False
    marks = ",".join("?" * len(lead_keys))
    named = conn.execute(
        f"SELECT COUNT(*) FROM corpus_story_terms WHERE story = ? AND term IN ({marks})",
        [story, *sorted("e:" + k for k in lead_keys)],
    ).fetchone()[0]
    if article_entities is not None:
        return named < len(lead_keys)
    return not named


def rival_instance(
    conn: sqlite3.Connection,
    story: str,
    lead_keys: frozenset[str],
    article_words: frozenset[str],
    dominant: str | None = None,
) -> bool:
    """True when the article tells another instance of the story's kind of event.

    That is when it never names one of the story's protagonists and is about someone the story never
    names, or when it names none of them and the person it names most (``dominant``) is not someone
    any of the story's articles was about: the teammate a DUI story mentions as last month's arrest.
    Names are matched word by word against the article's full text and the story's terms, so an
    entity the tagger missed or typed differently ("Harry Winston" the shop, "Winston" the person)
    still counts as named.
    """
    if not lead_keys or not article_words:
        return False
    n_articles = conn.execute("SELECT n_articles FROM corpus_stories WHERE id = ?", (story,)).fetchone()[0]
    leads = conn.execute("SELECT key, n FROM corpus_story_leads WHERE story = ? ORDER BY key", (story,)).fetchall()
    protagonists = [k for k, n in leads if n >= PROTAGONIST_MIN_ARTICLES and n >= PROTAGONIST_SHARE * n_articles]
    missing = [k for k in protagonists if not set(k.split()) <= article_words]
    if not missing:
        return False
    vocabulary: set[str] = set()
    for (term,) in conn.execute("SELECT term FROM corpus_story_terms WHERE story = ?", (story,)):
        vocabulary.update(term[2:].split())
    if any(not any(stem(w) in vocabulary or w in vocabulary for w in key.split()) for key in lead_keys):
        return True
    if dominant is None or len(missing) < len(protagonists):
        return False
    lead_words = {w for k, _ in leads for w in k.split()}
    return not set(dominant.split()) & lead_words


def _entities(vector: dict[str, float]) -> frozenset[str]:
    """The entity keys an article vector carries."""
    return frozenset(t for t in vector if is_entity_term(t))


def _judged(
    conn: sqlite3.Connection,
    story: str,
    score: float,
    threshold: float,
    features: ArticleFeatures,
    article_entities: frozenset[str],
    span: tuple[int | None, int | None],
    memo: dict[tuple[str, str], bool],
) -> float:
    """``score`` after the time decay against the story's day ``span`` and, while it still reaches
    ``threshold``, the checks that tell another event of the same kind: a lead conflict, and a rival
    instance where dates do not vouch. Each check runs once per story and call (``memo``)."""
    first_day, last_day = span
    score *= time_decay(features.day, first_day, last_day)
    if score >= threshold:
        if (story, "lead") not in memo:
            memo[(story, "lead")] = lead_conflict(conn, story, features.lead_keys, article_entities)
        score *= LEAD_CONFLICT_FACTOR if memo[(story, "lead")] else 1.0
    if score >= threshold and not dates_vouch(features.day, first_day, last_day):
        if (story, "rival") not in memo:
            memo[(story, "rival")] = rival_instance(conn, story, features.lead_keys, features.words, features.dominant)
        score *= RIVAL_INSTANCE_FACTOR if memo[(story, "rival")] else 1.0
    return score


def best_story(
    conn: sqlite3.Connection,
    vector: dict[str, float],
    features: ArticleFeatures,
    embedding: np.ndarray | None = None,
) -> StoryMatch | None:
    """The best-scoring existing story for a vector, or None when none reaches the threshold."""
    article_entities = _entities(vector)  # once: every candidate story is read against them
    candidates = _shortlist(conn, "corpus_story_terms", "story", "last_seq", vector)
    if not candidates:
        return None
    dots: dict[str, float] = defaultdict(float)
    dots_e: dict[str, float] = defaultdict(float)
    stories = candidates
    marks = ",".join("?" * len(stories))
    terms = list(vector)
    tmarks = ",".join("?" * len(terms))
    for story, term, weight in conn.execute(
        f"SELECT story, term, weight FROM corpus_story_terms WHERE story IN ({marks}) AND term IN ({tmarks})",
        [*stories, *terms],
    ):
        (dots_e if is_entity_term(term) else dots)[story] += weight * vector[term]
    has_entities = any(is_entity_term(t) for t in vector)
    best: StoryMatch | None = None
    memo: dict[tuple[str, str], bool] = {}
    for story, norm, norm_e, first_day, last_day in conn.execute(
        f"SELECT id, norm, norm_entities, first_day, last_day FROM corpus_stories WHERE id IN ({marks}) ORDER BY seq",
        stories,
    ):
        score = dots[story] / norm if norm else 0.0
        if has_entities and norm_e:
            score = (1.0 - ENTITY_SHARE) * score + ENTITY_SHARE * dots_e[story] / norm_e
        score = embedding_score(conn, story, embedding, score)  # unchanged without the embeddings extra
        score = _judged(conn, story, score, JOIN_THRESHOLD, features, article_entities, (first_day, last_day), memo)
        if score >= JOIN_THRESHOLD and (best is None or score > best.score):
            best = StoryMatch(story, score, False)
    return best


def best_sibling(conn: sqlite3.Connection, vector: dict[str, float], features: ArticleFeatures) -> StoryMatch | None:
    """The story of the closest earlier article when it is close enough on its own."""
    article_entities = _entities(vector)
    candidates = _shortlist(conn, "corpus_article_terms", "article", "seq", vector)
    if not candidates:
        return None
    articles = candidates
    marks = ",".join("?" * len(articles))
    terms = [t for t in vector if not is_entity_term(t)]
    tmarks = ",".join("?" * len(terms))
    dots: dict[str, float] = defaultdict(float)
    story_of: dict[str, str] = {}
    for article, story, term, weight in conn.execute(
        f"SELECT article, story, term, weight FROM corpus_article_terms WHERE article IN ({marks}) "
        f"AND term IN ({tmarks})",
        [*articles, *terms],
    ):
        dots[article] += weight * vector[term]
        story_of[article] = story
    best: StoryMatch | None = None
    memo: dict[tuple[str, str], bool] = {}
    for article in sorted(a for a, dot in dots.items() if dot >= MEMBER_THRESHOLD):  # decay only lowers
        story = story_of[article]
        span = conn.execute("SELECT first_day, last_day FROM corpus_stories WHERE id = ?", (story,)).fetchone()
        score = _judged(conn, story, dots[article], MEMBER_THRESHOLD, features, article_entities, span, memo)
        if score >= MEMBER_THRESHOLD and (best is None or score > best.score):
            best = StoryMatch(story, score, False)
    return best


def index_article(conn: sqlite3.Connection, article: str, story: str, seq: int, vector: dict[str, float]) -> None:
    """Add an article's word vector to the sibling index."""
    conn.executemany(
        "INSERT INTO corpus_article_terms (term, article, story, weight, seq) VALUES (?, ?, ?, ?, ?)",
        [(t, article, story, w, seq) for t, w in sorted(vector.items()) if not is_entity_term(t)],
    )


def create_story(conn: sqlite3.Connection, story: str, seq: int, title: str | None, day: int | None) -> None:
    """A new, empty story; ``add_to_story`` fills it."""
    conn.execute(
        "INSERT INTO corpus_stories (id, seq, title, first_day, last_day, n_articles, norm, norm_entities) "
        "VALUES (?, ?, ?, ?, ?, 0, 0, 0)",
        (story, seq, title, day, day),
    )


def add_to_story(
    conn: sqlite3.Connection,
    story: str,
    seq: int,
    vector: dict[str, float],
    day: int | None,
    title: str | None,
    lead_keys: frozenset[str] = frozenset(),
) -> None:
    """Fold an article's vector into the story centroid and re-index its heaviest terms."""
    conn.executemany(
        "INSERT INTO corpus_story_leads (story, key, n) VALUES (?, ?, 1) "
        "ON CONFLICT (story, key) DO UPDATE SET n = n + 1",
        [(story, key) for key in sorted(lead_keys)],
    )
    centroid: dict[str, float] = defaultdict(float)
    for term, weight in conn.execute("SELECT term, weight FROM corpus_story_terms WHERE story = ?", (story,)):
        centroid[term] += weight
    for term, weight in vector.items():
        centroid[term] += weight
    norm, norm_e = write_centroid(conn, story, centroid, seq)
    conn.execute(
        "UPDATE corpus_stories SET n_articles = n_articles + 1, norm = ?, norm_entities = ?, "
        "first_day = CASE WHEN first_day IS NULL OR ? < first_day THEN ? ELSE first_day END, "
        "last_day = CASE WHEN last_day IS NULL OR ? > last_day THEN ? ELSE last_day END, "
        "title = COALESCE(title, ?) WHERE id = ?",
        (norm, norm_e, day, day, day, day, title, story),
    )


def write_centroid(conn: sqlite3.Connection, story: str, centroid: dict[str, float], seq: int) -> tuple[float, float]:
    """Index a story centroid's heaviest words and entity keys; their two norms."""
    ranked = sorted(centroid.items(), key=lambda kv: (-kv[1], kv[0]))
    top_words = [kv for kv in ranked if not is_entity_term(kv[0])][:STORY_TERMS]
    top_entities = [kv for kv in ranked if is_entity_term(kv[0])][:STORY_ENTITIES]
    conn.execute("DELETE FROM corpus_story_terms WHERE story = ?", (story,))
    conn.executemany(
        "INSERT INTO corpus_story_terms (term, story, weight, last_seq) VALUES (?, ?, ?, ?)",
        [(term, story, weight, seq) for term, weight in top_words + top_entities],
    )
    return math.sqrt(sum(w * w for _, w in top_words)), math.sqrt(sum(w * w for _, w in top_entities))


def add_copy_to_story(conn: sqlite3.Connection, story: str, day: int | None) -> None:
    """A copy joins its original's story without moving the centroid (it says nothing new)."""
    conn.execute(
        "UPDATE corpus_stories SET n_articles = n_articles + 1, "
        "first_day = CASE WHEN first_day IS NULL OR ? < first_day THEN ? ELSE first_day END, "
        "last_day = CASE WHEN last_day IS NULL OR ? > last_day THEN ? ELSE last_day END WHERE id = ?",
        (day, day, day, day, story),
    )


def _meta_int(conn: sqlite3.Connection, key: str) -> int:
    row = conn.execute("SELECT value FROM corpus_meta WHERE key = ?", (key,)).fetchone()
    return int(row[0]) if row else 0


def _meta_add(conn: sqlite3.Connection, key: str, delta: int) -> None:
    conn.execute(
        "INSERT INTO corpus_meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + ?",
        (key, str(delta), delta),
    )
