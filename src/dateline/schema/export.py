"""Print the JSON Schema of the article contract: ``python -m dateline.schema.export``."""

from __future__ import annotations

import json

from dateline.schema import Article


def article_json_schema() -> dict[str, object]:
    """The JSON Schema generated from the pydantic models (serialization view)."""
    return Article.model_json_schema(by_alias=True, mode="serialization")


def main() -> None:
    print(json.dumps(article_json_schema(), indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
