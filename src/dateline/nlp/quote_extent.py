"""Where an indirect quote's reported words end: a small learnt model that may carry them on to the
end of their sentence or the next clause break, or end them at their last break.

The parse ends a reported clause where its subtree ends, and news prose often goes on saying what
the speaker said after that: a clause the parser hung on the cue (``said the talks had stalled,
leaving both sides apart``), a second conjunct, a predicate split from its subject. PolNeAR's
annotators carry the content on in some of these shapes and not in others, and cut a trailing
phrase in some, by more than hand rules have told apart. So ``extensions`` proposes those ends for
each indirect quote without quotation marks, ``extent_features`` describes the words gained or
lost, and a logistic regression learnt on PolNeAR **train** by ``eval/quotes_extent_train.py``
takes the likeliest end it believes in. A quote never runs on over another quote, any quote's cue
or speaker, or the speaker's next act (``… but did not suggest …``). The weights ship as
``data/quote_extent_model.json``; scoring is ``quote_model.CueModel``'s.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from dateline.nlp.quote_data import QuoteLexicon
from dateline.nlp.quote_indirect import Attribution, second_act
from dateline.nlp.quote_model import MARKS, CueModel, bucket, parse_model

MODEL_FILE = "quote_extent_model.json"
# Bump when extent_features changes: a shipped model with another version is refused at load time.
FEATURE_VERSION = 1
# What a sentence's rest is trimmed of at its end: its stop, and a closing mark after it.
TRAILING = ' \t\n.,;:!?"”’'
# Parts of speech whose words are named as themselves in the features ("and", "which", "because").
FUNCTION_POS = frozenset({"ADP", "CCONJ", "SCONJ", "PRON", "DET", "ADV", "PART"})
# Where a clause may end inside a sentence: a comma, a semicolon, a dash set off by spaces.
BREAK = re.compile(r",\s|;\s|\s(?:[―—–-]|--)\s")
# A clause with one of these has a subject of its own (a passive or expletive one too).
CLAUSE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
# A shorter quote keeps at least this many words.
MIN_WORDS_LEFT = 3


def rest_of_sentence(span: Span, text: str, end: int) -> int | None:
    """Where the sentence holding the end of the words ``span`` (which end at ``end``) ends (inside
    their paragraph, without its stop), when it holds more words after them; else None."""
    sentence = span[-1].sent
    line = text.find("\n", end)
    stop = min(sentence.end_char, line if line >= 0 else len(text))
    stop = len(text[:stop].rstrip(TRAILING))
    if stop <= end or not any(c.isalnum() for c in text[end:stop]):
        return None
    return stop


def _stops(text: str, start: int, end: int, sentence_end: int | None) -> list[tuple[str, int]]:
    """The ends proposed for the words ``start``-``end``: the end of their sentence, the next break
    (comma, semicolon, dash) before it, and the last break inside the words (a shorter quote)."""
    out: list[tuple[str, int]] = []
    if sentence_end is not None:
        out.append(("sentence", sentence_end))
        m = BREAK.search(text, end + 1, sentence_end)
        if m is not None:
            stop = len(text[: m.start()].rstrip(TRAILING))
            if end < stop < sentence_end and any(c.isalnum() for c in text[end:stop]):
                out.append(("clause", stop))
    cuts = [m.start() for m in BREAK.finditer(text, start, end)]
    if cuts:
        stop = len(text[: cuts[-1]].rstrip(TRAILING))
        if len(text[start:stop].split()) >= MIN_WORDS_LEFT and len(text[stop:end].split()) >= 2:
            out.append(("cut", stop))
    return out


def extent_features(
    span: Span, rest: Span, text: str, end: int, stop: int, kind: str, attr: Attribution, lex: QuoteLexicon
) -> list[str]:
    """The features of ending the reported words ``span`` (ending at ``end``) of ``attr`` at
    ``stop`` instead (``kind``: ``sentence``, ``clause`` or ``cut``; ``rest``: the words gained or
    lost): their first word, the punctuation before it, where the parse hangs it, their length,
    whether they hold a verb, a subject, a quotation mark, a verb of saying; the content's root and
    length, and the cue. Each feature comes twice: on its own and for its kind."""
    lo = min(end, stop)
    words = [t for t in rest if t.i >= span.end] if stop > end else list(rest)
    words = words or list(rest)
    first = next((t for t in words if not t.is_punct), words[0])
    gap = text[lo : first.idx].strip() or "_"
    root = span.root

    def inside(tok: Token) -> bool:
        return span.start <= tok.i < span.end and not (stop < end and tok.idx >= stop)

    first_word = first.lower_ if first.pos_ in FUNCTION_POS else first.pos_
    base = [
        "bias",
        f"gap={gap}",
        f"first={first_word}",
        f"first_dep={first.dep_}",
        f"gap|first_dep={gap}|{first.dep_}",
        f"first_head_inside={inside(first.head)}",
        f"first_head={first.dep_}|{'inside' if inside(first.head) else first.head.dep_}",
        f"first_of_root={first.head.i == root.i}|{first.dep_}",
        f"first_head_cue={first.head.i == attr.cue_i}|{first.dep_}",
        f"rest_words={bucket(len(words))}",
        f"words={bucket(len(span))}",
        f"rest_verb={any(t.pos_ == 'VERB' for t in words)}",
        f"rest_subject={any(t.dep_ in ('nsubj', 'nsubjpass') for t in words)}",
        f"rest_quoted={any(t.text in MARKS for t in words)}",
        f"rest_speech={any(t.lemma_.lower() in lex.speech_verbs for t in words)}",
        f"rest_last={words[-1].pos_}",
        f"root_dep={root.dep_}",
        f"cue={attr.lemma}",
        f"pattern={attr.pattern}",
        f"open={attr.open}",
    ]
    return base + [f"{kind}:{f}" for f in base]


def extensions(
    doc: Doc, text: str, quotes: list[tuple[int, int, Attribution | None, bool]], lex: QuoteLexicon
) -> Iterator[tuple[int, int, list[str]]]:
    """``(index, stop, features)`` for each end proposed for the quotes of ``quotes`` (``(start,
    end, attribution, eligible)``: the eligible ones are indirect, with an attribution). A quote may
    run on only when nothing in the way belongs to a quote: another quote's words, any quote's cue
    or speaker (this one's too: ``…, the mayor said``)."""
    used = bytearray(len(text) + 1)  # 1 at every character a quote holds as its words, cue or speaker
    for start, end, attr, _ in quotes:
        spans = [(start, end)]
        if attr is not None:
            spans += [attr.cue] + ([attr.speaker] if attr.speaker is not None else [])
        for a, b in spans:
            used[a:b] = b"\x01" * (b - a)
    for k, (start, end, attr, eligible) in enumerate(quotes):
        if not eligible or attr is None or any(c in MARKS for c in text[start:end]):
            continue  # quoted words end where their marks say (``called him the “ultimate hypocrite,” linking …``)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        for kind, stop in _stops(text, start, end, rest_of_sentence(span, text, end)):
            rest = doc.char_span(min(end, stop), max(end, stop), alignment_mode="expand")
            if rest is None or not len(rest):
                continue
            if stop > end and (used.find(1, end, stop) >= 0 or _second_act(attr, rest, lex)):
                continue
            yield k, stop, extent_features(span, rest, text, end, stop, kind, attr, lex)


def _second_act(attr: Attribution, rest: Span, lex: QuoteLexicon) -> bool:
    """Whether the words ``rest`` hold the speaker's next act: a verb joined to the cue without a
    subject of its own, or one the rules cut from the reported clause as such (``said that he would
    offer a prayer … but did not suggest …``)."""
    if attr.cue_i < 0:
        return False
    return any(
        (t.dep_ == "conj" and t.head.i == attr.cue_i and not any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in t.children))
        or second_act(t, lex)
        for t in rest
    )


@lru_cache(maxsize=1)
def extent_model() -> CueModel:
    """The shipped model (``data/quote_extent_model.json``), loaded once per process."""
    data = json.loads(resources.files("dateline.nlp").joinpath("data", MODEL_FILE).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return parse_model(data, FEATURE_VERSION)
