"""``dateline extract``: annotate documents and print them."""

from __future__ import annotations

import json
import sys

import click

from dateline.cli.options import jobs_option, published_option, ray_option
from dateline.run.outcome import FailureSummary
from dateline.run.progress import stderr_console, track_documents


@click.command()
@click.argument("paths", nargs=-1, required=True)
@published_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json", "pretty"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one contract object per line; json: one array; pretty: for a person.",
)
@jobs_option
@ray_option
def extract(
    paths: tuple[str, ...], published: str | None, fmt: str, jobs: int, use_ray: bool, ray_address: str | None
) -> None:
    """Extract articles from PATHS (files, directories, '-' for stdin) and print them in input order.

    Progress and a summary of failures go to stderr. Exit code 0: all went through; 1: some failed.
    """
    from dateline.run.local import extract_paths  # spaCy loads only for commands that annotate

    console = stderr_console()
    summary = FailureSummary()
    first = True
    if fmt == "json":
        sys.stdout.write("[")
    articles = extract_paths(paths, published=published, jobs=jobs, ray=use_ray, ray_address=ray_address)
    for article in track_documents(articles, "extract", console):
        summary.add(article)
        if fmt == "pretty":
            from dateline.cli.render import render_article

            render_article(article)
        elif fmt == "json":
            sys.stdout.write(("" if first else ",\n") + json.dumps(article.to_json_dict(), ensure_ascii=False))
        else:
            sys.stdout.write(json.dumps(article.to_json_dict(), ensure_ascii=False) + "\n")
        sys.stdout.flush()
        first = False
    if fmt == "json":
        sys.stdout.write("]\n")
    summary.print(console)
    sys.exit(summary.exit_code)
