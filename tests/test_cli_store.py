"""The store commands through click: exit codes, filters, exports, help text."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.schema import Article, Entity, Quote, Speaker
from dateline.store import Store
from dateline.store.migrations import MIGRATIONS
from store_samples import failed_article, kyiv_article, washington_article

GOOD_TEXT = (
    "LONDON (Reuters) — Prime Minister Keir Starmer said on Wednesday that Britain would send more "
    "air defence systems to Ukraine before the winter.\n"
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env={"COLUMNS": "160"})  # rich tables wide enough to keep cells on one line


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A store file holding the two hand-built articles and one failed document."""
    path = tmp_path / "store.sqlite"
    with Store(path) as store:
        store.add(kyiv_article())
        store.add(washington_article())
        store.add(failed_article())
    return str(path)


def test_exit_code_one_when_a_document_fails(runner: CliRunner, tmp_path: Path) -> None:
    good = tmp_path / "london.txt"
    good.write_text(GOOD_TEXT)
    missing = tmp_path / "missing.txt"
    db = str(tmp_path / "s.sqlite")
    result = runner.invoke(main, ["ingest", str(good), str(missing), "--db", db])
    assert result.exit_code == 1, result.output
    assert "1 added, 0 unchanged, 1 failed" in result.stdout
    assert "1 of 2 documents failed" in result.stderr
    assert "E001 ×1" in result.stderr and "missing.txt" in result.stderr
    with Store(db, readonly=True) as store:
        assert len(store) == 1
        assert [f["code"] for f in store.failures()] == ["E001"]
    extracted = runner.invoke(main, ["extract", str(good), str(missing)])
    assert extracted.exit_code == 1
    assert len(extracted.stdout.splitlines()) == 2  # the failed document still gets its line


def test_exit_code_zero_and_unchanged_on_reingest(runner: CliRunner, tmp_path: Path) -> None:
    good = tmp_path / "london.txt"
    good.write_text(GOOD_TEXT)
    db = str(tmp_path / "s.sqlite")
    first = runner.invoke(main, ["ingest", str(good), "--db", db, "--published", "2025-10-01"])
    assert first.exit_code == 0, first.output
    assert "1 added" in first.stdout
    assert first.stderr == ""  # one document: no progress line, no failures
    again = runner.invoke(main, ["ingest", str(good), "--db", db])
    assert again.exit_code == 0
    assert "0 added, 1 unchanged, 0 failed" in again.stdout
    replaced = runner.invoke(main, ["ingest", str(good), "--db", db, "--replace"])
    assert "1 replaced" in replaced.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["ingest"],
        ["ingest", "x.txt", "--db", "no/such/folder/s.sqlite"],
        ["ingest", "x.txt", "--published", "last tuesday"],
        ["ingest", "x.txt", "--jobs", "0"],
        ["stats", "--db", "absent.sqlite"],
        ["quotes", "--since", "yesterday"],
        ["events", "--type", "PICNIC"],
        ["export", "--what", "nothing"],
    ],
)
def test_usage_errors_exit_two(
    runner: CliRunner, args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, args)
    assert result.exit_code == 2, result.output


def test_bad_raw_search_is_a_usage_error(runner: CliRunner, db: str) -> None:
    assert runner.invoke(main, ["search", "AND OR", "--raw", "--db", db]).exit_code == 2


def test_search_highlights_the_match(runner: CliRunner, db: str) -> None:
    result = runner.invoke(main, ["search", "drones", "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert [h["id"] for h in hits] == [kyiv_article().id]
    assert "[drones]" in hits[0]["snippet"]
    text = runner.invoke(main, ["search", "sanctions", "--db", db])
    assert washington_article().id[:12] in text.stdout and "US readies new sanctions" in text.stdout


def test_show_accepts_an_id_prefix(runner: CliRunner, db: str) -> None:
    article = kyiv_article()
    result = runner.invoke(main, ["show", article.id[:6], "--db", db, "--format", "json"])
    assert result.exit_code == 0
    assert Article.model_validate(json.loads(result.stdout)) == article
    pretty = runner.invoke(main, ["show", article.id[:6], "--db", db])
    assert "Volodymyr Zelenskyy" in pretty.stdout
    assert runner.invoke(main, ["show", "nothing", "--db", db]).exit_code == 1


def test_show_refuses_an_ambiguous_prefix(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite")
    with Store(db) as store:
        store.add(kyiv_article().model_copy(update={"id": "abc1" + "0" * 20}))
        store.add(washington_article().model_copy(update={"id": "abc2" + "0" * 20}))
    result = runner.invoke(main, ["show", "abc", "--db", db])
    assert result.exit_code == 1
    assert "ambiguous" in result.stderr and "abc1" in result.stderr and "abc2" in result.stderr


def test_export_articles_jsonl_roundtrips_contract(runner: CliRunner, db: str, tmp_path: Path) -> None:
    out = tmp_path / "articles.jsonl"
    result = runner.invoke(main, ["export", "--what", "articles", "--db", db, "--output", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text().splitlines()
    articles = [Article.model_validate(json.loads(line)) for line in lines]
    assert articles == [kyiv_article(), washington_article()]
    assert json.loads(lines[0])["schema"] == "dateline/article"


def test_export_csv_has_flat_columns(runner: CliRunner, db: str) -> None:
    result = runner.invoke(main, ["export", "--what", "events", "--format", "csv", "--db", db])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["type"] for r in rows} == {"ASSAULT", "SANCTION"}
    sanction = next(r for r in rows if r["type"] == "SANCTION")
    assert json.loads(sanction["target_names"]) == ["Moscow"] and sanction["country"] == "US"
    articles = list(csv.DictReader(io.StringIO(runner.invoke(main, ["export", "--format", "csv", "--db", db]).stdout)))
    assert [(a["source_path"], a["quotes"], a["events"]) for a in articles] == [
        ("kyiv.txt", "2", "1"),
        ("washington.txt", "1", "1"),
    ]


def test_export_of_an_empty_table_still_has_a_header(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "empty.sqlite")
    Store(db).close()
    result = runner.invoke(main, ["export", "--what", "quotes", "--format", "csv", "--db", db])
    assert result.stdout.splitlines()[0].startswith("article_id,seq,text,kind,speaker_name")


def test_quotes_command_filters_by_speaker_and_date(runner: CliRunner, db: str) -> None:
    result = runner.invoke(main, ["quotes", "--db", db, "--speaker", "peskov", "--format", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["speaker_name"], r["kind"], r["published"]) for r in rows] == [
        ("Dmitry Peskov", "indirect", "2025-05-19")
    ]
    later = runner.invoke(main, ["quotes", "--db", db, "--since", "2025-06", "--format", "jsonl"])
    assert [json.loads(line)["speaker_name"] for line in later.stdout.splitlines()] == ["Marco Rubio"]
    table = runner.invoke(main, ["quotes", "--db", db])
    assert "Marco Rubio" in table.stdout and "last warning" in table.stdout


def test_quotes_command_lists_stances_only_when_asked(runner: CliRunner, tmp_path: Path) -> None:
    """'Putin opted not to meet Zelenskyy' is no quote of Putin's unless --stance asks for stances too."""
    from dateline.cli.store import open_writer
    from store_samples import content_id, mention, span

    text = "Putin opted not to meet Zelenskyy. Putin said the talks were useful."
    ent = Entity(id="e1", name="Vladimir Putin", type="PERSON", mentions=[mention(text, "Putin")])
    quotes = [
        Quote(
            **span(text, "not to meet Zelenskyy").model_dump(),
            kind="indirect",
            act="stance",
            speaker=Speaker(entity="e1", name="Vladimir Putin", **span(text, "Putin").model_dump()),
            cue=span(text, "opted"),
        ),
        Quote(
            **span(text, "the talks were useful").model_dump(),
            kind="indirect",
            speaker=Speaker(entity="e1", name="Vladimir Putin", **span(text, "Putin", 1).model_dump()),
            cue=span(text, "said"),
        ),
    ]
    db = str(tmp_path / "s.sqlite")
    with open_writer(db) as store:
        store.add(Article(id=content_id(text), source_path="a.txt", text=text, entities=[ent], quotes=quotes))

    def listed(*args: str) -> list[tuple[str, str]]:
        result = runner.invoke(main, ["quotes", "--db", db, "--format", "jsonl", *args])
        assert result.exit_code == 0, result.output
        return [(r["text"], r["act"]) for r in map(json.loads, result.stdout.splitlines())]

    assert listed() == [("the talks were useful", "speech")]
    assert listed("--stance") == [("not to meet Zelenskyy", "stance"), ("the talks were useful", "speech")]
    table = runner.invoke(main, ["quotes", "--db", db, "--stance"])
    assert "stance" in table.stdout and "not to meet" in table.stdout


def test_quotes_command_marks_what_was_reported_as_not_said(runner: CliRunner, tmp_path: Path) -> None:
    """'Peskov did not say whether …' is listed, marked, and credits Peskov with no quote."""
    from dateline.cli.store import open_writer

    article = kyiv_article()
    article.quotes[1] = article.quotes[1].model_copy(update={"negated": True})
    db = str(tmp_path / "s.sqlite")
    with open_writer(db) as store:
        store.add(article)
    result = runner.invoke(main, ["quotes", "--db", db, "--format", "jsonl"])
    assert [(r["speaker_name"], r["negated"]) for r in map(json.loads, result.stdout.splitlines())] == [
        ("Volodymyr Zelenskyy", False),
        ("Dmitry Peskov", True),
    ]
    table = runner.invoke(main, ["quotes", "--db", db]).stdout
    assert "(not) the talks would continue" in " ".join(table.split()).replace("│ ", "")
    assert "(not) We will never" not in table


def test_events_command_filters(runner: CliRunner, db: str) -> None:
    def types(*args: str) -> list[str]:
        result = runner.invoke(main, ["events", "--db", db, "--format", "jsonl", *args])
        assert result.exit_code == 0, result.output
        return [json.loads(line)["type"] for line in result.stdout.splitlines()]

    assert types() == ["SANCTION", "ASSAULT"]
    assert types("--type", "assault") == ["ASSAULT"]
    assert types("--country", "ua") == ["ASSAULT"]
    assert types("--actor", "Russia") == ["ASSAULT"]
    assert types("--since", "2025-05-20") == ["SANCTION"]
    table = runner.invoke(main, ["events", "--db", db])
    assert "Kyiv (UA)" in table.stdout


def test_stats_json_counts_layers(runner: CliRunner, db: str) -> None:
    result = runner.invoke(main, ["stats", "--db", db, "--format", "json"])
    data = json.loads(result.stdout)
    assert {k: data[k] for k in ("articles", "entities", "quotes", "times", "events", "failures")} == {
        "articles": 2,
        "entities": 8,
        "quotes": 3,
        "times": 3,
        "events": 2,
        "failures": 1,
    }
    assert [m["month"] for m in data["by_month"]] == ["2025-05", "2025-06"]
    pretty = runner.invoke(main, ["stats", "--db", db])
    assert "Top entities" in pretty.stdout and "E003" in pretty.stdout


def test_summary_shows_speakers_quotes_and_times(runner: CliRunner, db: str) -> None:
    result = runner.invoke(main, ["summary", "--db", db])
    assert result.exit_code == 0, result.output
    for expected in (
        "2 articles",
        "1 failures",
        "Top entities",
        "Who is quoted",
        "Marco Rubio",
        "never surrender",
        "Time expressions",
        "2025-05-19",
        "E003",
    ):
        assert expected in result.stdout


def test_migrate_lists_applied_migrations(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["migrate", "--db", str(tmp_path / "s.sqlite")])
    assert result.exit_code == 0
    assert result.stdout.count("applied") == len(MIGRATIONS)


def test_every_option_has_help() -> None:
    """datasette's habit: an undocumented option or command fails the build."""
    assert isinstance(main, click.Group)
    for name, command in main.commands.items():
        assert command.help, f"command {name} has no help"
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"{name} {param.opts} has no help text"


def test_a_record_the_store_rejects_fails_only_that_document(tmp_path: Path) -> None:
    from dateline.cli.ingest import store_article
    from dateline.run.outcome import is_failed

    broken = kyiv_article()
    broken.entities.append(broken.entities[0])  # a layer bug: the same entity id twice
    with Store(tmp_path / "s.sqlite") as store:
        assert store_article(store, broken, replace=False) is True
        assert is_failed(broken) and broken.errors[-1].code == "E010"
        assert len(store) == 0
        assert [(f["source_path"], f["code"]) for f in store.failures()] == [("kyiv.txt", "E010")]
        assert store_article(store, washington_article(), replace=False) is True
        assert len(store) == 1


def test_summary_lists_stories_with_their_copies(runner: CliRunner, tmp_path: Path) -> None:
    from dateline.cli.store import open_writer
    from test_corpus import original, syndicated_copy

    db = str(tmp_path / "stories.sqlite")
    with open_writer(db) as store:  # the writer ingest uses: the corpus layer joins each article
        store.add(original())
        store.add(syndicated_copy())
    result = runner.invoke(main, ["summary", "--db", db])
    assert result.exit_code == 0, result.output
    assert "Largest stories" in result.stdout
    row = next(line for line in result.stdout.splitlines() if "│" in line and line.split("│")[3].strip() == "2")
    assert row.split("│")[4].strip() == "1"  # two articles, one of them a copy


def test_summary_of_a_store_without_the_corpus_layer_has_no_story_table(runner: CliRunner, db: str) -> None:
    result = runner.invoke(main, ["summary", "--db", db])
    assert result.exit_code == 0 and "Largest stories" not in result.stdout


def _company_article(text: str, name: str, quote: str, published: str) -> Article:
    from store_samples import content_id, mention, span

    return Article(
        id=content_id(text),
        source_path=f"{published}.txt",
        published=published,
        text=text,
        entities=[Entity(id="e1", name=name, type="ORG", mentions=[mention(text, name)])],
        quotes=[
            Quote(
                **span(text, quote).model_dump(),
                kind="direct",
                speaker=Speaker(entity="e1", name=name, **span(text, name).model_dump()),
                cue=span(text, "said"),
            )
        ],
    )


def test_summary_counts_one_company_under_its_names_across_articles(runner: CliRunner, tmp_path: Path) -> None:
    """'Apple Inc.' in one report and 'Apple' in another are one entity and one speaker in the summary."""
    from dateline.cli.store import open_writer

    db = str(tmp_path / "corpus.sqlite")
    with open_writer(db) as store:
        for text, name, published in (
            ('Apple Inc. said: "Sales rose in Europe."', "Apple Inc.", "2025-05-19"),
            ('Apple said: "The new phone ships in June."', "Apple", "2025-05-20"),
        ):
            store.add(_company_article(text, name, text.split('"')[1], published))
        stats = store.stats(top=5)
    assert [(e["articles"], e["mentions"]) for e in stats.top_entities] == [(2, 2)]
    assert [(s["quotes"], s["articles"]) for s in stats.top_speakers] == [(2, 2)]
    result = runner.invoke(main, ["summary", "--db", db])
    assert result.exit_code == 0 and "Who is quoted" in result.stdout
