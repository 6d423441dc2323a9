"""Train the quotes layer's candidate model (``dateline.nlp.quote_model``) on PolNeAR **train**.

Every unquoted candidate attribution the layer proposes in open mode (any verb with a clause or a
complement, nominal cues with a that-clause, plus the cue-list patterns) is labelled by the gold
of PolNeAR train: positive when its content's whitespace-token Jaccard with some gold content is
>= 0.5 and its speaker mention is right (the rules of eval/quotes.py), so the model learns what
counts for attributed F1. An L2-regularised logistic regression (full-batch gradient descent with
Adam, numpy only) is fitted on the string features of ``quote_model.feature_names``; features
seen in fewer than ``--min-count`` candidates are dropped. The threshold is the one that maximises
the layer's attributed F1 on the first ``--tune-docs`` train documents, with a model fitted on the
other train documents; the shipped model is then fitted on all of train. Writes
``src/dateline/nlp/data/quote_model.json``. Never run on dev or test.

    .venv/bin/python eval/quotes_model_train.py [--cache FILE.docbin]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PRF, ROOT
from quotes import MATCH, group_by_cue, parse_ann, polnear_train, score_doc, speaker_right, token_index, tokens_of

OUT = ROOT / "src" / "dateline" / "nlp" / "data" / "quote_model.json"


def fit(rows: list[list[int]], labels: list[int], n_features: int, l2: float, steps: int) -> tuple[np.ndarray, float]:
    """Logistic regression on binary features (``rows[i]`` = active feature indices)."""
    r = np.repeat(np.arange(len(rows)), [len(x) for x in rows])
    c = np.fromiter((f for x in rows for f in x), dtype=np.int64, count=len(r))
    y = np.asarray(labels, dtype=np.float64)
    n = len(rows)
    w = np.zeros(n_features + 1)  # the last weight is the bias
    c = np.concatenate([c, np.full(n, n_features)])
    r = np.concatenate([r, np.arange(n)])
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    lr, b1, b2 = 0.05, 0.9, 0.999
    for t in range(1, steps + 1):
        z = np.bincount(r, weights=w[c], minlength=n)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        g = np.bincount(c, weights=(p - y)[r], minlength=n_features + 1) / n
        g[:-1] += l2 * w[:-1]
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        w -= lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + 1e-8)
    return w[:-1], float(w[-1])


def learn(samples: list[tuple[list[str], int]], args: argparse.Namespace) -> tuple[dict[str, float], float]:
    """Weights by feature name (features seen in fewer than ``--min-count`` candidates dropped) and bias."""
    counts: Counter[str] = Counter(f for feats, _ in samples for f in set(feats))
    vocab = sorted(f for f, n in counts.items() if n >= args.min_count)
    index = {f: i for i, f in enumerate(vocab)}
    rows = [sorted({index[f] for f in feats if f in index}) for feats, _ in samples]
    w, bias = fit(rows, [y for _, y in samples], len(vocab), args.l2, args.steps)
    print(f"{len(samples)} candidates ({sum(y for _, y in samples)} positive), {len(vocab)} features")
    return {f: round(float(x), 4) for f, x in zip(vocab, w, strict=True) if abs(x) >= 1e-3}, bias


def write_model(
    path: Path,
    about: dict[str, object],
    args: argparse.Namespace,
    threshold: float,
    bias: float,
    weights: dict[str, float],
) -> None:
    """Write a learnt logistic regression as the quotes layer reads it (``quote_model.parse_model``):
    what it is (``about``), how it was fitted, its threshold, bias and weights."""
    data = {**about, "min_count": args.min_count, "l2": args.l2, "threshold": threshold, "bias": round(bias, 4)}
    data["weights"] = dict(sorted(weights.items()))
    path.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cache", help="a DocBin of the parsed train texts (written when absent)")
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--steps", type=int, default=400)
    ap.add_argument("--tune-docs", type=int, default=150, help="train documents the threshold is chosen on")
    args = ap.parse_args()
    corpus = polnear_train(args.cache)
    if corpus is None:
        return

    from dateline.clean import CleanDocument
    from dateline.nlp.entities import annotate_entities
    from dateline.nlp.quote_data import lexicon
    from dateline.nlp.quote_model import FEATURE_VERSION, CueModel
    from dateline.nlp.quotes import annotate_quotes, plan_quotes
    from dateline.nlp.state import ArticleState

    names, anns, texts, docs = corpus
    lex = lexicon()
    samples: list[tuple[list[str], int]] = []
    doc_of: list[int] = []
    for k, (name, text, doc) in enumerate(zip(names, texts, docs, strict=True)):
        gold = parse_ann(anns[name], text)
        toks = token_index(text)
        starts = [t[0] for t in toks]
        g_sets = [tokens_of(g.content, toks, starts) for g in gold]
        seen: set[tuple[int, tuple[int, int]]] = set()
        for p in plan_quotes(doc, text, lex, candidates=True):
            a = p.attribution
            if a is None or p.kind.value == "direct" or a.content != (p.start, p.end):
                continue
            if (a.cue_i, a.content) in seen:  # a listed cue's open twin: one sample per reading
                continue
            seen.add((a.cue_i, a.content))
            ps = tokens_of([(p.start, p.end)], toks, starts)
            # Positive when the candidate would count for attributed F1: content and speaker right.
            hit = any(
                gs and ps and len(gs & ps) / len(gs | ps) >= MATCH and speaker_right(a.speaker, g.source)
                for gs, g in zip(g_sets, gold, strict=True)
            )
            samples.append((a.features, int(hit)))
            doc_of.append(k)
    # The threshold is chosen on the first --tune-docs documents with a model fitted on the others;
    # the shipped model is then fitted on all of train.
    held_out = [k for k, d in enumerate(doc_of) if d >= args.tune_docs]
    weights, bias = learn([samples[k] for k in held_out], args)
    tune = list(zip(names, texts, docs, strict=True))[: args.tune_docs]
    best = (-1.0, 0.5)
    for threshold in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45):
        model = CueModel(weights=weights, bias=bias, threshold=threshold)
        acc = {k: PRF() for k in ("all_content", "all_attributed", "direct_content", "direct_attributed")}
        tally = Counter[str]()
        for name, text, doc in tune:
            state = ArticleState(clean=CleanDocument(text=text), doc=doc)
            annotate_entities(state)
            annotate_quotes(state, lex, model=model)
            score_doc(text, parse_ann(anns[name], text), group_by_cue(state.quotes), acc, tally)  # type: ignore[arg-type]
        f1 = acc["all_attributed"].f1
        content_f1 = acc["all_content"].f1
        print(f"threshold {threshold}: attributed F1 {f1:.4f} content F1 {content_f1:.4f} (held-out slice)")
        if f1 > best[0]:
            best = (f1, threshold)
    weights, bias = learn(samples, args)
    labels = [y for _, y in samples]
    write_model(
        OUT,
        {
            "_doc": "Written by eval/quotes_model_train.py (PolNeAR train): logistic regression over "
            "dateline.nlp.quote_model.feature_names.",
            "feature_version": FEATURE_VERSION,
            "documents": len(names),
            "candidates": len(samples),
            "positives": sum(labels),
        },
        args,
        best[1],
        bias,
        weights,
    )
    print(f"threshold {best[1]} written to {OUT}")


if __name__ == "__main__":
    main()
