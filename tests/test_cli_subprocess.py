"""The installed ``dateline`` command as a real process: ingest a folder, then read the store."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.schema import Article

DATELINE = Path(sys.executable).parent / "dateline"

STORIES = {
    "harbour.txt": "GDANSK, Poland (AP) — Dock workers in Gdansk went on strike on Thursday, "
    "the Solidarity union said, halting cargo traffic at the Baltic port.\n",
    "floods.txt": "DHAKA, Bangladesh (Reuters) — Floods displaced thousands of families in northern "
    "Bangladesh this week, the disaster management ministry said on Sunday.\n",
    "summit.txt": "NAIROBI, Kenya (AP) — Kenyan President William Ruto hosted East African leaders "
    "in Nairobi for talks on regional trade, his office said.\n",
}


def dateline(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(DATELINE), *args], cwd=cwd, capture_output=True, text=True, timeout=300, check=False)


@pytest.mark.skipif(not DATELINE.exists(), reason="the dateline script is not installed in this environment")
def test_ingest_search_show_stats_export_as_processes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in STORIES.items():
        (corpus / name).write_text(text)

    ingest = dateline("ingest", "corpus", "--db", "news.sqlite", "--jobs", "2", cwd=tmp_path)
    assert ingest.returncode == 0, ingest.stderr
    assert "3 added, 0 unchanged, 0 failed" in ingest.stdout
    assert "ingest: 3 documents" in ingest.stderr  # progress line: stderr is not a terminal here

    again = dateline("ingest", "corpus", "--db", "news.sqlite", cwd=tmp_path)
    assert "0 added, 3 unchanged" in again.stdout

    search = dateline("search", "strike", "--db", "news.sqlite", "--format", "jsonl", cwd=tmp_path)
    hits = [json.loads(line) for line in search.stdout.splitlines()]
    assert [h["source_path"] for h in hits] == ["corpus/harbour.txt"]

    show = dateline("show", hits[0]["id"][:8], "--db", "news.sqlite", "--format", "json", cwd=tmp_path)
    article = Article.model_validate(json.loads(show.stdout))
    assert "Dock workers" in article.text and article.id == hits[0]["id"]

    stats = json.loads(dateline("stats", "--db", "news.sqlite", "--format", "json", cwd=tmp_path).stdout)
    assert stats["articles"] == 3 and stats["entities"] > 0 and stats["failures"] == 0

    export = dateline("export", "--what", "articles", "--db", "news.sqlite", cwd=tmp_path)
    exported = [Article.model_validate(json.loads(line)) for line in export.stdout.splitlines()]
    assert sorted(a.source_path or "" for a in exported) == sorted(f"corpus/{n}" for n in STORIES)
    assert article in exported
