"""Shared fixtures: the seed article and the data folder beside the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "article.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The wire story that the mission is written around (copyrighted: read from shared/, never committed)."""
    if not SEED.exists():
        pytest.skip("../shared/seed/article.txt is absent")
    return SEED
