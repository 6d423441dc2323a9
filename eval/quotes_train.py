"""Learn how reliable each reporting cue is, on PolNeAR **train**, for the quotes layer.

The rules propose indirect speech for every (cue lemma, pattern) they know, e.g. ``say/verb``,
``show/verb``, ``want/object``. Here each proposal that stands without quotation marks is scored
against the gold attributions of PolNeAR train (content token Jaccard >= 0.5, as eval/quotes.py);
keys seen at least ``--min-count`` times whose precision is below ``--max-precision`` are written
to ``src/dateline/nlp/data/quote_cue_weights.json`` as ``unreliable``, and the layer then stops
emitting indirect speech for them (quoted words are always kept). The default threshold, 1/3,
is about half the layer's F1: below it an extra proposal costs F1 more than it adds.
Every other verb seen ``--min-count`` times is tried as an object cue too; those whose proposals
reach ``--min-learned-precision`` are written as ``learned_object_cues`` and the layer adds them
to its rule lists (the rules alone are the starting point of each run, so reruns are stable).
Never run on dev or test.

    .venv/bin/python eval/quotes_train.py [--cache FILE.docbin]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT
from quotes import MATCH, parse_ann, polnear_train, token_index, tokens_of

OUT = ROOT / "src" / "dateline" / "nlp" / "data" / "quote_cue_weights.json"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cache", help="a DocBin of the parsed train texts (written when absent)")
    ap.add_argument("--min-count", type=int, default=8)
    ap.add_argument("--max-precision", type=float, default=0.33)
    ap.add_argument("--min-learned-precision", type=float, default=0.5, help="a new verb must do better")
    args = ap.parse_args()
    corpus = polnear_train(args.cache)
    if corpus is None:
        return

    from dateline.nlp.quote_data import lexicon
    from dateline.nlp.quotes import plan_quotes

    names, anns, texts, docs = corpus
    shipped = lexicon()  # the rules alone: what an earlier run learnt is learnt again from scratch
    rules = dataclasses.replace(
        shipped, object_cue_verbs=shipped.object_cue_verbs - shipped.learned_cue_verbs, learned_cue_verbs=frozenset()
    )
    # Every verb frequent enough to judge is proposed as an object cue ("imposed sanctions on …",
    # "has complimented the moderator"); those whose proposals hold up on train are kept as learnt cues.
    verbs: Counter[str] = Counter(t.lemma_.lower() for d in docs for t in d if t.pos_ == "VERB")
    candidates = frozenset(v for v, n in verbs.items() if n >= args.min_count and v.isalpha()) - rules.cue_verbs
    lex = dataclasses.replace(
        rules,
        unreliable_cues=frozenset(),
        object_cue_verbs=rules.object_cue_verbs | candidates,
        learned_cue_verbs=frozenset(),
    )
    seen: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for name, text, doc in zip(names, texts, docs, strict=True):
        gold = parse_ann(anns[name], text)
        toks = token_index(text)
        starts = [t[0] for t in toks]
        g_sets = [tokens_of(g.content, toks, starts) for g in gold]
        groups: dict[int, list[tuple[int, int]]] = {}
        quoted: set[int] = set()
        attrs = {}
        for p in plan_quotes(doc, text, lex):
            if p.attribution is None:
                continue
            key = id(p.attribution)
            attrs[key] = p.attribution
            groups.setdefault(key, []).append((p.start, p.end))
            if p.kind.value != "indirect":
                quoted.add(key)
        for key, spans in groups.items():
            if key in quoted:
                continue
            ps = tokens_of(spans, toks, starts)
            hit = any(gs and len(gs & ps) / len(gs | ps) >= MATCH for gs in g_sets)
            seen[attrs[key].key] += 1
            right[attrs[key].key] += hit
    cues = {k: {"n": n, "precision": round(right[k] / n, 3)} for k, n in sorted(seen.items())}
    by_lemma: Counter[str] = Counter()
    right_lemma: Counter[str] = Counter()
    for k, n in seen.items():
        by_lemma[k.split("/")[0]] += n
        right_lemma[k.split("/")[0]] += right[k]
    learned = sorted(  # a verb as a whole must hold up, not just one rare pattern of it
        v
        for v, n in by_lemma.items()
        if v in candidates and n >= args.min_count and right_lemma[v] / n >= args.min_learned_precision
    )
    kept = rules.cue_verbs | frozenset(learned)
    unreliable = sorted(
        k
        for k, v in cues.items()
        if v["n"] >= args.min_count and v["precision"] < args.max_precision and k.split("/")[0] in kept
    )
    cues = {k: v for k, v in cues.items() if k.split("/")[0] in kept or k.split("/")[0] not in candidates}
    OUT.write_text(
        json.dumps(
            {
                "_doc": "Written by eval/quotes_train.py (PolNeAR train): precision per cue/pattern.",
                "documents": len(names),
                "min_count": args.min_count,
                "max_precision": args.max_precision,
                "unreliable": unreliable,
                "learned_object_cues": learned,
                "cues": cues,
            },
            indent=1,
            ensure_ascii=False,
        )
        + "\n"
    )
    print(f"{len(names)} train documents, {sum(seen.values())} proposals, {len(unreliable)} unreliable keys")
    print(f"{len(learned)} learnt object cues: " + ", ".join(learned))
    print(", ".join(unreliable))


if __name__ == "__main__":
    main()
