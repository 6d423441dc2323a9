"""Per-article cost of corpus assignment (copies, stories, entities, events) at 1k and 10k articles.

Synthetic but news-shaped articles are generated programmatically (no NLP): stories of Zipf-sized
clusters spread over weeks, Zipfian background vocabulary, per-story names and topic words, PLOVER
events with actors and targets, and about one article in ten a syndicated copy with its own
headline and a share line. Each size is ingested into a fresh SQLite file, one transaction per
article, as the store's ingest would. The acceptance check: per-article time at 10k ≤ 2 × at 1k.

    .venv/bin/python bench/corpus_scale.py [--sizes 1000 10000] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from dateline.corpus import assign, ensure_corpus_schema
from dateline.nlp.pipeline import article_id
from dateline.schema import Article, Entity, Event, EventTime, Mention, Span

SYLLABLES = [a + b for a in "bcdfghklmnprstvz" for b in ("a", "e", "i", "o", "u", "ai", "ou")]
TYPES = ["ASSAULT", "CONSULT", "ACCUSE", "AID", "PROTEST", "SANCTION", "AGREE", "THREATEN"]


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables))


class Generator:
    """Deterministic news-shaped articles: stories, names, topic words, copies."""

    def __init__(self, seed: int = 7, vocab: int = 20000) -> None:
        self.rng = random.Random(seed)
        self.vocab = [_word(self.rng, self.rng.randint(1, 4)) for _ in range(vocab)]
        self.weights = [1.0 / (i + 1) for i in range(vocab)]
        self.people = [f"{_word(self.rng, 2).title()} {_word(self.rng, 3).title()}" for _ in range(3000)]
        self.places = [_word(self.rng, 3).title() for _ in range(800)]
        self.stories: list[dict[str, object]] = []
        self.start = date(2025, 1, 1)

    def _story(self, day: int) -> dict[str, object]:
        rng = self.rng
        return {
            "topic": rng.sample(self.vocab[500:], 15),
            "people": rng.sample(self.people, 3),
            "place": rng.choice(self.places),
            "day": day,
            "type": rng.choice(TYPES),
        }

    def article(self, i: int, n_total: int) -> Article:
        rng = self.rng
        day = i * 120 // max(n_total, 1)  # the corpus spans about four months whatever its size
        if not self.stories or rng.random() < 0.3:
            self.stories.append(self._story(day))
        recent = self.stories[-60:]
        story = recent[min(int(rng.paretovariate(1.2)) - 1, len(recent) - 1) * -1 - 1]
        topic: list[str] = story["topic"]  # type: ignore[assignment]
        people: list[str] = story["people"]  # type: ignore[assignment]
        place: str = story["place"]  # type: ignore[assignment]
        paragraphs = []
        for _ in range(rng.randint(4, 8)):
            words = rng.choices(self.vocab, weights=self.weights, k=rng.randint(25, 45))
            for k in range(0, len(words), 4):
                words[k] = rng.choice(topic)
            words.insert(rng.randrange(len(words)), rng.choice(people))
            words.insert(rng.randrange(len(words)), place)
            paragraphs.append(" ".join(words).capitalize() + ".")
        title = " ".join(rng.sample(topic, 5)).capitalize()
        text = "\n\n".join(paragraphs)
        published = (self.start + timedelta(days=day)).isoformat()
        return self._annotated(text, title, published, [*people, place], story)

    def copy_of(self, article: Article) -> Article:
        """A syndicated copy: new headline, a share line, the last paragraph cut."""
        paragraphs = article.text.split("\n\n")
        text = "\n\n".join(["Share this article on social media", *paragraphs[:-1]])
        story = {"type": article.events[0].type.value if article.events else "CONSULT"}
        names = [e.name for e in article.entities]
        return self._annotated(text, "Copy: " + (article.title or ""), article.published or "", names, story)

    def _annotated(self, text: str, title: str, published: str, names: list[str], story: dict[str, object]) -> Article:
        entities = []
        for k, name in enumerate(names, start=1):
            start = text.find(name)
            if start < 0:
                continue
            entities.append(
                Entity(
                    id=f"e{k}",
                    name=name,
                    type="PERSON" if " " in name else "GPE",
                    mentions=[Mention(text=name, start=start, end=start + len(name))],
                )
            )
        events = []
        if len(entities) >= 2:
            trig = text.split()[3]
            events.append(
                Event(
                    id="v1",
                    type=str(story["type"]),
                    trigger=Span(text=trig, start=text.find(trig), end=text.find(trig) + len(trig)),
                    actors=[entities[0].id],
                    targets=[entities[1].id],
                    time=EventTime(text="on Monday", value=published),
                )
            )
        return Article(
            id=article_id(text),
            title=title,
            text=text,
            published=published,
            entities=entities,
            events=events,
            source_path=f"synthetic/{article_id(text)[:8]}.txt",
        )


def articles(n: int, seed: int = 7) -> list[Article]:
    """n synthetic articles, about one in ten a syndicated copy of a recent one."""
    gen = Generator(seed)
    out: list[Article] = []
    for i in range(n):
        if out and gen.rng.random() < 0.1:
            out.append(gen.copy_of(gen.rng.choice(out[-50:])))
        else:
            out.append(gen.article(i, n))
    return out


def ingest(batch: list[Article], path: Path) -> tuple[list[float], float, int, int]:
    """Assign every article into a fresh file database, one transaction each.

    Returns the wall seconds per article, the CPU seconds of the whole run (steadier than wall
    time on a shared machine), the copies found and the stories formed.
    """
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA cache_size=-131072")  # 128 MiB of page cache, as a long-running ingest would set
    ensure_corpus_schema(conn)
    conn.commit()
    times = []
    cpu0 = time.process_time()
    for article in batch:
        t0 = time.perf_counter()
        assign(conn, article)
        conn.commit()
        times.append(time.perf_counter() - t0)
    cpu = time.process_time() - cpu0
    copies = conn.execute("SELECT COUNT(*) FROM corpus_assignments WHERE duplicate_of IS NOT NULL").fetchone()[0]
    stories = conn.execute("SELECT COUNT(*) FROM corpus_stories").fetchone()[0]
    conn.close()
    return times, cpu, copies, stories


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--json", metavar="FILE")
    args = ap.parse_args()
    results: dict[str, object] = {}
    per_article: dict[int, float] = {}
    for n in args.sizes:
        batch = articles(n)
        with tempfile.TemporaryDirectory() as tmp:
            times, cpu, copies, stories = ingest(batch, Path(tmp) / "corpus.db")
        tail = times[-min(1000, n) :]
        per_article[n] = cpu / n
        results[str(n)] = {
            "articles": n,
            "cpu_ms_per_article": round(1000 * cpu / n, 3),
            "ms_per_article_mean": round(1000 * statistics.fmean(times), 3),
            "ms_per_article_median": round(1000 * statistics.median(times), 3),
            "ms_per_article_last_1000": round(1000 * statistics.fmean(tail), 3),
            "copies_found": copies,
            "stories": stories,
        }
        print(f"{n:>6} articles: {results[str(n)]}", flush=True)
    if len(per_article) >= 2:
        small, large = min(per_article), max(per_article)
        ratio = per_article[large] / per_article[small]
        results["cpu_ratio_large_to_small"] = round(ratio, 3)
        wall = {n: results[str(n)]["ms_per_article_mean"] for n in per_article}  # type: ignore[index]
        results["wall_ratio_large_to_small"] = round(wall[large] / wall[small], 3)
        results["ok"] = ratio <= 2.0
        print(f"per-article CPU time at {large} / at {small}: {ratio:.2f} (must be <= 2.0)")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
