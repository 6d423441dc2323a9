"""dateline: reads news and turns it into a record of who said and did what, to whom, where and when."""

from __future__ import annotations

__version__ = "0.1.0"
