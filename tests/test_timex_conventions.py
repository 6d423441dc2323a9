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
    assert values("Funds are big holders, accounting for more than a quarter of the entire junk market.") == {}
    assert values("Profit rose in the quarter.")["the quarter"] == "2025-Q1"


def test_march_for_life_is_an_event_name_not_a_month() -> None:
    found = values("Protesters joined the annual March for Life on Capitol Hill in January.")
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
