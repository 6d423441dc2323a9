"""Quotes and attributions on PolNeAR dev: content P/R/F1, speaker accuracy, attributed F1.

Gold: brat standoff (one annotator file per document, the first by name). A predicted quote
matches a gold attribution when the whitespace-token Jaccard of their content spans is >= 0.5
(one-to-one, best first). Tokens are identified by position; punctuation-only tokens are ignored,
so “quote,” and quote are the same token. Predicted quotes sharing one cue are scored as one
attribution, as PolNeAR annotates one relation per cue (a split quote “…,” he said. “…”, a partial
quote inside the reported clause, a quote running on into the next paragraphs). The speaker matches when the
predicted surface mention overlaps the gold Source span (a relation without a Source,
PolNeAR's ``Attribution-no-source``, wants no speaker). The direct subset: gold contents that
contain a quotation mark (the New York Times writes two apostrophes, ''…'', and the pipeline
reads them as one; an opening single mark ‘ counts too, as the pipeline reads ‘…’ quotes; a
closing one is mostly an apostrophe); its precision counts unmatched predictions with quoted words.
Time: CPU seconds of the quotes layer against CPU seconds of ``nlp.pipe`` on the same texts.
Human agreement (``human_*``): the same scores between PolNeAR's annotators on the documents that
several of them annotated (see ``annotator_agreement``), for reading the figures above against.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PRF, dataset, fingerprint, parser, report, skip

NAME = "quotes"
MATCH = 0.5
WORD = re.compile(r"\S+")
MARKS = re.compile(r"[“”\"«»„‘]|''")


@dataclass
class Gold:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    direct: bool = False
    cue: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Pred:
    content: list[tuple[int, int]]
    speaker: tuple[int, int] | None
    direct: bool = False
    cue: tuple[int, int] | None = None


def parse_ann(path: Path, text: str) -> list[Gold]:
    """Attribution relations with content (those without are not quotes); a relation's content is
    all its ``Content`` roles (``Content``, ``Content2``, …)."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if re.fullmatch(r"T\d+", parts[0]) and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            frags = [tuple(int(x) for x in frag.split()) for frag in offsets.split(";")]
            spans[parts[0]] = (label, [(a, b) for a, b in frags])  # type: ignore[misc]
        elif re.fullmatch(r"E\d+", parts[0]) and len(parts) >= 2:
            events.append(dict(a.split(":", 1) for a in parts[1].split()[1:] if ":" in a))
    gold: list[Gold] = []
    for ev in events:
        # brat numbers a repeated role: a split quote's second part can be ``Content2``
        roles = sorted((r for r in ev if re.fullmatch(r"Content\d*", r) and ev[r] in spans), key=lambda r: (len(r), r))
        if not roles or roles[0] != "Content":
            continue
        content = sorted(frag for r in roles for frag in spans[ev[r]][1])
        source = spans[ev["Source"]][1] if ev.get("Source") in spans else []
        direct = any(MARKS.search(text[a:b]) for a, b in content)
        cue = spans[ev["Cue"]][1] if ev.get("Cue") in spans else []
        gold.append(Gold(content=content, source=source, direct=direct, cue=cue))
    return gold


def token_index(text: str) -> list[tuple[int, int]]:
    """Word tokens (with a letter or digit) by position."""
    return [(m.start(), m.end()) for m in WORD.finditer(text) if any(c.isalnum() for c in m.group())]


def tokens_of(spans: list[tuple[int, int]], toks: list[tuple[int, int]], starts: list[int]) -> frozenset[int]:
    import bisect

    out: set[int] = set()
    for a, b in spans:
        k = max(0, bisect.bisect_right(starts, a) - 1)
        while k < len(toks) and toks[k][0] < b:
            if toks[k][1] > a:
                out.add(k)
            k += 1
    return frozenset(out)


def overlaps(span: tuple[int, int] | None, gold: list[tuple[int, int]]) -> bool:
    return span is not None and any(min(span[1], b) > max(span[0], a) for a, b in gold)


def speaker_right(speaker: tuple[int, int] | None, source: list[tuple[int, int]]) -> bool:
    """The predicted mention overlaps the gold Source; an ``Attribution-no-source`` relation is
    right only when no speaker is predicted either."""
    return overlaps(speaker, source) if source else speaker is None


def score_doc(
    text: str,
    gold: list[Gold],
    preds: list[Pred],
    acc: dict[str, PRF],
    counts: dict[str, int],
    errors: list[dict[str, object]] | None = None,
) -> None:
    """Match one document's predictions to gold and add to the tallies; with ``errors``, append
    every miss to it, by category (see ``error_records``)."""
    toks = token_index(text)
    starts = [t[0] for t in toks]
    g_sets = [tokens_of(g.content, toks, starts) for g in gold]
    p_sets = [tokens_of(p.content, toks, starts) for p in preds]
    pairs = []
    for i, gs in enumerate(g_sets):
        for j, ps in enumerate(p_sets):
            if gs and ps:
                jac = len(gs & ps) / len(gs | ps)
                if jac >= MATCH:
                    pairs.append((jac, i, j))
    pairs.sort(reverse=True)
    g_used: dict[int, int] = {}
    p_used: set[int] = set()
    for _, i, j in pairs:
        if i not in g_used and j not in p_used:
            g_used[i] = j
            p_used.add(j)
    for subset in ("all", "direct"):
        in_subset = [i for i, g in enumerate(gold) if subset == "all" or g.direct]
        matched = [i for i in in_subset if i in g_used]
        right = [i for i in matched if speaker_right(preds[g_used[i]].speaker, gold[i].source)]
        if subset == "all":
            n_pred = len(preds)
        else:  # direct-looking predictions left unmatched are this subset's false positives
            n_pred = len(matched) + sum(1 for j, p in enumerate(preds) if j not in p_used and p.direct)
        acc[f"{subset}_content"].tp += len(matched)
        acc[f"{subset}_content"].fp += n_pred - len(matched)
        acc[f"{subset}_content"].fn += len(in_subset) - len(matched)
        acc[f"{subset}_attributed"].tp += len(right)
        acc[f"{subset}_attributed"].fp += n_pred - len(right)
        acc[f"{subset}_attributed"].fn += len(in_subset) - len(right)
        counts[f"{subset}_matched"] += len(matched)
        counts[f"{subset}_speaker_right"] += len(right)
    if errors is not None:
        errors.extend(error_records(text, gold, preds, g_sets, p_sets, g_used))


def error_records(
    text: str,
    gold: list[Gold],
    preds: list[Pred],
    g_sets: list[frozenset[int]],
    p_sets: list[frozenset[int]],
    g_used: dict[int, int],
) -> list[dict[str, object]]:
    """Every miss of one document. Categories, prefixed ``direct_`` or ``indirect_``:
    ``speaker_none`` / ``speaker_wrong`` / ``speaker_not_wanted`` (content matched, speaker not),
    ``missed`` (no prediction touches the gold content), ``boundary`` (one does, below the Jaccard
    bar), and for predictions ``spurious`` (touching no gold content) and ``fp_boundary``."""

    def show(spans: list[tuple[int, int]]) -> str:
        return " // ".join(text[a:b] for a, b in spans)

    out: list[dict[str, object]] = []
    p_used = set(g_used.values())
    for i, g in enumerate(gold):
        kind = "direct_" if g.direct else "indirect_"
        record: dict[str, object] = {"gold": show(g.content), "cue": show(g.cue), "source": show(g.source)}
        if i in g_used:
            p = preds[g_used[i]]
            if speaker_right(p.speaker, g.source):
                continue
            cat = "speaker_none" if p.speaker is None else "speaker_wrong" if g.source else "speaker_not_wanted"
            record["speaker"] = text[p.speaker[0] : p.speaker[1]] if p.speaker else None
            record["pred_cue"] = text[p.cue[0] : p.cue[1]] if p.cue else None
        else:
            touching = [j for j, ps in enumerate(p_sets) if ps & g_sets[i]]
            cat = "boundary" if touching else "missed"
            if touching:
                record["pred"] = show(preds[touching[0]].content)
        out.append({"category": kind + cat, **record})
    for j, p in enumerate(preds):
        if j in p_used:
            continue
        kind = "direct_" if p.direct else "indirect_"
        touching = any(p_sets[j] & gs for gs in g_sets)
        record = {"category": kind + ("fp_boundary" if touching else "spurious"), "pred": show(p.content)}
        record["pred_cue"] = text[p.cue[0] : p.cue[1]] if p.cue else None
        out.append(record)
    return out


def group_by_cue(quotes: list[object]) -> list[Pred]:
    """One prediction per cue (quotes without a cue stand alone). A quote paragraph that carries the
    previous paragraph's speaker shares its cue and joins its relation: PolNeAR train joins such a
    paragraph to the relation before it far more often than it makes it a relation of its own."""
    groups: dict[object, Pred] = {}
    out: list[Pred] = []
    for q in quotes:
        span = (q.start, q.end)  # type: ignore[attr-defined]
        spk = q.speaker  # type: ignore[attr-defined]
        speaker = (spk.start, spk.end) if spk is not None and spk.start is not None else None
        cue = q.cue  # type: ignore[attr-defined]
        direct = q.kind.value != "indirect"  # type: ignore[attr-defined]
        if cue is None:
            out.append(Pred([span], speaker, direct))
            continue
        key = (cue.start, cue.end)
        if key in groups:
            groups[key].content.append(span)
            groups[key].direct |= direct
        else:
            groups[key] = Pred([span], speaker, direct, key)
            out.append(groups[key])
    return out


def annotator_agreement(root: Path) -> dict[str, object]:
    """The same scores between PolNeAR's own annotators: on every document that two or more of
    them annotated (train, dev and the annotator-training set), each annotator's relations are
    scored as predictions against each other's as gold (both orders). This is the ceiling a
    system can be expected to reach under these rules; it reads annotations only, no model."""
    groups: dict[tuple[str, str], list[Path]] = {}
    for split in ("train", "dev", "annotator-training"):
        for ann in sorted((root / split / "attributions").glob("*.ann")):
            groups.setdefault((split, ann.stem.rsplit("_", 1)[0]), []).append(ann)
    acc = {k: PRF() for k in ("all_content", "all_attributed", "direct_content", "direct_attributed")}
    counts = dict.fromkeys(("all_matched", "all_speaker_right", "direct_matched", "direct_speaker_right"), 0)
    docs = 0
    for (split, name), files in groups.items():
        if len(files) < 2:
            continue
        docs += 1
        text = (root / split / "text" / f"{name}.txt").read_text(encoding="utf-8")
        relations = [parse_ann(f, text) for f in files]
        for i, gold in enumerate(relations):
            for j, other in enumerate(relations):
                if i != j:
                    preds = [Pred(g.content, g.source[0] if g.source else None, g.direct) for g in other]
                    score_doc(text, gold, preds, acc, counts)
    if not docs:
        return {}
    return {
        "human_documents": docs,
        "human_content_f1": round(acc["all_content"].f1, 4),
        "human_attributed_f1": round(acc["all_attributed"].f1, 4),
        "human_direct_attributed_f1": round(acc["direct_attributed"].f1, 4),
    }


def read_text(path: Path) -> str:
    """A PolNeAR text with its odd spaces made plain, one for one, as dateline's cleaner leaves them
    (the gold offsets index the raw text and still hold)."""
    from dateline.clean.paragraphs import plain_spaces

    return plain_spaces(path.read_text(encoding="utf-8"))


def parsed_train(root: Path, cache: str | None) -> tuple[list[str], dict[str, Path], list[str], list[Any]]:
    """PolNeAR train for the learners: document names, their .ann files, texts and spaCy parses.

    ``cache``: a DocBin of the parses, read when present and written when absent (parsing the train
    portion takes minutes).
    """
    from spacy.tokens import DocBin

    from dateline.nlp.model import load_nlp

    train = root / "train"
    anns: dict[str, Path] = {}
    for ann in sorted((train / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    names = sorted(anns)
    texts = [read_text(train / "text" / f"{n}.txt") for n in names]
    import hashlib
    import inspect

    from dateline.nlp import model

    nlp = load_nlp()
    # The pipeline's components and dateline's own code around them: a cache made otherwise is stale.
    made_by = "+".join(nlp.pipe_names) + ":" + hashlib.sha256(inspect.getsource(model).encode()).hexdigest()[:12]
    if cache and Path(cache).exists():
        cached = list(DocBin(store_user_data=True).from_disk(cache).get_docs(nlp.vocab))
        # Parses of other texts (an older reading) or by another pipeline are parsed anew.
        if [d.text for d in cached] == texts and all(d.user_data.get("pipeline") == made_by for d in cached):
            return names, anns, texts, cached
    docs = list(nlp.pipe(texts, batch_size=32))
    if cache:
        bin_ = DocBin(store_user_data=True)
        for d in docs:
            d.user_data["pipeline"] = made_by
            bin_.add(d)
        bin_.to_disk(cache)
    return names, anns, texts, docs


def polnear_train(cache: str | None) -> tuple[list[str], dict[str, Path], list[str], list[Any]] | None:
    """``parsed_train`` for a learner, or None (with a line saying so) when PolNeAR is absent."""
    root = dataset("polnear")
    if root is None:
        print("PolNeAR is absent; nothing learnt")
        return None
    return parsed_train(root, cache)


def main() -> None:
    ap = parser(__doc__ or NAME)
    ap.add_argument("--rules-only", action="store_true", help="without the candidate model learnt on train")
    ap.add_argument("--errors", help="write unmatched gold and predictions, by category, to this JSONL file")
    ap.add_argument(
        "--split",
        choices=("dev", "train"),
        default="dev",
        help="train: for tuning rules (the shipped model was learnt there, so its figures flatter it)",
    )
    ap.add_argument("--cache", help="train only: a DocBin of the parsed train texts (written when absent)")
    args = ap.parse_args()
    root = dataset("polnear")
    if root is None or not (root / "dev" / "text").is_dir():
        skip(NAME, "../shared/data/polnear is absent", args.json)
    from dateline.clean import CleanDocument
    from dateline.nlp.entities import annotate_entities
    from dateline.nlp.model import load_nlp
    from dateline.nlp.quote_data import lexicon
    from dateline.nlp.quotes import annotate_quotes
    from dateline.nlp.state import ArticleState

    lex = lexicon()
    t0 = time.process_time()
    if args.split == "train":
        docs, anns, texts, parsed = parsed_train(root, args.cache)  # type: ignore[arg-type]
    else:
        dev = root / "dev"  # type: ignore[operator]
        anns = {}
        for ann in sorted((dev / "attributions").glob("*.ann")):
            anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)
        docs = sorted(anns)
        texts = [read_text(dev / "text" / f"{d}.txt") for d in docs]
        parsed = list(load_nlp().pipe(texts))
    if args.limit:
        docs, texts, parsed = docs[: args.limit], texts[: args.limit], parsed[: args.limit]
    t_pipe = time.process_time() - t0
    acc = {k: PRF() for k in ("all_content", "all_attributed", "direct_content", "direct_attributed")}
    counts = dict.fromkeys(("all_matched", "all_speaker_right", "direct_matched", "direct_speaker_right"), 0)
    t_quotes = 0.0
    error_counts: Counter[str] = Counter()
    error_lines: list[str] = []
    for name, text, doc in zip(docs, texts, parsed, strict=True):
        state = ArticleState(clean=CleanDocument(text=text), doc=doc)
        annotate_entities(state)
        t1 = time.process_time()
        annotate_quotes(state, lex, use_model=not args.rules_only)
        t_quotes += time.process_time() - t1
        for q in state.quotes:
            assert text[q.start : q.end] == q.text, (name, q)
        errors: list[dict[str, object]] | None = [] if args.errors else None
        score_doc(text, parse_ann(anns[name], text), group_by_cue(state.quotes), acc, counts, errors)
        for e in errors or []:
            error_counts[str(e["category"])] += 1
            error_lines.append(json.dumps({"doc": name, **e}, ensure_ascii=False))
    metrics: dict[str, object] = {"split": args.split, "documents": len(docs)}
    metrics["fingerprint"] = fingerprint(anns[d] for d in docs)
    for subset in ("all", "direct"):
        prefix = "" if subset == "all" else "direct_"
        metrics.update(acc[f"{subset}_content"].as_dict(f"{prefix}content_"))
        matched = counts[f"{subset}_matched"]
        metrics[f"{prefix}speaker_accuracy"] = round(counts[f"{subset}_speaker_right"] / matched, 4) if matched else 0.0
        metrics[f"{prefix}attributed_f1"] = round(acc[f"{subset}_attributed"].f1, 4)
    metrics.update(annotator_agreement(root))  # type: ignore[arg-type]
    metrics["quotes_seconds"] = round(t_quotes, 3)
    if args.split == "dev":  # train parses may come from the cache: no parse time to compare with
        metrics["pipe_seconds"] = round(t_pipe, 3)
        metrics["quotes_time_share"] = round(t_quotes / t_pipe, 4) if t_pipe else 0.0
    if args.errors:
        Path(args.errors).write_text("".join(line + "\n" for line in error_lines), encoding="utf-8")
        metrics["errors"] = dict(error_counts.most_common())
    report(NAME, metrics, args.json)


if __name__ == "__main__":
    main()
