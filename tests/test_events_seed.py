"""The seed wire story's events (read from ../shared/seed; never committed).

What waits on other layers: resolved TIMEX3 values ("Monday" -> 2025-05-19) come from the times
layer, so ``test_seed_event_times_resolved`` skips while that layer is empty; attribution is
asserted through this layer's own "X said" fallback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.clean import CleanDocument
from dateline.nlp.pipeline import annotate
from dateline.schema import Article, Dateline, Event, EventStatus, PloverType


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Article:
    clean = CleanDocument(
        text=seed_path.read_text(encoding="utf-8"),
        published="2025-05-19",
        dateline=Dateline(place="Washington", raw="WASHINGTON ()"),
    )
    return next(annotate([clean]))


def who(article: Article, ids: list[str]) -> str:
    by_id = {e.id: e.name for e in article.entities}
    return " | ".join(by_id.get(i, "?") for i in ids)


def find(article: Article, trigger: str, etype: PloverType, needle: str = "") -> Event:
    """The event with this trigger text and type whose paragraph contains ``needle``."""
    for ev in article.events:
        sentence_start = article.text.rfind("\n", 0, ev.trigger.start)
        sentence_end = article.text.find("\n", ev.trigger.end)
        line = article.text[sentence_start + 1 : sentence_end if sentence_end >= 0 else None]
        if trigger == ev.trigger.text and ev.type is etype and needle in line:
            return ev
    raise AssertionError(f"no {etype.value} event {trigger!r} near {needle!r}")


def test_seed_three_planned_phone_calls(seed: Article) -> None:
    calls = find(seed, "phone calls", PloverType.CONSULT, "separate phone calls")
    assert calls.mode == "phone" and calls.status is EventStatus.planned
    assert "Trump" in who(seed, calls.actors)
    assert "Putin" in who(seed, calls.targets) and "Zelenskyy" in who(seed, calls.targets)
    assert calls.time is not None and calls.time.text == "Monday"
    putin_call = find(seed, "speak", PloverType.CONSULT, "scheduled to speak")
    assert putin_call.status is EventStatus.planned
    assert "Putin" in who(seed, putin_call.actors) and "Trump" in who(seed, putin_call.actors)
    assert putin_call.time is not None and putin_call.time.text is not None and "5 p.m." in putin_call.time.text
    assert "Peskov" in who(seed, [putin_call.attributed_to] if putin_call.attributed_to else [])
    nato = find(seed, "speak", PloverType.CONSULT, "NATO leaders")
    assert nato.status is EventStatus.planned
    assert "Trump" in who(seed, nato.actors) and "NATO" in who(seed, nato.targets)


def test_seed_istanbul_talks_last_week(seed: Article) -> None:
    talks = find(seed, "talks", PloverType.CONSULT, "talks in Istanbul")
    assert talks.location is not None and (talks.location.name, talks.location.country) == ("Istanbul", "TR")
    assert talks.time is not None and talks.time.text is not None and talks.time.text.lower() == "last week"
    assert talks.status is EventStatus.occurred
    assert "Russian" in who(seed, talks.actors) and "Ukrainian" in who(seed, talks.actors)


def test_seed_zelenskyy_meets_vance_and_rubio_at_the_vatican(seed: Article) -> None:
    met = find(seed, "met", PloverType.CONSULT, "Vance")
    assert met.mode == "meet" and met.status is EventStatus.occurred
    assert "Zelenskyy" in who(seed, met.actors)
    assert "Vance" in who(seed, met.targets) and "Rubio" in who(seed, met.targets)
    assert met.location is not None and met.location.country == "VA"
    assert met.time is not None and met.time.text == "Sunday"


def test_seed_agreed_exchange_of_1000_prisoners(seed: Article) -> None:
    exchange = find(seed, "exchange", PloverType.RETREAT, "1,000 prisoners")
    assert exchange.status is EventStatus.agreed
    assert [(q.value, q.object) for q in exchange.quantities] == [(1000, "prisoners")]


def test_seed_ukraine_accepts_ceasefire_and_russia_does_not_agree(seed: Article) -> None:
    accepted = find(seed, "accepted", PloverType.AGREE, "30-day ceasefire")
    assert "Ukraine" in who(seed, accepted.actors) and accepted.status is EventStatus.occurred
    ceasefire = find(seed, "ceasefire", PloverType.RETREAT, "30-day ceasefire")
    assert ceasefire.status is EventStatus.agreed and ceasefire.cameo == "08"
    assert [(q.value, q.object) for q in ceasefire.quantities] == [(30, "day")]
    refusal = find(seed, "agree", PloverType.AGREE, "yet to agree")
    assert "Russia" in who(seed, refusal.actors) and refusal.status is EventStatus.negated


def test_seed_drone_attack_on_kyiv(seed: Article) -> None:
    attack = find(seed, "launched", PloverType.ASSAULT, "270 drones")
    assert attack.mode == "aerial" and attack.status is EventStatus.occurred
    assert (attack.cameo, attack.acled_event_type, attack.acled_sub_event_type) == (
        "19",
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert who(seed, attack.actors) == "Russia" and "Kyiv" in who(seed, attack.targets)
    assert attack.location is not None and (attack.location.name, attack.location.country) == ("Kyiv", "UA")
    assert [(q.value, q.approx.value, q.object) for q in attack.quantities] == [(270, "more than", "drones")]
    assert attack.casualties is not None
    assert attack.casualties.killed is not None and (
        attack.casualties.killed.min,
        attack.casualties.killed.max,
    ) == (1, None)
    assert attack.casualties.injured is not None and attack.casualties.injured.min == 3
    assert "Ukrainian Air Force" in who(seed, [attack.attributed_to] if attack.attributed_to else [])
    earlier = find(seed, "drone attack", PloverType.ASSAULT, "largest drone attack")
    assert who(seed, earlier.actors) == "Russia"


def test_seed_trump_pushes_for_a_ceasefire(seed: Article) -> None:
    push = find(seed, "push", PloverType.REQUEST, "push for a ceasefire")
    assert "Trump" in who(seed, push.actors)
    ceasefire = find(seed, "ceasefire", PloverType.RETREAT, "push for a ceasefire")
    assert ceasefire.status is EventStatus.proposed


def test_seed_every_event_has_type_status_and_time(seed: Article) -> None:
    assert seed.events
    for ev in seed.events:
        assert ev.time is not None and (ev.time.text or ev.time.inferred)
        assert ev.cameo is not None and 0.0 < ev.confidence <= 1.0
        assert seed.text[ev.trigger.start : ev.trigger.end] == ev.trigger.text


def test_seed_event_times_resolved(seed: Article) -> None:
    if not seed.times:
        pytest.skip("waits on the times layer: no TIMEX3 values yet")
    calls = find(seed, "phone calls", PloverType.CONSULT, "separate phone calls")
    assert calls.time is not None and calls.time.value == "2025-05-19"
    met = find(seed, "met", PloverType.CONSULT, "Vance")
    assert met.time is not None and met.time.value == "2025-05-18"
    talks = find(seed, "talks", PloverType.CONSULT, "talks in Istanbul")
    assert talks.time is not None and talks.time.value == "2025-W20"
