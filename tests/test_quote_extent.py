"""The extent model of the quotes layer: where an indirect quote's reported words end."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.nlp.model import load_nlp
from dateline.nlp.quote_data import lexicon
from dateline.nlp.quote_extent import (
    FEATURE_VERSION,
    MODEL_FILE,
    extensions,
    extent_model,
    rest_of_sentence,
)
from dateline.nlp.quote_indirect import Attribution
from dateline.nlp.quote_model import CueModel, cue_model
from dateline.nlp.quotes import plan_quotes
from dateline.schema import QuoteKind
from quote_helpers import find, quotes_of, shipped_model


def test_model_file_ships_with_the_package() -> None:
    shipped_model(MODEL_FILE, "quotes_extent_train.py", FEATURE_VERSION, 100)


def test_shipped_weights_are_features_this_code_produces() -> None:
    kinds = {
        "bias", "gap", "first", "first_dep", "gap|first_dep", "first_head_inside", "first_head", "first_of_root",
        "first_head_cue", "rest_words", "words", "rest_verb", "rest_subject", "rest_quoted", "rest_speech",
        "rest_last", "root_dep", "cue", "pattern", "open",
    }  # fmt: skip
    for name in extent_model().weights:
        plain = name.split(":", 1)[1] if name.split(":", 1)[0] in ("sentence", "clause", "cut") else name
        assert plain.split("=", 1)[0] in kinds, name


def test_rest_of_sentence_ends_before_the_stop_and_inside_the_paragraph() -> None:
    text = "The minister said the talks had stalled, leaving both sides apart.\n\nThe envoy left."
    doc = load_nlp()(text)
    start, end = text.index("the talks"), text.index(", leaving")
    assert rest_of_sentence(doc.char_span(start, end), text, end) == text.index(".")
    # Words that already reach the stop have nothing more to take.
    words = doc.char_span(start, text.index("."))
    assert words is not None and rest_of_sentence(words, text, text.index(".")) is None


def _rows(text: str) -> tuple[Doc, list[tuple[int, int, Attribution | None, bool]]]:
    doc = load_nlp()(text)
    planned = plan_quotes(doc, text, lexicon(), cue_model())
    return doc, [(p.start, p.end, p.attribution, p.kind == QuoteKind.indirect) for p in planned]


def test_words_never_run_on_over_another_quotes_speaker_or_cue() -> None:
    text = "The mayor said the road would reopen in May, but the council said it would take longer."
    doc, rows = _rows(text)
    first = next(k for k, r in enumerate(rows) if text[r[0] : r[1]].startswith("the road"))
    proposed = [stop for k, stop, _ in extensions(doc, text, rows, lexicon()) if k == first]
    assert all(stop <= rows[first][1] for stop in proposed), [text[rows[first][0] : s] for s in proposed]


def test_proposals_name_their_kind() -> None:
    text = "The minister said the talks had stalled, leaving both sides apart, and the envoy went home."
    doc, rows = _rows(text)
    kinds = {f.split(":", 1)[0] for _, _, feats in extensions(doc, text, rows, lexicon()) for f in feats if ":" in f}
    assert {"sentence", "clause"} <= kinds


def test_the_likeliest_end_above_the_threshold_wins() -> None:
    text = "The minister said the talks had stalled, leaving both sides apart, and the envoy went home."
    doc = load_nlp()(text)

    def talks(extent: CueModel) -> str:
        planned = plan_quotes(doc, text, lexicon(), cue_model(), extent=extent)
        return next(text[p.start : p.end] for p in planned if text[p.start : p.end].startswith("the talks"))

    sentence = CueModel(weights={"sentence:bias": 3.0, "clause:bias": 1.0}, bias=0.0, threshold=0.6)
    clause = CueModel(weights={"sentence:bias": 1.0, "clause:bias": 3.0}, bias=0.0, threshold=0.6)
    neither = CueModel(weights={"sentence:bias": 1.0, "clause:bias": 1.0}, bias=0.0, threshold=0.9)
    assert talks(sentence) == "the talks had stalled, leaving both sides apart, and the envoy went home"
    assert talks(clause) == "the talks had stalled, leaving both sides apart"
    assert talks(neither) == "the talks had stalled"


def test_shipped_model_carries_a_participle_the_parse_hung_on_the_cue() -> None:
    # The parse hangs "leaving …" on "said"; PolNeAR's annotators read it as part of what was said.
    quotes = quotes_of("The minister said the talks had stalled, leaving the two sides far apart on the budget.")
    assert find(quotes, "the talks").text == "the talks had stalled, leaving the two sides far apart on the budget"
