"""TimeML conventions the times layer follows beyond the pure normalizer (spaCy-backed)."""

from __future__ import annotations

from dateline.clean import CleanDocument
from dateline.nlp.model import load_nlp
from dateline.nlp.state import ArticleState
from dateline.nlp.times import annotate_times


def values(text: str, published: str = "2025-05-19") -> dict[str, str | None]:
    state = ArticleState(clean=CleanDocument(text=text, published=published), doc=load_nlp()(text))
    annotate_times(state)
    return {t.text: t.value for t in state.times}


def test_a_quarter_of_the_market_is_a_share_not_a_period() -> None:
    assert values("The region supplies a quarter of the world's oil.") == {}
    assert values("Pension plans hold the bonds, owning more than a quarter of all the city's debt.") == {}
    assert values("Profit rose in the quarter.")["the quarter"] == "2025-Q1"


def test_march_for_life_is_an_event_name_not_a_month() -> None:
    found = values("Families walked in the yearly March for Life downtown in January.")
    assert "March" not in found
    assert found["January"] == "2025-01"
    assert values("He resigned in March for health reasons.")["March"] == "2025-03"


def test_following_year_in_a_story_counts_from_the_year_named() -> None:
    found = values("The company was founded in 1996. The following year it moved to Ohio.")
    assert found["The following year"] == "1997"


def test_bare_clock_time_belongs_to_the_day_named_before() -> None:
    found = values("The fire started on May 2. Firefighters arrived at 10 p.m. and left at dawn.")
    assert found["10 p.m."] == "2025-05-02T22:00"


def test_weakness_hurt_the_index_friday_is_past() -> None:
    # "hurt" reads as present to the tagger; a singular subject shows it is the past form.
    found = values("Weakness in chip stocks hurt the market on Friday.")
    assert found["Friday"] == "2025-05-16"


def test_clausal_subject_to_verb_takes_the_main_verbs_tense() -> None:
    # The parse a tagger gives "Among the countries to join on Friday were Poland and Hungary."
    from spacy.tokens import Doc

    from dateline.nlp.timex_tense import clause_tense

    words = ["Among", "the", "countries", "to", "join", "on", "Friday", "were", "Poland", "."]
    heads = [4, 2, 0, 4, 7, 4, 5, 7, 7, 7]
    deps = ["prep", "det", "pobj", "aux", "csubj", "prep", "pobj", "ROOT", "attr", "punct"]
    tags = ["IN", "DT", "NNS", "TO", "VB", "IN", "NNP", "VBD", "NNP", "."]
    pos = ["ADP", "DET", "NOUN", "PART", "VERB", "ADP", "PROPN", "AUX", "PROPN", "PUNCT"]
    lemmas = ["among", "the", "country", "to", "join", "on", "Friday", "be", "Poland", "."]
    doc = Doc(load_nlp().vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
    assert clause_tense(doc[6:7]) == "past"


def test_todays_world_is_the_present_age_not_a_day() -> None:
    assert "today" not in values("Such rules make little sense in today's world, the judge wrote.")
    assert "today" not in values("The chip powers many of today's personal computers.")
    assert values("The offer was advertised in today's editions.")["today"] == "2025-05-19"


def test_sentence_initial_now_comma_turns_the_discourse() -> None:
    assert "Now" not in values('The plan was sound. Now, he says, "it looks like a trap."')
    assert values("Now the company plans to expand.")["Now"] == "PRESENT_REF"
    assert values("The firm now holds 5% of the shares.")["now"] == "PRESENT_REF"


def test_people_of_tomorrow_and_high_noon_are_not_times() -> None:
    assert "tomorrow" not in values("He said he would choose the leaders of tomorrow.")
    assert values("The vote is tomorrow.")["tomorrow"] == "2025-05-20"
    assert "noon" not in values("For the voters, high noon comes today.")
    assert values("They met at noon.")["noon"] == "2025-05-19T12:00"


def test_earnings_year_earlier_compares_with_the_reported_quarter_not_the_last_one_named() -> None:
    # The story reports the third quarter; a flat second quarter is named before the comparison.
    found = values(
        "Acme reported a 15% rise in third-quarter earnings. After a weak second quarter, margins "
        "benefited from costs booked in the year-earlier period.",
        published="1989-11-01",
    )
    assert found["the year-earlier period"] == "1988-Q3"


def test_earnings_year_ago_after_a_future_quarter_keeps_the_reported_one() -> None:
    found = values(
        "Acme reported lower third-quarter net. Brokers see losses lasting through the third "
        "quarter of 1990. In the year-ago period, Acme made $64 million.",
        published="1989-10-26",
    )
    assert found["the third quarter of 1990"] == "1990-Q3"
    assert found["the year-ago period"] == "1988-Q3"


def test_earnings_year_ago_results_after_the_year_ago_quarter_stay_one_year_back() -> None:
    found = values(
        "Acme lost $57 million in the third quarter. It made $6 million in the year-ago quarter. "
        "The year-ago figures were revised.",
        published="1989-11-01",
    )
    assert found["the year-ago quarter"] == "1988-Q3"
    assert found["year-ago"] == "1988-Q3"


def test_earnings_quarter_ended_date_then_a_year_ago_is_the_quarter() -> None:
    found = values(
        "Acme reported third-quarter results. It lost $92 million for the quarter ended Sept. 30, "
        "compared with net income of $10 million a year ago.",
        published="1989-11-01",
    )
    assert found["a year ago"] == "1988-Q3"


def test_corresponding_period_last_year_is_the_reported_period_a_year_back() -> None:
    found = values(
        "Acme booked a third-quarter loss, against a profit of $2.4 million for the corresponding "
        "period last year. Export revenue for last year's quarter came to $5 million.",
        published="1989-11-01",
    )
    assert found["the corresponding period last year"] == "1988-Q3"
    assert found["last year's quarter"] == "1988-Q3"
    quarter = values(
        "Columbia posted a third-quarter loss. For the quarter a year ago, it earned $48 million.", "1989-10-26"
    )
    assert quarter == {"third-quarter": "1989-Q3", "the quarter a year ago": "1988-Q3"}
    monthly = values("Ford sold 150,000 cars in February, up 43% from the same period last year.", "2010-03-03")
    assert monthly["the same period last year"] == "2009-02"


def test_annually_after_an_amount_is_a_rate_not_a_time() -> None:
    found = values(
        "Management expects revenue to increase by 20% annually. The plant would produce 10,000 units annually."
    )
    assert "annually" not in found
    assert values("Tiny fractions of Nasdaq's average daily volume changed hands.") == {}
    assert values("The parade resembled the ones staged here annually for the founder.")["annually"] == "P1Y"
    assert values("The ministry has staged such briefings almost daily.")["daily"] == "P1D"


def test_growth_over_the_past_year_is_located_in_the_year_before() -> None:
    found = values("Membership in the clubs grew across the country over the past year.", published="1998-03-03")
    assert found["over the past year"] == "1997"
    ahead = values("The depots will be shut over the next year or so, an official said.", published="1989-11-02")
    assert ahead["the next year"] == "1990"
    assert values("The index rose over the past three years.")["the past three years"] == "P3Y"


def test_the_quarter_after_a_fiscal_quarter_is_that_quarter() -> None:
    found = values(
        "Sun earned $5.2 million in the fiscal first quarter. Sun shipped 28,000 systems in the quarter.",
        published="1989-10-26",
    )
    assert found["the quarter"] == "1989-Q1"
    # A quarter still to come is not the one results are reported for.
    ahead = values(
        "Analysts expect a loss in next year's first quarter. Profit rose in the quarter.", published="1989-10-26"
    )
    assert ahead["the quarter"] == "1989-Q3"


def test_first_quarter_of_last_year_is_one_expression() -> None:
    found = values("In the first quarter of last year, GM had reported a loss.", published="2009-05-07")
    assert found == {"the first quarter of last year": "2008-Q1"}


def test_monthly_sales_against_the_same_month_a_year_ago() -> None:
    found = values("Ford sales dropped 42% in January from the same month a year ago.", published="2009-02-03")
    assert found["the same month a year ago"] == "2008-01"
    assert "a year ago" not in found


def test_deal_should_be_completed_in_october_looks_ahead() -> None:
    assert values("The transaction should be completed in October.", "2009-06-05")["October"] == "2009-10"
    assert values("The merger may close in March.", "2009-06-05")["March"] == "2010-03"
    # "could" tells of the past as often: "could not be reached Wednesday".
    found = values("Her neighbours could not be reached Wednesday at their homes.", "2000-01-06")
    assert found["Wednesday"] == "2000-01-05"


def test_as_of_february_is_a_cut_off_the_nearest_february() -> None:
    found = values("Apple said that as of February, the iTunes store accounts for 70% of sales.", "2008-04-09")
    assert found["February"] == "2008-02"


def test_earnings_the_1988_period_is_the_reported_quarter_of_that_year() -> None:
    found = values(
        "Acme reported a 12% rise in third-quarter earnings. In the 1989 period also, borrowing "
        "costs and taxes were lower than a year ago. Bolt made $212,000 in the 1988 quarter.",
        published="1989-11-01",
    )
    assert found["the 1989 period"] == "1989-Q3"
    assert found["a year ago"] == "1988-Q3"
    assert found["the 1988 quarter"] == "1988-Q3"


def test_this_quarters_loss_in_an_earnings_report_is_the_reported_quarter() -> None:
    found = values(
        "Acme reported a net loss of $4.6 million for the third quarter ended Sept. 30. This quarter's loss "
        "reflects one-time costs.",
        published="1989-11-01",
    )
    assert found["This quarter"] == "1989-Q3"
    assert values("Sales should improve this quarter.", published="1989-11-01")["this quarter"] == "1989-Q4"


def test_the_latest_period_after_a_fiscal_second_quarter_is_that_quarter() -> None:
    found = values(
        "Harbor Mills reported a profit for the fiscal second quarter. The latest period reflects "
        "a gain of $3.2 million.",
        published="1989-10-26",
    )
    assert found["The latest period"] == "1989-Q2"
    assert values("In the latest quarter, Aetna had a loss.", published="1989-10-30")["the latest quarter"] == "1989-Q3"


def test_offer_had_been_due_to_expire_friday_is_past() -> None:
    found = values("The bid was extended to Nov. 16. It had been due to lapse Friday evening.", "1989-10-30")
    assert found["Friday evening"] == "1989-10-27TEV"
    assert values("The offer is due to expire Friday.", "1989-10-30")["Friday"] == "1989-11-03"


def test_earnings_nine_months_compared_with_a_year_earlier_is_the_year() -> None:
    found = values(
        "Third-quarter profit climbed 9%. For the nine months, profit was $310 million, compared with "
        "$52.1 million a year earlier.",
        published="1989-10-26",
    )
    assert found["the nine months"] == "P9M"
    assert found["a year earlier"] == "1988"
