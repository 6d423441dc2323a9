"""The ``dateline`` command line: one module per command family."""

from __future__ import annotations

import click

from dateline import __version__
from dateline.cli.corpus import COMMANDS as CORPUS_COMMANDS
from dateline.cli.export import export
from dateline.cli.extract import extract
from dateline.cli.ingest import ingest
from dateline.cli.query import events, quotes, search, show
from dateline.cli.report import stats, summary
from dateline.cli.store import migrate


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
def main() -> None:
    """dateline: who said and did what, to whom, where and when, from news text."""


main.add_command(extract)
main.add_command(ingest)
main.add_command(search)
main.add_command(show)
main.add_command(quotes)
main.add_command(events)
main.add_command(stats)
main.add_command(summary)
main.add_command(export)
main.add_command(migrate)
for _command in CORPUS_COMMANDS:
    main.add_command(_command)


def run() -> None:
    """The console entry point: ``main`` with a quiet exit when the reader of stdout goes away."""
    import os
    import sys

    try:
        main()
    except BrokenPipeError:
        # `dateline extract ... | head`: stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
