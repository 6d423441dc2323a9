"""Train the quotes layer's extent model (``dateline.nlp.quote_extent``) on PolNeAR **train**.

For every indirect quote the layer plans (with its shipped candidate model, without the extent
model) whose sentence goes on past it, ``quote_extent.extensions`` proposes carrying it on to the
end of the sentence. Each proposal is labelled against the gold attribution that shares most words
with the quote: positive when the longer words match it (whitespace-token Jaccard >= 0.5, as
eval/quotes.py) and the quote's own do not, negative when it is the other way round; proposals that
change nothing are left out. An L2-regularised logistic regression (``quotes_model_train.learn``) is
fitted on ``quote_extent.extent_features``. The threshold is the one with the most matches won
net of matches lost over ``--folds`` document folds, each judged by a model fitted on the others;
the shipped model is then fitted on all of train. Writes ``src/dateline/nlp/data/quote_extent_model.json``.
Never run on dev or test.

    .venv/bin/python eval/quotes_extent_train.py [--cache FILE.docbin]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT
from quotes import MATCH, parse_ann, polnear_train, token_index, tokens_of
from quotes_model_train import learn, write_model

OUT = ROOT / "src" / "dateline" / "nlp" / "data" / "quote_extent_model.json"
THRESHOLDS = (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cache", help="a DocBin of the parsed train texts (written when absent)")
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--steps", type=int, default=300)
    ap.add_argument("--folds", type=int, default=4)
    args = ap.parse_args()
    corpus = polnear_train(args.cache)
    if corpus is None:
        return

    from dateline.nlp.quote_data import lexicon
    from dateline.nlp.quote_extent import FEATURE_VERSION, extensions
    from dateline.nlp.quote_model import CueModel, cue_model
    from dateline.nlp.quotes import plan_quotes
    from dateline.schema import QuoteKind

    names, anns, texts, docs = corpus
    lex, judge = lexicon(), cue_model()
    # One group per quote: its proposals as (features, label); label 1 when the new end wins a match,
    # 0 when it loses one, None when it changes nothing.
    groups: list[tuple[int, list[tuple[list[str], int | None]]]] = []
    for k, (name, text, doc) in enumerate(zip(names, texts, docs, strict=True)):
        toks = token_index(text)
        starts = [t[0] for t in toks]
        gold = [tokens_of(g.content, toks, starts) for g in parse_ann(anns[name], text)]
        planned = plan_quotes(doc, text, lex, judge)
        rows = [(p.start, p.end, p.attribution, p.kind == QuoteKind.indirect) for p in planned]
        by_quote: dict[int, list[tuple[list[str], int | None]]] = {}
        for i, stop, features in extensions(doc, text, rows, lex):
            own = tokens_of([(planned[i].start, planned[i].end)], toks, starts)
            other = tokens_of([(min(planned[i].start, stop), stop)], toks, starts)
            best = max(gold, key=lambda g: len(g & own), default=frozenset())
            before, after = jaccard(best, own) >= MATCH, jaccard(best, other) >= MATCH
            by_quote.setdefault(i, []).append((features, int(after) if before != after else None))
        groups.extend((k, proposals) for proposals in by_quote.values())
    samples = [(f, y) for _, proposals in groups for f, y in proposals if y is not None]
    print(f"{len(samples)} proposals that change a match ({sum(y for _, y in samples)} win one)")
    net = dict.fromkeys(THRESHOLDS, 0)
    for fold in range(args.folds):
        train = [(f, y) for d, proposals in groups if d % args.folds != fold for f, y in proposals if y is not None]
        weights, bias = learn(train, args)
        model = CueModel(weights=weights, bias=bias, threshold=0.5)
        for d, proposals in groups:
            if d % args.folds != fold:
                continue
            scored = sorted(((model.probability(f), y) for f, y in proposals), key=lambda x: -x[0])
            for t in THRESHOLDS:
                label = next((y for p, y in scored if p >= t), None)  # the likeliest end the model takes
                net[t] += 0 if label is None else (1 if label else -1)
    for t in THRESHOLDS:
        print(f"threshold {t}: {net[t]:+d} matches net (held-out folds)")
    threshold = max(THRESHOLDS, key=lambda t: (net[t], t))
    weights, bias = learn(samples, args)
    write_model(
        OUT,
        {
            "_doc": "Written by eval/quotes_extent_train.py (PolNeAR train): logistic regression over "
            "dateline.nlp.quote_extent.extent_features.",
            "feature_version": FEATURE_VERSION,
            "documents": len(names),
            "quotes": len(groups),
            "proposals": len(samples),
            "positives": sum(y for _, y in samples),
            "held_out_net": net[threshold],
        },
        args,
        threshold,
        bias,
        weights,
    )
    print(f"threshold {threshold} written to {OUT}")


if __name__ == "__main__":
    main()
