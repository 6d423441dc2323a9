"""Event triggers: which words name which PLOVER events, in which contexts (data/event_triggers.tsv)."""

from __future__ import annotations

from dateline.nlp.event_conditions import CONDITIONS
from dateline.nlp.event_lexicon import trigger_lexicon, weapon_lexicon
from dateline.schema import PloverType
from event_helpers import annotate, event_at

ACLED_EVENT_TYPES = {
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
}


def types(text: str) -> list[tuple[str, str]]:
    return [(e.type.value, e.trigger.text) for e in annotate(text).events]


def test_lexicon_conditions_are_all_implemented() -> None:
    required = {e.requires for rows in trigger_lexicon().values() for e in rows if e.requires}
    assert required <= set(CONDITIONS)


def test_lexicon_cameo_roots_and_acled_types_are_valid() -> None:
    for rows in trigger_lexicon().values():
        for entry in rows:
            assert 1 <= int(entry.cameo) <= 20 and len(entry.cameo) == 2
            assert entry.acled_event_type is None or entry.acled_event_type in ACLED_EVENT_TYPES
    for weapon in weapon_lexicon().values():
        assert weapon.acled_event_type in ACLED_EVENT_TYPES


def test_drone_attack_noun_is_aerial_air_strike() -> None:
    ev = event_at(annotate("Russia carried out a drone attack on Odesa."), "attack")
    assert (ev.type, ev.mode, ev.cameo) == (PloverType.ASSAULT, "aerial", "19")
    assert (ev.acled_event_type, ev.acled_sub_event_type) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )


def test_launched_drones_is_an_attack_without_an_attack_noun() -> None:
    ev = event_at(annotate("Russia launched more than 270 drones at Kyiv."), "launched")
    assert (ev.type, ev.mode) == (PloverType.ASSAULT, "aerial")


def test_launch_of_a_product_is_no_event() -> None:
    assert types("Apple launched a new phone on Tuesday.") == []


def test_light_verb_keeps_the_event_noun() -> None:
    assert types("Militants launched an attack on the village.") == [("ASSAULT", "attack")]


def test_participles_fold_into_their_attack() -> None:
    state = annotate("Russia launched missiles, hitting Kyiv, killing two people and injuring five others.")
    assert [e.trigger.text for e in state.events] == ["launched"]


def test_gas_tank_explosion_is_not_an_attack() -> None:
    assert types("A gas tank exploded at the plant. Four workers were injured.") == []


def test_earthquake_deaths_are_not_an_assault() -> None:
    assert types("The earthquake killed 12 people in the mountain villages.") == []


def test_car_bomb_explosion_is_an_attack() -> None:
    found = types("A car bomb exploded near the police station, killing three officers.")
    assert found and found[0][0] == "ASSAULT"


def test_labour_strike_is_a_protest_and_air_strike_an_assault() -> None:
    assert types("Teachers went on a general strike in Lagos.") == [("PROTEST", "strike")]
    assert types("An air strike hit the convoy.")[0][0] == "ASSAULT"


def test_setting_up_a_military_base_is_mobilize() -> None:
    ev = event_at(annotate("Turkish forces set up a new military base near Idlib."), "set up")
    assert (ev.type, ev.acled_sub_event_type) == (PloverType.MOBILIZE, "Headquarters or base established")


def test_setting_up_a_company_is_no_event() -> None:
    assert types("The brothers set up a company in Leeds.") == []


def test_weapons_cache_found_is_disrupted_weapons_use() -> None:
    ev = event_at(annotate("Police found a cache of weapons and ammunition in a farmhouse."), "found")
    assert (ev.type, ev.acled_sub_event_type) == (PloverType.COERCE, "Disrupted weapons use")


def test_protesters_demanding_is_one_protest() -> None:
    assert types("Thousands of protesters marched in Belgrade, demanding new elections.") == [("PROTEST", "marched")]


def test_phone_calls_are_consult_phone() -> None:
    ev = event_at(annotate("Biden held phone calls with Macron on Monday."), "calls")
    assert (ev.type, ev.mode) == (PloverType.CONSULT, "phone")


def test_sanctions_imposed_on_a_country() -> None:
    assert ("SANCTION", "sanctions") in types("The European Union imposed new sanctions on Iran.")


def test_ceasefire_is_retreat_ceasefire() -> None:
    ev = event_at(annotate("The two sides declared a ceasefire."), "ceasefire")
    assert (ev.type, ev.mode, ev.cameo) == (PloverType.RETREAT, "ceasefire", "08")


def test_suspected_as_an_adjective_is_no_accusation() -> None:
    assert ("ACCUSE", "suspected") not in types("Police arrested three suspected militants.")


def test_date_named_march_is_not_a_protest_march() -> None:
    assert "PROTEST" not in {t for t, _ in types("The agreement was signed in March 2022.")}


def test_tear_gas_is_repression_not_a_chemical_weapon() -> None:
    state = annotate("Police fired tear gas at hundreds of protesters in Nairobi, arresting 12 people.")
    force = event_at(state, "fired")
    assert (force.mode, force.acled_sub_event_type) == ("repression", "Excessive force against protesters")
    protest = event_at(state, "protesters")
    assert protest.acled_sub_event_type == "Protest with intervention"


def test_strike_with_a_demand_is_one_protest() -> None:
    assert types("Thousands of workers went on strike in France, demanding higher wages.") == [("PROTEST", "strike")]


def test_released_hostages_are_no_abduction() -> None:
    assert "ASSAULT" not in {t for t, _ in types("Hamas released three hostages on Sunday.")}


def test_meeting_a_demand_is_no_meeting() -> None:
    assert types("The new planes will meet the growing demand for seats.") == []


def test_demonstrating_a_product_is_no_protest() -> None:
    assert types("Apple demonstrated a new version of its software.") == []


def test_fighting_an_illness_is_no_assault() -> None:
    assert types("He fought pancreatic cancer for years.") == []


def test_prisoner_exchange_is_one_release_event() -> None:
    ev = event_at(annotate("Russia and Ukraine carried out a prisoner exchange on Friday."), "exchange")
    assert (ev.type, ev.mode, ev.trigger.text) == (PloverType.RETREAT, "release", "prisoner exchange")


def test_chemical_agent_outranks_the_bomb_that_carries_it() -> None:
    ev = event_at(annotate("A helicopter dropped barrel bombs loaded with chlorine on the town."), "dropped")
    assert (ev.mode, ev.acled_sub_event_type) == ("unconventional", "Chemical weapon")
