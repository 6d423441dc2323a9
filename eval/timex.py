"""Temporal expressions: TempEval-3 measures on TBAQ-cleaned and MEANTIME (shared dev copies).

Extent: strict (same offsets) and relaxed (overlap) precision/recall/F1. Type and value accuracy
over relaxed-matched pairs; value F1: matched pairs with the right value over system (precision)
and gold (recall) counts, as TempEval-3's attribute F1. The DCT timex is the publication time,
not a gold mention. Values are compared after TimeML normalisation (upper case; a clock time's
zone offset dropped, since TimeML 1.2 values carry none; ISO week numbers without a leading zero).
Also measures the time layer's cost against ``nlp.pipe`` on the same texts.
"""

from __future__ import annotations

import html
import re
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PRF, dataset, fingerprint, parser, report, skip


@dataclass
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass
class GoldDoc:
    name: str
    text: str
    dct: str
    timexes: list[GoldTimex]
    # Only system spans inside these char ranges are scored (MEANTIME: annotated sentences).
    scored: list[tuple[int, int]] = field(default_factory=list)


TIME_BUDGET_SHARE = 0.15

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_timeml(path: Path) -> GoldDoc:
    """A TimeML file: the text inside <TEXT> without tags, its TIMEX3 spans, and the DCT."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", raw)
    dct = dict(_ATTR.findall(dct_match.group(1)))["value"] if dct_match else ""
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    out: list[str] = []
    length = 0
    timexes: list[GoldTimex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = 0
    for m in _TAG.finditer(body):
        piece = html.unescape(body[pos : m.start()])
        out.append(piece)
        length += len(piece)
        pos = m.end()
        closing, name, attrs, selfclosing = m.groups()
        if name != "TIMEX3" or selfclosing:
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(attrs)))
        elif open_timex is not None:
            start, a = open_timex
            if length > start and a.get("functionInDocument") != "CREATION_TIME":
                timexes.append(GoldTimex(start, length, a.get("type", ""), a.get("value", "")))
            open_timex = None
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    return GoldDoc(path.stem, text, dct, timexes, [(0, len(text))])


# Sentence 0 is the title, 1 the dateline; MEANTIME annotates through the fifth body sentence.
FIRST_ANNOTATED_SENTENCES = 5
_NO_SPACE_BEFORE = {",", ".", ";", ":", "'s", "n't", "%", ")", "?", "!", "'", "'re", "'ve", "'ll", "'d"}


def read_meantime(path: Path) -> GoldDoc | None:
    """A MEANTIME document: tokens joined into text, TIMEX3 markables as char spans, the DCT."""
    root = ET.parse(path).getroot()
    pieces: list[str] = []
    offsets: dict[str, tuple[int, int, int]] = {}
    length, last_sentence, prev = 0, None, ""
    for tok in root.iter("token"):
        word, sentence = tok.text or "", int(tok.get("sentence", "0"))
        sep = (
            ""
            if not pieces
            else "\n"
            if sentence != last_sentence
            else ("" if word in _NO_SPACE_BEFORE or prev in ("(", "$") else " ")
        )
        pieces.append(sep + word)
        length += len(sep)
        offsets[tok.get("t_id", "")] = (length, length + len(word), sentence)
        length += len(word)
        last_sentence, prev = sentence, word
    text = "".join(pieces)
    markables = root.find("Markables")
    if markables is None:
        return None
    annotated = FIRST_ANNOTATED_SENTENCES
    dct, timexes, dct_span = "", [], None
    for mark in markables:
        anchors = [offsets[a.get("t_id", "")] for a in mark.findall("token_anchor") if a.get("t_id") in offsets]
        # Entity and event mentions run through the whole text (cross-document work); the
        # full annotation (times, values, signals) covers the title, dateline and first sentences.
        if anchors and mark.tag in ("TIMEX3", "VALUE", "SIGNAL"):
            annotated = max(annotated, FIRST_ANNOTATED_SENTENCES, *(s for _, _, s in anchors))
        if mark.tag != "TIMEX3":
            continue
        if mark.get("functionInDocument") == "CREATION_TIME":
            dct = mark.get("value", "")
            if anchors:
                dct_span = (min(a[0] for a in anchors), max(a[1] for a in anchors))
            continue
        if anchors:
            span = (min(a[0] for a in anchors), max(a[1] for a in anchors))
            timexes.append(GoldTimex(span[0], span[1], mark.get("type", ""), mark.get("value", "")))
    if re.fullmatch(r"\d\d-\d\d-\d{4}", dct):  # a few MEANTIME DCTs are written DD-MM-YYYY
        dct = f"{dct[6:]}-{dct[3:5]}-{dct[:2]}"
    end_annotated = max((e for _, e, s in offsets.values() if s <= annotated), default=0)
    scored = [(0, end_annotated)]
    if dct_span:  # the DCT sits in the text; a system mention of it is neither right nor wrong
        scored = [(0, dct_span[0]), (dct_span[1], end_annotated)]
    return GoldDoc(path.stem, text, dct, timexes, scored)


def canonical_value(value: str | None) -> str:
    """A TIMEX3 value in the form we compare: see the module docstring."""
    v = (value or "").strip().upper()
    v = re.sub(r"(T\d\d:\d\d)(:00)?(?:[+-]\d\d:\d\d|Z)?$", r"\1", v)
    return re.sub(r"-W0(\d)", r"-W\1", v)


@dataclass
class Score:
    strict: PRF = field(default_factory=PRF)
    relaxed: PRF = field(default_factory=PRF)
    value: PRF = field(default_factory=PRF)
    type_ok: int = 0
    value_ok: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, doc: GoldDoc, system: list[tuple[int, int, str, str | None]]) -> None:
        sys_in = [s for s in system if any(a <= s[0] and s[1] <= b for a, b in doc.scored)]
        gold = doc.timexes
        strict = {(g.start, g.end) for g in gold} & {(s[0], s[1]) for s in sys_in}
        self.strict.tp += len(strict)
        self.strict.fp += len(sys_in) - len(strict)
        self.strict.fn += len(gold) - len(strict)
        used: set[int] = set()
        matched = 0
        for g in gold:
            best, best_overlap = None, 0
            for i, s in enumerate(sys_in):
                overlap = min(g.end, s[1]) - max(g.start, s[0])
                if i not in used and overlap > best_overlap:
                    best, best_overlap = i, overlap
            if best is None:
                self.errors.append(f"FN {doc.name} {doc.text[g.start : g.end]!r} {g.type} {g.value}")
                continue
            used.add(best)
            matched += 1
            s = sys_in[best]
            self.type_ok += s[2] == g.type
            if canonical_value(s[3]) == canonical_value(g.value):
                self.value_ok += 1
                self.value.tp += 1
            else:
                self.errors.append(
                    f"VAL {doc.name} dct={doc.dct} {doc.text[s[0] : s[1]]!r} sys={s[3]} gold={g.value} "
                    f"({doc.text[g.start : g.end]!r})"
                )
        for i, s in enumerate(sys_in):
            if i not in used:
                self.errors.append(f"FP {doc.name} {doc.text[s[0] : s[1]]!r} {s[2]} {s[3]}")
        self.relaxed.tp += matched
        self.relaxed.fp += len(sys_in) - matched
        self.relaxed.fn += len(gold) - matched
        self.value.fp += len(sys_in) - 0  # completed in metrics(): fp/fn are counts minus tp
        self.value.fn += len(gold)

    def metrics(self, prefix: str) -> dict[str, float]:
        matched = self.relaxed.tp
        value = PRF(tp=self.value.tp, fp=self.value.fp - self.value.tp, fn=self.value.fn - self.value.tp)
        out: dict[str, float] = {}
        out.update(self.strict.as_dict(f"{prefix}strict_"))
        out.update(self.relaxed.as_dict(f"{prefix}relaxed_"))
        out[f"{prefix}type_accuracy"] = round(self.type_ok / matched, 4) if matched else 0.0
        out[f"{prefix}value_accuracy"] = round(self.value_ok / matched, 4) if matched else 0.0
        out.update(value.as_dict(f"{prefix}value_"))
        out[f"{prefix}gold"] = int(self.relaxed.tp + self.relaxed.fn)
        out[f"{prefix}system"] = int(self.relaxed.tp + self.relaxed.fp)
        return out


def run_system(docs: list[GoldDoc]) -> tuple[list[list[tuple[int, int, str, str | None]]], float, float]:
    """Our times layer on each document with its DCT as published; (results, nlp s, times s)."""
    from dateline.clean import CleanDocument
    from dateline.nlp.model import load_nlp
    from dateline.nlp.state import ArticleState
    from dateline.nlp.times import annotate_times

    nlp = load_nlp()
    list(nlp.pipe(["Warm-up text on Monday."]))
    t0 = time.perf_counter()
    parsed = list(nlp.pipe([d.text for d in docs]))
    t_nlp = time.perf_counter() - t0
    results = []
    t_times = 0.0
    for d, doc in zip(docs, parsed, strict=True):
        state = ArticleState(clean=CleanDocument(text=d.text, published=d.dct or None), doc=doc)
        t1 = time.perf_counter()
        annotate_times(state)
        t_times += time.perf_counter() - t1
        results.append([(t.start, t.end, t.type.value, t.value) for t in state.times])
    return results, t_nlp, t_times


def main() -> None:
    ap = parser(__doc__ or "")
    ap.add_argument("--errors", type=int, default=0, help="print the first N errors of each data set")
    ap.add_argument("--only", choices=["tbaq", "meantime"], help="score one data set only")
    args = ap.parse_args()
    te3, meantime = dataset("tempeval3"), dataset("meantime")
    if te3 is None and meantime is None:
        skip("timex", "no tempeval3 or meantime data", args.json)
    metrics: dict[str, object] = {}
    files: list[Path] = []
    sets: list[tuple[str, list[GoldDoc]]] = []
    if te3 is not None and args.only in (None, "tbaq"):
        paths = sorted((te3 / "TBAQ-cleaned").glob("*/*.tml"))
        paths = paths[: args.limit] if args.limit else paths
        files += paths
        sets.append(("tbaq_", [read_timeml(p) for p in paths]))
    if meantime is not None and args.only in (None, "meantime"):
        paths = sorted(meantime.glob("corpus_*/*.xml"))
        paths = paths[: args.limit] if args.limit else paths
        files += paths
        sets.append(("meantime_", [d for p in paths if (d := read_meantime(p)) is not None]))
    t_nlp_all = t_times_all = 0.0
    for prefix, docs in sets:
        results, t_nlp, t_times = run_system(docs)
        t_nlp_all += t_nlp
        t_times_all += t_times
        score = Score()
        for doc, system in zip(docs, results, strict=True):
            score.add(doc, system)
        metrics.update(score.metrics(prefix))
        metrics[f"{prefix}docs"] = len(docs)
        for line in score.errors[: args.errors]:
            print(line)
    metrics["nlp_seconds"] = round(t_nlp_all, 3)
    metrics["times_seconds"] = round(t_times_all, 3)
    share = t_times_all / (t_nlp_all + t_times_all)
    metrics["times_share_of_extract"] = round(share, 4)
    # The time stage may cost at most 15% of extract time; a floor of 0 on the headroom gates it.
    metrics["times_share_headroom"] = round(TIME_BUDGET_SHARE - share, 4)
    metrics["fingerprint"] = fingerprint(files)
    report("timex", metrics, args.json)


if __name__ == "__main__":
    main()
