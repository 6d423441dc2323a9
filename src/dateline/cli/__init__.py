"""The ``dateline`` command line: one module per command family."""

from __future__ import annotations

import click

from dateline import __version__
from dateline.cli.corpus import COMMANDS as CORPUS_COMMANDS
from dateline.cli.extract import extract


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
def main() -> None:
    """dateline: who said and did what, to whom, where and when, from news text."""


main.add_command(extract)
for _command in CORPUS_COMMANDS:
    main.add_command(_command)
