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

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dateline.nlp.event_conditions import CONDITIONS
from dateline.nlp.event_lexicon import (
    TriggerEntry,
    WeaponEntry,
    casualty_verbs,
    cue_sets,
    trigger_lexicon,
    weapon_lexicon,
)
from dateline.nlp.event_parse import CLAUSE_LINKS, lemma_of, near, subject_chain, with_of
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
_NAME_LABELS = frozenset({"DATE", "TIME", "PERSON", "GPE", "NORP", "LOC", "FAC", "CARDINAL", "MONEY", "ORDINAL"})


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


def weapon_near(tok: Token) -> WeaponEntry | None:
    """The weapon word modifying or serving a trigger: "drone attack", "launched drones", "with rockets"."""
    weapons = weapon_lexicon()
    own = weapons.get(lemma_of(tok))
    if own is not None:
        return own
    close = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "dobj", "nsubj", "nsubjpass")]
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "by", "using")):
        close.extend(c for c in prep.children if c.dep_ == "pobj")
    close += [g for c in close for g in c.children if g.dep_ in ("compound", "amod")]
    if tok.dep_ in CLAUSE_LINKS:  # "launched drones, hitting…": the parent's weapon
        close += [c for c in tok.head.children if c.dep_ == "dobj"]
    close += [t for c in close if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree]
    found = [weapons[w] for cand in close for w in (lemma_of(cand), cand.lower_) if w in weapons]
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
    rows = trigger_lexicon().get((lemma_of(tok), pos)) or trigger_lexicon().get((tok.lower_, pos))
    if rows and pos == "V" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return None  # a verb form used as a noun: "the accused", "the wounded"
    if not rows:
        return None
    for entry in rows:
        check = CONDITIONS.get(entry.requires) if entry.requires else None
        if entry.requires and check is None:
            raise KeyError(f"[E120] unknown trigger condition {entry.requires!r} for {entry.lemma}")
        if check is None or check(tok):
            trig = Trigger(tok, entry, entry.mode, entry.cameo, entry.acled_event_type, entry.acled_sub_event_type)
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
        if lemma_of(tok) in cue_sets()["pure_light_verbs"] and tok.pos_ == "VERB":
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
    subj = subject_chain(tok)
    heads = with_of([subj]) if subj is not None else []
    if tok.dep_ in ("advcl", "conj", "xcomp") and any(
        t.i in by_index and by_index[t.i].plover is PloverType.PROTEST for t in near(head)
    ):
        return True  # "went on strike, demanding higher wages"
    if tok.dep_ in ("acl", "relcl"):
        heads.append(head)
    agents = cue_sets()["protest_agents"]
    return any(lemma_of(h) in agents or (h.i in by_index and by_index[h.i].plover is PloverType.PROTEST) for h in heads)


def _assault_parent(tok: Token, by_index: dict[int, Trigger], dropped: set[int]) -> int | None:
    def is_attack(i: int) -> bool:
        return i in by_index and i not in dropped and by_index[i].plover is PloverType.ASSAULT and i != tok.i

    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    if tok.pos_ == "VERB" and tok.dep_ in ("advcl", "conj", "xcomp") and not has_subject and is_attack(tok.head.i):
        return tok.head.i
    if lemma_of(tok) in casualty_verbs():
        # "a bomb blast killed five": the attack is the subject; "killed in an airstrike": a prep object.
        for child in [c for t in (tok, *tok.conjuncts) for c in t.children]:
            if child.dep_ in ("nsubj",) and is_attack(child.i):
                return child.i
            if child.dep_ in ("prep", "agent"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and is_attack(pobj.i):
                        return pobj.i
    return None
