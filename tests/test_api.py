"""The Python API gives the same article as the command line."""

from __future__ import annotations

import dateline

STORY = (
    "Council approves new bus lanes\n\n"
    "LEEDS, England (AP) — The city council approved three new bus lanes on Tuesday after a two-hour "
    "debate, officials said.\n\n"
    "“This is a good day for commuters,” said council leader Hannah Price.\n"
)


def test_extract_text_cleans_and_annotates_one_story() -> None:
    article = dateline.extract_text(STORY, published="2025-03-05")
    assert article.title == "Council approves new bus lanes"
    assert article.dateline is not None and article.dateline.place == "Leeds, England"
    assert any(e.name == "Hannah Price" for e in article.entities)
    quote = next(q for q in article.quotes if q.text.startswith("This is a good day"))
    assert quote.speaker is not None and quote.speaker.name == "Hannah Price"
    tuesday = next(t for t in article.times if t.text == "Tuesday")
    assert tuesday.value == "2025-03-04"


def test_extract_text_reads_an_html_page() -> None:
    page = (
        "<html><head><title>Bus lanes approved</title></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in STORY.split("\n\n")[1:])
        + "</article></body></html>"
    )
    article = dateline.extract_text(page, html=True, published="2025-03-05")
    assert "three new bus lanes" in article.text
    assert not article.errors
