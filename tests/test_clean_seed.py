"""Acceptance on the seed wire story (read from ../shared/seed; skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from dateline.clean.pipeline import clean_document
from dateline.ingest.files import read_documents


def test_seed_article_cleaned(seed_path: Path) -> None:
    (raw,) = read_documents([str(seed_path)])
    clean = clean_document(raw)
    assert "Share this" not in clean.text
    assert clean.dateline is not None
    assert (clean.dateline.place, clean.dateline.agency, clean.dateline.raw) == (
        "Washington",
        None,
        "WASHINGTON ()",
    )
    assert clean.text.startswith("President Donald Trump is looking")
    assert clean.credits == ["Associated Press"]
    assert "contributed to this report" not in clean.text
    assert [s.text for s in clean.subheads] == [
        "Zelenskyy: Russia doesn’t want to end war in Ukraine",
        "Russia batters Kyiv with deadly strikes",
    ]
    assert all(clean.text[s.start : s.end] == s.text for s in clean.subheads)
    assert clean.title is None  # the first line is the dateline paragraph, not a headline
    assert clean.published is None and clean.language == "en" and not clean.errors
    assert len(clean.text.split("\n\n")) == 14  # one per source line, less the share and credit lines


def test_seed_through_the_cli(seed_path: Path) -> None:
    from dateline.cli import main

    result = CliRunner().invoke(main, ["extract", str(seed_path), "--published", "2025-05-19", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    article = json.loads(result.output.splitlines()[0])
    assert article["dateline"] == {"place": "Washington", "agency": None, "raw": "WASHINGTON ()"}
    assert article["credits"] == ["Associated Press"]
    assert article["published"] == "2025-05-19"
    assert len(article["subheads"]) == 2
    assert all(article["text"][s["start"] : s["end"]] == s["text"] for s in article["subheads"])


def test_seed_without_a_date_says_its_relative_times_are_unresolved(seed_path: Path) -> None:
    """No date in the text and none given: published stays null, never today, and the article and
    the run summary say so (an E011 warning, not a failure)."""
    from dateline.cli import main

    result = CliRunner().invoke(main, ["extract", str(seed_path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout.splitlines()[0])
    assert article["published"] is None
    assert [e["code"] for e in article["errors"]] == ["E011"]
    monday = next(t for t in article["times"] if t["text"] == "Monday")
    assert monday["value"] == "XXXX-WXX-1"  # a weekday, no date made up
    assert "E011 ×1 (no publication time" in result.stderr
    dated = CliRunner().invoke(main, ["extract", str(seed_path), "--published", "2025-05-19"])
    assert json.loads(dated.stdout.splitlines()[0])["errors"] == []
