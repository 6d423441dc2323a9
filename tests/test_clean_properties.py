"""Whatever the text, cleaning returns a document whose spans index its own text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.clean.pipeline import clean_document
from dateline.ingest import RawDocument

_LINES = st.sampled_from(
    [
        "WASHINGTON () The talks went on for hours.",
        "Share this @example.test",
        "Russia batters Kyiv with deadly strikes",
        "The council voted on Tuesday to approve the new bridge over the river.",
        "By Jane Doe",
        "The Associated Press contributed to this report.",
        "Published May 19, 2025",
        "",
        "   ",
        "“A quote that never closes",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_LINES, st.text(max_size=80)), max_size=12))
def test_clean_never_raises_and_subheads_index_text(lines: list[str]) -> None:
    clean = clean_document(RawDocument("h.txt", text="\n".join(lines)))
    assert not [e for e in clean.errors if e.code == "E010"]
    for span in clean.subheads:
        assert clean.text[span.start : span.end] == span.text
    assert "\n\n\n" not in clean.text and clean.text == clean.text.strip()
