"""Cross-article entity merging: the company, acronym and title patterns of business and wire news."""

from __future__ import annotations

import sqlite3

import pytest

from dateline.corpus import assign, ensure_corpus_schema
from dateline.corpus.entities import entity_keys, name_tokens, org_core, same_name
from dateline.nlp.pipeline import article_id
from dateline.schema import Article, Entity, Mention


@pytest.fixture
def conn() -> sqlite3.Connection:
    c = sqlite3.connect(":memory:")
    ensure_corpus_schema(c)
    return c


def _article(text: str, published: str, names: dict[str, str]) -> Article:
    entities = []
    for i, (name, type_) in enumerate(names.items(), start=1):
        start = text.find(name)
        assert start >= 0, name
        entities.append(
            Entity(id=f"e{i}", name=name, type=type_, mentions=[Mention(text=name, start=start, end=start + len(name))])
        )
    return Article(id=article_id(text), title=text.split(".")[0], text=text, published=published, entities=entities)


def _corpus_entity(conn: sqlite3.Connection, article: Article, local: str) -> str:
    row = conn.execute(
        "SELECT entity FROM corpus_entity_mentions WHERE article = ? AND local_id = ?", (article.id, local)
    ).fetchone()
    return str(row[0])


def test_company_with_and_without_its_legal_form_is_one_company():
    assert same_name("Apple", "Apple Inc.", "ORG")
    assert same_name("Chrysler LLC", "Chrysler", "ORG")
    assert same_name("General Motors Corporation", "General Motors", "ORG")
    assert same_name("Ford Motor Co.", "Ford Motor Company", "ORG")
    assert same_name("Chrysler Holding LLC", "Chrysler", "ORG")


def test_company_short_name_drops_the_generic_industry_word():
    assert same_name("Ford", "Ford Motor Company", "ORG")
    assert same_name("Apple Computer", "Apple", "ORG")
    assert same_name("Nissan", "Nissan Motors", "ORG")
    assert org_core(["ford", "motor", "company"]) == ["ford"]


def test_sister_companies_and_divisions_stay_apart():
    assert not same_name("Apple", "Apple Corps", "ORG")  # the Beatles' company
    assert not same_name("Ford", "Ford Australia", "ORG")
    assert not same_name("General Motors", "General Electric", "ORG")
    assert not same_name("General Motors", "General Dynamics Corporation", "ORG")


def test_title_words_come_off_people_not_companies():
    assert name_tokens("General Motors", "ORG") == ["general", "motors"]
    assert name_tokens("Prince Edward Island", "GPE") == ["prince", "edward", "island"]
    assert name_tokens("General David Petraeus", "PERSON") == ["david", "petraeus"]
    assert same_name("Gen. David Petraeus", "Petraeus", "PERSON")


def test_acronym_of_company_is_an_index_key():
    assert "ORG:gm" in entity_keys("General Motors", "ORG")
    assert "ORG:gm" in entity_keys("General Motors Corporation", "ORG")
    assert same_name("GM", "General Motors Corporation", "ORG")
    assert not any(k == "PERSON:jd" for k in entity_keys("John Doe", "PERSON"))


def test_acronym_seen_first_then_full_name_is_one_entity(conn):
    first = _article("GM shares fell 4% on Monday. GM said sales slowed.", "2009-03-02", {"GM": "ORG"})
    second = _article(
        "General Motors asked Washington for more aid on Tuesday.", "2009-03-03", {"General Motors": "ORG"}
    )
    assign(conn, first)
    assign(conn, second)
    assert _corpus_entity(conn, first, "e1") == _corpus_entity(conn, second, "e1")


def test_company_and_its_legal_name_in_two_reports_are_one_entity(conn):
    first = _article("Apple Inc. unveiled a new phone in Cupertino on Monday.", "2010-06-07", {"Apple Inc.": "ORG"})
    second = _article("Apple said orders for the phone broke records.", "2010-06-09", {"Apple": "ORG"})
    other = _article("Apple Corps settled its trademark case with the label.", "2010-06-10", {"Apple Corps": "ORG"})
    for a in (first, second, other):
        assign(conn, a)
    assert _corpus_entity(conn, first, "e1") == _corpus_entity(conn, second, "e1")
    assert _corpus_entity(conn, other, "e1") != _corpus_entity(conn, first, "e1")
