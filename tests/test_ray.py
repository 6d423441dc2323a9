"""Annotation on Ray actors: a real local Ray (2 CPUs), started once for the session."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.ingest import RawDocument
from dateline.run.local import annotate_raw
from dateline.run.outcome import is_failed
from dateline.run.ray_runner import annotate_on_ray
from store_samples import batch_with_a_crash

TEXTS = [
    "Officials in Berlin said on Monday that the talks would resume next week.",
    "",
    "The mayor of Lagos opened a new bridge on Friday, saying it cost $40 million.",
    '"We will not back down," the union leader told reporters in Nairobi on Tuesday.',
    "Farmers blocked roads near Brussels on Wednesday to protest new rules.",
]


@pytest.fixture(scope="session")
def local_ray() -> Iterator[None]:
    """One local Ray for every test here; annotate_on_ray uses it rather than starting its own."""
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, object_store_memory=128 * 1024 * 1024, log_to_driver=False)
    yield
    ray.shutdown()


def _raws() -> list[RawDocument]:
    return [RawDocument(f"doc{i}.txt", text=t) for i, t in enumerate(TEXTS)]


def test_ray_gives_the_in_process_articles_in_input_order(local_ray: None) -> None:
    in_process = list(annotate_raw(_raws(), published="2025-05-19"))
    on_ray = list(annotate_on_ray(_raws(), published="2025-05-19", workers=2, chunk_size=2))
    assert [a.source_path for a in on_ray] == [f"doc{i}.txt" for i in range(len(TEXTS))]
    assert [a.model_dump() for a in on_ray] == [a.model_dump() for a in in_process]
    assert on_ray[0].entities and all(a.published == "2025-05-19" for a in on_ray)


def test_a_crashed_actor_costs_only_its_documents(local_ray: None) -> None:
    raws = batch_with_a_crash()
    out = list(annotate_on_ray(raws, workers=2, chunk_size=1))
    assert [a.source_path for a in out] == [r.source_path for r in raws]
    assert [e.code for e in out[1].errors] == ["E010"] and not out[1].text
    # Every other document went through, those after the crash on a restarted actor included.
    for article in out[:1] + out[2:]:
        assert article.text and not is_failed(article), article.source_path


def _store_rows(db: Path) -> list[str]:
    """Every row of the store, the clock columns blanked (they record when, not what)."""
    with sqlite3.connect(db) as con:
        for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            for column in con.execute(f"SELECT name FROM pragma_table_info('{table}')").fetchall():
                if column[0].endswith(("_at", "_seen")):
                    con.execute(f'UPDATE "{table}" SET "{column[0]}" = \'\'')
        return [line for line in con.iterdump() if line.startswith("INSERT") and "schema_migrations" not in line]


def test_cli_ingest_on_ray_fills_the_store_as_in_process(local_ray: None, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(TEXTS):
        (folder / f"doc{i}.txt").write_text(text, encoding="utf-8")
    runner = CliRunner()
    plain, on_ray = tmp_path / "plain.sqlite", tmp_path / "ray.sqlite"
    args = [str(folder), "--published", "2025-05-19"]
    first = runner.invoke(main, ["ingest", *args, "--db", str(plain)])
    second = runner.invoke(main, ["ingest", *args, "--db", str(on_ray), "--ray", "--jobs", "2"])
    assert first.exit_code == second.exit_code == 1  # doc1.txt is empty: E002 in both
    assert second.stdout == first.stdout.replace(str(plain), str(on_ray))
    rows = _store_rows(plain)
    assert len(rows) > len(TEXTS) and _store_rows(on_ray) == rows


def test_ray_option_without_ray_installed_says_how_to_install(tmp_path: Path) -> None:
    # A ``ray`` that cannot be imported, ahead of any installed one: as on a default install.
    shim = tmp_path / "shim" / "ray"
    shim.mkdir(parents=True)
    (shim / "__init__.py").write_text("raise ImportError('no ray here')\n", encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text("The minister resigned on Monday.", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(shim.parent), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run(
        [sys.executable, "-m", "dateline.cli", "extract", str(doc), "--ray"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert "pip install 'dateline[ray]'" in result.stderr
