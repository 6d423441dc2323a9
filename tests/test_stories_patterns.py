"""Story clustering patterns: who an article is about, rival instances of one kind of event, time proximity."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from dateline.corpus import assign, ensure_corpus_schema
from dateline.corpus.features import article_features
from dateline.corpus.stories import (
    DECAY_FLOOR,
    NEAR_BOOST,
    article_vector,
    best_story,
    dates_vouch,
    lead_conflict,
    rival_instance,
    time_decay,
)
from dateline.nlp.pipeline import article_id
from dateline.schema import Article, Entity, Mention

# Self-written fight reports (fictional boxers): one champion, two different challengers, two nights.
FIGHT_ONE = [
    "Heavyweight champion Viktor Brandt kept his titles on Saturday, stopping the American challenger in the "
    "seventh round before a sold-out crowd in Hamburg.",
    "Samuel Okoye had promised to take the belts home, but Okoye was down twice in the sixth round and his "
    "corner threw in the towel a round later. Okoye said he would be back.",
]
FIGHT_TWO = [
    "Heavyweight champion Viktor Brandt kept his titles on Saturday, knocking out his challenger in the "
    "fourth round before a sold-out crowd in Mannheim.",
    "Tony Marsh had talked of an upset all week, but Marsh never found his range, and Marsh was counted out "
    "after a right hand to the temple.",
]
FIGHT_ONE_LATER = [
    "Samuel Okoye asked for a rematch on Monday, two days after Viktor Brandt stopped him in Hamburg.",
    "Okoye said the referee had waved off the fight too soon. Brandt's promoter said the champion would consider it.",
]


def article(paragraphs: list[str], title: str, published: str, names: dict[str, str]) -> Article:
    """A contract article whose entities are the given names (name → type) wherever they occur."""
    text = "\n\n".join(paragraphs)
    entities = []
    for i, (name, type_) in enumerate(names.items(), start=1):
        mentions = []
        start = text.find(name)
        while start >= 0:
            mentions.append(Mention(text=name, start=start, end=start + len(name)))
            start = text.find(name, start + 1)
        entities.append(Entity(id=f"e{i}", name=name, type=type_, mentions=mentions))
    return Article(id=article_id(text), title=title, text=text, published=published, entities=entities)


ONE_NAMES = {"Viktor Brandt": "PERSON", "Okoye": "PERSON", "Hamburg": "GPE"}
TWO_NAMES = {"Viktor Brandt": "PERSON", "Marsh": "PERSON", "Mannheim": "GPE"}


@pytest.fixture
def conn() -> sqlite3.Connection:
    c = sqlite3.connect(":memory:")
    ensure_corpus_schema(c)
    return c


def test_a_challenger_named_throughout_the_body_is_who_the_fight_report_is_about():
    keys = article_features(article(FIGHT_TWO, "Brandt keeps his belts", "2025-03-01", TWO_NAMES)).lead_keys
    # The lead names only the champion; the challenger, named three times further down, counts too.
    assert keys == frozenset({"brandt", "marsh"})
    once = article([FIGHT_TWO[0], "Tony Marsh was counted out."], "Brandt keeps his belts", "2025-03-01", TWO_NAMES)
    assert article_features(once).lead_keys == frozenset({"brandt"})


ARREST_ONE = [
    "Gulls receiver Dante Okafor was arrested early Sunday on suspicion of drunken driving.",
    "Okafor was stopped on the coast highway after midnight and failed a breath test, state patrol "
    "spokesman Ray Dunn said. Okafor was released on bail and the Gulls said they would not comment.",
]
ARREST_OTHER = [
    "Tigers linebacker Marcus Lindqvist was arrested early Friday on suspicion of drunken driving, state "
    "patrol spokesman Ray Dunn said.",
    "Lindqvist was stopped near the stadium and refused a breath test. Lindqvist was released on bail and "
    "the Tigers said they were gathering information.",
]
ARREST_ONE_FOLLOW = [
    "State patrol spokesman Ray Dunn said on Monday that Dante Okafor's breath test had been read twice.",
    "Okafor's lawyer said the reading was faulty and that his client would plead not guilty.",
]
OKAFOR = {"Dante Okafor": "PERSON", "Okafor": "PERSON", "Ray Dunn": "PERSON", "Gulls": "ORG"}
LINDQVIST = {"Marcus Lindqvist": "PERSON", "Lindqvist": "PERSON", "Ray Dunn": "PERSON", "Tigers": "ORG"}


def test_second_player_arrested_is_another_story_even_when_the_same_spokesman_is_quoted(conn):
    first = assign(conn, article(ARREST_ONE, "Gulls receiver arrested", "2025-03-02", OKAFOR))
    other = article_features(article(ARREST_OTHER, "Tigers linebacker arrested", "2025-03-07", LINDQVIST))
    assert other.lead_keys == frozenset({"lindqvist", "dunn"})
    # The spokesman is known to the story, but the arrested player is not, and the report never
    # names the story's protagonist: another arrest of the same kind.
    assert lead_conflict(conn, first.story, other.lead_keys, frozenset(other.terms))
    follow = article_features(article(ARREST_ONE_FOLLOW, "Okafor to plead not guilty", "2025-03-03", OKAFOR))
    assert not lead_conflict(conn, first.story, follow.lead_keys, frozenset(follow.terms))
    # Without the article's entities the older, lenient reading applies: the spokesman is known.
    assert not lead_conflict(conn, first.story, other.lead_keys)


def test_coverage_within_days_of_a_story_counts_more_than_coverage_weeks_later():
    same_day = time_decay(100, 100, 100)
    assert same_day == pytest.approx(1.0 + NEAR_BOOST)
    assert time_decay(102, 100, 100) > time_decay(110, 100, 100) > time_decay(160, 100, 100)
    # A week later the boost is almost gone; months later only the decay floor is left.
    assert time_decay(107, 100, 100) < 1.0 + NEAR_BOOST / 2
    assert time_decay(400, 100, 100) == pytest.approx(DECAY_FLOOR, rel=0.01)
    # Inside a long story's span every day is near; without a date nothing is boosted or decayed.
    assert time_decay(150, 100, 200) == pytest.approx(1.0 + NEAR_BOOST)
    assert time_decay(None, 100, 200) == 1.0


FIRE_MILL = [
    "Fire crews fought through the night to contain a blaze at the Harbour Street Mill in Eastport, "
    "the town's fire chief said on Tuesday.",
    "No one was hurt, but the roof of the Harbour Street Mill collapsed before dawn and neighbouring homes "
    "were evacuated as a precaution.",
]
FIRE_DEPOT = [
    "Fire crews fought through the night to contain a blaze at the Riverside Depot in Eastport, the "
    "town's fire chief said on Saturday.",
    "No one was hurt, but the roof of the depot collapsed before dawn and neighbouring homes were evacuated "
    "as a precaution.",
]


def test_two_fires_in_one_town_at_two_named_buildings_conflict(conn):
    mill = article(FIRE_MILL, "Blaze at Eastport mill", "2025-06-03", {"Harbour Street Mill": "FAC", "Eastport": "GPE"})
    assert "harbour street mill" in article_features(mill).lead_keys
    first = assign(conn, mill)
    depot = article_features(
        article(FIRE_DEPOT, "Blaze at Eastport depot", "2025-06-07", {"Riverside Depot": "FAC", "Eastport": "GPE"})
    )
    assert depot.lead_keys == frozenset({"riverside depot"})
    assert lead_conflict(conn, first.story, depot.lead_keys, frozenset(depot.terms))
    # The same fire reported again names the mill: no conflict.
    again = article_features(
        article(FIRE_MILL[::-1], "Mill roof collapses", "2025-06-03", {"Harbour Street Mill": "FAC", "Eastport": "GPE"})
    )
    assert not lead_conflict(conn, first.story, again.lead_keys, frozenset(again.terms))


def test_undated_report_of_the_champions_next_fight_is_another_story(conn):
    # No dates on either side: nothing vouches that the two fight reports tell one night, so a report
    # about a challenger the story never names, silent on the story's own challenger, is a rival instance.
    first = assign(conn, article(FIGHT_ONE, "Brandt keeps his belts", "", ONE_NAMES))
    other = article_features(article(FIGHT_TWO, "Brandt keeps his belts again", "", TWO_NAMES))
    assert rival_instance(conn, first.story, other.lead_keys, other.words)
    vector = article_vector(conn, other)
    lenient = best_story(conn, vector, dataclasses.replace(other, words=frozenset()))  # no word: never a rival
    strict = best_story(conn, vector, other)
    assert lenient is not None and (strict is None or strict.score < lenient.score)
    # The day-after report on the first fight names its challenger: the same story.
    later = article_features(article(FIGHT_ONE_LATER, "Okoye wants a rematch", "", ONE_NAMES))
    assert not rival_instance(conn, first.story, later.lead_keys, later.words)


def test_a_name_the_tagger_missed_still_counts_as_named_by_the_article(conn):
    first = assign(conn, article(FIGHT_ONE, "Brandt keeps his belts", "", ONE_NAMES))
    # The follow-up names Okoye in its text, but no entity was tagged for him: still not a rival.
    untagged = {"Viktor Brandt": "PERSON", "Hamburg": "GPE"}
    later = article_features(article(FIGHT_ONE_LATER, "Brandt's challenger wants a rematch", "", untagged))
    assert not rival_instance(conn, first.story, later.lead_keys, later.words)


def test_dates_within_the_decay_window_vouch_for_a_match():
    assert dates_vouch(105, 100, 100)
    assert not dates_vouch(200, 100, 100)
    assert not dates_vouch(None, 100, 100)
    assert not dates_vouch(100, None, None)


DUI_TACKLE = [
    "Gulls defensive tackle Marcus Lindqvist was arrested early Sunday on suspicion of drunken driving.",
    "Lindqvist was pulled over for speeding on the coast highway, the team's second such arrest in a month "
    "after receiver Dante Okafor was stopped in December. Lindqvist was released on bail.",
]
DUI_RECEIVER = [
    "Gulls receiver Dante Okafor was arrested early Tuesday on suspicion of drunken driving.",
    "Okafor failed a breath test on the coast highway after midnight. Okafor was released on bail, and "
    "Okafor's agent said his client would plead not guilty.",
]
DUI_TACKLE_FOLLOW = [
    "The city attorney weighed charges on Thursday against Gulls defensive tackle Marcus Lindqvist.",
    "Lindqvist's lawyer said the speed reading was faulty. Lindqvist, like Dante Okafor before him, "
    "was released on bail, and Lindqvist will not be suspended.",
]
DUI_NAMES = {"Marcus Lindqvist": "PERSON", "Lindqvist": "PERSON", "Dante Okafor": "PERSON", "Okafor": "PERSON"}


def test_undated_report_on_the_teammate_a_story_mentions_in_passing_is_another_arrest(conn):
    first = assign(conn, article(DUI_TACKLE, "Gulls tackle arrested", "", DUI_NAMES))
    # The story names Okafor (last month's arrest) but is about Lindqvist; a report mostly about
    # Okafor that never names Lindqvist tells the earlier arrest.
    receiver = article_features(article(DUI_RECEIVER, "Gulls receiver arrested", "", DUI_NAMES))
    assert receiver.dominant == "okafor"
    assert rival_instance(conn, first.story, receiver.lead_keys, receiver.words, receiver.dominant)
    # Without the person it names most, nothing tells it apart: Okafor is known to the story.
    assert not rival_instance(conn, first.story, receiver.lead_keys, receiver.words)
    # A follow-up about Lindqvist that recalls Okafor's arrest is the same story.
    follow = article_features(article(DUI_TACKLE_FOLLOW, "Charges weighed", "", DUI_NAMES))
    assert follow.dominant == "lindqvist"
    assert not rival_instance(conn, first.story, follow.lead_keys, follow.words, follow.dominant)
