"""Across articles: copies, stories, merged entities and events, timelines, crash safety."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.corpus import assign, ensure_corpus_schema, export_story_lines, recluster
from dateline.corpus.duplicates import classify_copy
from dateline.corpus.entities import same_name
from dateline.corpus.features import article_features, entity_key
from dateline.corpus.store import CORPUS_TABLES
from dateline.corpus.stories import lead_conflict
from dateline.corpus.text import body_paragraphs, stem
from dateline.corpus.timeline import between_timeline, entity_profile, entity_timeline, story_timeline
from dateline.nlp.pipeline import article_id
from dateline.schema import Amount, Article, Entity, Event, EventTime, Mention, Quote, Span, Speaker

# Self-written wire copy (fictional figures), four paragraphs.
DRONES = [
    "KYIV, Ukraine (AP) — Russia launched 273 drones against Ukraine overnight, the largest single aerial "
    "attack since the full-scale invasion began, Ukraine's air force said on Sunday.",
    "Most of the drones were shot down or jammed, the air force said, but debris fell on apartment blocks in "
    "the Kyiv region, killing a woman and injuring three other people, regional officials reported.",
    'Volodymyr Zelenskyy said the strike showed that Moscow was not interested in a ceasefire. "Every night '
    'of this proves that pressure on Russia must grow," the Ukrainian president wrote on social media.',
    "The attack came hours before Ukrainian and Russian delegations were due to discuss a prisoner exchange "
    "in Istanbul, the first direct talks between the two sides in more than three years.",
]
# The same events in a different newsroom's words: a different story on the same topic.
DRONES_OTHER = [
    "ODESA, Ukraine — Air-raid sirens wailed across the southern port city for most of Tuesday night "
    "as Shahed drones struck grain silos and a power substation, leaving thousands of homes dark.",
    "Emergency crews were still pulling debris from a warehouse near the docks at dawn, and the regional "
    "governor said two dock workers had been taken to hospital with burns.",
    "Farmers who ship wheat through the port said insurance costs had tripled since the summer, and some "
    "exporters were weighing rail routes through Poland and Romania instead.",
]
# Unrelated news.
BUDGET = [
    "WELLINGTON, New Zealand — The government unveiled a budget on Thursday that trims spending on public "
    "hospitals and raises the pension age, prompting protests outside parliament.",
    "Finance Minister Nicola Willis said the cuts were needed to return the books to surplus by 2028, while "
    "opposition lawmakers called the plan a betrayal of nurses and teachers.",
]


def make_article(
    paragraphs: list[str],
    title: str,
    published: str,
    names: dict[str, str] | None = None,
    events: list[Event] | None = None,
    site: str | None = None,
    quotes: list[Quote] | None = None,
) -> Article:
    """A contract article whose entities are the given names (name → type) found in its text."""
    text = "\n\n".join(paragraphs)
    entities = []
    for i, (name, type_) in enumerate((names or {}).items(), start=1):
        mentions = []
        start = text.find(name)
        while start >= 0:
            mentions.append(Mention(text=name, start=start, end=start + len(name)))
            start = text.find(name, start + 1)
        entities.append(Entity(id=f"e{i}", name=name, type=type_, mentions=mentions))
    return Article(
        id=article_id(text),
        title=title,
        text=text,
        published=published,
        entities=entities,
        events=events or [],
        site=site,
        quotes=quotes or [],
        source_path=f"{site or 'wire'}/{title[:20]}.txt",
    )


def attack(trigger: str, text: str, drones: int, actor: str = "e1", target: str = "e2") -> Event:
    """An ASSAULT event by entity ``actor`` on ``target`` with a drone count."""
    start = text.find(trigger)
    n = str(drones)
    q = text.find(n)
    return Event(
        id="v1",
        type="ASSAULT",
        trigger=Span(text=trigger, start=start, end=start + len(trigger)),
        actors=[actor],
        targets=[target],
        time=EventTime(text="overnight", value="2025-05-18"),
        quantities=[Amount(text=f"{n} drones", start=q, end=q + len(n) + 7, value=drones, object="drones")],
    )


@pytest.fixture
def conn() -> sqlite3.Connection:
    c = sqlite3.connect(":memory:")
    ensure_corpus_schema(c)
    c.commit()
    return c


def original() -> Article:
    text = "\n\n".join(DRONES)
    return make_article(
        DRONES,
        "Russia launches record drone attack on Ukraine",
        "2025-05-18",
        {
            "Russia": "GPE",
            "Ukraine": "GPE",
            "Volodymyr Zelenskyy": "PERSON",
            "Kyiv": "GPE",
            "Istanbul": "GPE",
        },
        [attack("launched", text, 273)],
        site="apnews.com",
    )


def syndicated_copy() -> Article:
    """New headline, a share line, the last paragraph cut, two words changed."""
    body = [
        "Share this story on Facebook | X | Email",
        DRONES[0].replace("KYIV, Ukraine (AP) — ", "").replace("overnight", "during the night"),
        DRONES[1].replace("jammed", "electronically jammed"),
        DRONES[2],
    ]
    return make_article(
        body,
        "Ukraine hit by biggest drone barrage of the war",
        "2025-05-18",
        {"Russia": "GPE", "Ukraine": "GPE", "Zelenskyy": "PERSON"},
        site="localpaper.example",
    )


def test_syndicated_copy_with_new_headline_share_line_and_cut_paragraph_is_a_near_copy(conn):
    first = assign(conn, original())
    copy = assign(conn, syndicated_copy())
    assert copy.duplicate_of == first.article
    assert copy.duplicate_kind == "near"
    assert copy.story == first.story


def test_fuller_original_arriving_after_its_cut_copy_becomes_the_canonical_version(conn):
    copy = assign(conn, syndicated_copy())
    full = assign(conn, original())
    assert full.duplicate_of is None
    lines = {line["article"]: line for line in export_story_lines(conn)}
    assert lines[copy.article]["duplicate_of"] == full.article
    kind = conn.execute("SELECT duplicate_kind FROM corpus_assignments WHERE article = ?", (copy.article,))
    assert kind.fetchone()[0] == "near"


def test_exact_republication_is_an_exact_copy(conn):
    first = assign(conn, original())
    same = make_article(["Follow us on X for more news.", *DRONES], "Drones over Kyiv", "2025-05-19")
    result = assign(conn, same)
    assert (result.duplicate_of, result.duplicate_kind) == (first.article, "exact")


def test_two_stories_on_the_same_topic_are_not_copies(conn):
    assign(conn, original())
    other = assign(conn, make_article(DRONES_OTHER, "Drones hit Odesa port", "2025-05-20", {"Odesa": "GPE"}))
    assert other.duplicate_of is None


def test_lead_excerpt_points_to_the_full_story_even_when_it_arrives_first(conn):
    excerpt = make_article(DRONES[:2], "Record drone attack", "2025-05-18", site="brief.example")
    first = assign(conn, excerpt)
    assert first.duplicate_of is None
    full = assign(conn, original())
    assert full.duplicate_of is None
    lines = {line["article"]: line for line in export_story_lines(conn)}
    assert lines[excerpt.id]["duplicate_of"] == full.article
    kind = conn.execute("SELECT duplicate_kind FROM corpus_assignments WHERE article = ?", (excerpt.id,)).fetchone()
    assert kind[0] == "excerpt"
    assert lines[excerpt.id]["story"] == lines[full.article]["story"]


def test_follow_up_joins_the_story_and_unrelated_news_starts_its_own(conn):
    first = assign(conn, original())
    follow = make_article(
        [
            "KYIV, Ukraine — Ukraine counted the damage on Monday after Russia's record drone attack, as "
            "Volodymyr Zelenskyy urged allies to send more air defense systems to stop the drones.",
            "The air force said Russia had launched 273 drones in the overnight attack, most of them shot "
            "down, while officials in the Kyiv region said a woman was killed by falling debris.",
        ],
        "Zelenskyy seeks air defenses after record Russian drone attack",
        "2025-05-19",
        {"Ukraine": "GPE", "Russia": "GPE", "Volodymyr Zelenskyy": "PERSON", "Kyiv": "GPE"},
    )
    assert assign(conn, follow).story == first.story
    budget = assign(
        conn,
        make_article(
            BUDGET,
            "New Zealand budget cuts hospital spending",
            "2025-05-22",
            {"New Zealand": "GPE", "Nicola Willis": "PERSON"},
        ),
    )
    assert budget.story != first.story


def test_copy_verdicts_by_overlap_and_length():
    assert classify_copy(0.8, 100, 110) == ("near", True)
    assert classify_copy(0.8, 120, 100) == ("near", False)  # clearly more complete: the new canonical
    assert classify_copy(0.05, 100, 110) is None
    # 40 of 100 shingles, all inside the longer text: an excerpt of it.
    assert classify_copy(0.4, 40, 100) == ("excerpt", True)
    assert classify_copy(0.4, 100, 40) == ("excerpt", False)
    # Two sentences prove nothing.
    assert classify_copy(1.0, 5, 5) is None


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in CORPUS_TABLES}


def test_assigning_the_same_article_again_is_a_no_op(conn):
    a = original()
    first = assign(conn, a)
    before = _counts(conn)
    assert assign(conn, a) == first
    assert _counts(conn) == before


def test_assign_inside_the_callers_transaction_rolls_back_with_it(conn):
    conn.execute("BEGIN")
    assign(conn, original())
    conn.rollback()
    assert all(n == 0 for n in _counts(conn).values())


def test_recluster_rebuilds_the_same_assignments(conn):
    for article in (original(), syndicated_copy(), make_article(BUDGET, "Budget", "2025-05-22")):
        assign(conn, article)
    before = list(export_story_lines(conn))
    counts = _counts(conn)
    assert recluster(conn) == 3
    assert list(export_story_lines(conn)) == before
    assert _counts(conn) == counts


KILL_SCRIPT = textwrap.dedent(
    """
    import os, sqlite3, sys, json
    from dateline.corpus import assign, ensure_corpus_schema
    from dateline.schema import Article
    import dateline.corpus.store as store
    db, articles, kill_at = sys.argv[1], sys.argv[2], int(sys.argv[3])
    real = store.merge_events
    calls = {"n": 0}
    def dying(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == kill_at:
            os._exit(9)  # the process dies mid-article: no rollback, no cleanup
        return real(*args, **kwargs)
    store.merge_events = dying
    conn = sqlite3.connect(db)
    ensure_corpus_schema(conn)
    conn.commit()
    for line in open(articles):
        assign(conn, Article.model_validate_json(line))
    """
)


def test_ingest_killed_mid_article_and_rerun_loses_and_duplicates_nothing(tmp_path: Path):
    articles = [
        original(),
        syndicated_copy(),
        make_article(DRONES_OTHER, "Odesa", "2025-05-20"),
        make_article(BUDGET, "Budget", "2025-05-22"),
    ]
    jsonl = tmp_path / "articles.jsonl"
    jsonl.write_text("".join(a.model_dump_json(by_alias=True) + "\n" for a in articles))
    script = tmp_path / "ingest.py"
    script.write_text(KILL_SCRIPT)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    killed = subprocess.run([sys.executable, str(script), str(tmp_path / "k.db"), str(jsonl), "3"], env=env)
    assert killed.returncode == 9
    partial = sqlite3.connect(tmp_path / "k.db")
    assert partial.execute("SELECT COUNT(*) FROM corpus_articles").fetchone()[0] == 2
    partial.close()
    rerun = subprocess.run([sys.executable, str(script), str(tmp_path / "k.db"), str(jsonl), "0"], env=env)
    assert rerun.returncode == 0
    clean = subprocess.run([sys.executable, str(script), str(tmp_path / "c.db"), str(jsonl), "0"], env=env)
    assert clean.returncode == 0
    k, c = sqlite3.connect(tmp_path / "k.db"), sqlite3.connect(tmp_path / "c.db")
    assert list(export_story_lines(k)) == list(export_story_lines(c))
    assert _counts(k) == _counts(c)
    assert _counts(k)["corpus_articles"] == 4


def test_zelensky_spellings_become_one_entity_with_aliases(conn):
    assign(conn, original())  # Volodymyr Zelenskyy
    assign(
        conn,
        make_article(
            ["Zelensky met European leaders in Kyiv on Saturday to discuss the war. " * 3],
            "Zelensky meets leaders",
            "2025-05-17",
            {"Zelensky": "PERSON", "Kyiv": "GPE"},
        ),
    )
    profile = entity_profile(conn, "Zelenskyy")
    assert profile is not None
    assert profile["name"] == "Volodymyr Zelenskyy"
    assert set(profile["aliases"]) == {"Volodymyr Zelenskyy", "Zelensky"}
    assert profile["articles"] == 2
    assert "Kyiv" in [c["name"] for c in profile["co_occurring"]]


def test_people_sharing_a_surname_stay_apart():
    assert not same_name("Donald Trump", "Melania Trump", "PERSON")
    assert same_name("President Donald Trump", "Trump", "PERSON")
    assert same_name("Zelensky", "Volodymyr Zelenskyy", "PERSON")
    assert same_name("UN", "United Nations", "ORG")
    assert not same_name("New York", "York", "GPE")
    assert entity_key("President Volodymyr Zelenskyy", "PERSON") == "zelenskyy"


def test_quotes_by_an_entity_are_collected_across_articles(conn):
    a = original()
    q = a.text.find("Every night")
    a.quotes = [
        Quote(
            text="Every night of this proves that pressure on Russia must grow",
            start=q,
            end=q + 60,
            kind="direct",
            speaker=Speaker(entity="e3", name="Volodymyr Zelenskyy"),
        )
    ]
    assign(conn, a)
    profile = entity_profile(conn, "Volodymyr Zelenskyy")
    assert profile is not None
    assert [x["text"] for x in profile["quotes"]] == [a.quotes[0].text]


def _rewritten_report(drones: int, site: str) -> Article:
    """Another newsroom's own report of the same attack, with its own drone count."""
    paragraphs = [
        f"Moscow's forces sent {drones} drones towards Ukraine in a single night, according to Ukrainian "
        "military officials, who described it as the heaviest barrage of its kind so far in the conflict.",
        "Air defense units downed the majority, officials said, though wreckage damaged several residential "
        "buildings outside the capital, where one woman died.",
    ]
    text = "\n\n".join(paragraphs)
    return make_article(
        paragraphs,
        f"Heaviest drone barrage yet ({site})",
        "2025-05-18",
        {"Moscow": "GPE", "Ukraine": "GPE"},
        [attack("sent", text, drones)],
        site=site,
    )


def test_one_attack_from_many_sources_is_one_event_with_conflicting_figures_side_by_side(conn):
    first = assign(conn, original())
    second = assign(conn, _rewritten_report(270, "kyivindependent.example"))
    assert second.story == first.story
    entries = story_timeline(conn, first.story)
    assert len(entries) == 1
    event = entries[0]
    assert (event.type, event.n_reports, event.n_sources, event.date) == ("ASSAULT", 2, 2, "2025-05-18")
    assert sorted(f["value"] for f in event.figures["drones"]) == [270.0, 273.0]


def test_timelines_by_entity_and_between_two_entities(conn):
    assign(conn, original())
    assert [e.type for e in entity_timeline(conn, "Russia")] == ["ASSAULT"]
    assert [e.type for e in between_timeline(conn, "Russia", "Ukraine")] == ["ASSAULT"]
    assert between_timeline(conn, "Russia", "Istanbul") == []


def test_cli_assign_stories_timeline_entity_recluster(tmp_path: Path):
    db = str(tmp_path / "corpus.db")
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text(
        "".join(
            a.model_dump_json(by_alias=True) + "\n"
            for a in (original(), _rewritten_report(270, "kyivindependent.example"))
        )
    )
    runner = CliRunner()
    result = runner.invoke(main, ["assign", str(jsonl), "--db", db])
    assert result.exit_code == 0, result.output
    story = json.loads(result.output.splitlines()[0])["story"]
    result = runner.invoke(main, ["timeline", "--db", db, "--story", story, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    line = json.loads(result.output)
    assert line["n_sources"] == 2 and line["status"] == "occurred"
    result = runner.invoke(main, ["timeline", "--db", db, "--between", "Russia", "Ukraine"])
    assert result.exit_code == 0 and "ASSAULT" in result.output
    result = runner.invoke(main, ["stories", "--db", db, "--format", "jsonl"])
    assert json.loads(result.output.splitlines()[0])["articles"] == 2
    result = runner.invoke(main, ["entity", "Zelenskyy", "--db", db, "--format", "jsonl"])
    assert json.loads(result.output)["type"] == "PERSON"
    result = runner.invoke(main, ["stories", "--db", db])
    assert result.exit_code == 0 and "top entities" in result.output
    result = runner.invoke(main, ["entity", "Zelenskyy", "--db", db])
    assert result.exit_code == 0 and "Volodymyr Zelenskyy (PERSON), 1 articles" in result.output
    assert runner.invoke(main, ["recluster", "--db", db]).exit_code == 0
    assert runner.invoke(main, ["timeline", "--db", db]).exit_code == 2


def test_share_lines_and_credits_are_not_story_paragraphs():
    text = "Share this story\n\nThe council voted 7-2.\n\nReporting by Jane Doe; editing by John Roe"
    assert body_paragraphs(text) == ["The council voted 7-2."]


def test_plural_and_past_forms_share_a_stem():
    assert stem("missiles") == stem("missile")
    assert stem("launches") == stem("launch") == stem("launched")
    assert stem("drones") == stem("drone")


# Two instances of one kind of event (fictional): same team, same charge, another player, another night.
ARREST_ONE = [
    "Harbor City Gulls receiver Dante Okafor was detained before dawn Sunday on suspicion of driving drunk "
    "after officers stopped his car on the coastal highway, the state patrol said.",
    "Okafor was released on bail later in the morning. The Gulls said they were aware of the arrest and "
    "would not comment further while the case was pending.",
]
ARREST_TWO = [
    "Harbor City Gulls defensive tackle Marcus Lindqvist was arrested overnight on suspicion of drunken "
    "driving, weeks after teammate Dante Okafor was stopped on the same highway, the state patrol said.",
    "Lindqvist was released on bail. The Gulls said they were aware of the arrest and would not comment "
    "further while the case was pending.",
]
ARREST_NAMES = {"Dante Okafor": "PERSON", "Marcus Lindqvist": "PERSON", "Harbor City Gulls": "ORG"}
OKAFOR_NAMES = {"Dante Okafor": "PERSON", "Okafor": "PERSON", "Harbor City Gulls": "ORG"}


def test_lead_keys_are_the_people_the_headline_and_first_sentence_name():
    article = make_article(ARREST_TWO, "Gulls tackle arrested on DUI charge", "", ARREST_NAMES)
    keys = article_features(article).lead_keys
    assert "lindqvist" in keys
    # Okafor is named in the first sentence too, as background; a name met only further down is not.
    late = make_article(
        [
            ARREST_TWO[0].replace(", weeks after teammate Dante Okafor was stopped on the same highway", ""),
            ARREST_TWO[1] + " Dante Okafor was arrested last month.",
        ],
        "Gulls tackle arrested on DUI charge",
        "",
        ARREST_NAMES,
    )
    assert article_features(late).lead_keys == frozenset({"lindqvist"})


def test_second_player_arrested_conflicts_with_the_first_players_story(conn):
    first = assign(conn, make_article(ARREST_ONE, "Gulls receiver Okafor arrested on DUI charge", "", OKAFOR_NAMES))
    # Another player who is nowhere in the story: another instance of the same kind of event.
    assert lead_conflict(conn, first.story, frozenset({"lindqvist"}))
    # The story's own protagonist, or someone the story already names, is no conflict.
    assert not lead_conflict(conn, first.story, frozenset({"okafor"}))
    assert not lead_conflict(conn, first.story, frozenset({"lindqvist", "okafor"}))
    assert not lead_conflict(conn, first.story, frozenset())
    follow = make_article(
        [
            ARREST_ONE[0].replace("was detained before dawn Sunday", "pleaded not guilty on Friday to charges filed"),
            "Okafor's lawyer said the breath test had been faulty.",
        ],
        "Okafor pleads not guilty to DUI charge",
        "",
        OKAFOR_NAMES,
    )
    assert assign(conn, follow).story == first.story
