"""Context conditions of the trigger lexicon (its ``requires`` column), one news pattern each.

A condition reads the parse around a candidate trigger and says whether this use of the word names a
political event: "launched drones" (weapon) but not "launched a phone"; "set up a base"
(installation) but not "set up a company"; "killed in an attack" but not "killed in an earthquake".
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from dateline.nlp.event_lexicon import cue_sets, weapon_lexicon
from dateline.nlp.event_parse import lemma_of, near, objects, particle, subject_chain, with_of, words

PROTEST_NOUNS = frozenset({"protest", "rally", "demonstration", "march", "gathering", "crowd", "sit-in", "vigil"})
# Weapon words that set a mode but do not by themselves make an explosion or a launch an attack.
_WEAPON_LICENSE_EXCLUDED = frozenset(
    {
        "chemical",
        "device",
        "gas",
        "toxic",
        "poison",
        "barrel",
        "stone",
        "brick",
        "baton",
        "tear",
        "cannon",
        "sexual",
    }
)


def has_weapon(tok: Token) -> bool:
    weapons = set(weapon_lexicon()) - _WEAPON_LICENSE_EXCLUDED
    return bool(words(near(tok)) & weapons) or lemma_of(tok) in weapons


def _not_disaster(tok: Token) -> bool:
    """A killing or burning is political violence unless the sentence (or the one before) is about
    a disaster and nothing in it speaks of an attack."""
    cues = cue_sets()
    start = tok.sent.start
    if start > 0:
        start = tok.doc[start - 1].sent.start
    sent_words = words([t for t in tok.doc[start : tok.sent.end] if t.i != tok.i])
    if not sent_words & cues["disaster"]:
        return True
    return bool(sent_words & cues["attack_context"]) or has_weapon(tok)


def _labour_strike(tok: Token) -> bool:
    mods = words(c for c in tok.children if c.dep_ in ("compound", "amod", "nmod"))
    return bool(
        mods
        & {
            "hunger",
            "general",
            "labor",
            "labour",
            "worker",
            "workers",
            "teacher",
            "teachers",
            "nationwide",
            "national",
            "sit-down",
            "transport",
            "doctors",
            "nurses",
        }
    ) or (tok.head.lower_ == "on" and lemma_of(tok.head.head) in ("go", "be", "remain", "stay"))


def _military_strike(tok: Token) -> bool:
    if _labour_strike(tok):
        return False
    mods = words(c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss"))
    if mods & (cue_sets()["military_strike"] | set(weapon_lexicon())):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("on", "against") for c in tok.children) or has_weapon(tok)


def _installation(tok: Token) -> bool:
    if lemma_of(tok) == "set" and not particle(tok, "up"):
        return False
    objs = with_of(objects(tok))
    return bool(
        words(objs + [c for o in objs for c in o.children if c.dep_ == "compound"]) & cue_sets()["installation"]
    )


def _forces(tok: Token) -> bool:
    args = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return bool(words(with_of(args)) & cue_sets()["forces"])


def _weapon_object(tok: Token) -> bool:
    """ "found a cache of weapons", "dropped barrel bombs", "used tear gas": a weapon is the object."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ == "acl":  # "shells fired by…", "munitions dropped on…"
        objs.append(tok.head)
    around = words([t for o in objs for t in o.subtree])
    return bool(around & cue_sets()["weapon_cache"])


def _gain_ground(tok: Token) -> bool:
    return bool(words(objects(tok)) & {"ground", "territory", "control"})


def _host_guest(tok: Token) -> bool:
    objs = objects(tok)
    return any(o.ent_type_ in ("PERSON", "NORP", "GPE") for o in objs) or bool(words(objs) & cue_sets()["host_guests"])


def _blow_up(tok: Token) -> bool:
    return particle(tok, "up")


def _set_off(tok: Token) -> bool:
    return particle(tok, "off") and _weapon_object(tok)


def _military_operation(tok: Token) -> bool:
    mods = words(c for c in tok.children if c.dep_ in ("compound", "amod", "nmod"))
    return bool(mods & cue_sets()["operation_modifiers"])


def _break_up(tok: Token) -> bool:
    return particle(tok, "up") and bool(words(objects(tok)) & (cue_sets()["protest_agents"] | PROTEST_NOUNS))


def _excessive_force(tok: Token) -> bool:
    return any(c.lower_ in ("excessive", "lethal", "deadly", "brutal", "disproportionate") for c in tok.children)


def _human_chain(tok: Token) -> bool:
    return any(c.lower_ == "human" for c in tok.children)


def _ties(tok: Token) -> bool:
    return bool(words(objects(tok)) & cue_sets()["diplomatic_ties"])


def _measures(tok: Token) -> bool:
    objs = with_of(objects(tok))
    against = any(c.dep_ == "prep" and c.lower_ in ("on", "against") for o in [tok, *objs] for c in o.children)
    return bool(words(objs) & cue_sets()["sanction_measures"]) or (against and bool(objs))


def _taken_hostage(tok: Token) -> bool:
    """ "took hostages", "held hostage": not "released three hostages"."""
    return lemma_of(tok.head) in ("take", "hold", "seize", "keep", "grab")


def _not_abstract(tok: Token) -> bool:
    """ "met the demand", "fought cancer": the object is no party, so no meeting or fight."""
    return not words(objects(tok) + [c for c in tok.children if c.dep_ == "dobj"]) & cue_sets()["abstract_objects"]


def _intransitive(tok: Token) -> bool:
    """ "demonstrated against the law" is a protest; "demonstrated a new phone" is not."""
    return not any(c.dep_ in ("dobj", "ccomp") for c in tok.children)


def _someones_demand(tok: Token) -> bool:
    """ "the protesters' demands", "a demand by Kyiv": not the market's "growing demand for seats"."""
    owned = any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("by", "from")) for c in tok.children)
    return owned or tok.tag_ == "NNS"


def _clausal(tok: Token) -> bool:
    """A verb heading its own clause, not a participle modifier ("suspected militants")."""
    return tok.dep_ not in ("amod", "compound", "acl", "nmod")


def _throw_out(tok: Token) -> bool:
    return particle(tok, "out") and _human_object(tok)


def _human_object(tok: Token) -> bool:
    around = list(tok.subtree) if tok.pos_ in ("NOUN", "PROPN") else objects(tok)
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    return bool(words([*around, *mods]) & cue_sets()["human"])


def _consult_with(tok: Token) -> bool:
    if any(c.dep_ == "prep" and c.lower_ in cue_sets()["consult_with"] for c in tok.children):
        return True
    subj = subject_chain(tok)
    return subj is not None and bool(subj.conjuncts)


def _request_for(tok: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children)


def _claim(tok: Token) -> bool:
    return lemma_of(tok.head) in ("claim", "take", "deny", "accept", "assume", "admit", "bear")


def _responsible(tok: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children)


def _pull_out(tok: Token) -> bool:
    return any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in ("out", "back") for c in tok.children)


def _hand_over(tok: Token) -> bool:
    return particle(tok, "over")


def _take_control(tok: Token) -> bool:
    if tok.pos_ in ("NOUN", "PROPN"):
        heads = ("take", "gain", "assume", "wrest", "seize", "establish", "impose", "restore", "extend")
        return lemma_of(tok.head) in heads and tok.dep_ == "dobj"
    if particle(tok, "over"):
        return bool(objects(tok))
    objs = words(objects(tok))
    return "control" in objs


def _territory(tok: Token) -> bool:
    return bool(words(objects(tok)) & cue_sets()["territory"])


def _bomb_event(tok: Token) -> bool:
    mods = words(c for c in tok.children if c.dep_ in ("compound", "amod", "nmod"))
    return bool(mods & {"car", "roadside", "suicide", "truck", "pipe", "nail", "time", "parcel", "letter"}) or (
        lemma_of(tok.head) in ("plant", "detonate", "hurl", "throw", "lob", "set")
    )


def _go_off(tok: Token) -> bool:
    return particle(tok, "off") and has_weapon(tok)


def _fire_at(tok: Token) -> bool:
    preps = any(c.dep_ == "prep" and c.lower_ in ("at", "on", "upon", "into") for c in tok.children)
    return preps or bool(words(objects(tok)) & set(weapon_lexicon()))


def _open_fire(tok: Token) -> bool:
    return lemma_of(tok.head) == "open"


def _shoot_down(tok: Token) -> bool:
    return particle(tok, "down")


def _forcibly(tok: Token) -> bool:
    return any(c.lower_ in ("forcibly", "forcefully") for c in tok.children)


def _protesters(tok: Token) -> bool:
    subj = subject_chain(tok)
    return subj is not None and lemma_of(subj) in (
        "protester",
        "protestor",
        "demonstrator",
        "activist",
        "worker",
    )


def _consult_phone(tok: Token) -> bool:
    """ "got on the phone with", "spoke by phone": not "launched a new phone"."""
    return tok.dep_ == "pobj" and tok.head.lower_ in ("on", "by", "over", "via")


def _alone(tok: Token) -> bool:
    """Agent nouns ("protesters", "mob") name an event only when no verb of the sentence does."""
    return True  # resolved after detection, in merge_triggers


CONDITIONS: dict[str, Callable[[Token], bool]] = {
    "weapon": has_weapon,
    "not_disaster": _not_disaster,
    "labour_strike": _labour_strike,
    "military_strike": _military_strike,
    "installation": _installation,
    "forces": _forces,
    "human_object": _human_object,
    "consult_with": _consult_with,
    "consult_phone": _consult_phone,
    "request_for": _request_for,
    "claim": _claim,
    "responsible": _responsible,
    "pull_out": _pull_out,
    "hand_over": _hand_over,
    "take_control": _take_control,
    "territory": _territory,
    "bomb_event": _bomb_event,
    "go_off": _go_off,
    "fire_at": _fire_at,
    "open_fire": _open_fire,
    "shoot_down": _shoot_down,
    "forcibly": _forcibly,
    "protesters": _protesters,
    "alone": _alone,
    "weapon_object": _weapon_object,
    "gain_ground": _gain_ground,
    "host_guest": _host_guest,
    "blow_up": _blow_up,
    "set_off": _set_off,
    "military_operation": _military_operation,
    "break_up": _break_up,
    "excessive_force": _excessive_force,
    "human_chain": _human_chain,
    "ties": _ties,
    "measures": _measures,
    "throw_out": _throw_out,
    "clausal": _clausal,
    "someones_demand": _someones_demand,
    "not_abstract": _not_abstract,
    "intransitive": _intransitive,
    "taken_hostage": _taken_hostage,
}
