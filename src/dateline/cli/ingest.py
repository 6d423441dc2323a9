"""``dateline ingest``: annotate documents and keep them in the SQLite store."""

from __future__ import annotations

import sqlite3
import sys
from collections import Counter

import click

from dateline.cli.options import jobs_option, published_option, ray_option
from dateline.cli.store import db_option, open_writer
from dateline.errors import Code, error
from dateline.run.outcome import FailureSummary
from dateline.run.progress import stderr_console, track_documents
from dateline.schema import Article
from dateline.store import Store

# The order the closing line reports outcomes in.
OUTCOMES = ("added", "replaced", "unchanged", "failed")


def store_article(store: Store, article: Article, replace: bool) -> bool:
    """Add one article; a record the store or a hook rejects (a layer bug) fails that document only.

    Trouble with the database itself (locked, disk full, read-only) still stops the run.
    """
    try:
        return store.add(article, replace=replace)
    except sqlite3.OperationalError:
        raise
    except Exception as exc:
        where = article.source_path or article.url or article.id
        problem = error(Code.E010_INTERNAL, where, f"store: {exc}")
        article.errors.append(problem)
        return store.add_failure(where, [problem])


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@published_option
@jobs_option
@ray_option
@click.option(
    "--replace",
    is_flag=True,
    help="Re-write articles already in the store (after a model or layer update) instead of skipping them.",
)
def ingest(
    paths: tuple[str, ...],
    db: str,
    published: str | None,
    jobs: int,
    use_ray: bool,
    ray_address: str | None,
    replace: bool,
) -> None:
    """Annotate documents into the store: PATH is a file, a folder or '-' for stdin.

    An article already stored (same cleaned text, hence same id) is left unchanged. A document
    that cannot be read is recorded under failures. Exit code 0: all went in; 1: some failed.
    """
    from dateline.run.local import extract_paths  # spaCy loads only for commands that annotate

    console = stderr_console()
    summary = FailureSummary()
    counts: Counter[str] = Counter()
    articles = extract_paths(paths, published=published, jobs=jobs, ray=use_ray, ray_address=ray_address)
    with open_writer(db) as store:
        for article in track_documents(articles, "ingest", console):
            existed = bool(article.text.strip()) and article.id in store
            written = store_article(store, article, replace)
            if summary.add(article):
                counts["failed"] += 1
            elif not written:
                counts["unchanged"] += 1
            else:
                counts["replaced" if existed else "added"] += 1
    click.echo(f"{db}: " + ", ".join(f"{counts[k]} {k}" for k in OUTCOMES if counts[k] or k != "replaced"))
    summary.print(console)
    sys.exit(summary.exit_code)
