"""A small logistic-regression model that decides which candidate attributions are reported speech.

PolNeAR marks nearly any stance or communication verb's object as attributed content ("has imposed
sanctions on …", "focused on climate change"), far more than a cue list can name. So every verb
with a clausal or nominal complement is a candidate (``quote_indirect`` in open mode), and this
model, learnt on PolNeAR **train** by ``eval/quotes_train.py``, keeps those likely to be
attributions. Features are strings describing the cue's lemma, the pattern that found it, its
dependency shape, its subject and its content; the weights ship as ``data/quote_model.json``
(no download, numpy-free scoring). Quoted words are linked by the rules and never dropped here.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from dateline.nlp.quote_data import QuoteLexicon

MODEL_FILE = "quote_model.json"
# Bump when feature_names changes: a shipped model with another version is refused at load time.
FEATURE_VERSION = 3
MARKS = frozenset('“”"«»„')
# How far up the parse a cue looks for a verb of saying or believing that holds it.
UNDER_STEPS = 6
# How far up it looks for the nearest verb it hangs off.
ANCESTOR_STEPS = 4


def bucket(n: int) -> str:
    """Coarse size buckets: 1, 2-3, 4-7, 8-15, 16+."""
    for limit, name in ((1, "1"), (3, "2-3"), (7, "4-7"), (15, "8-15")):
        if n <= limit:
            return name
    return "16+"


def _subject_kind(subject: Token | None, lex: QuoteLexicon) -> str:
    if subject is None:
        return "none"
    if subject.ent_type_:
        return f"ent:{subject.ent_type_}"
    low = subject.lower_
    if low in lex.pronoun_features:
        return f"pron:{lex.pronoun_features[low]}"
    if low in lex.role_nouns or low in lex.group_nouns:
        return "role"
    return f"pos:{subject.pos_}"


def verb_class(lemma: str, lex: QuoteLexicon) -> str:
    """``speech``, ``belief``, ``object`` (the cue lists) or ``open`` (any other verb)."""
    if lemma in lex.speech_verbs:
        return "speech"
    if lemma in lex.belief_verbs:
        return "belief"
    if lemma in lex.object_cue_verbs:
        return "object"
    return "open"


def context_features(
    cue: Token, pattern: str, lex: QuoteLexicon, text: str | None = None, frame: Token | None = None
) -> list[str]:
    """Where the cue sits in its sentence: ``said he wants to …`` or ``believes the plan will …``
    (a verb of saying or believing above it: its stance is part of what that verb reports), ``wants
    to endorse …`` (the nearest verb above, its class and the dependency path to it). With the
    document's ``text``, a verb in a writer's aside (``That said, …``) is no verb of saying above.
    ``frame``: the verb whose place the cue takes, when the parse hung the cue elsewhere (``said she
    regretted it and promised …``: "promised" is "said"'s conjunct, not words under it)."""
    lemma = cue.lemma_.lower()
    known = verb_class(lemma, lex)
    cue = frame if frame is not None else cue
    under, depth, head = "none", 0, cue
    while head.head.i != head.i and depth < UNDER_STEPS:
        head = head.head
        depth += 1
        if (
            head.pos_ == "VERB"
            and verb_class(head.lemma_.lower(), lex) in ("speech", "belief")
            and not (text is not None and lex.aside_at(text, head.idx, head.idx + len(head)))
        ):
            under = verb_class(head.lemma_.lower(), lex)
            break
    feats = [
        f"under={under}",
        f"pattern|under={pattern}|{under}",
        f"under|depth={under}|{min(depth, 4)}",
        f"under|known={under}|{known}",
    ]
    path: list[str] = []
    head, ancestor = cue, None
    while head.head.i != head.i and len(path) < ANCESTOR_STEPS:
        path.append(head.dep_)
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            ancestor = head
            break
    if ancestor is None:
        feats.append("ancestor=none")
        return feats
    a_lemma = ancestor.lemma_.lower()
    a_class = verb_class(a_lemma, lex)
    feats += [
        f"ancestor={a_class}|{'>'.join(path)}",
        f"pattern|ancestor={pattern}|{a_class}",
        f"ancestor_lemma={a_lemma}|{path[0]}",
        f"lemma|ancestor={lemma}|{a_class}",
    ]
    return feats


def feature_names(
    cue: Token,
    subject: Token | None,
    pattern: str,
    content: tuple[int, int] | None,
    text: str,
    lex: QuoteLexicon,
    sentence_quoted: bool = False,
    frame: Token | None = None,
) -> list[str]:
    """The features of one candidate: ``cue`` found by ``pattern`` with ``subject`` and ``content``
    (char offsets into ``text``) in a sentence with quotation marks or not (``sentence_quoted``);
    ``frame``: see ``context_features``. Pure on its inputs; every feature is a ``name=value`` string."""
    lemma = cue.lemma_.lower()
    known = verb_class(lemma, lex)
    children = list(cue.children)
    child_deps = sorted({c.dep_ for c in children if c.dep_ in ("ccomp", "xcomp", "dobj", "prep", "dative")})
    kind = _subject_kind(subject, lex)
    feats = [
        "bias",
        f"lemma={lemma}",
        f"pattern={pattern}",
        f"lemma|pattern={lemma}|{pattern}",
        f"known={known}",
        f"known|pattern={known}|{pattern}",
        f"dep={cue.dep_}",
        f"tag={cue.tag_}",
        f"tag|pattern={cue.tag_}|{pattern}",
        f"subject={kind}",
        f"subject|known={kind}|{known}",
        f"children={'+'.join(child_deps)}",
        f"lemma|children={lemma}|{'+'.join(child_deps)}",
        f"lemma|dep={lemma}|{cue.dep_}",
        f"lemma|subject={lemma}|{kind}",
    ]
    if cue.dep_ != "ROOT":
        feats.append(f"head={cue.head.lemma_.lower()}|{cue.dep_}")
    prep: str | None = None
    flags: set[str] = set()
    for c in children:  # one pass: Token attribute reads are the cost here
        dep = c.dep_
        if dep == "prep" and prep is None and c.i > cue.i:
            prep = c.lower_
        elif dep == "neg":
            flags.add("negated")
        elif dep == "auxpass":
            flags.add("passive")
        elif dep == "aux":
            if c.lower_ == "to":
                flags.add("infinitive")
            if c.tag_ == "MD":
                flags.add("modal")
    if prep is not None:
        feats.append(f"prep={prep}")
        feats.append(f"lemma|prep={lemma}|{prep}")
    feats += [f for f in ("negated", "passive", "infinitive", "modal") if f in flags]
    if cue.dep_ == "ROOT":
        feats.append("root")
    if subject is not None:
        feats.append("subject_before" if subject.i < cue.i else "subject_after")
        # Found on the cue itself, or borrowed from a verb the cue hangs off (less often right).
        feats.append(f"subject_of={'cue' if subject.head.i == cue.i else 'other'}|{pattern}")
    if sentence_quoted:
        feats.append("sentence_quoted")
    feats += context_features(cue, pattern, lex, text, frame)
    if content is None:
        feats.append("content=none")
        return feats
    words = text[content[0] : content[1]].split()
    feats.append(f"content_words={bucket(len(words))}")
    feats.append(f"pattern|content_words={pattern}|{bucket(len(words))}")
    feats.append("content_after" if content[0] >= cue.idx else "content_before")
    if any(c in MARKS for c in text[content[0] : content[1]]):
        feats.append("content_quoted")
    if words and words[0].lower() in ("to", "that", "whether", "how", "why", "what", "if"):
        feats.append(f"content_first={words[0].lower()}")
    span = cue.doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is not None and len(span):
        root = span.root
        feats.append(f"content_root={root.pos_}:{root.dep_}")
        feats.append(f"pattern|content_root={pattern}|{root.pos_}:{root.dep_}")
        # A proposition (a clause with its own subject) or a thing ("imposed a penalty", "eyeing RISD").
        # A proposition (a clause with its own subject) or a thing ("imposed a penalty", "eyeing RISD"),
        # and whether the content reports another act itself ("… said he would announce …").
        proposition, inner, inner_speech = False, 0, False
        for t in span:  # one pass over the content's tokens
            if t.dep_ in ("nsubj", "nsubjpass", "expl"):
                proposition = True
            if t.pos_ == "VERB" and t.i != cue.i:
                inner += 1
                inner_speech = inner_speech or t.lemma_.lower() in lex.speech_verbs
        feats.append(f"lemma|proposition={lemma}|{proposition}")
        feats.append(f"lemma|content_pos={lemma}|{root.pos_}")
        feats.append(f"content_ent={root.ent_type_ or '-'}")
        feats.append(f"lemma|content_ent={lemma}|{root.ent_type_ or '-'}")
        feats.append(f"content_first_pos={span[0].pos_}")
        feats.append(f"inner_speech={inner_speech}")
        feats.append(f"inner_verbs={min(inner, 3)}")
    feats.append(f"lemma|content_words={lemma}|{bucket(len(words))}")
    if text.rfind("\n", 0, cue.idx) < 0:
        feats.append("headline")
    return feats


@dataclass(frozen=True)
class CueModel:
    """Logistic regression over ``feature_names``: ``probability`` of a candidate being attributed content."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, features: list[str]) -> float:
        """P(attributed content | features); unseen features weigh nothing."""
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def keeps(self, features: list[str]) -> bool:
        """Whether the candidate clears the threshold chosen on train."""
        return self.probability(features) >= self.threshold


def parse_model(data: dict[str, object], version: int = FEATURE_VERSION) -> CueModel:
    """A model from its JSON form; refuses a feature version other than ``version`` (the features
    changed shape)."""
    if data.get("feature_version") != version:
        raise ValueError(f"quote model feature_version {data.get('feature_version')} != {version}")
    weights = data["weights"]
    assert isinstance(weights, dict)
    return CueModel(
        weights={str(k): float(v) for k, v in weights.items()},
        bias=float(data["bias"]),  # type: ignore[arg-type]
        threshold=float(data["threshold"]),  # type: ignore[arg-type]
    )


@lru_cache(maxsize=1)
def cue_model() -> CueModel:
    """The shipped model (``data/quote_model.json``), loaded once per process."""
    text = resources.files("dateline.nlp").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    data = json.loads(text)
    assert isinstance(data, dict)
    return parse_model(data)
