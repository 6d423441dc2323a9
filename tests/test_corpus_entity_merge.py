"""Corpus entities that turn out to be one after the fact, and the names entities go by.

Fixture texts are written for these tests; each test is named for the news pattern it handles.
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.corpus import assign, ensure_corpus_schema, recluster
from dateline.corpus.aliases import NONE, STRONG, WEAK, display_name, entity_match, merge_safe, name_match
from dateline.corpus.entity_merge import canonical
from dateline.corpus.names import same_name
from dateline.corpus.timeline import entity_profile
from dateline.nlp.pipeline import article_id
from dateline.schema import Article, Entity, Event, EventTime, Mention, Quote, Span, Speaker


@pytest.fixture
def conn() -> sqlite3.Connection:
    c = sqlite3.connect(":memory:")
    ensure_corpus_schema(c)
    return c


def _article(text: str, published: str, names: dict[str, str], forms: dict[str, list[str]] | None = None) -> Article:
    """An article whose entities are ``names`` (name → type); ``forms`` adds other mentions of one entity."""
    entities = []
    for i, (name, type_) in enumerate(names.items(), start=1):
        mentions = []
        for surface in [name, *(forms or {}).get(name, [])]:
            start = text.find(surface)
            assert start >= 0, surface
            mentions.append(Mention(text=surface, start=start, end=start + len(surface)))
        entities.append(Entity(id=f"e{i}", name=name, type=type_, mentions=mentions))
    return Article(id=article_id(text), title=text.split(".")[0], text=text, published=published, entities=entities)


def _entity_of(conn: sqlite3.Connection, article: Article, local: str) -> str:
    row = conn.execute(
        "SELECT entity FROM corpus_entity_mentions WHERE article = ? AND local_id = ?", (article.id, local)
    ).fetchone()
    return str(row[0])


def _count(conn: sqlite3.Connection, sql: str, *args: object) -> int:
    return int(conn.execute(sql, args).fetchone()[0])


# -- Pure name logic -----------------------------------------------------------------------------


def test_short_service_name_is_a_weak_match_for_the_long_one():
    assert name_match("Air Force", "United States Air Force", "ORG") == WEAK
    assert name_match("United States Air Force", "Air Force", "ORG") == WEAK
    assert name_match("Air Force", "Boeing-Air Force", "ORG") == NONE  # a compound, not a longer name
    assert name_match("York", "New York", "GPE") == NONE  # places never match by tail
    assert name_match("Zelensky", "Volodymyr Zelenskyy", "PERSON") == STRONG


def test_another_countrys_air_force_does_not_join_the_us_air_force_through_the_bare_name():
    aliases = ["United States Air Force", "Air Force", "USAF"]
    assert entity_match("Royal Saudi Air Force", aliases, "ORG") == NONE
    assert entity_match("Air Force", aliases, "ORG") == STRONG
    assert entity_match("U.S. Air Force", ["Air Force"], "ORG") == WEAK


def test_full_name_of_a_second_johnson_does_not_join_the_first_through_the_bare_surname():
    assert entity_match("Dwayne Johnson", ["Johnson", "Boris Johnson"], "PERSON") == NONE
    assert entity_match("Boris Johnson", ["Johnson", "Boris Johnson"], "PERSON") == STRONG
    assert entity_match("Johnson", ["Johnson", "Boris Johnson"], "PERSON") == STRONG
    assert not merge_safe([["Boris Johnson", "Johnson"], ["Dwayne Johnson"], ["Johnson"]], "PERSON")
    assert merge_safe([["Johnson"], ["Boris Johnson"]], "PERSON")


def test_airports_with_similar_spellings_but_different_words_are_different_places():
    assert not same_name("Chiang Mai International Airport", "Changi International Airport", "GPE")
    assert same_name("Volodymyr Zelensky", "Volodymyr Zelenskyy", "PERSON")


def test_airline_short_name_drops_airlines_but_sister_carriers_stay_apart():
    assert same_name("China Eastern", "China Eastern Airlines", "ORG")
    assert same_name("Qatar Airways", "Qatar", "ORG")
    assert not same_name("China Eastern Airlines", "China Southern Airlines", "ORG")
    assert not same_name("John Smith", "Joan Smith", "PERSON")


def test_company_goes_by_its_most_frequent_name_not_its_longest():
    assert display_name([("Apple Computer", 2), ("Apple", 9), ("Apple Inc.", 3)], "ORG") == "Apple"
    assert display_name([("Chrysler Holding LLC", 1), ("Chrysler", 4), ("Chrysler LLC", 2)], "ORG") == "Chrysler"


def test_tie_between_company_names_goes_to_the_one_without_a_legal_form():
    assert display_name([("Chrysler LLC", 2), ("Chrysler", 2)], "ORG") == "Chrysler"
    assert display_name([("Ford Motor", 2), ("Ford Motor Co.", 2)], "ORG") == "Ford Motor"


def test_acronym_gives_way_to_the_spelled_out_name_and_a_service_to_its_full_title():
    assert display_name([("GM", 2), ("General Motors", 3)], "ORG") == "General Motors"
    assert display_name([("GM", 3), ("General Motors", 2), ("General Motors Corp.", 2)], "ORG") == "General Motors"
    assert display_name([("EADS", 5), ("European Aeronautic Defence", 1), ("EADS NV", 1)], "ORG") == "EADS"
    assert display_name([("NATO", 4)], "ORG") == "NATO"
    assert display_name([("Air Force", 4), ("United States Air Force", 3)], "ORG") == "United States Air Force"


def test_stray_word_the_tagger_kept_does_not_lead_the_name():
    assert display_name([("for Apple Corps", 2), ("Apple Corps", 1)], "ORG") == "Apple Corps"


def test_person_goes_by_a_full_name_without_the_title():
    aliases = [("Trump", 10), ("Donald Trump", 2), ("President Donald Trump", 3), ("Melania", 0)]
    assert display_name(aliases, "PERSON") == "Donald Trump"
    assert display_name([("Peskov", 5), ("Dmitry Peskov", 1)], "PERSON") == "Dmitry Peskov"
    assert display_name([("Peskov", 5)], "PERSON") == "Peskov"


# -- Merging in the corpus -----------------------------------------------------------------------

PENTAGON = "Boeing and the Pentagon discussed tanker costs."


def test_air_force_then_united_states_air_force_merge_when_a_report_names_both(conn):
    first = _article(
        f"The Air Force delayed the tanker contract. {PENTAGON}",
        "2004-05-01",
        {"Air Force": "ORG", "Boeing": "ORG", "Pentagon": "ORG"},
    )
    # A report with no shared context: the long name alone does not take a stranger's short one.
    second = _article(
        "The United States Air Force flew over Nevada.",
        "2004-05-02",
        {"United States Air Force": "ORG", "Nevada": "GPE"},
    )
    assign(conn, first)
    assign(conn, second)
    older, younger = _entity_of(conn, first, "e1"), _entity_of(conn, second, "e1")
    assert older != younger
    third = _article(
        f"The United States Air Force said the Air Force would rebid. {PENTAGON}",
        "2004-05-03",
        {"United States Air Force": "ORG", "Air Force": "ORG", "Boeing": "ORG", "Pentagon": "ORG"},
    )
    assign(conn, third)
    merged = {_entity_of(conn, a, "e1") for a in (first, second)} | {_entity_of(conn, third, "e2")}
    assert merged == {older}  # the older id survives, everywhere
    assert canonical(conn, younger) == older
    assert _count(conn, "SELECT COUNT(*) FROM corpus_entities WHERE id = ?", younger) == 0
    name, n_articles = conn.execute("SELECT name, n_articles FROM corpus_entities WHERE id = ?", (older,)).fetchone()
    assert (name, n_articles) == ("United States Air Force", 3)
    assert conn.execute("SELECT loser, survivor, article FROM corpus_entity_merges").fetchall() == [
        (younger, older, third.id)
    ]
    orphans = "SELECT COUNT(*) FROM corpus_entity_keys WHERE entity NOT IN (SELECT id FROM corpus_entities)"
    assert _count(conn, orphans) == 0  # no index key leads to the entity merged away


def test_acronym_and_full_airline_name_merge_through_a_report_that_uses_both(conn):
    first = _article(f"SIA ordered ten jets. {PENTAGON}", "2007-01-01", {"SIA": "ORG", "Boeing": "ORG"})
    second = _article("Singapore Airlines flew the first superjumbo.", "2007-01-02", {"Singapore Airlines": "ORG"})
    assign(conn, first)
    assign(conn, second)
    assert _entity_of(conn, first, "e1") != _entity_of(conn, second, "e1")
    third = _article(
        f"Singapore Airlines (SIA) took delivery. {PENTAGON}",
        "2007-01-03",
        {"Singapore Airlines": "ORG", "Boeing": "ORG"},
        forms={"Singapore Airlines": ["SIA"]},
    )
    assign(conn, third)
    ids = {_entity_of(conn, a, "e1") for a in (first, second, third)}
    assert len(ids) == 1
    (only,) = ids
    assert conn.execute("SELECT name FROM corpus_entities WHERE id = ?", (only,)).fetchone()[0] == "Singapore Airlines"


def test_surname_first_then_full_name_is_one_spokesman_named_in_full(conn):
    first = _article(
        "Peskov told reporters the Kremlin had no comment.", "2025-05-01", {"Peskov": "PERSON", "Kremlin": "ORG"}
    )
    second = _article(
        "Dmitry Peskov said the Kremlin was ready to talk.", "2025-05-02", {"Dmitry Peskov": "PERSON", "Kremlin": "ORG"}
    )
    assign(conn, first)
    assign(conn, second)
    entity = _entity_of(conn, first, "e1")
    assert _entity_of(conn, second, "e1") == entity
    profile = entity_profile(conn, "Peskov")
    assert profile is not None and profile["name"] == "Dmitry Peskov" and profile["articles"] == 2


def test_two_johnsons_are_never_merged_through_a_bare_johnson(conn):
    pm = _article("Johnson addressed Parliament in London.", "2020-01-01", {"Johnson": "PERSON", "London": "GPE"})
    pm_full = _article(
        "Boris Johnson met Parliament in London.", "2020-01-02", {"Boris Johnson": "PERSON", "London": "GPE"}
    )
    actor = _article(
        "Dwayne Johnson opened a gym in London.", "2020-01-03", {"Dwayne Johnson": "PERSON", "London": "GPE"}
    )
    bare = _article("Johnson spoke in London on Friday.", "2020-01-04", {"Johnson": "PERSON", "London": "GPE"})
    for a in (pm, pm_full, actor, bare):
        assign(conn, a)
    assert _entity_of(conn, pm, "e1") == _entity_of(conn, pm_full, "e1")
    assert _entity_of(conn, actor, "e1") != _entity_of(conn, pm, "e1")
    assert _count(conn, "SELECT COUNT(*) FROM corpus_entity_merges") == 0
    assert _count(conn, "SELECT COUNT(*) FROM corpus_entities WHERE type = 'PERSON'") == 2


def test_merge_carries_quotes_and_is_rebuilt_identically_by_recluster(conn):
    first = _article(
        f"The Air Force said costs rose. {PENTAGON}",
        "2004-05-01",
        {"Air Force": "ORG", "Boeing": "ORG", "Pentagon": "ORG"},
    )
    first.quotes = [
        Quote(text="costs rose", start=22, end=32, kind="indirect", speaker=Speaker(entity="e1", name="Air Force"))
    ]
    second = _article(
        "The United States Air Force said it flew over Nevada.",
        "2004-05-02",
        {"United States Air Force": "ORG", "Nevada": "GPE"},
    )
    second.quotes = [
        Quote(
            text="it flew over Nevada",
            start=34,
            end=53,
            kind="indirect",
            speaker=Speaker(entity="e1", name="United States Air Force"),
        )
    ]
    third = _article(
        f"The United States Air Force and the Air Force chief spoke. {PENTAGON}",
        "2004-05-03",
        {"United States Air Force": "ORG", "Air Force": "ORG", "Boeing": "ORG", "Pentagon": "ORG"},
    )
    for a in (first, second, third):
        assign(conn, a)
    profile = entity_profile(conn, "United States Air Force")
    assert profile is not None
    assert sorted(q["text"] for q in profile["quotes"]) == ["costs rose", "it flew over Nevada"]

    def snapshot() -> tuple[list[tuple[object, ...]], ...]:
        return tuple(
            conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
            for t in ("corpus_entities", "corpus_entity_mentions", "corpus_entity_aliases", "corpus_entity_merges")
        )

    before = snapshot()
    recluster(conn)
    assert snapshot() == before
    assign(conn, third)  # re-ingest: a no-op
    assert snapshot() == before


def test_entity_view_of_a_merged_air_force_lists_its_events_quotes_and_neighbours(tmp_path):
    text = f"The Air Force signed a tanker deal with Boeing. {PENTAGON}"
    first = _article(text, "2004-05-01", {"Air Force": "ORG", "Boeing": "ORG", "Pentagon": "ORG"})
    start = text.find("signed")
    first.events = [
        Event(
            id="v1",
            type="AGREE",
            trigger=Span(text="signed", start=start, end=start + 6),
            actors=["e1"],
            targets=["e2"],
            time=EventTime(text="Monday", value="2004-05-01"),
        )
    ]
    first.quotes = [
        Quote(text="a tanker deal", start=21, end=34, kind="indirect", speaker=Speaker(entity="e1", name="Air Force"))
    ]
    second = _article(
        "The United States Air Force flew over Nevada.",
        "2004-05-02",
        {"United States Air Force": "ORG", "Nevada": "GPE"},
    )
    third = _article(
        f"The United States Air Force said the Air Force would rebid. {PENTAGON}",
        "2004-05-03",
        {"United States Air Force": "ORG", "Air Force": "ORG", "Boeing": "ORG", "Pentagon": "ORG"},
    )
    db = str(tmp_path / "c.db")
    c = sqlite3.connect(db)
    ensure_corpus_schema(c)
    for a in (first, second):
        assign(c, a)
    younger = _entity_of(c, second, "e1")
    assign(c, third)
    c.commit()
    c.close()
    runner = CliRunner()
    result = runner.invoke(main, ["entity", younger, "--db", db, "--format", "jsonl"])  # an id from before the merge
    assert result.exit_code == 0, result.output
    profile = json.loads(result.output)
    assert profile["name"] == "United States Air Force" and profile["articles"] == 3
    assert [(e["type"], e["roles"]) for e in profile["events"]] == [("AGREE", ["actor"])]
    assert [q["text"] for q in profile["quotes"]] == ["a tanker deal"]
    assert [n["name"] for n in profile["co_occurring"]][:2] == ["Boeing", "Pentagon"]
    result = runner.invoke(main, ["entity", "Air Force", "--db", db])
    assert result.exit_code == 0, result.output
    assert "United States Air Force (ORG), 3 articles" in result.output
    assert "2004-05-01 AGREE (signed) as actor" in result.output
    result = runner.invoke(main, ["timeline", "--db", db, "--between", "United States Air Force", "Boeing"])
    assert result.exit_code == 0 and "AGREE" in result.output


def test_summary_names_the_carmaker_by_its_usual_name_not_its_legal_one(tmp_path):
    from dateline.cli.store import open_writer

    db = str(tmp_path / "store.sqlite")
    with open_writer(db) as store:
        for text, name, day in (
            ("Chrysler Holding LLC filed for bankruptcy in New York.", "Chrysler Holding LLC", "2009-04-30"),
            ("Chrysler said its plants would close for a month.", "Chrysler", "2009-05-01"),
            ("Chrysler and Fiat signed their alliance.", "Chrysler", "2009-05-02"),
        ):
            article = _article(text, day, {name: "ORG"})
            article.source_path = f"{day}.txt"
            store.add(article)
        stats = store.stats(top=5)
    assert [(e["name"], e["articles"]) for e in stats.top_entities] == [("Chrysler", 3)]
    result = CliRunner().invoke(main, ["summary", "--db", db])
    assert result.exit_code == 0 and "Chrysler Holding" not in result.stdout
