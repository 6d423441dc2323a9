"""Who, to whom, where, when, how many and according to whom: an event's arguments."""

from __future__ import annotations

from dateline.schema import Quote, QuoteKind, Range, Speaker, TimeExpression, TimexType
from event_helpers import annotate, event_at, names


def test_actor_is_the_subject_and_target_the_object() -> None:
    state = annotate("Russia attacked Ukraine on Friday.")
    ev = event_at(state, "attacked")
    assert names(state, ev.actors) == ["Russia"]
    assert names(state, ev.targets) == ["Ukraine"]


def test_passive_attack_takes_the_agent_as_actor() -> None:
    state = annotate("The convoy was attacked by Hamas near Rafah.")
    assert names(state, event_at(state, "attacked").actors) == ["Hamas"]


def test_subject_is_inherited_through_plans_to() -> None:
    state = annotate("Joe Biden plans to speak with Emmanuel Macron.")
    ev = event_at(state, "speak")
    assert names(state, ev.actors) == ["Joe Biden"]
    assert names(state, ev.targets) == ["Emmanuel Macron"]


def test_talks_between_two_countries_are_both_actors() -> None:
    state = annotate("Talks between Armenia and Azerbaijan resumed in Geneva.")
    assert names(state, event_at(state, "Talks").actors) == ["Armenia", "Azerbaijan"]


def test_title_and_nationality_link_to_the_person_with_country() -> None:
    state = annotate("Biden held phone calls with Russian President Vladimir Putin.")
    ev = event_at(state, "calls")
    (putin,) = ev.targets
    assert names(state, [putin]) == ["Vladimir Putin"]
    assert ev.actor_countries[putin] == "RU"


def test_nationality_modifier_of_event_noun_is_the_actor() -> None:
    state = annotate("Israeli airstrikes hit Gaza overnight.")
    ev = state.events[0]
    assert names(state, ev.actors) == ["Israeli"]
    assert ev.actor_countries[ev.actors[0]] == "IL"


def test_location_in_a_city_is_geocoded() -> None:
    state = annotate("Officials from both sides held talks in Istanbul.")
    loc = event_at(state, "talks").location
    assert loc is not None and (loc.name, loc.country) == ("Istanbul", "TR")
    assert loc.lat is not None and 40 < loc.lat < 42


def test_target_area_inside_a_city_gives_target_and_place() -> None:
    state = annotate("Russia launched missiles, hitting neighbourhoods in Kyiv and southern towns.")
    ev = event_at(state, "launched")
    assert names(state, ev.targets) == ["Kyiv"]
    assert ev.location is not None and ev.location.country == "UA"


def test_dateline_place_is_only_a_fallback() -> None:
    state = annotate("The ministers met on Tuesday.", dateline="Paris")
    ev = event_at(state, "met")
    assert ev.location is not None and ev.location.country == "FR"
    with_place = annotate("The ministers met in Rome on Tuesday.", dateline="Paris")
    loc = event_at(with_place, "met").location
    assert loc is not None and loc.country == "IT"
    assert event_at(with_place, "met").confidence > ev.confidence


def test_time_comes_from_the_times_layer() -> None:
    text = "Zelenskyy met with Vance at the Vatican on Sunday."
    start = text.index("Sunday")
    sunday = TimeExpression(text="Sunday", start=start, end=start + 6, type=TimexType.DATE, value="2025-05-18")
    ev = event_at(annotate(text, times=[sunday]), "met")
    assert ev.time is not None and (ev.time.text, ev.time.value, ev.time.inferred) == (
        "Sunday",
        "2025-05-18",
        False,
    )


def test_time_falls_back_to_publication_date_marked_inferred() -> None:
    ev = event_at(annotate("Rebels attacked the convoy.", published="2025-05-19"), "attacked")
    assert ev.time is not None and (ev.time.value, ev.time.inferred) == ("2025-05-19", True)


def test_duration_is_not_the_event_time() -> None:
    ev = event_at(annotate("Ukraine accepted a 30-day ceasefire."), "ceasefire")
    assert ev.time is not None and ev.time.inferred


def test_casualties_killed_and_injured_with_bounds() -> None:
    state = annotate("Gunmen attacked the market, killing at least two people and wounding five others.")
    ev = event_at(state, "attacked")
    assert ev.casualties is not None
    assert ev.casualties.killed == Range(min=2, max=None)
    assert ev.casualties.injured == Range(min=5, max=5)


def test_passive_casualties_point_to_their_attack() -> None:
    state = annotate("Five soldiers were killed in an ambush.")
    ev = event_at(state, "ambush")
    assert ev.casualties is not None and ev.casualties.killed == Range(min=5, max=5)


def test_counted_weapons_are_quantities() -> None:
    ev = event_at(annotate("Russia launched more than 270 drones at Kyiv."), "launched")
    assert [(q.value, q.object) for q in ev.quantities] == [(270, "drones")]


def test_attribution_from_a_said_cue() -> None:
    state = annotate("The Ukrainian Air Force said Russia launched 270 drones.")
    ev = event_at(state, "launched")
    assert names(state, [ev.attributed_to] if ev.attributed_to else []) == ["Ukrainian Air Force"]


def test_attribution_from_according_to() -> None:
    state = annotate("Rebels shelled the town, according to the Hama Monitoring Group for Civil Rights.")
    ev = event_at(state, "shelled")
    assert ev.attributed_to is not None
    assert "Hama Monitoring Group" in names(state, [ev.attributed_to])[0]


def test_attribution_prefers_the_quote_layer_speaker() -> None:
    text = "Officials believe the army shelled the town, the monitor reported."
    first = annotate(text)
    eid = first.entities[0].id if first.entities else "e1"
    content_end = text.index(", the monitor")
    quote = Quote(
        text=text[:content_end],
        start=0,
        end=content_end,
        kind=QuoteKind.indirect,
        speaker=Speaker(entity=eid, name="the monitor", text="the monitor"),
    )
    ev = event_at(annotate(text, quotes=[quote]), "shelled")
    assert ev.attributed_to == eid


def test_singular_victim_counts_one_killed() -> None:
    state = annotate("Gunmen killed a policeman and wounded two civilians in an attack on a checkpoint.")
    (ev,) = state.events
    assert ev.casualties is not None
    assert ev.casualties.killed == Range(min=1, max=1) and ev.casualties.injured == Range(min=2, max=2)


def test_actors_without_entity_keep_their_phrase() -> None:
    ev = event_at(annotate("Unidentified gunmen attacked a bus in Quetta."), "attacked")
    assert ev.actor_phrases == ["Unidentified gunmen"]


def test_accused_of_carrying_out_makes_the_object_the_actor() -> None:
    state = annotate("Iran accused Israel of carrying out the assassination of a nuclear scientist.")
    assert names(state, event_at(state, "assassination").actors) == ["Israel"]


def test_announcer_of_sanctions_is_their_actor() -> None:
    state = annotate("The United States announced new sanctions against North Korea.")
    ev = event_at(state, "sanctions")
    assert names(state, ev.actors) == ["United States"] and names(state, ev.targets) == ["North Korea"]
    assert ev.location is None  # the target country is not where a sanction happens


def test_shot_dead_counts_one_killed() -> None:
    ev = event_at(annotate("A man was shot dead in Chicago on Friday night."), "shot")
    assert ev.casualties is not None and ev.casualties.killed == Range(min=1, max=1)
