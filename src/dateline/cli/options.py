"""Options shared by the commands that annotate documents (``extract``, ``ingest``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def parse_published(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--published``: an ISO 8601 date or date-time, kept as given."""
    if value is None:
        return None
    try:
        datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not an ISO 8601 date or date-time") from exc
    return value.strip()


def published_option(func: F) -> F:
    """``--published DATE``: the publication time for every input, over what the documents say."""
    return click.option(
        "--published",
        metavar="DATE",
        callback=parse_published,
        help="Publication date/time (ISO 8601) for every input; overrides what the documents say.",
    )(func)


def jobs_option(func: F) -> F:
    """``--jobs N``: local worker processes for annotation."""
    return click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=1),
        default=1,
        show_default=True,
        help="Worker processes for annotation (each loads the model once); output order is kept.",
    )(func)


def _need_ray(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Fail at once (exit 2), before any input is read, when ``--ray`` is asked without Ray."""
    if value:
        from dateline.run.ray_runner import RayNotInstalled, import_ray

        try:
            import_ray()
        except RayNotInstalled as exc:
            raise click.UsageError(str(exc), ctx=ctx) from exc
    return value


def ray_option(func: F) -> F:
    """``--ray`` / ``--ray-address ADDR``: annotate on Ray actors (``--jobs`` of them)."""
    func = click.option(
        "--ray-address",
        metavar="ADDR",
        callback=_need_ray,
        help="Join this Ray cluster ('auto' or ray://HOST:PORT) to annotate; implies --ray.",
    )(func)
    return click.option(
        "--ray",
        "use_ray",
        is_flag=True,
        callback=_need_ray,
        help="Annotate on --jobs Ray actors (a local Ray unless --ray-address); needs the 'ray' extra.",
    )(func)
