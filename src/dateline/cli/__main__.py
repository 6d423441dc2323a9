"""``python -m dateline.cli``."""

from dateline.cli import run

run()
