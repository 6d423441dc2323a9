"""Issue 2's acceptance, as a person sees it: `dateline extract SEED --published 2025-05-19 --format pretty`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PEOPLE = {
    "Donald Trump": None,
    "Vladimir Putin": None,
    "Volodymyr Zelenskyy": None,
    "Dmitry Peskov": "Kremlin spokesperson",
    "Steve Witkoff": "envoy",
    "JD Vance": None,
    "Marco Rubio": None,
}


def test_seed_pretty_output_shows_header_subheads_and_people(seed_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "dateline.cli",
            "extract",
            str(seed_path),
            "--published",
            "2025-05-19",
            "--format",
            "pretty",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={"COLUMNS": "200", "PATH": ""},
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "dateline: Washington" in out
    assert "credits: Associated Press" in out
    assert "Share this" not in out
    assert "Zelenskyy: Russia doesn’t want to end war in Ukraine" in out
    assert "Russia batters Kyiv with deadly strikes" in out
    entity_rows = [line for line in out.splitlines() if line.startswith("│ e")]
    for name, role in PEOPLE.items():
        rows = [row for row in entity_rows if f"│ {name} " in row]
        assert len(rows) == 1, f"{name} should be exactly one entity row"
        if role:
            assert role in rows[0]
