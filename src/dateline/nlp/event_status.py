"""An event's status from modality: planned, proposed, agreed, negated, hypothetical, ongoing or occurred.

The cues (``data/event_status.json``) are read on the trigger's governing path: the trigger, then each
head up to the clause that reports it, with their auxiliaries, negations, markers and modifiers.
The nearest cue decides, with two news patterns on top: "accepted a proposal for a ceasefire" (an
agreement over a proposal makes it agreed) and "has yet to agree to talks" (a negated agreement
negates what it governs).
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.nlp.event_lexicon import StatusCues, cue_sets, status_cues
from dateline.nlp.event_parse import lemma_of
from dateline.nlp.lines import crosses_line
from dateline.schema import EventStatus

# Dependents that carry modality for their head.
_MODAL_DEPS = frozenset({"aux", "auxpass", "neg", "mark", "advmod", "amod", "det", "prep", "npadvmod"})
# Edges we do not climb: a coordinated clause or a separate sentence-like unit has its own modality.
_STOP_DEPS = frozenset({"conj", "parataxis", "ROOT"})
_PRIORITY = ("negated", "hypothetical", "agreed", "planned", "proposed", "ongoing")


def _cue_status(words: set[str], cues: StatusCues) -> str | None:
    for name in _PRIORITY:
        if words & getattr(cues, name):
            return name
    return None


def _own_words(tok: Token, skip: Token | None) -> set[str]:
    words = {lemma_of(tok), tok.lower_} if skip is None or tok.i != skip.i else set()
    if tok.lemma_.lower() == "call" and any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
        words.add("call for")  # "called for a ceasefire", not "called the talks important"
    for child in tok.children:
        if child.dep_ in _MODAL_DEPS and (skip is None or child.i != skip.i) and not crosses_line(tok, child):
            words.add(lemma_of(child))
            words.add(child.lower_)
            if child.dep_ == "prep":
                words.discard(child.lower_)  # a preposition itself is no cue, only "toward", "without"
                if child.lower_ in ("toward", "towards", "without"):
                    words.add(child.lower_)
    return words


def governing_path(trigger: Token, max_steps: int = 6) -> list[Token]:
    """The trigger and its heads up to the first clause boundary or reporting verb."""
    reporting = cue_sets()["reporting_verbs"]
    path = [trigger]
    tok = trigger
    for _ in range(max_steps):
        if tok.dep_ in _STOP_DEPS or tok.head.i == tok.i or crosses_line(tok, tok.head):
            break
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in reporting:
            break
        tok = tok.head
        path.append(tok)
    return path


def event_status(trigger: Token) -> EventStatus:
    """The status of the event a trigger names, from the modality cues on its governing path."""
    cues = status_cues()
    found: list[tuple[int, str, Token]] = []
    for depth, tok in enumerate(governing_path(trigger)):
        # The trigger's own lemma is what it names, not a cue about it ("agreed" is an AGREE event).
        words = _own_words(tok, skip=trigger) if depth == 0 else _own_words(tok, skip=None)
        status = _cue_status(words, cues)
        if status is not None:
            found.append((depth, status, tok))
    if not found:
        return EventStatus.occurred
    nearest = found[0][1]
    later = [status for _, status, _ in found[1:]]
    if nearest == "proposed" and "agreed" in later:
        agreed_at = next(i for i, (_, status, _) in enumerate(found) if status == "agreed")
        return EventStatus.negated if "negated" in [s for _, s, _ in found[agreed_at + 1 :]] else EventStatus.agreed
    if nearest == "agreed" and "negated" in later:
        return EventStatus.negated
    if nearest == "ongoing":
        return EventStatus.ongoing
    return EventStatus(nearest)
