"""The docs are tested: the command reference matches the commands, the README names each command."""

from __future__ import annotations

from pathlib import Path

import click

from dateline.cli import main
from dateline.cli.docs import command_reference

ROOT = Path(__file__).resolve().parent.parent


def test_command_reference_is_up_to_date() -> None:
    assert (ROOT / "docs" / "cli.md").read_text() == command_reference(), (
        "run `.venv/bin/python -m dateline.cli.docs > docs/cli.md` and commit"
    )


def test_readme_names_every_command() -> None:
    readme = (ROOT / "README.md").read_text()
    ctx = click.Context(main, info_name="dateline")
    missing = [name for name in main.list_commands(ctx) if f"dateline {name}" not in readme]
    assert not missing, f"README.md does not document: {missing}"


def test_readme_quick_start_is_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    quick = readme.split("## Quick start", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in quick.strip().splitlines()]
    assert commands == ["make demo", "make test"]
