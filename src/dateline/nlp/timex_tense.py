"""The tense of the clause a time expression sits in, read from spaCy's parse.

A bare weekday or month is resolved backwards in a past or reporting clause and forwards in a
future one ("will meet Tuesday", "plans to visit in March").
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from dateline.timex import Tense

# Verbs whose infinitive complement lies ahead: "plans to meet Tuesday".
FUTURE_GOVERNORS = frozenset(
    {"plan", "expect", "schedule", "set", "intend", "hope", "aim", "want", "prepare", "promise",
     "vow", "pledge", "threaten", "propose", "seek", "try", "due", "likely", "going", "wish", "need"}
)  # fmt: skip
# Words right before a time that put it ahead: "as early as Tuesday", "scheduled for March".
FUTURE_CUES = re.compile(
    r"\b(?:as\s+(?:early|soon)\s+as|no\s+later\s+than|scheduled\s+for|set\s+for|slated\s+for|"
    r"planned\s+for|due|expected|starting|beginning|until|till|effective)\s+(?:on\s+|in\s+)?$",
    re.IGNORECASE,
)
AS_OF = re.compile(r"\bas\s+of\s+$", re.IGNORECASE)
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "'d"})
# Modals that look ahead unless perfect ("should be completed in October"); "could" and "can" also
# tell of the past or of ability ("could not be reached Wednesday").
AHEAD_MODALS = frozenset({"should", "must", "may", "might"})
# Present-tense reporting ("Paribas says Monday") tells of what was said; other present-tense
# verbs with a date are news schedules ("Arafat and Albright meet Monday").
REPORTING_VERBS = frozenset(
    {"say", "tell", "announce", "report", "confirm", "deny", "add", "note", "claim", "insist",
     "warn", "argue", "state", "write", "acknowledge", "admit", "declare", "disclose"}
)  # fmt: skip
PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re", "'m"})
# Verbs whose past form is their bare form: "Weakness hurt the index Friday" is past, though a
# tagger may read "hurt" as present (VBP); a singular subject shows it cannot be.
SAME_PAST_FORM = frozenset(
    {"hurt", "cut", "put", "set", "hit", "cost", "let", "shut", "spread", "quit", "cast", "bet", "bid",
     "split", "burst", "thrust", "upset", "broadcast", "forecast", "slit", "shed"}
)  # fmt: skip


def _past_read_as_present(verb: Token) -> bool:
    """Whether a VBP verb with a singular noun subject is really a past form ("Weakness hurt")."""
    if verb.tag_ != "VBP" or verb.lower_ not in SAME_PAST_FORM:
        return False
    return any(c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in verb.children)


def _pluperfect(token: Token) -> bool:
    """Whether ``token`` (or the verb it is a complement of) stands in the past perfect ("had been due")."""
    verb = _verb_above(token)
    return verb is not None and any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in verb.children)


def _verb_above(token: Token) -> Token | None:
    """The token itself when it is a verb, else the nearest verb among its ancestors."""
    t: Token | None = token
    while t is not None:
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def clause_tense(span: Span, text: str = "") -> Tense | None:
    """``past``, ``present`` or ``future`` for the clause governing ``span`` (None: no verb).

    A possessive ("Tuesday's vote") names something that happened; a cue before the time ("as
    early as Friday") or a planning verb ("scheduled a news conference Thursday") looks ahead.
    """
    if span.end < len(span.doc) and span.doc[span.end].tag_ == "POS":
        return "past"
    if text and AS_OF.search(text[max(0, span.start_char - 10) : span.start_char]):
        return "present"  # "as of February, the store accounts for 70%": a cut-off, the nearest one
    cue = FUTURE_CUES.search(text[max(0, span.start_char - 30) : span.start_char]) if text else None
    verb_tense = _verb_tense(span)
    fronted_until = cue is not None and cue.group().lower().startswith(("until", "till"))
    fronted_until = fronted_until and span.end <= span.sent.root.i and verb_tense == "past"
    if cue and not fronted_until:
        return "future"  # "as early as Friday"; but "Until Thursday, they had not called" is past
    return verb_tense


def _verb_tense(span: Span) -> Tense | None:
    """The tense read from the verbs governing ``span``."""
    verb = _verb_above(span.root.head if span.root.head.i != span.root.i else span.root)
    hops = 0
    while verb is not None and hops < 4:
        hops += 1
        governs = verb.lemma_.lower() in FUTURE_GOVERNORS - {"want", "try", "need", "hope", "wish"}
        if governs and not (verb.tag_ == "VBD" and verb.dep_ in ("ROOT", "conj")):
            # "plans to meet Tuesday", "scheduled a news conference Thursday"; but a main clause
            # in the past ("the government planned to pay Friday") tells what happened.
            return "future"
        aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        aux_words = {a.lower_ for a in aux}
        if aux_words & FUTURE_AUX:
            return "future"
        if aux_words & AHEAD_MODALS and not aux_words & {"have", "'ve"}:
            return "future"  # "should be completed in October", "may close in March"
        if any(a.tag_ in ("VBD",) or a.lower_ in ("has", "have", "had", "did", "was", "were") for a in aux):
            return "past"
        if verb.tag_ == "VBN" and aux_words & PRESENT_BE:
            return "future"  # a present passive is a schedule: "the case is heard in May"
        if verb.tag_ in ("VBD", "VBN") or _past_read_as_present(verb):
            return "past"
        if verb.tag_ == "VBG" and aux_words & PRESENT_BE:
            return "future"
        if verb.tag_ == "VB" and "to" in aux_words:
            head = verb.head
            if head.i == verb.i:
                return None
            # "is to resume" looks ahead; "to accede ... were also Poland" (a clausal subject) does not.
            ahead_be = head.lemma_ == "be" and verb.dep_ != "csubj"
            if _pluperfect(head):
                return "past"  # "it had been due to expire Friday evening": looked ahead from the past
            if head.lemma_.lower() in FUTURE_GOVERNORS or head.lower_ == "going" or ahead_be:
                return "future"  # "plans to meet", "is going to", "is to resume"
            verb = _verb_above(head)
            continue
        if verb.tag_ in ("VBZ", "VBP"):
            return "present" if verb.lemma_.lower() in REPORTING_VERBS or verb.lemma_ == "be" else "future"
        if verb.tag_ == "MD":
            return "future" if verb.lower_ in FUTURE_AUX else "present"
        return None
    return None
