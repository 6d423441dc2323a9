"""``dateline extract``: annotate documents and print them."""

from __future__ import annotations

import json
import sys

import click

from dateline.run.local import extract_paths


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--published",
    metavar="DATE",
    help="Publication date/time (ISO 8601) for every input; overrides metadata.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json", "pretty"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one contract object per line; json: one array; pretty: for a person.",
)
def extract(paths: tuple[str, ...], published: str | None, fmt: str) -> None:
    """Extract articles from PATHS (files, directories, '-' for stdin) and print them in input order."""
    failed = 0
    first = True
    if fmt == "json":
        sys.stdout.write("[")
    for article in extract_paths(paths, published=published):
        failed += bool(article.errors and not article.text)
        if fmt == "pretty":
            from dateline.cli.render import render_article

            render_article(article)
        elif fmt == "json":
            sys.stdout.write(("" if first else ",\n") + json.dumps(article.to_json_dict(), ensure_ascii=False))
        else:
            sys.stdout.write(json.dumps(article.to_json_dict(), ensure_ascii=False) + "\n")
        first = False
    if fmt == "json":
        sys.stdout.write("]\n")
    sys.exit(1 if failed else 0)
