"""eval/quotes.py reads PolNeAR's brat files and scores predictions against them."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from eval_scripts import load_eval


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_a_split_quotes_second_content_role_is_part_of_the_relation(tmp_path: Path) -> None:
    # brat numbers a repeated role: “…,” she said. “…” can come as Content and Content2.
    ev = load_eval("quotes")
    text = "“The roads are closed,” the mayor said. “Crews will clear them overnight.”\n"
    first, second = _span(text, "“The roads are closed,”"), _span(text, "“Crews will clear them overnight.”")
    source, cue = _span(text, "the mayor"), _span(text, "said")
    ann = tmp_path / "doc_1.ann"
    ann.write_text(
        f"T1\tContent {first[0]} {first[1]}\t-\n"
        f"T2\tContent {second[0]} {second[1]}\t-\n"
        f"T3\tSource {source[0]} {source[1]}\tthe mayor\n"
        f"T4\tCue {cue[0]} {cue[1]}\tsaid\n"
        f"T5\tAttribution {cue[0]} {cue[1]}\tsaid\n"
        "E1\tAttribution:T5 Cue:T4 Source:T3 Content:T1 Content2:T2\n",
        encoding="utf-8",
    )
    [gold] = ev.parse_ann(ann, text)
    assert gold.content == [first, second] and gold.source == [source] and gold.direct
    # Both quotes of the one cue, as the pipeline gives them, are one matching, attributed prediction.
    pred = ev.Pred(content=[(first[0] + 1, first[1] - 2), (second[0] + 1, second[1] - 1)], speaker=source, direct=True)
    acc = {k: ev.PRF() for k in ("all_content", "all_attributed", "direct_content", "direct_attributed")}
    counts: Counter[str] = Counter()
    ev.score_doc(text, [gold], [pred], acc, counts)
    assert (acc["direct_attributed"].tp, acc["direct_attributed"].fp, acc["direct_attributed"].fn) == (1, 0, 0)
