"""The event layer's data: trigger lexicon, weapon words, context cues and modality cues.

Everything here is read from ``data/`` (``event_triggers.tsv``, ``event_weapons.tsv``,
``event_cues.json``, ``event_status.json``) once per process; the tables are immutable.
"""

from __future__ import annotations

import csv
import functools
import json
from dataclasses import dataclass
from importlib import resources

from dateline.schema import PloverType


@dataclass(frozen=True)
class TriggerEntry:
    """One row of the trigger lexicon: a lemma, its part of speech and what it means."""

    lemma: str
    pos: str  # V, N or A
    plover: PloverType
    mode: str | None
    cameo: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    requires: str | None


@dataclass(frozen=True)
class WeaponEntry:
    """A weapon or means word and the mode and ACLED sub-event type it implies."""

    word: str
    mode: str
    cameo: str
    acled_event_type: str
    acled_sub_event_type: str


@dataclass(frozen=True)
class StatusCues:
    """Modality cue lemmas for each event status (``data/event_status.json``)."""

    planned: frozenset[str]
    proposed: frozenset[str]
    agreed: frozenset[str]
    negated: frozenset[str]
    hypothetical: frozenset[str]
    ongoing: frozenset[str]


def _data_text(name: str) -> str:
    return resources.files("dateline.nlp.data").joinpath(name).read_text("utf-8")


def _tsv_rows(name: str) -> list[dict[str, str]]:
    lines = [line for line in _data_text(name).splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@functools.lru_cache(maxsize=1)
def trigger_lexicon() -> dict[tuple[str, str], tuple[TriggerEntry, ...]]:
    """(lemma, pos) -> the lexicon rows for it, in file order (the first whose condition holds wins)."""
    table: dict[tuple[str, str], list[TriggerEntry]] = {}
    for row in _tsv_rows("event_triggers.tsv"):
        entry = TriggerEntry(
            lemma=row["lemma"],
            pos=row["pos"],
            plover=PloverType(row["plover"]),
            mode=row["mode"] or None,
            cameo=row["cameo"],
            acled_event_type=row["acled_event_type"] or None,
            acled_sub_event_type=row["acled_sub_event_type"] or None,
            requires=(row.get("requires") or "").strip() or None,
        )
        table.setdefault((entry.lemma, entry.pos), []).append(entry)
    return {key: tuple(rows) for key, rows in table.items()}


@functools.lru_cache(maxsize=1)
def weapon_lexicon() -> dict[str, WeaponEntry]:
    """Weapon word -> what it implies ("drone" -> aerial, Air/drone strike)."""
    table: dict[str, WeaponEntry] = {}
    for row in _tsv_rows("event_weapons.tsv"):
        table.setdefault(
            row["word"],
            WeaponEntry(row["word"], row["mode"], row["cameo"], row["acled_event_type"], row["acled_sub_event_type"]),
        )
    return table


@functools.lru_cache(maxsize=1)
def cue_sets() -> dict[str, frozenset[str]]:
    """The context word lists of ``data/event_cues.json`` by name."""
    raw = json.loads(_data_text("event_cues.json"))
    return {key: frozenset(vals) for key, vals in raw.items() if not key.startswith("_") and isinstance(vals, list)}


@functools.lru_cache(maxsize=1)
def lemma_fixes() -> dict[str, str]:
    """Surface forms the lemmatizer gets wrong ("raped" -> "rap") with the right lemma."""
    fixes: dict[str, str] = json.loads(_data_text("event_cues.json"))["lemma_fixes"]
    return fixes


@functools.lru_cache(maxsize=1)
def status_cues() -> StatusCues:
    """The modality cues of ``data/event_status.json``."""
    raw = json.loads(_data_text("event_status.json"))
    return StatusCues(**{key: frozenset(raw[key]) for key in StatusCues.__dataclass_fields__})


@functools.lru_cache(maxsize=1)
def casualty_verbs() -> dict[str, str]:
    """Verbs whose objects are casualties, with the kind they count ("wound" -> injured)."""
    verbs: dict[str, str] = json.loads(_data_text("event_cues.json"))["casualty_verbs"]
    return verbs
