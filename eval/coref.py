"""Cross-document entity and event coreference on MEANTIME (shared portion), B-cubed.

The 90 shared MEANTIME documents (Wikinews; topics airbus, apple, gm) go through dateline as a
user would run it: each document's text is annotated by ``dateline.nlp.pipeline.annotate`` and the
articles are assigned one by one, in publication order, to one in-memory corpus
(``dateline.corpus.assign``), which merges entities and events across articles. The corpus tables
``corpus_entity_mentions`` and ``corpus_event_reports`` then say which corpus entity or event each
article entity or event became.

Gold. An ENTITY_MENTION or EVENT_MENTION refers (REFERS_TO) to an ENTITY or EVENT node; nodes that
carry a corpus-level ``instance_id`` are the cross-document clusters, the others are clusters of one
document. A mention without REFERS_TO is a cluster of its own.

Alignment. The text is rebuilt from the tokens (title line, date line, body). A predicted entity
mention (or event trigger) covers the gold tokens its characters overlap; gold and predicted
mentions are paired one-to-one by token Dice, best first. An entity pair must cover the gold
mention's head, taken as its last token before a preposition, comma, bracket or relative pronoun
(so "Apple" does not take "Apple headquarters at Cupertino" nor "a Boeing 747", while "Boeing" takes
"aircraft manufacturer Boeing"); an event pair needs any overlap (gold event mentions are mostly
one token).

Scores. Missing mentions are reported, not hidden:
- ``*_mention_recall``: share of gold mentions we aligned (``entity_name_mention_recall``: of the
  gold names, syntactic type NAM/PRE.NAM, the only kind dateline's entity layer extracts).
- ``*_bcubed_*``: B-cubed over the gold mentions we found (gold clusters restricted to them): how
  well what we extract is linked, within and across documents.
- ``*_all_bcubed_*``: standard B-cubed over every gold mention, an unmatched gold mention being a
  singleton of the response: it pays for missed mentions in recall.
Baselines in the same run, on the same article entities and events (only the cross-article step
differs): entities merged by exact canonical name and type group (``baseline_exact_name_*``), or not
merged at all (``baseline_no_merge_*``); events merged when they share the PLOVER type and the day
(event day, else publication day: ``baseline_type_day_*``), or not merged (``baseline_no_merge_*``).
The optional embeddings extra is switched off (``DATELINE_EMBEDDINGS=off``) so the figures do not
depend on what is installed.
"""

from __future__ import annotations

import os
import sqlite3
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from common import b_cubed, dataset, fingerprint, parser, report, skip
from dateline.clean import CleanDocument
from dateline.corpus import assign, ensure_corpus_schema
from dateline.corpus.entities import name_tokens, type_group
from dateline.corpus.events import event_day
from dateline.corpus.features import publication_day
from dateline.nlp.pipeline import annotate
from dateline.schema import Article
from entities import meantime_tokens

os.environ["DATELINE_EMBEDDINGS"] = "off"
NAME_SYNTAX = {"NAM", "PRE.NAM"}
# Tokens that end a noun phrase's head part: the head is the last token before the first of them.
HEAD_STOP = {"of", "at", "in", "on", "for", "from", "with", "by", "to", ",", "(", "who", "which", "that", "-"}


@dataclass(frozen=True)
class GoldMention:
    """One gold mention: its document, tokens and cluster."""

    id: str
    tokens: frozenset[int]
    cluster: str
    name: bool = False
    head: int | None = None  # the token a matching prediction must cover (entities)
    syntax: str = ""  # MEANTIME's syntactic_type: NAM, PRE.NAM, NOM, PRO, …


@dataclass
class GoldDoc:
    """A MEANTIME document rebuilt as text, with its gold entity and event mentions."""

    name: str
    text: str
    title: str
    published: str | None
    token_spans: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, token id)
    entities: list[GoldMention] = field(default_factory=list)
    events: list[GoldMention] = field(default_factory=list)

    def tokens_of(self, start: int, end: int) -> frozenset[int]:
        """The token ids whose characters overlap [start, end)."""
        return frozenset(t for s, e, t in self.token_spans if s < end and start < e)


def read_doc(path: Path) -> GoldDoc:
    """Text, title, creation date and gold mentions of one MEANTIME document."""
    root = ET.parse(path).getroot()
    text, tokens = meantime_tokens(root)
    spans: list[tuple[int, int, int]] = []
    sentences: dict[int, list[str]] = defaultdict(list)
    words: dict[int, str] = {}
    for tok in tokens:
        tid = int(tok.tid or "0")
        spans.append((tok.start, tok.end, tid))
        sentences[tok.sentence].append(tok.word)
        words[tid] = tok.word
    first = min(sentences) if sentences else 0
    title = text.split("\n", 1)[0] if sentences.get(first) else ""
    markables = root.find("Markables")
    relations = root.find("Relations")
    published = None
    nodes: dict[str, str] = {}  # instance node m_id -> cluster key
    doc = path.stem
    if markables is not None:
        for mark in markables:
            if mark.tag == "TIMEX3" and mark.get("functionInDocument") == "CREATION_TIME":
                published = mark.get("value")
            if mark.tag in ("ENTITY", "EVENT"):
                m_id = mark.get("m_id", "")
                nodes[m_id] = mark.get("instance_id") or f"{doc}#{m_id}"
    refers: dict[str, str] = {}
    if relations is not None:
        for rel in relations.iter("REFERS_TO"):
            target = rel.find("target")
            if target is None:
                continue
            for src in rel.findall("source"):
                refers[src.get("m_id", "")] = target.get("m_id", "")
    entities: list[GoldMention] = []
    events: list[GoldMention] = []
    if markables is not None:
        for mark in markables:
            if mark.tag not in ("ENTITY_MENTION", "EVENT_MENTION"):
                continue
            m_id = mark.get("m_id", "")
            tokens = frozenset(int(a.get("t_id", "0")) for a in mark.iter("token_anchor"))
            if not tokens:
                continue
            cluster = nodes.get(refers.get(m_id, ""), f"{doc}#m{m_id}")
            name = mark.get("syntactic_type") in NAME_SYNTAX
            head = mention_head(sorted(tokens), words) if mark.tag == "ENTITY_MENTION" else None
            syntax = mark.get("syntactic_type") or ""
            mention = GoldMention(f"{doc}:{m_id}", tokens, cluster, name, head, syntax)
            (entities if mark.tag == "ENTITY_MENTION" else events).append(mention)
    return GoldDoc(doc, text, title, published, spans, entities, events)


def mention_head(tokens: list[int], words: dict[int, str]) -> int:
    """The mention's head: its last token before the first preposition, comma or relative pronoun."""
    head = tokens[0]
    for t in tokens[1:]:
        if words.get(t, "").lower() in HEAD_STOP:
            break
        head = t
    return head


def dice(a: frozenset[int], b: frozenset[int]) -> float:
    """Token Dice coefficient of two mentions."""
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def align(gold: list[GoldMention], pred: list[tuple[frozenset[int], str]]) -> dict[str, str]:
    """Gold mention id -> predicted cluster, one-to-one, best Dice first (covering the head if any)."""
    pairs = sorted(
        (
            (dice(g.tokens, p[0]), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(pred)
            if (g.head in p[0] if g.head is not None else bool(g.tokens & p[0]))
        ),
        key=lambda x: (-x[0], x[1], x[2]),
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: dict[str, str] = {}
    for d, gi, pi in pairs:
        if d == 0 or gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out[gold[gi].id] = pred[pi][1]
    return out


def scores(prefix: str, gold: list[GoldMention], aligned: dict[str, str]) -> dict[str, float]:
    """Found-mention and all-mention B-cubed of one predicted clustering."""
    found = {g.id: g.cluster for g in gold if g.id in aligned}
    p, r, f = b_cubed(found, aligned)
    everything = {g.id: g.cluster for g in gold}
    response = {g.id: aligned.get(g.id, "missing:" + g.id) for g in gold}
    ap, ar, af = b_cubed(everything, response)
    return {
        f"{prefix}bcubed_precision": round(p, 4),
        f"{prefix}bcubed_recall": round(r, 4),
        f"{prefix}bcubed_f1": round(f, 4),
        f"{prefix}all_bcubed_precision": round(ap, 4),
        f"{prefix}all_bcubed_recall": round(ar, 4),
        f"{prefix}all_bcubed_f1": round(af, 4),
    }


def exact_name_key(name: str, type_: str) -> str:
    """The entity baseline's cluster: type group plus the normalized canonical name."""
    return f"{type_group(type_)}|{' '.join(name_tokens(name, type_))}"


def annotate_docs(docs: list[GoldDoc]) -> tuple[list[Article], float]:
    """The documents through dateline as a user would run them, and the seconds it took."""
    cleans = [
        CleanDocument(text=d.text, title=d.title or None, published=d.published, source_path=d.name) for d in docs
    ]
    t0 = time.perf_counter()
    articles = list(annotate(cleans))
    return articles, time.perf_counter() - t0


def meantime_files(name: str, json_path: str | None, limit: int = 0) -> list[Path]:
    """The shared MEANTIME documents (the first ``limit`` when set); skips the gate ``name`` cleanly
    when the data set is absent."""
    root = dataset("meantime")
    if root is None:
        skip(name, "meantime absent", json_path)
    assert root is not None  # skip() exits
    files = sorted(root.glob("corpus_*/*.xml"))
    return files[:limit] if limit else files


def run(docs: list[GoldDoc], show_errors: int = 0) -> dict[str, object]:
    """Annotate and assign the documents, align to gold, score ours and the baselines."""
    docs = sorted(docs, key=lambda d: (d.published or "", d.name))
    articles, t_nlp = annotate_docs(docs)
    metrics = evaluate(docs, articles, show_errors)
    metrics["nlp_seconds"] = round(t_nlp, 1)
    return metrics


def evaluate(docs: list[GoldDoc], articles: list[Article], show_errors: int = 0) -> dict[str, object]:
    """Assign the articles (in the given order) to a fresh corpus and score against the gold."""
    conn = sqlite3.connect(":memory:")
    ensure_corpus_schema(conn)
    t0 = time.perf_counter()
    for article in articles:
        assign(conn, article)
    t_assign = time.perf_counter() - t0
    entity_of = {
        (a, loc): e for e, a, loc in conn.execute("SELECT entity, article, local_id FROM corpus_entity_mentions")
    }
    event_of = {(a, loc): e for e, a, loc in conn.execute("SELECT event, article, local_id FROM corpus_event_reports")}

    systems = ("ours", "baseline_exact_name", "baseline_no_merge")
    event_systems = ("ours", "baseline_type_day", "baseline_no_merge")
    ent_aligned: dict[str, dict[str, str]] = {s: {} for s in systems}
    ev_aligned: dict[str, dict[str, str]] = {s: {} for s in event_systems}
    gold_entities: list[GoldMention] = []
    gold_events: list[GoldMention] = []
    surface: dict[str, str] = {}
    for doc, article in zip(docs, articles, strict=True):
        tok_text = {t: doc.text[s:e] for s, e, t in doc.token_spans}
        for g in doc.entities + doc.events:
            surface[g.id] = " ".join(tok_text.get(t, "?") for t in sorted(g.tokens))
        gold_entities += doc.entities
        gold_events += doc.events
        ent_pred: dict[str, list[tuple[frozenset[int], str]]] = {s: [] for s in systems}
        for ent in article.entities:
            clusters = {
                "ours": entity_of.get((article.id, ent.id), f"{article.id}:{ent.id}"),
                "baseline_exact_name": exact_name_key(ent.name, ent.type),
                "baseline_no_merge": f"{article.id}:{ent.id}",
            }
            for m in ent.mentions:
                tokens = doc.tokens_of(m.start, m.end)
                for s in systems:
                    ent_pred[s].append((tokens, clusters[s]))
        for s in systems:
            ent_aligned[s].update(align(doc.entities, ent_pred[s]))
        day = publication_day(article.published)
        ev_pred: dict[str, list[tuple[frozenset[int], str]]] = {s: [] for s in event_systems}
        for event in article.events:
            tokens = doc.tokens_of(event.trigger.start, event.trigger.end)
            ev_day = event_day(event)
            clusters = {
                "ours": event_of.get((article.id, event.id), f"{article.id}:{event.id}"),
                "baseline_type_day": f"{event.type.value}|{ev_day if ev_day is not None else day}",
                "baseline_no_merge": f"{article.id}:{event.id}",
            }
            for s in event_systems:
                ev_pred[s].append((tokens, clusters[s]))
        for s in event_systems:
            ev_aligned[s].update(align(doc.events, ev_pred[s]))

    names = [g for g in gold_entities if g.name]
    metrics: dict[str, object] = {
        "docs": len(docs),
        "gold_entity_mentions": len(gold_entities),
        "gold_entity_clusters": len({g.cluster for g in gold_entities}),
        "gold_event_mentions": len(gold_events),
        "gold_event_clusters": len({g.cluster for g in gold_events}),
        "entity_mention_recall": round(len(ent_aligned["ours"]) / max(1, len(gold_entities)), 4),
        "entity_name_mention_recall": round(sum(g.id in ent_aligned["ours"] for g in names) / max(1, len(names)), 4),
        "event_mention_recall": round(len(ev_aligned["ours"]) / max(1, len(gold_events)), 4),
    }
    for s in systems:
        prefix = "entity_" if s == "ours" else f"{s}_entity_"
        metrics.update(scores(prefix, gold_entities, ent_aligned[s]))
    for s in event_systems:
        prefix = "event_" if s == "ours" else f"{s}_event_"
        metrics.update(scores(prefix, gold_events, ev_aligned[s]))
    metrics["entity_margin_over_exact_name"] = round(
        float(metrics["entity_bcubed_f1"]) - float(metrics["baseline_exact_name_entity_bcubed_f1"]),
        4,  # type: ignore[arg-type]
    )
    metrics["event_margin_over_type_day"] = round(
        float(metrics["event_bcubed_f1"]) - float(metrics["baseline_type_day_event_bcubed_f1"]),
        4,  # type: ignore[arg-type]
    )
    metrics["assign_seconds"] = round(t_assign, 2)
    if show_errors:
        _show_errors("entity", gold_entities, ent_aligned["ours"], surface, show_errors)
        _show_errors("event", gold_events, ev_aligned["ours"], surface, show_errors)
    return metrics


def _show_errors(kind: str, gold: list[GoldMention], aligned: dict[str, str], surface: dict[str, str], n: int) -> None:
    """The gold clusters we split most and the predicted clusters that mix most gold clusters."""
    by_gold: dict[str, list[GoldMention]] = defaultdict(list)
    by_pred: dict[str, list[GoldMention]] = defaultdict(list)
    for g in gold:
        if g.id in aligned:
            by_gold[g.cluster].append(g)
            by_pred[aligned[g.id]].append(g)
    splits = sorted(by_gold.items(), key=lambda kv: -len({aligned[g.id] for g in kv[1]}))[:n]
    print(f"-- {kind}: gold clusters split over most predicted clusters")
    for cluster, members in splits:
        parts: dict[str, list[str]] = defaultdict(list)
        for g in members:
            parts[aligned[g.id]].append(surface[g.id])
        print(f"  {cluster}: " + " | ".join(f"{sorted(set(v))}x{len(v)}" for v in parts.values()))
    mixes = sorted(by_pred.items(), key=lambda kv: -len({g.cluster for g in kv[1]}))[:n]
    print(f"-- {kind}: predicted clusters mixing most gold clusters")
    for cluster, members in mixes:
        parts = defaultdict(list)
        for g in members:
            parts[g.cluster].append(surface[g.id])
        print(f"  {cluster}: " + " | ".join(f"{k[:30]}={sorted(set(v))}x{len(v)}" for k, v in parts.items()))


def meantime_main(
    name: str, doc: str, scorer: Callable[[list[GoldDoc], int], dict[str, object]], errors_help: str
) -> None:
    """The command line of a MEANTIME gate: read the shared documents (skipping cleanly without
    them), score them with ``scorer`` (documents, errors to print) and report under ``name``."""
    ap = parser(doc)
    ap.add_argument("--errors", type=int, default=0, metavar="N", help=errors_help)
    args = ap.parse_args()
    files = meantime_files(name, args.json, args.limit)
    metrics = scorer([read_doc(p) for p in files], args.errors)
    metrics["fingerprint"] = fingerprint(files)
    report(name, metrics, args.json)


def main() -> None:
    meantime_main("coref-meantime", __doc__ or "", run, "print the N worst splits and mixes")


if __name__ == "__main__":
    main()
