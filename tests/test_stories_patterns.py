"""Story clustering patterns: who an article is about, rival instances of one kind of event, time proximity."""

from __future__ import annotations

import dataclasses
import random
import sqlite3

import pytest

from dateline.corpus import assign, assignment, ensure_corpus_schema, store, story_split
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
from dateline.corpus.story_split import SPLIT_MIN_GROUP, bimodal_split, story_relative
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
    "Gulls receiver Dante Okafor was detained before dawn Sunday on suspicion of driving drunk.",
    "Okafor was stopped on the coast highway after midnight and failed a breath test, state patrol "
    "spokesman Ray Dunn said. Okafor was released on bail and the Gulls said they would not comment.",
]
ARREST_OTHER = [
    "Tigers linebacker Marcus Lindqvist was detained before dawn Friday on suspicion of driving drunk, state "
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
    "Gulls defensive tackle Marcus Lindqvist was detained before dawn Sunday on suspicion of driving drunk.",
    "Lindqvist was pulled over for speeding on the coast highway, the team's second such arrest in a month "
    "after receiver Dante Okafor was stopped in December. Lindqvist was released on bail.",
]
DUI_RECEIVER = [
    "Gulls receiver Dante Okafor was detained before dawn Tuesday on suspicion of driving drunk.",
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


# Two title defences of one champion, months apart: each report shares the champion, the belts and the
# knockout with every other, but only its own night's challenger, city and round with its own half.
SPLIT_COMMON = "heavyweight champion brandt kept his belts with a stoppage and the crowd cheered the knockout"
SPLIT_NIGHTS = (
    "challenger okoye fell in the seventh round at the hamburg arena after a left hook to the body",
    "challenger marsh fell in the fourth round at the mannheim stadium after a right hand to the temple",
)
SPLIT_FILLER = [
    "promoter",
    "trainer",
    "referee",
    "judges",
    "scorecards",
    "rematch",
    "purse",
    "undercard",
    "weigh",
    "gloves",
    "ringside",
    "jab",
    "uppercut",
    "canvas",
    "towel",
    "corner",
    "stool",
    "mouthguard",
    "sparring",
    "camp",
    "belt",
    "mandatory",
    "sanction",
    "federation",
    "ranking",
    "contender",
    "veteran",
    "southpaw",
    "orthodox",
    "footwork",
    "stamina",
    "reach",
    "height",
    "record",
    "unbeaten",
    "streak",
    "comeback",
    "retirement",
    "broadcast",
    "audience",
    "ticket",
    "sellout",
    "attendance",
    "anthem",
    "entrance",
    "robe",
    "celebration",
    "interview",
    "press",
    "conference",
]


def _fight_report(night: int, k: int) -> str:
    # Each report's own angle: a few details drawn at random from what any report of a fight might say.
    extra = " ".join(random.Random(100 * night + k).sample(SPLIT_FILLER, 6))
    # The night's specifics are in the headline and the lead, so they count twice.
    return f"{SPLIT_COMMON}. {SPLIT_NIGHTS[night]}. {SPLIT_NIGHTS[night]}. {extra}."


def _fight_vector(night: int, k: int) -> dict[str, float]:
    bag: dict[str, float] = {}
    for w in _fight_report(night, k).replace(".", "").split():
        bag["w:" + w] = bag.get("w:" + w, 0.0) + 1.0
    norm = sum(v * v for v in bag.values()) ** 0.5
    return {t: v / norm for t, v in bag.items()}


def _own_words(k: int) -> str:
    """What only this report says (its sources, its quotes), so that no two reports are copies."""
    rng = random.Random(k)
    return " ".join("".join(rng.choice("bcdfghklmnprstvz") for _ in range(7)) for _ in range(12))


def test_story_blending_two_title_defences_splits_along_each_nights_challenger_and_venue():
    # Interleaved as they might have arrived: the blend holds both nights.
    vectors = [_fight_vector(k % 2, k) for k in range(2 * SPLIT_MIN_GROUP + 2)]
    labels = bimodal_split(vectors)
    assert labels is not None
    assert labels == [k % 2 for k in range(len(vectors))]


def test_one_title_defence_told_from_many_angles_stays_one_story():
    vectors = [_fight_vector(0, k) for k in range(2 * SPLIT_MIN_GROUP + 2)]
    assert bimodal_split(vectors) is None


def test_a_story_too_small_to_show_two_groups_is_never_split():
    vectors = [_fight_vector(k % 2, k) for k in range(2 * SPLIT_MIN_GROUP - 1)]
    assert bimodal_split(vectors) is None


def test_terms_every_member_shares_weigh_nothing_against_the_story():
    relative = story_relative([_fight_vector(k % 2, k) for k in range(6)])
    assert all("w:brandt" not in v for v in relative)
    assert all(v.get("w:okoye", 0.0) > 0 for v in relative[0::2])


def test_blended_title_defences_end_as_two_stories_as_reports_keep_arriving(conn):
    reports = [
        article([_fight_report(k % 2, k), _own_words(k)], f"Brandt keeps his belts ({k})", "2025-03-01", {})
        for k in range(2 * SPLIT_MIN_GROUP + 2)
    ]
    first = [assign(conn, a).story for a in reports]
    # The second night's first report joined the first night's story: the blend a split repairs.
    assert first[1] == first[0]
    final = [assignment(conn, a.id) for a in reports]
    nights = [{f.story for f in final[night::2] if f} for night in (0, 1)]
    assert len(nights[0]) == 1 and len(nights[1]) == 1 and nights[0] != nights[1]
    for story in nights[0] | nights[1]:
        n_articles, n_terms = conn.execute(
            "SELECT n_articles, (SELECT COUNT(*) FROM corpus_story_terms WHERE story = ?) FROM corpus_stories "
            "WHERE id = ?",
            (story, story),
        ).fetchone()
        assert n_articles == len(reports) // 2 and n_terms > 0


def test_a_long_running_blend_sheds_the_other_night_without_being_rebuilt(conn, monkeypatch):
    # A story larger than the window: the moved reports are taken out of it, their copies' counts too.
    reports = [
        article([_fight_report(k % 2, k), _own_words(k)], f"Brandt keeps his belts ({k})", "2025-03-01", {})
        for k in range(2 * SPLIT_MIN_GROUP + 5)
    ]
    monkeypatch.setattr(store, "SPLIT_STORIES", False)  # the blend as it stood before splits
    blend = {assign(conn, a).story for a in reports}
    assert len(blend) == 1
    monkeypatch.setattr(story_split, "SPLIT_WINDOW", 2 * SPLIT_MIN_GROUP + 2)
    monkeypatch.setattr(story_split, "SPLIT_RATIO", 0.5)  # this fixture's blend is plain at any window
    shrunk: list[str] = []
    shrink = story_split.shrink_story
    monkeypatch.setattr(
        story_split, "shrink_story", lambda c, story, moved: shrunk.append(story) or shrink(c, story, moved)
    )
    assert story_split.check_split(conn, blend.pop()) is not None
    assert shrunk
    final = {a.id: assignment(conn, a.id) for a in reports}
    stories = {f.story for f in final.values() if f}
    assert len(stories) == 2
    for story in stories:
        (n_articles,) = conn.execute("SELECT n_articles FROM corpus_stories WHERE id = ?", (story,)).fetchone()
        assert n_articles == sum(1 for f in final.values() if f and f.story == story)
    first_story = final[reports[0].id]
    assert first_story is not None
    moved = [k for k, a in enumerate(reports) if (f := final[a.id]) and f.story != first_story.story]
    # The window's half holding its oldest report stays; the other night's reports in the window move,
    # and the centroid left behind weighs the moved night's challenger less than the staying one's.
    night = moved[0] % 2
    assert all(k % 2 == night for k in moved)
    weight = dict(conn.execute("SELECT term, weight FROM corpus_story_terms WHERE story = ?", (first_story.story,)))
    gone, stays = ("w:okoye", "w:marsh") if night == 0 else ("w:marsh", "w:okoye")
    assert weight.get(gone, 0.0) < weight[stays]


def test_a_story_founded_before_members_were_kept_is_never_split(conn, monkeypatch):
    # A store from before the split step: its first reports have no member rows to rebuild from.
    reports = [
        article([_fight_report(k % 2, k), _own_words(k)], f"Brandt keeps his belts ({k})", "2025-03-01", {})
        for k in range(2 * SPLIT_MIN_GROUP + 6)
    ]
    monkeypatch.setattr(store, "SPLIT_STORIES", False)
    blend = {assign(conn, a).story for a in reports}
    assert len(blend) == 1
    story = blend.pop()
    monkeypatch.setattr(story_split, "SPLIT_RATIO", 0.5)  # this fixture's blend splits when it may
    older = [a.id for a in reports[:3]]
    conn.execute(f"DELETE FROM corpus_story_members WHERE article IN ({','.join('?' * len(older))})", older)
    assert story_split.check_split(conn, story) is None
    assert {f.story for a in reports if (f := assignment(conn, a.id))} == {story}
