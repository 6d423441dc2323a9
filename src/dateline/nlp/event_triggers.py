"""Finding event triggers: verbs and nouns of the lexicon whose context condition holds.

Stages, each with its reason:
1. lexicon lookup by (lemma, part of speech): the words that name events;
2. context condition (the lexicon's ``requires``): ambiguous words ("launch", "explosion", "strike",
   "set up", "kill") only count in the context that makes them political events;
3. weapon mode: a weapon word around the trigger sets the mode and ACLED sub-event type
   ("drone attack" -> aerial, Air/drone strike);
4. merging: a light verb with an event noun ("launched an attack") keeps the noun, and a participle
   that elaborates an attack ("…, hitting areas in Kyiv, killing one") joins its parent event.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dateline.nlp.event_lexicon import (
    TriggerEntry,
    WeaponEntry,
    casualty_verbs,
    cue_sets,
    lemma_fixes,
    trigger_lexicon,
    weapon_lexicon,
)
from dateline.schema import PloverType

_POS = {"VERB": "V", "NOUN": "N", "PROPN": "N", "ADJ": "A"}
_MODE_PRIORITY = {
    "unconventional": 0,
    "sexual": 1,
    "suicide-attack": 2,
    "aerial": 3,
    "heavy-weapons": 4,
    "explosives": 5,
    "firearms": 6,
    "repression": 7,
    "beat": 8,
}
_CLAUSE_LINKS = frozenset({"advcl", "conj", "xcomp", "acl", "pcomp", "relcl"})
_PROTEST_NOUNS = frozenset(
    {"protest", "rally", "demonstration", "march", "gathering", "crowd", "sit-in", "vigil"}
)
_NAME_LABELS = frozenset(
    {"DATE", "TIME", "PERSON", "GPE", "NORP", "LOC", "FAC", "CARDINAL", "MONEY", "ORDINAL"}
)
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


@dataclass
class Trigger:
    """An event trigger in the parsed text, with the words merged into it."""

    token: Token
    entry: TriggerEntry
    mode: str | None
    cameo: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    members: list[Token] = field(default_factory=list)  # merged sub-triggers ("hitting", "killing")

    @property
    def plover(self) -> PloverType:
        return self.entry.plover

    def tokens(self) -> list[Token]:
        """The trigger and the tokens merged into it."""
        return [self.token, *self.members]


def lemma_of(tok: Token) -> str:
    """The lower-cased lemma, with the lemmatizer's known slips fixed ("raped" -> rape, not rap)."""
    return lemma_fixes().get(tok.lower_) or tok.lemma_.lower()


_lemma = lemma_of


def crosses_line(a: Token, b: Token) -> bool:
    """Whether a line break lies between two tokens: a subhead and the paragraph below it are parsed
    as one sentence, but no argument or modality crosses from one to the other."""
    lo, hi = sorted((a.i, b.i))
    # Doc.text is rebuilt on every access; a token walk stays local.
    return any("\n" in t.whitespace_ or "\n" in t.text for t in a.doc[lo:hi])


def _near(tok: Token) -> Iterator[Token]:
    """Children and grandchildren, and for a participle its head's children (the shared clause)."""
    for child in tok.children:
        yield child
        yield from child.children
    if tok.dep_ in _CLAUSE_LINKS and tok.head.i != tok.i:
        yield tok.head
        for sibling in tok.head.children:
            if sibling.i != tok.i:
                yield sibling
                yield from sibling.children


def _words(tokens: Iterator[Token] | list[Token]) -> set[str]:
    return {w for t in tokens for w in (_lemma(t), t.lower_)}


def _has_weapon(tok: Token) -> bool:
    weapons = set(weapon_lexicon()) - _WEAPON_LICENSE_EXCLUDED
    return bool(_words(_near(tok)) & weapons) or _lemma(tok) in weapons


def _objects(tok: Token) -> list[Token]:
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr", "obj")]
    for prep in (c for c in tok.children if c.dep_ == "prep"):
        objs.extend(c for c in prep.children if c.dep_ == "pobj")
    return objs + [c for o in objs for c in o.conjuncts]


def _particle(tok: Token, *words: str) -> bool:
    return any(c.dep_ == "prt" and c.lower_ in words for c in tok.children)


def _not_disaster(tok: Token) -> bool:
    """A killing or burning is political violence unless the sentence (or the one before) is about
    a disaster and nothing in it speaks of an attack."""
    cues = cue_sets()
    start = tok.sent.start
    if start > 0:
        start = tok.doc[start - 1].sent.start
    sent_words = _words([t for t in tok.doc[start : tok.sent.end] if t.i != tok.i])
    if not sent_words & cues["disaster"]:
        return True
    return bool(sent_words & cues["attack_context"]) or _has_weapon(tok)


def _labour_strike(tok: Token) -> bool:
    mods = _words(c for c in tok.children if c.dep_ in ("compound", "amod", "nmod"))
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
    ) or (tok.head.lower_ == "on" and _lemma(tok.head.head) in ("go", "be", "remain", "stay"))


def _military_strike(tok: Token) -> bool:
    if _labour_strike(tok):
        return False
    mods = _words(c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss"))
    if mods & (cue_sets()["military_strike"] | set(weapon_lexicon())):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("on", "against") for c in tok.children) or _has_weapon(tok)


def _with_of(tokens: list[Token]) -> list[Token]:
    """Noun phrase heads and what they quantify: "a number of barracks" -> number, barracks."""
    out = list(tokens)
    for tok in tokens:
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
            out += [p for p in prep.children if p.dep_ == "pobj"]
    return out + [c for t in out for c in t.conjuncts]


def _installation(tok: Token) -> bool:
    if _lemma(tok) == "set" and not _particle(tok, "up"):
        return False
    objs = _with_of(_objects(tok))
    return bool(
        _words(objs + [c for o in objs for c in o.children if c.dep_ == "compound"])
        & cue_sets()["installation"]
    )


def _forces(tok: Token) -> bool:
    args = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return bool(_words(_with_of(args)) & cue_sets()["forces"])


def _weapon_object(tok: Token) -> bool:
    """ "found a cache of weapons", "dropped barrel bombs", "used tear gas": a weapon is the object."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ == "acl":  # "shells fired by…", "munitions dropped on…"
        objs.append(tok.head)
    words = _words([t for o in objs for t in o.subtree])
    return bool(words & cue_sets()["weapon_cache"])


def _gain_ground(tok: Token) -> bool:
    return bool(_words(_objects(tok)) & {"ground", "territory", "control"})


def _host_guest(tok: Token) -> bool:
    objs = _objects(tok)
    return any(o.ent_type_ in ("PERSON", "NORP", "GPE") for o in objs) or bool(
        _words(objs) & cue_sets()["host_guests"]
    )


def _blow_up(tok: Token) -> bool:
    return _particle(tok, "up")


def _set_off(tok: Token) -> bool:
    return _particle(tok, "off") and _weapon_object(tok)


def _military_operation(tok: Token) -> bool:
    mods = _words(c for c in tok.children if c.dep_ in ("compound", "amod", "nmod"))
    return bool(mods & cue_sets()["operation_modifiers"])


def _break_up(tok: Token) -> bool:
    return _particle(tok, "up") and bool(
        _words(_objects(tok)) & (cue_sets()["protest_agents"] | _PROTEST_NOUNS)
    )


def _excessive_force(tok: Token) -> bool:
    return any(
        c.lower_ in ("excessive", "lethal", "deadly", "brutal", "disproportionate") for c in tok.children
    )


def _human_chain(tok: Token) -> bool:
    return any(c.lower_ == "human" for c in tok.children)


def _ties(tok: Token) -> bool:
    return bool(_words(_objects(tok)) & cue_sets()["diplomatic_ties"])


def _measures(tok: Token) -> bool:
    objs = _with_of(_objects(tok))
    against = any(
        c.dep_ == "prep" and c.lower_ in ("on", "against") for o in [tok, *objs] for c in o.children
    )
    return bool(_words(objs) & cue_sets()["sanction_measures"]) or (against and bool(objs))


def _taken_hostage(tok: Token) -> bool:
    """ "took hostages", "held hostage": not "released three hostages"."""
    return lemma_of(tok.head) in ("take", "hold", "seize", "keep", "grab")


def _not_abstract(tok: Token) -> bool:
    """ "met the demand", "fought cancer": the object is no party, so no meeting or fight."""
    return (
        not _words(_objects(tok) + [c for c in tok.children if c.dep_ == "dobj"])
        & cue_sets()["abstract_objects"]
    )


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
    return _particle(tok, "out") and _human_object(tok)


def _human_object(tok: Token) -> bool:
    around = list(tok.subtree) if tok.pos_ in ("NOUN", "PROPN") else _objects(tok)
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    return bool(_words([*around, *mods]) & cue_sets()["human"])


def _consult_with(tok: Token) -> bool:
    if any(c.dep_ == "prep" and c.lower_ in cue_sets()["consult_with"] for c in tok.children):
        return True
    subj = _subject_chain(tok)
    return subj is not None and bool(subj.conjuncts)


def _subject_chain(tok: Token) -> Token | None:
    for _ in range(4):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None or tok.dep_ not in ("xcomp", "advcl", "conj") or tok.head.i == tok.i:
            return subj
        tok = tok.head
    return None


def _request_for(tok: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children)


def _claim(tok: Token) -> bool:
    return _lemma(tok.head) in ("claim", "take", "deny", "accept", "assume", "admit", "bear")


def _responsible(tok: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children)


def _pull_out(tok: Token) -> bool:
    return any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in ("out", "back") for c in tok.children)


def _hand_over(tok: Token) -> bool:
    return _particle(tok, "over")


def _take_control(tok: Token) -> bool:
    if tok.pos_ in ("NOUN", "PROPN"):
        heads = ("take", "gain", "assume", "wrest", "seize", "establish", "impose", "restore", "extend")
        return _lemma(tok.head) in heads and tok.dep_ == "dobj"
    if _particle(tok, "over"):
        return bool(_objects(tok))
    objs = _words(_objects(tok))
    return "control" in objs


def _territory(tok: Token) -> bool:
    return bool(_words(_objects(tok)) & cue_sets()["territory"])


def _bomb_event(tok: Token) -> bool:
    mods = _words(c for c in tok.children if c.dep_ in ("compound", "amod", "nmod"))
    return bool(
        mods & {"car", "roadside", "suicide", "truck", "pipe", "nail", "time", "parcel", "letter"}
    ) or (_lemma(tok.head) in ("plant", "detonate", "hurl", "throw", "lob", "set"))


def _go_off(tok: Token) -> bool:
    return _particle(tok, "off") and _has_weapon(tok)


def _fire_at(tok: Token) -> bool:
    preps = any(c.dep_ == "prep" and c.lower_ in ("at", "on", "upon", "into") for c in tok.children)
    return preps or bool(_words(_objects(tok)) & set(weapon_lexicon()))


def _open_fire(tok: Token) -> bool:
    return _lemma(tok.head) == "open"


def _shoot_down(tok: Token) -> bool:
    return _particle(tok, "down")


def _forcibly(tok: Token) -> bool:
    return any(c.lower_ in ("forcibly", "forcefully") for c in tok.children)


def _protesters(tok: Token) -> bool:
    subj = _subject_chain(tok)
    return subj is not None and _lemma(subj) in (
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
    "weapon": _has_weapon,
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


def weapon_near(tok: Token) -> WeaponEntry | None:
    """The weapon word modifying or serving a trigger: "drone attack", "launched drones", "with rockets"."""
    weapons = weapon_lexicon()
    own = weapons.get(_lemma(tok))
    if own is not None:
        return own
    close = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "dobj", "nsubj", "nsubjpass")]
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "by", "using")):
        close.extend(c for c in prep.children if c.dep_ == "pobj")
    close += [g for c in close for g in c.children if g.dep_ in ("compound", "amod")]
    if tok.dep_ in _CLAUSE_LINKS:  # "launched drones, hitting…": the parent's weapon
        close += [c for c in tok.head.children if c.dep_ == "dobj"]
    close += [t for c in close if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree]
    found = [weapons[w] for cand in close for w in (_lemma(cand), cand.lower_) if w in weapons]
    if not found:
        return None
    if any(w.word == "tear" for w in found):  # tear gas is riot control, not a chemical weapon
        found = [w for w in found if w.mode != "unconventional"]
    # The most specific means wins: chemical over explosive over firearm ("barrel bombs with chlorine").
    return min(found, key=lambda w: _MODE_PRIORITY.get(w.mode, len(_MODE_PRIORITY)))


def match_trigger(tok: Token) -> Trigger | None:
    """The lexicon entry a token triggers in its context, or None."""
    pos = _POS.get(tok.pos_)
    if pos is None or tok.ent_type_ in _NAME_LABELS:  # "March 2022", "Strike Force Ltd"
        return None
    rows = trigger_lexicon().get((_lemma(tok), pos)) or trigger_lexicon().get((tok.lower_, pos))
    if rows and pos == "V" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return None  # a verb form used as a noun: "the accused", "the wounded"
    if not rows:
        return None
    for entry in rows:
        check = CONDITIONS.get(entry.requires) if entry.requires else None
        if entry.requires and check is None:
            raise KeyError(f"[E120] unknown trigger condition {entry.requires!r} for {entry.lemma}")
        if check is None or check(tok):
            trig = Trigger(
                tok, entry, entry.mode, entry.cameo, entry.acled_event_type, entry.acled_sub_event_type
            )
            if entry.plover is PloverType.ASSAULT:
                weapon = weapon_near(tok)
                if weapon is not None:
                    trig.mode = weapon.mode
                    trig.cameo = weapon.cameo
                    trig.acled_event_type = weapon.acled_event_type
                    trig.acled_sub_event_type = weapon.acled_sub_event_type
            return trig
    return None


def find_triggers(doc: Doc) -> list[Trigger]:
    """Every trigger of the document after merging, in text order."""
    found = [trig for tok in doc if (trig := match_trigger(tok)) is not None]
    return merge_triggers(found)


def merge_triggers(triggers: list[Trigger]) -> list[Trigger]:
    """Fold light verbs into their event nouns and elaborating participles into their parent event."""
    by_index = {t.token.i: t for t in triggers}
    dropped: set[int] = set()
    # A pure light verb whose object is an event noun: the noun is the event.
    for trig in triggers:
        tok = trig.token
        if _lemma(tok) in cue_sets()["pure_light_verbs"] and tok.pos_ == "VERB":
            objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
            if any(o.i in by_index for o in objs):
                dropped.add(tok.i)
    # A noun whose governing verb is an event of the same type ("seized control", "fought a battle"),
    # or its instrument ("batters Kyiv with deadly strikes").
    for trig in triggers:
        head = trig.token.head
        if head.dep_ == "prep" and head.lower_ in ("with", "using") and trig.token.dep_ == "pobj":
            head = head.head
        is_noun = trig.token.pos_ in ("NOUN", "PROPN")
        governed = is_noun and head.i in by_index and head.i != trig.token.i and head.i not in dropped
        if governed and by_index[head.i].plover is trig.plover:
            dropped.add(trig.token.i)
    # Agent nouns only when nothing else in the sentence names the same kind of event.
    for trig in triggers:
        if trig.entry.requires == "alone":
            sent = trig.token.sent
            if any(
                o.plover is trig.plover
                and o.token.i != trig.token.i
                and o.entry.requires != "alone"
                and sent.start <= o.token.i < sent.end
                for o in triggers
            ):
                dropped.add(trig.token.i)
    # "protesters demanding…", "a rally calling for…": the demand is the protest's claim, not an event.
    for trig in triggers:
        if trig.plover is PloverType.REQUEST and _is_protest_claim(trig.token, by_index):
            dropped.add(trig.token.i)
    # An ASSAULT participle or casualty verb without its own subject elaborates its parent attack.
    parent_of: dict[int, int] = {}
    for trig in triggers:
        tok = trig.token
        if trig.plover is not PloverType.ASSAULT or tok.i in dropped:
            continue
        parent = _assault_parent(tok, by_index, dropped)
        if parent is not None:
            parent_of[tok.i] = parent
    for child, parent in parent_of.items():
        root = parent
        while root in parent_of:
            root = parent_of[root]
        by_index[root].members.append(by_index[child].token)
        dropped.add(child)
    return [t for t in triggers if t.token.i not in dropped]


def _is_protest_claim(tok: Token, by_index: dict[int, Trigger]) -> bool:
    head = tok.head
    linked = tok.dep_ in ("acl", "advcl", "relcl", "conj", "xcomp") and head.i in by_index
    if linked and by_index[head.i].plover is PloverType.PROTEST:
        return True
    subj = _subject_chain(tok)
    heads = _with_of([subj]) if subj is not None else []
    if tok.dep_ in ("advcl", "conj", "xcomp") and any(
        t.i in by_index and by_index[t.i].plover is PloverType.PROTEST for t in _near(head)
    ):
        return True  # "went on strike, demanding higher wages"
    if tok.dep_ in ("acl", "relcl"):
        heads.append(head)
    agents = cue_sets()["protest_agents"]
    return any(
        _lemma(h) in agents or (h.i in by_index and by_index[h.i].plover is PloverType.PROTEST) for h in heads
    )


def _assault_parent(tok: Token, by_index: dict[int, Trigger], dropped: set[int]) -> int | None:
    def is_attack(i: int) -> bool:
        return i in by_index and i not in dropped and by_index[i].plover is PloverType.ASSAULT and i != tok.i

    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    if (
        tok.pos_ == "VERB"
        and tok.dep_ in ("advcl", "conj", "xcomp")
        and not has_subject
        and is_attack(tok.head.i)
    ):
        return tok.head.i
    if _lemma(tok) in casualty_verbs():
        # "a bomb blast killed five": the attack is the subject; "killed in an airstrike": a prep object.
        for child in [c for t in (tok, *tok.conjuncts) for c in t.children]:
            if child.dep_ in ("nsubj",) and is_attack(child.i):
                return child.i
            if child.dep_ in ("prep", "agent"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and is_attack(pobj.i):
                        return pobj.i
    return None
