"""A U.S. politician's party tag after the name: ``Sen. Ann Hale, D-Wash.,``, ``Rep. Jo Lin
(R-Texas)``. It says the party and the state, so that ``the Washington Democrat`` later in the
article is that person, not the party (data: ``data/party_tags.json``)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# ", D-Wash.," or " (R-N.Y.)" right after a name.
TAG_AFTER = re.compile(r"\s*[,(]\s*([DRI])-\s?([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)\s*[,)]")
# A tag the tagger took for a name of its own ("D-Wash" as a place).
TAG_WORD = re.compile(r"[DRI]-[A-Z][A-Za-z.]*")
# How far past a name its tag may start.
TAG_REACH = 24


@dataclass(frozen=True)
class PartyTag:
    party: str  # "D", "R" or "I"
    state: str | None  # the state's name in lower case ("washington"), None for an unknown abbreviation


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """Party words → party letter; a state's name or abbreviation (lower case, no dots or
    spaces) → the state's name."""
    data = json.loads(resources.files("dateline.nlp").joinpath("data", "party_tags.json").read_text(encoding="utf-8"))
    parties = {str(w): str(letter) for letter, words in data["parties"].items() for w in words}
    states: dict[str, str] = {}
    for name, abbreviations in data["states"].items():
        for form in (name, *abbreviations):
            states[_key(str(form))] = str(name)
    return parties, states


def _key(word: str) -> str:
    return word.lower().replace(".", "").replace(" ", "")


def tag_after(text: str, end: int) -> PartyTag | None:
    """The party tag right after a name ending at char ``end``, or None."""
    m = TAG_AFTER.match(text[end : end + TAG_REACH])
    if m is None:
        return None
    return PartyTag(party=m.group(1), state=_tables()[1].get(_key(m.group(2))))


def is_tag(word: str) -> bool:
    """``D-Wash``, ``R-Mo.``: a party tag, not a name."""
    return TAG_WORD.fullmatch(word) is not None


def party_of(word: str) -> str | None:
    """The party letter a word names its members by (``Republican`` → R), or None."""
    return _tables()[0].get(word.lower())


def state_of(words: str) -> str | None:
    """The state ``words`` name (``Missouri``, ``New York``) in lower case, or None."""
    return _tables()[1].get(_key(words))
