"""Story clustering: B-cubed P/R/F1 of dateline's incremental stories against gold story labels.

- ECB+ (topics 1–35 shared; dev = the conventional dev topics): gold story = subtopic, i.e. topic
  plus ``ecb`` or ``ecbplus`` (two different events of the same kind per topic).
- Giveme5W1H news_cluster (shared portion): gold story = ``EventId``.
Articles are built by running dateline's own cleaning-free NLP (``dateline.nlp.pipeline.annotate``)
on the texts, then assigned one by one (``dateline.corpus.assign``) to an in-memory corpus. The same
run reports a crude TF-IDF single-link baseline. Nothing is cached unless ``--cache DIR`` is given:
then annotated articles are kept there as JSON, keyed by a hash of the document and of the NLP
layer's source code (so a changed pipeline re-annotates); keep DIR outside the repository.

The optional embedding feature (``dateline[embeddings]``) is off by default so the gated figures do
not depend on what is installed; ``--embeddings both`` scores the same annotated articles without and
with it (``embeddings_bcubed_*``) and reports the encoder's cost per article.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import os
import random
import re
import sqlite3
import sys
import time
from collections import Counter, defaultdict
from dataclasses import asdict
from pathlib import Path
from xml.etree import ElementTree

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import b_cubed, dataset, fingerprint, parser, report, skip
from dateline.clean import CleanDocument
from dateline.corpus import assign, assignment, ensure_corpus_schema
from dateline.corpus import embeddings as corpus_embeddings
from dateline.corpus.text import content_terms
from dateline.nlp.pipeline import annotate
from dateline.schema import Article

ECB_DEV_TOPICS = (2, 5, 12, 18, 21, 23, 34, 35)
BASELINE_THRESHOLD = 0.3
_MONTHS = "january february march april may june july august september october november december".split()  # noqa: SIM905
_DATE = re.compile(r"\b(" + "|".join(m[:3] for m in _MONTHS) + r")[a-z]*\.? (\d{1,2}) ?,? (\d{4})", re.I)


def _detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r" ([,.;:!?%)\]'])", r"\1", text)
    text = re.sub(r"([(\[$]) ", r"\1", text)
    return text.replace(" n't", "n't").replace(" 's", "'s")


def _ecb_date(line: str) -> str | None:
    m = _DATE.search(line)
    if not m:
        return None
    month = [x[:3] for x in _MONTHS].index(m.group(1)[:3].lower()) + 1
    day = int(m.group(2))
    return f"{int(m.group(3)):04d}-{month:02d}-{day:02d}" if 1 <= day <= 31 else None


def ecb_documents(root: Path, topics: set[int]) -> list[tuple[str, str, CleanDocument]]:
    """(doc id, gold subtopic, document) for the ECB+ files of the given topics."""
    out = []
    for path in sorted(root.glob("ECB+/*/*.xml.gz")):
        topic = int(path.parent.name)
        if topic not in topics:
            continue
        doc_id = path.name.removesuffix(".xml.gz")
        part = "ecbplus" if doc_id.endswith("ecbplus") else "ecb"
        with gzip.open(path) as fh:
            tree = ElementTree.parse(fh)
        sentences: dict[int, list[str]] = defaultdict(list)
        for tok in tree.getroot().iter("token"):
            sentences[int(tok.get("sentence", "0"))].append(tok.text or "")
        lines = [_detokenize(sentences[k]) for k in sorted(sentences)]
        title, published = None, None
        if part == "ecbplus":  # sentence 0 is the source URL, 1 the headline, 2 usually the date line
            lines = lines[1:]
            if len(lines) > 1 and _ecb_date(lines[0]) and not _ecb_date(lines[1]):
                lines[0], lines[1] = lines[1], lines[0]  # some pages give the date line first, then the headline
            title = lines[0] if lines else None
            published = _ecb_date(lines[1]) if len(lines) > 1 else None
            lines = lines[1:]
        clean = CleanDocument(text="\n".join(lines), title=title, published=published, source_path=doc_id)
        out.append((doc_id, f"{topic}{part}", clean))
    return out


def giveme_documents(root: Path) -> list[tuple[str, str, CleanDocument]]:
    """(doc id, gold EventId, document) for the Giveme5W1H news_cluster articles."""
    out = []
    for path in sorted(root.glob("data/*.json")):
        raw = json.loads(path.read_text())
        label = raw["newsCluster"]
        event = label["EventId"] if isinstance(label, dict) else re.search(r"'EventId': (\d+)", label).group(1)
        published = raw.get("date_publish")
        published = None if published in (None, "None") else str(published)[:10]
        clean = CleanDocument(
            text=raw.get("text") or "",
            title=raw.get("title"),
            published=published,
            url=raw.get("url"),
            site=raw.get("source_domain"),
            source_path=path.stem,
        )
        out.append((path.stem, str(event), clean))
    return out


def tfidf_single_link(texts: dict[str, str], threshold: float) -> dict[str, str]:
    """The crude baseline: TF-IDF cosine over all pairs, single link above a threshold."""
    bags = {k: Counter(content_terms(v)) for k, v in texts.items()}
    df: Counter[str] = Counter()
    for bag in bags.values():
        df.update(bag.keys())
    n = len(bags)
    vecs = {}
    for k, bag in bags.items():
        v = {t: (1 + math.log(c)) * math.log(n / df[t]) for t, c in bag.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs[k] = {t: x / norm for t, x in v.items()}
    keys = sorted(vecs)
    parent = {k: k for k in keys}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, a in enumerate(keys):
        va = vecs[a]
        for b in keys[i + 1 :]:
            vb = vecs[b]
            small, big = (va, vb) if len(va) < len(vb) else (vb, va)
            if sum(w * big.get(t, 0.0) for t, w in small.items()) >= threshold:
                parent[find(a)] = find(b)
    return {k: find(k) for k in keys}


def _nlp_version() -> str:
    """A hash of the NLP layer's code and data, so cached annotations go stale when it changes."""
    import dateline.nlp

    h = hashlib.sha256()
    root = Path(dateline.nlp.__file__).parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".json", ".tsv", ".txt"}:
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def annotate_cached(cleans: list[CleanDocument], cache: Path | None) -> list[Article]:
    """Annotated articles in input order, read from and written to ``cache`` when one is given."""
    if cache is None:
        return list(annotate(cleans))
    cache.mkdir(parents=True, exist_ok=True)
    version = _nlp_version()
    paths = [
        cache
        / (
            hashlib.sha256((version + "\0" + json.dumps(asdict(c), sort_keys=True, default=str)).encode()).hexdigest()[
                :32
            ]
            + ".json"
        )
        for c in cleans
    ]
    missing = [i for i, p in enumerate(paths) if not p.exists()]
    for i, article in zip(missing, annotate([cleans[i] for i in missing]), strict=True):
        paths[i].write_text(article.model_dump_json(by_alias=True))
    return [Article.model_validate_json(p.read_text()) for p in paths]


def assign_all(articles: list[Article], embeddings: bool) -> tuple[list[str], float, float]:
    """Stories of the articles in order, in a fresh corpus; (stories, encode seconds, assign seconds)."""
    os.environ[corpus_embeddings.ENV_SWITCH] = "on" if embeddings else "off"
    conn = sqlite3.connect(":memory:")
    ensure_corpus_schema(conn)
    t0 = time.perf_counter()
    corpus_embeddings.prime(conn, articles)  # batched; a no-op when off
    t_encode = time.perf_counter() - t0
    t0 = time.perf_counter()
    for article in articles:
        assign(conn, article)
    elapsed = time.perf_counter() - t0
    # Read after the last article: a story split as it grew may have moved earlier articles.
    stories = [assignment_story(conn, article.id) for article in articles]
    return stories, t_encode, elapsed


def assignment_story(conn: sqlite3.Connection, article_id: str) -> str:
    """The story an article is in now."""
    found = assignment(conn, article_id)
    assert found is not None, article_id
    return found.story


def run_corpus(
    docs: list[tuple[str, str, CleanDocument]],
    order_seed: int | None,
    embeddings: str = "off",
    cache: Path | None = None,
    orders: int = 1,
) -> dict[str, object]:
    """Annotate, assign in arrival order, score against gold; the baseline beside it.

    ``orders`` > 1 (undated corpora only) also scores the seeded arrival orders ``order_seed`` ..
    ``order_seed + orders - 1`` and reports their mean and minimum: incremental clustering depends on
    which article of a story comes first, and one order can be lucky.
    """
    original = list(docs)
    if order_seed is None:  # real arrival order: by publication date, then id
        docs = sorted(docs, key=lambda d: (d[2].published or "", d[0]))
    else:
        docs = list(docs)
        random.Random(order_seed).shuffle(docs)
    t0 = time.perf_counter()
    articles = annotate_cached([d[2] for d in docs], cache)
    t_nlp = time.perf_counter() - t0
    stories, _, t_assign = assign_all(articles, embeddings == "on")
    predicted = {d[0]: story for d, story in zip(docs, stories, strict=True)}
    gold = {d[0]: d[1] for d in docs}
    p, r, f = b_cubed(gold, predicted)
    base = tfidf_single_link({d[0]: f"{d[2].title or ''}\n{d[2].text}" for d in docs}, BASELINE_THRESHOLD)
    bp, br, bf = b_cubed(gold, base)
    extra: dict[str, object] = {"embeddings": embeddings}
    if embeddings == "both" and not corpus_embeddings.installed():
        extra["embeddings"] = "both: not installed, scored without"
    elif embeddings == "both":
        t0 = time.perf_counter()
        corpus_embeddings.encode(["warm-up"])  # the one-off model load, reported apart
        t_load = time.perf_counter() - t0
        with_stories, t_encode, t_assign_e = assign_all(articles, True)
        ep, er, ef = b_cubed(gold, {d[0]: s for d, s in zip(docs, with_stories, strict=True)})
        extra.update(
            {
                "embeddings_bcubed_precision": round(ep, 4),
                "embeddings_bcubed_recall": round(er, 4),
                "embeddings_bcubed_f1": round(ef, 4),
                "embeddings_delta_f1": round(ef - f, 4),
                "embeddings_model_load_seconds": round(t_load, 1),
                "embeddings_encode_ms_per_article": round(1000 * t_encode / max(1, len(docs)), 1),
                "embeddings_assign_ms_per_article": round(1000 * t_assign_e / max(1, len(docs)), 1),
                "assign_ms_per_article": round(1000 * t_assign / max(1, len(docs)), 1),
            }
        )
    if order_seed is not None and orders > 1:
        by_id = {d[0]: article for d, article in zip(docs, articles, strict=True)}
        scores = [f]
        for seed in range(order_seed + 1, order_seed + orders):
            shuffled = list(original)
            random.Random(seed).shuffle(shuffled)
            seed_stories, _, _ = assign_all([by_id[d[0]] for d in shuffled], embeddings == "on")
            scores.append(b_cubed(gold, {d[0]: s for d, s in zip(shuffled, seed_stories, strict=True)})[2])
        extra.update(
            {
                "orders": orders,
                "bcubed_f1_mean_orders": round(sum(scores) / len(scores), 4),
                "bcubed_f1_min_orders": round(min(scores), 4),
            }
        )
    os.environ.pop(corpus_embeddings.ENV_SWITCH, None)
    return {
        "docs": len(docs),
        "gold_stories": len(set(gold.values())),
        "predicted_stories": len(set(predicted.values())),
        "bcubed_precision": round(p, 4),
        "bcubed_recall": round(r, 4),
        "bcubed_f1": round(f, 4),
        "baseline_tfidf_single_link_f1": round(bf, 4),
        "baseline_precision": round(bp, 4),
        "baseline_recall": round(br, 4),
        "nlp_seconds": round(t_nlp, 1),
        "assign_seconds": round(t_assign, 2),
        **extra,
    }


def main() -> None:
    ap = parser(__doc__ or "")
    ap.add_argument("--dataset", choices=("ecbplus", "giveme"), required=True)
    ap.add_argument("--split", choices=("dev", "train", "all"), default="dev", help="ECB+ topics to score")
    ap.add_argument("--seed", type=int, default=0, help="ECB+ arrival order (no dates): seeded shuffle")
    ap.add_argument("--orders", type=int, default=1, help="ECB+: also score this many seeded orders (mean, min)")
    ap.add_argument("--embeddings", choices=("off", "on", "both"), default="off", help="the optional embedding feature")
    ap.add_argument("--cache", type=Path, help="keep annotated articles in this folder (outside the repo)")
    args = ap.parse_args()
    name = f"stories-{args.dataset}"
    if args.dataset == "ecbplus":
        root = dataset("ecbplus")
        if root is None:
            skip(name, "ecbplus absent", args.json)
            return
        present = {int(p.name) for p in (root / "ECB+").iterdir() if p.name.isdigit()}
        dev = set(ECB_DEV_TOPICS) & present
        topics = {"dev": dev, "train": present - dev, "all": present}[args.split]
        docs = ecb_documents(root, topics)
        files = [root / "doc_index.tsv"]
        seed: int | None = args.seed
    else:
        root = dataset("giveme5w1h-newscluster")
        if root is None:
            skip(name, "giveme5w1h-newscluster absent", args.json)
            return
        docs = giveme_documents(root)
        files = sorted((root / "data").glob("*.json"))
        seed = None
    if args.limit:
        docs = docs[: args.limit]
    metrics = run_corpus(docs, seed, args.embeddings, args.cache, args.orders)
    metrics["fingerprint"] = fingerprint(files)
    metrics["split"] = args.split if args.dataset == "ecbplus" else "shared"
    report(name, metrics, args.json)


if __name__ == "__main__":
    main()
