"""SQLite store: connection, migrations, repository, full-text search.

``Store(path)`` is the API; ``Store(path, readonly=True)`` for readers.
"""

from __future__ import annotations

from dateline.store.connection import StoreError
from dateline.store.queries import StoreStats
from dateline.store.repository import DEFAULT_PATH, Store
from dateline.store.search import SearchHit

__all__ = ["DEFAULT_PATH", "SearchHit", "Store", "StoreError", "StoreStats"]
