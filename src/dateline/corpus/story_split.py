"""Splitting a story that has turned out to be two: the re-homing half of incremental clustering.

A story is joined one article at a time, so the first report of a second event of the same kind (the
champion's next title defence, the next jewel heist on the same avenue, the next cable cut off the
same coast) can join the first event's story while that story is small, and its followers then join
the blend. As the story grows, the evidence that it is two shows: read against the story itself
(terms every member shares weigh nothing, terms a few members share weigh most), its members fall
into two groups that each share their own specifics (the opponent, the venue, the year) and hardly
anything across. Such a story is cut in two; the half that holds the story's first article keeps it.

Only the newest ``SPLIT_WINDOW`` members are read, and a story larger than that has the moved members
taken out of it rather than being rebuilt, so the work per article is bounded.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from dateline.corpus.embeddings import MODEL
from dateline.corpus.features import is_entity_term

# Members read when checking a story (newest first), and the smallest group a split may leave.
SPLIT_WINDOW = 60
SPLIT_MIN_GROUP = 6
# A story splits when the mean similarity across the two groups is at most this share of the mean
# similarity within them (one story told from many angles stays well above it).
SPLIT_RATIO = 0.35
# Share of the similarity from entity keys when both members name some (as for joining a story).
SPLIT_ENTITY_SHARE = 0.4
# Rounds of reassignment after the first cut.
SPLIT_ROUNDS = 10


@dataclass(frozen=True)
class Member:
    """One story member as the split check reads it."""

    article: str
    seq: int
    day: int | None
    title: str | None
    lead_keys: frozenset[str]
    vector: dict[str, float]


def story_relative(vectors: Sequence[dict[str, float]]) -> list[dict[str, float]]:
    """The vectors reweighted against the story: a term's weight times log(n / members naming it).

    Terms all members share count nothing and terms only one member has are dropped; words and
    entity keys are each unit-length again.
    """
    n = len(vectors)
    df = Counter(t for v in vectors for t in v)
    out: list[dict[str, float]] = []
    for v in vectors:
        kept = {t: w * math.log(n / df[t]) for t, w in v.items() if 2 <= df[t] < n}
        norm_w = math.sqrt(sum(x * x for t, x in kept.items() if not is_entity_term(t))) or 1.0
        norm_e = math.sqrt(sum(x * x for t, x in kept.items() if is_entity_term(t))) or 1.0
        out.append({t: x / (norm_e if is_entity_term(t) else norm_w) for t, x in kept.items()})
    return out


def similarity_matrix(vectors: Sequence[dict[str, float]]) -> np.ndarray:
    """Pairwise similarity: words, blended with entity keys where both members name some."""
    terms = sorted({t for v in vectors for t in v})
    col = {t: i for i, t in enumerate(terms)}
    words = np.zeros((len(vectors), len(terms)))
    ents = np.zeros((len(vectors), len(terms)))
    for i, v in enumerate(vectors):
        for t, w in v.items():
            (ents if is_entity_term(t) else words)[i, col[t]] = w
    sim_w = words @ words.T
    sim_e = ents @ ents.T
    has_e = ents.any(axis=1)
    both = np.outer(has_e, has_e)
    return np.where(both, (1.0 - SPLIT_ENTITY_SHARE) * sim_w + SPLIT_ENTITY_SHARE * sim_e, sim_w)


def _ratio(sim: np.ndarray, labels: np.ndarray) -> float:
    """Mean similarity across the two groups over mean similarity within them (inf when undefined)."""
    a = labels == 0
    b = ~a
    within_pairs = a.sum() * (a.sum() - 1) + b.sum() * (b.sum() - 1)
    if not a.any() or not b.any() or not within_pairs:
        return math.inf
    inner = (
        sim[np.ix_(a, a)].sum() - np.trace(sim[np.ix_(a, a)]) + sim[np.ix_(b, b)].sum() - np.trace(sim[np.ix_(b, b)])
    )
    within = inner / within_pairs
    return float(sim[np.ix_(a, b)].mean() / within) if within > 0 else math.inf


def _refined(sim: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Each member moved to the group it is closer to on average, until nothing moves."""
    for _ in range(SPLIT_ROUNDS):
        if labels.min() == labels.max():
            break
        to0 = sim[:, labels == 0].mean(axis=1)
        to1 = sim[:, labels == 1].mean(axis=1)
        new = (to1 > to0).astype(int)
        if (new == labels).all():
            break
        labels = new
    return labels


def two_groups(sim: np.ndarray) -> np.ndarray:
    """Labels 0/1: the least similar pair of members as seeds, then each member to the group it is
    closer to on average, until nothing moves."""
    n = len(sim)
    i, j = np.unravel_index(int(np.argmin(sim + np.eye(n) * 1e9)), sim.shape)
    return _refined(sim, (sim[:, j] > sim[:, i]).astype(int))


def bimodal_split(vectors: Sequence[dict[str, float]]) -> list[int] | None:
    """Group labels (0 for the group of the first vector) when the vectors form two stories, else None."""
    if len(vectors) < 2 * SPLIT_MIN_GROUP:
        return None
    sim = similarity_matrix(story_relative(vectors))
    labels = two_groups(sim)
    if min((labels == 0).sum(), (labels == 1).sum()) < SPLIT_MIN_GROUP or _ratio(sim, labels) > SPLIT_RATIO:
        return None
    out = [int(x) for x in labels]
    return out if out[0] == 0 else [1 - x for x in out]


def add_member(
    conn: sqlite3.Connection,
    article: str,
    story: str,
    seq: int,
    day: int | None,
    title: str | None,
    lead_keys: frozenset[str],
    vector: dict[str, float],
) -> None:
    """Record a story member with what a split needs to rebuild its story (its vector as it joined)."""
    conn.execute(
        "INSERT INTO corpus_story_members (article, story, seq, day, title, lead_keys, vector) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            article,
            story,
            seq,
            day,
            title,
            json.dumps(sorted(lead_keys)),
            json.dumps(vector, sort_keys=True),
        ),
    )


def members(conn: sqlite3.Connection, story: str, limit: int | None = None) -> list[Member]:
    """A story's members in arrival order (only the newest ``limit`` when given)."""
    rows = conn.execute(
        "SELECT article, seq, day, title, lead_keys, vector FROM corpus_story_members WHERE story = ? "
        "ORDER BY seq DESC LIMIT ?",
        (story, -1 if limit is None else limit),
    ).fetchall()
    return [Member(a, s, d, t, frozenset(json.loads(k)), json.loads(v)) for a, s, d, t, k, v in reversed(rows)]


def check_split(conn: sqlite3.Connection, story: str) -> str | None:
    """Split the story when its newest members form two stories; the new story's id, or None."""
    # Index lookups only: the work stays the same however large the story or the corpus grows.
    row = conn.execute("SELECT seq, n_articles FROM corpus_stories WHERE id = ?", (story,)).fetchone()
    if row is None or row[1] < 2 * SPLIT_MIN_GROUP:
        return None
    # A story founded before members were kept (a store from an earlier version) holds articles
    # without a member row, so its centroid cannot be rebuilt: every member row is newer than it.
    oldest = conn.execute("SELECT seq FROM corpus_story_members ORDER BY seq LIMIT 1").fetchone()
    if oldest is None or row[0] < oldest[0]:
        return None
    window = members(conn, story, SPLIT_WINDOW + 1)
    whole = len(window) <= SPLIT_WINDOW  # one more than the window read: whether the story is larger
    window = window[-SPLIT_WINDOW:]
    labels = bimodal_split([m.vector for m in window])
    if labels is None:
        return None
    moved = [m for m, label in zip(window, labels, strict=True) if label == 1]
    new_story = "S" + moved[0].article[:15]
    if conn.execute("SELECT 1 FROM corpus_stories WHERE id = ?", (new_story,)).fetchone():
        return None
    move_members(conn, story, new_story, moved, whole=whole)
    return new_story


def move_members(conn: sqlite3.Connection, story: str, new_story: str, moved: list[Member], whole: bool = True) -> None:
    """Move members (and their copies, and the events mostly theirs) to a new story; rebuild both.

    ``whole``: the old story is rebuilt from all its members; otherwise (a story larger than the
    window) the moved members are taken out of it, so the work stays bounded."""
    ids = [m.article for m in moved]
    marks = ",".join("?" * len(ids))
    conn.execute(
        "INSERT INTO corpus_stories (id, seq, title, first_day, last_day, n_articles, norm, norm_entities) "
        "VALUES (?, ?, NULL, NULL, NULL, 0, 0, 0)",
        (new_story, moved[0].seq),
    )
    conn.execute(f"UPDATE corpus_story_members SET story = ? WHERE article IN ({marks})", [new_story, *ids])
    conn.execute(f"UPDATE corpus_article_terms SET story = ? WHERE article IN ({marks})", [new_story, *ids])
    conn.execute(
        f"UPDATE corpus_assignments SET story = ? WHERE story = ? AND (article IN ({marks}) "
        f"OR duplicate_of IN ({marks}))",
        [new_story, story, *ids, *ids],
    )
    _move_events(conn, story, new_story)
    if whole:
        rebuild_story(conn, story)
    else:
        shrink_story(conn, story, moved)
    rebuild_story(conn, new_story)


def shrink_story(conn: sqlite3.Connection, story: str, moved: list[Member]) -> None:
    """Take moved members out of a story's centroid, lead counts and embedding; recount its size and span."""
    from dateline.corpus.stories import write_centroid  # stories imports this module

    centroid: dict[str, float] = defaultdict(float)
    for term, weight in conn.execute("SELECT term, weight FROM corpus_story_terms WHERE story = ?", (story,)):
        centroid[term] += weight
    for m in moved:
        for term, weight in m.vector.items():
            if term in centroid:
                centroid[term] -= weight
    kept = {t: w for t, w in centroid.items() if w > 1e-9}
    (last_seq,) = conn.execute("SELECT MAX(seq) FROM corpus_story_members WHERE story = ?", (story,)).fetchone()
    norm, norm_e = write_centroid(conn, story, kept, int(last_seq))
    leads = Counter(k for m in moved for k in m.lead_keys)
    conn.executemany(
        "UPDATE corpus_story_leads SET n = n - ? WHERE story = ? AND key = ?",
        sorted((n, story, k) for k, n in leads.items()),
    )
    conn.execute("DELETE FROM corpus_story_leads WHERE story = ? AND n <= 0", (story,))
    n_articles, first_day, last_day = _size_and_span(conn, story)
    conn.execute(
        "UPDATE corpus_stories SET first_day = ?, last_day = ?, n_articles = ?, norm = ?, norm_entities = ? "
        "WHERE id = ?",
        (first_day, last_day, n_articles, norm, norm_e, story),
    )
    row = conn.execute("SELECT vector FROM corpus_story_embeddings WHERE story = ?", (story,)).fetchone()
    if row is not None:
        total = np.frombuffer(row[0], dtype=np.float32).copy()
        ids = [m.article for m in moved]
        marks = ",".join("?" * len(ids))
        for (blob,) in conn.execute(
            f"SELECT vector FROM corpus_embeddings WHERE model = ? AND article IN ({marks})", [MODEL, *ids]
        ):
            total -= np.frombuffer(blob, dtype=np.float32)
        conn.execute("UPDATE corpus_story_embeddings SET vector = ? WHERE story = ?", (total.tobytes(), story))


def _size_and_span(conn: sqlite3.Connection, story: str) -> tuple[int, int | None, int | None]:
    """How many articles (copies included) a story holds, and its first and last day."""
    n_articles, first_day, last_day = conn.execute(
        "SELECT COUNT(*), MIN(c.day), MAX(c.day) FROM corpus_assignments AS a JOIN corpus_articles AS c "
        "ON c.id = a.article WHERE a.story = ?",
        (story,),
    ).fetchone()
    return int(n_articles), first_day, last_day


def _move_events(conn: sqlite3.Connection, story: str, new_story: str) -> None:
    """Each event of the old story goes where most of its reports' articles now are."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for event, home in conn.execute(
        "SELECT r.event, a.story FROM corpus_events AS e JOIN corpus_event_reports AS r ON r.event = e.id "
        "JOIN corpus_assignments AS a ON a.article = r.article WHERE e.story = ?",
        (story,),
    ):
        votes[event][home] += 1
    moving = sorted(e for e, c in votes.items() if c[new_story] > c[story])
    conn.executemany("UPDATE corpus_events SET story = ? WHERE id = ?", [(new_story, e) for e in moving])


def rebuild_story(conn: sqlite3.Connection, story: str) -> None:
    """Recompute a story's centroid, lead counts, span, title and size from its members and copies."""
    from dateline.corpus.stories import write_centroid  # stories imports this module

    group = members(conn, story)
    centroid: dict[str, float] = defaultdict(float)
    leads: Counter[str] = Counter()
    for m in group:
        for term, weight in m.vector.items():
            centroid[term] += weight
        leads.update(m.lead_keys)
    last_seq = max(m.seq for m in group)
    norm, norm_e = write_centroid(conn, story, centroid, last_seq)
    conn.execute("DELETE FROM corpus_story_leads WHERE story = ?", (story,))
    conn.executemany(
        "INSERT INTO corpus_story_leads (story, key, n) VALUES (?, ?, ?)",
        sorted((story, k, n) for k, n in leads.items()),
    )
    n_articles, first_day, last_day = _size_and_span(conn, story)
    title = next((m.title for m in group if m.title), None)
    conn.execute(
        "UPDATE corpus_stories SET seq = ?, title = ?, first_day = ?, last_day = ?, n_articles = ?, norm = ?, "
        "norm_entities = ? WHERE id = ?",
        (group[0].seq, title, first_day, last_day, n_articles, norm, norm_e, story),
    )
    _rebuild_embedding(conn, story)


def _rebuild_embedding(conn: sqlite3.Connection, story: str) -> None:
    """The story's embedding sum again from its members' stored vectors (when the extra kept any)."""
    if not conn.execute("SELECT 1 FROM corpus_story_embeddings LIMIT 1").fetchone():
        return
    total: np.ndarray | None = None
    for (blob,) in conn.execute(
        "SELECT e.vector FROM corpus_embeddings AS e JOIN corpus_story_members AS m ON m.article = e.article "
        "WHERE m.story = ? AND e.model = ? ORDER BY m.seq",
        (story, MODEL),
    ):
        vector = np.frombuffer(blob, dtype=np.float32)
        total = vector.copy() if total is None else total + vector
    conn.execute("DELETE FROM corpus_story_embeddings WHERE story = ?", (story,))
    if total is not None:
        conn.execute(
            "INSERT INTO corpus_story_embeddings (story, vector) VALUES (?, ?)",
            (story, total.astype(np.float32).tobytes()),
        )
