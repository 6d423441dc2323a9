"""The times layer end to end: spaCy detection, clause tense, and the seed article."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.clean import CleanDocument
from dateline.nlp.model import load_nlp
from dateline.nlp.state import ArticleState
from dateline.nlp.times import annotate_times
from dateline.schema import TimeExpression


def times_of(text: str, published: str | None = "2025-05-19") -> list[TimeExpression]:
    state = ArticleState(clean=CleanDocument(text=text, published=published), doc=load_nlp()(text))
    annotate_times(state)
    for t in state.times:
        assert text[t.start : t.end] == t.text
    return state.times


def values(text: str, published: str | None = "2025-05-19") -> dict[str, str | None]:
    return {t.text: t.value for t in times_of(text, published)}


def test_seed_article_times(seed_path: Path) -> None:
    from dateline.run.local import extract_paths

    article = next(extract_paths([str(seed_path)], published="2025-05-19"))
    by_text: dict[str, list[TimeExpression]] = {}
    for t in article.times:
        assert article.text[t.start : t.end] == t.text
        by_text.setdefault(t.text, []).append(t)
    assert by_text["Monday"][0].value == "2025-05-19"
    moscow = by_text["5 p.m. Moscow time"][0]
    eastern = next(t for t in article.times if "10 a.m. Eastern" in t.text)
    assert moscow.value == "2025-05-19T17:00+03:00"
    assert eastern.value == "2025-05-19T10:00-04:00"
    assert moscow.utc == eastern.utc == "2025-05-19T14:00:00Z"
    assert by_text["last week"][0].value == "2025-W20"
    weekend = next(t for t in article.times if t.text.endswith("weekend"))
    assert weekend.value == "2025-W20-WE"
    assert by_text["Sunday"][0].value == "2025-05-18"
    assert by_text["March 2022"][0].value == "2022-03"
    thirty = by_text["30-day"][0]
    assert (thirty.type.value, thirty.value) == ("DURATION", "P30D")


def test_bare_weekday_in_past_clause_is_previous_day() -> None:
    assert values("The minister resigned Thursday after the vote.")["Thursday"] == "2025-05-15"


def test_will_meet_tuesday_is_next_tuesday() -> None:
    assert values("Putin and Trump will meet Tuesday in Geneva.")["Tuesday"] == "2025-05-20"


def test_plans_to_visit_on_friday_is_ahead() -> None:
    assert values("The president plans to visit Kyiv on Friday.")["Friday"] == "2025-05-23"


def test_month_in_future_clause_is_next_such_month() -> None:
    assert values("Elections will be held in March.")["March"] == "2026-03"
    assert values("Elections were held in March.")["March"] == "2025-03"


def test_bare_year_needs_a_temporal_context() -> None:
    text = "Police said 1990 protesters gathered; the law dates from 1990."
    assert [(t.start, t.value) for t in times_of(text)] == [(text.rindex("1990"), "1990")]


def test_without_publication_date_values_stay_unresolved() -> None:
    found = values("The talks ended last week. Officials met Tuesday for 30 days.", published=None)
    assert found["last week"] is None
    assert found["Tuesday"] == "XXXX-WXX-2"
    assert found["30 days"] == "P30D"


def test_local_time_uses_dateline_place() -> None:
    from dateline.schema import Dateline

    text = "The sirens sounded at 3 a.m. local time."
    clean = CleanDocument(text=text, published="2025-01-10", dateline=Dateline(place="Kyiv", raw="KYIV (AP) —"))
    state = ArticleState(clean=clean, doc=load_nlp()(text))
    annotate_times(state)
    (t,) = state.times
    assert (t.value, t.utc) == ("2025-01-10T03:00+02:00", "2025-01-10T01:00:00Z")


def test_pretty_output_shows_resolved_times(tmp_path: Path) -> None:
    from dateline.cli import main

    path = tmp_path / "story.txt"
    path.write_text("Talks took place last week in Istanbul.\n\nA 30-day truce was proposed.\n")
    result = CliRunner().invoke(main, ["extract", str(path), "--published", "2025-05-19", "--format", "pretty"])
    assert result.exit_code == 0, result.output
    assert "Times" in result.output
    assert "2025-W20" in result.output
    assert "P30D" in result.output


@pytest.mark.parametrize("published", ["2025-05-19T08:30:00Z", "2025-05-19T08:30:00+02:00", "2025-05-19"])
def test_published_datetime_anchors_on_its_date(published: str) -> None:
    assert values("Officials spoke yesterday.", published)["yesterday"] == "2025-05-18"


def test_year_before_singular_noun_is_a_date() -> None:
    found = times_of("The two sides broke the 1991 accord, officials said.")
    assert [(t.text, t.value) for t in found] == [("1991", "1991")]


def test_last_quarter_in_earnings_report_is_previous_quarter() -> None:
    found = values("Profit fell in the last quarter, the company said.", published="2007-01-18")
    assert found["the last quarter"] == "2006-Q4"


def test_tuesdays_vote_is_in_the_past() -> None:
    found = values("Lawmakers will review Tuesday's vote.", published="2025-05-22")
    assert found["Tuesday"] == "2025-05-20"


def test_as_early_as_friday_looks_ahead() -> None:
    found = values("The envoy said talks could resume as early as Friday.")
    assert found["Friday"] == "2025-05-23"


def test_news_schedule_in_present_tense_is_ahead() -> None:
    found = values("Arafat and Albright meet separately Monday in London.", "2025-05-21")
    assert found["Monday"] == "2025-05-26"
    assert values("Paribas says Monday that it will bid.", "2025-05-21")["Monday"] == "2025-05-19"


def test_is_to_resume_tuesday_is_ahead() -> None:
    assert values("Trading is to resume in Paris Tuesday.", "2025-05-19")["Tuesday"] == "2025-05-20"


def test_capitalised_unit_words_in_a_show_title_are_not_times() -> None:
    found = values('Gonzalez said on CBS\'s "60 Minutes." Baker spoke on ABC\'s "This Week" on Sunday.')
    assert "60 Minutes" not in found and "This Week" not in found
    assert "Sunday" in found
    assert "This week" in values("This week, the index fell 3%.")


def test_fiscal_year_needs_no_other_signal() -> None:
    assert values("Sales will be slightly above fiscal 1989 sales.", "1989-11-02")["fiscal 1989"] == "1989"


def test_until_before_a_past_clause_looks_back() -> None:
    assert values("Until Thursday, they had not called him a suspect.")["Thursday"] == "2025-05-15"
    assert values("The offer was extended until Friday.")["Friday"] == "2025-05-23"


def test_a_plan_told_in_the_past_tense_dates_back() -> None:
    assert values("On Friday, the government planned to pay the families.")["Friday"] == "2025-05-16"
    assert values("Officials plan to meet Friday.")["Friday"] == "2025-05-23"
