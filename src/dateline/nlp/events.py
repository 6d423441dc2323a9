"""The events layer: PLOVER-typed events with actors, targets, place, time, status, counts and casualties.

Stages (each in its own module):
1. triggers (``event_triggers``): lexicon verbs and nouns in context, merged into one per event;
2. arguments (``event_args``): actors, targets and location from the dependency parse, linked to
   the entities layer and geocoded;
3. status (``event_status``): modality cues on the governing path;
4. time and attribution (``event_context``): the times and quotes layers, with parse fallbacks;
5. quantities and casualties (``event_counts``): the amounts layer's counts tied to their event.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.nlp.event_args import (
    actor_tokens,
    entities_of,
    entity_country,
    link_targets,
    location_token,
    make_location,
    phrase_text,
    place_from_name,
    target_tokens,
)
from dateline.nlp.event_context import TimeCandidate, event_time, reporter_of, time_candidates
from dateline.nlp.event_counts import add_casualty, add_single_casualty, owner_of, single_casualties
from dateline.nlp.event_lexicon import cue_sets, weapon_lexicon
from dateline.nlp.event_status import event_status
from dateline.nlp.event_triggers import Trigger, find_triggers
from dateline.nlp.state import ArticleState
from dateline.schema import Event, PloverType, Span

_TRIGGER_COMPOUNDS = cue_sets()["trigger_compounds"] | frozenset(weapon_lexicon())
# Confidence parts: a trigger alone is a guess; arguments and a verb make it a reading.
_BASE_CONFIDENCE = 0.5
_ACTOR_BONUS = 0.2
_TARGET_BONUS = 0.1
_PLACE_BONUS = 0.1
_VERB_BONUS = 0.1
_DATELINE_PENALTY = 0.05


def _trigger_span(tok: Token) -> Span:
    """The trigger's surface: the word, with a particle ("set up") or compound ("phone calls")."""
    start, end = tok.i, tok.i + 1
    for child in tok.children:
        if child.dep_ == "prt" and child.i == end:
            end = child.i + 1
        if child.dep_ == "compound" and child.i == start - 1 and child.lemma_.lower() in _TRIGGER_COMPOUNDS:
            start = child.i
    span = tok.doc[start:end]
    return Span(text=span.text, start=span.start_char, end=span.end_char)


def build_event(state: ArticleState, trigger: Trigger, number: int, times: list[TimeCandidate] | None = None) -> Event:
    """One contract event from a trigger and its context (times: the article's time candidates)."""
    actor_heads = [h for head in actor_tokens(trigger) for h in (head, *head.conjuncts)]
    actors = list(dict.fromkeys(a for h in actor_heads for a in entities_of(state, h)))
    target_heads = target_tokens(trigger)
    targets = [t for t in link_targets(state, target_heads) if t not in actors]
    actor_phrases = [phrase_text(h) for h in actor_heads if h.pos_ in ("NOUN", "PROPN") and not entities_of(state, h)]
    target_phrases = [
        phrase_text(h)
        for h in (t for head in target_heads for t in (head, *head.conjuncts))
        if h.pos_ in ("NOUN", "PROPN") and not link_targets(state, [h])
    ]
    place_tok = location_token(trigger, target_heads)
    location = make_location(state, place_tok) if place_tok is not None else None
    from_dateline = False
    if location is None and state.clean.dateline is not None and state.clean.dateline.place:
        location = place_from_name(state.clean.dateline.place)
        from_dateline = location is not None
    countries = {}
    for eid in [*actors, *targets]:
        code = entity_country(state, eid)
        if code:
            countries[eid] = code
    confidence = _BASE_CONFIDENCE
    confidence += _ACTOR_BONUS if actors else 0.0
    confidence += _TARGET_BONUS if targets else 0.0
    confidence += _PLACE_BONUS if location is not None and not from_dateline else 0.0
    confidence += _VERB_BONUS if trigger.token.pos_ == "VERB" or trigger.members else 0.0
    confidence -= _DATELINE_PENALTY if from_dateline else 0.0
    return Event(
        id=f"ev{number}",
        type=trigger.plover,
        mode=trigger.mode,
        trigger=_trigger_span(trigger.token),
        actors=actors,
        targets=targets,
        location=location,
        time=event_time(state, trigger.tokens(), times),
        status=event_status(trigger.token),
        attributed_to=reporter_of(state, trigger.token),
        cameo=trigger.cameo,
        acled_event_type=trigger.acled_event_type,
        acled_sub_event_type=trigger.acled_sub_event_type,
        actor_countries=countries,
        actor_phrases=list(dict.fromkeys(actor_phrases)),
        target_phrases=list(dict.fromkeys(target_phrases)),
        confidence=round(min(confidence, 1.0), 2),
    )


def annotate_events(state: ArticleState) -> None:
    """Fill ``state.events`` from the parse and the earlier layers (entities, quotes, times, amounts)."""
    triggers = find_triggers(state.doc)
    times = time_candidates(state)
    events = [build_event(state, trig, n, times) for n, trig in enumerate(triggers, start=1)]
    trigger_of = {tok.i: n for n, trig in enumerate(triggers) for tok in trig.tokens()}
    for amount in state.amounts:
        owner = owner_of(state.doc, amount, trigger_of)
        if owner is None:
            continue
        index, casualty = owner
        event = events[index]
        if casualty is not None:
            event.casualties = add_casualty(event.casualties, casualty, amount)
        else:
            event.quantities.append(amount)
    for trig, event in zip(triggers, events, strict=True):
        for kind in single_casualties(trig.tokens()):
            if event.casualties is None or getattr(event.casualties, kind) is None:
                event.casualties = add_single_casualty(event.casualties, kind)
    refine_acled(triggers, events)
    state.events = events


def refine_acled(triggers: list[Trigger], events: list[Event]) -> None:
    """ACLED's protest sub-types depend on what else happened in the sentence: a protest met by
    arrests or force is a "Protest with intervention"; force used on protesters is "Excessive force"."""
    agents = cue_sets()["protest_agents"]
    sentence = [t.token.sent.start for t in triggers]
    for n, (trig, event) in enumerate(zip(triggers, events, strict=True)):
        others = [(triggers[m], events[m]) for m in range(len(events)) if m != n and sentence[m] == sentence[n]]
        if event.type is PloverType.PROTEST and any(
            e.type in (PloverType.COERCE, PloverType.ASSAULT) for _, e in others
        ):
            event.acled_event_type, event.acled_sub_event_type = "Protests", "Protest with intervention"
        if event.type is PloverType.ASSAULT:
            objects = {w.lemma_.lower() for tok in trig.tokens() for c in tok.children for w in c.subtree}
            if objects & agents or any(
                t.plover is PloverType.PROTEST and t.token.head == trig.token for t, _ in others
            ):
                event.acled_event_type = "Protests"
                event.acled_sub_event_type = "Excessive force against protesters"
