"""dateline: reads news and turns it into a record of who said and did what, to whom, where and when."""

from __future__ import annotations

from dateline.api import extract_paths, extract_text
from dateline.schema import Article

__version__ = "0.1.0"

__all__ = ["Article", "__version__", "extract_paths", "extract_text"]
