"""Speaker resolution on MEANTIME (shared portion): is a quote's speaker the right entity?

eval/quotes.py scores speakers as PolNeAR does, by the surface mention ("he", "the spokesman"). A
user reads the resolved entity (``speaker.entity``): who "he" is. PolNeAR has no entity links;
MEANTIME annotates every entity mention, pronouns and common nouns included, with the entity it
refers to. So each quote dateline finds in the 90 shared MEANTIME documents (Wikinews) is scored
here by its speaker:

- The speaker's surface mention is aligned to the gold entity mention whose head it covers (best
  token Dice, as eval/coref.py aligns entities); a speaker no gold mention matches is counted
  (``speakers_unaligned``) and not scored.
- The gold entity is that mention's cluster. The predicted entity is the article entity the speaker
  was resolved to; its own gold cluster is the one most of its mentions align to.
- Right: the two clusters are the same, or the gold entity has no name in the document and the
  speaker was left unresolved (nothing to resolve it to). Wrong: resolved to another entity, or left
  unresolved though the document names the gold entity.

Scores: ``speaker_entity_accuracy`` over every aligned speaker, and by the gold mention's syntactic
type: names (NAM), pronouns (PRO) and common nouns (NOM and the rest). Baseline in the same run, for
pronouns: the nearest person entity mentioned before the pronoun (``baseline_nearest_person_*``).
Each speaker counts once per surface mention (a quote split in two by its tag counts once).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from coref import NAME_SYNTAX, GoldDoc, align, annotate_docs, dice, meantime_main, mention_head
from dateline.schema import Article

PRONOUNS = frozenset({"he", "she", "him", "her", "his", "they", "them", "their", "it", "its", "i", "we"})


def kind_of(syntax: str) -> str:
    """``name`` or ``nominal`` from MEANTIME's syntactic type (pronouns are told by their words)."""
    return "name" if syntax in NAME_SYNTAX else "nominal"


def score_article(doc: GoldDoc, article: Article, tally: Counter[str], errors: list[str] | None = None) -> None:
    """Add one article's speakers to ``tally`` (``<kind>_right``, ``<kind>_n``, …)."""
    pred = [(doc.tokens_of(m.start, m.end), e.id) for e in article.entities for m in e.mentions]
    aligned = align(doc.entities, pred)  # gold mention id -> our entity id
    by_id = {g.id: g for g in doc.entities}
    votes: dict[str, Counter[str]] = {}
    for gid, eid in aligned.items():
        votes.setdefault(eid, Counter())[by_id[gid].cluster] += 1
    cluster_of = {eid: v.most_common(1)[0][0] for eid, v in votes.items()}
    named = {g.cluster for g in doc.entities if g.name}
    words = {t: doc.text[a:b] for a, b, t in doc.token_spans}
    persons = sorted(
        (m.start, e.id) for e in article.entities if e.type == "PERSON" for m in e.mentions
    )  # for the baseline
    seen: set[tuple[int, int]] = set()
    for q in article.quotes:
        spk = q.speaker
        if spk is None or spk.start is None or spk.end is None or (spk.start, spk.end) in seen:
            continue
        seen.add((spk.start, spk.end))
        tokens = doc.tokens_of(spk.start, spk.end)
        head = mention_head(sorted(tokens), words) if tokens else None  # "Northrop Grumman CEO Ron Sugar": Sugar
        candidates = [g for g in doc.entities if head in g.tokens]
        if not candidates:
            tally["speakers_unaligned"] += 1
            continue
        gold = max(candidates, key=lambda g: (g.head == head, dice(g.tokens, tokens), -min(g.tokens)))
        kind = "pronoun" if spk.text.lower() in PRONOUNS else kind_of(gold.syntax)
        # Unresolved is right only when the document never names the gold entity.
        right = gold.cluster not in named if spk.entity is None else cluster_of.get(spk.entity) == gold.cluster
        tally[f"{kind}_n"] += 1
        tally[f"{kind}_right"] += right
        tally[f"{kind}_resolved"] += spk.entity is not None
        if kind == "pronoun" and spk.text.lower() in PRONOUNS:
            before = [eid for start, eid in persons if start < spk.start]
            base = cluster_of.get(before[-1]) if before else None
            tally["baseline_pronoun_n"] += 1
            tally["baseline_pronoun_right"] += base == gold.cluster if base else gold.cluster not in named
        if errors is not None and not right:
            errors.append(f"{doc.name}: {kind} {spk.text!r} -> {spk.name!r} (gold {gold.cluster}) | {q.text[:70]!r}")


def run(docs: list[GoldDoc], show_errors: int = 0) -> dict[str, object]:
    articles, seconds = annotate_docs(docs)
    tally: Counter[str] = Counter()
    errors: list[str] = []
    for doc, article in zip(docs, articles, strict=True):
        score_article(doc, article, tally, errors)
    n = sum(tally[f"{k}_n"] for k in ("name", "pronoun", "nominal"))
    right = sum(tally[f"{k}_right"] for k in ("name", "pronoun", "nominal"))
    metrics: dict[str, object] = {
        "docs": len(docs),
        "speakers": n,
        "speakers_unaligned": tally["speakers_unaligned"],
        "speaker_entity_accuracy": round(right / max(1, n), 4),
    }
    for kind in ("name", "pronoun", "nominal"):
        metrics[f"{kind}_speakers"] = tally[f"{kind}_n"]
        metrics[f"{kind}_accuracy"] = round(tally[f"{kind}_right"] / max(1, tally[f"{kind}_n"]), 4)
        metrics[f"{kind}_resolved_share"] = round(tally[f"{kind}_resolved"] / max(1, tally[f"{kind}_n"]), 4)
    metrics["baseline_nearest_person_pronoun_speakers"] = tally["baseline_pronoun_n"]
    metrics["baseline_nearest_person_pronoun_accuracy"] = round(
        tally["baseline_pronoun_right"] / max(1, tally["baseline_pronoun_n"]), 4
    )
    metrics["pronoun_margin_over_nearest_person"] = round(
        float(metrics["pronoun_accuracy"]) - float(metrics["baseline_nearest_person_pronoun_accuracy"]),  # type: ignore[arg-type]
        4,
    )
    metrics["nlp_seconds"] = round(seconds, 1)
    for line in errors[:show_errors]:
        print("  wrong:", line)
    return metrics


def main() -> None:
    meantime_main("speakers-meantime", __doc__ or "", run, "print N wrong speakers")


if __name__ == "__main__":
    main()
