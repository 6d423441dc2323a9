"""Acceptance on the seed wire story: each person is one entity with every mention and its role."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dateline.run.local import extract_paths
from dateline.schema import Article

PEOPLE = {
    "Donald Trump": ("Trump", "President"),
    "Vladimir Putin": ("Putin", "President"),
    "Volodymyr Zelenskyy": ("Zelenskyy", "President"),
    "Dmitry Peskov": ("Peskov", "Kremlin spokesperson"),
    "Steve Witkoff": ("Witkoff", "envoy"),
    "JD Vance": ("Vance", "Vice President"),
    "Marco Rubio": ("Rubio", "Secretary of State"),
}


@pytest.fixture(scope="module")
def article(seed_path: Path) -> Article:
    return next(extract_paths([str(seed_path)], published="2025-05-19"))


@pytest.mark.parametrize("name", sorted(PEOPLE))
def test_seed_person_is_one_entity_with_every_mention(article: Article, name: str) -> None:
    surname, role = PEOPLE[name]
    found = [e for e in article.entities if e.name == name]
    assert len(found) == 1, [(e.name, e.type) for e in article.entities]
    person = found[0]
    assert person.type == "PERSON"
    assert any(role in r for r in person.roles), person.roles
    # Every occurrence of the surname in the text is a mention of this entity, and no other
    # entity claims one.
    occurrences = [m.start() for m in re.finditer(rf"\b{surname}\b", article.text)]
    assert sorted(m.start + m.text.index(surname) for m in person.mentions) == occurrences
    others = [e for e in article.entities if e.id != person.id and any(surname in m.text for m in e.mentions)]
    assert not others


def test_seed_mentions_are_exact_spans(article: Article) -> None:
    for ent in article.entities:
        for m in ent.mentions:
            assert article.text[m.start : m.end] == m.text


def test_seed_has_no_title_junk(article: Article) -> None:
    names = {e.name for e in article.entities}
    assert "State" not in names
    assert "Trump" not in names and "Putin" not in names and "Zelenskyy" not in names
    kyiv = [e for e in article.entities if e.name == "Kyiv"]
    assert len(kyiv) == 1 and kyiv[0].type == "GPE"
