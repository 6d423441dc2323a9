"""The output contract: generated JSON Schema is checked in and must not drift."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.schema import SCHEMA_VERSION, Article
from dateline.schema.export import article_json_schema

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "src" / "dateline" / "schema" / "article.schema.json"


def test_checked_in_json_schema_matches_models() -> None:
    assert json.loads(SCHEMA_FILE.read_text()) == article_json_schema(), "run `make schema` and commit"


def test_article_serializes_contract_names() -> None:
    data = Article(id="x", text="").to_json_dict()
    assert data["schema"] == "dateline/article"
    assert data["schema_version"] == SCHEMA_VERSION
    for key in (
        "id",
        "source_path",
        "url",
        "title",
        "published",
        "dateline",
        "credits",
        "text",
        "subheads",
        "entities",
        "quotes",
        "times",
        "amounts",
        "events",
        "errors",
    ):
        assert key in data
