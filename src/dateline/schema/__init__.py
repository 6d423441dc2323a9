"""The versioned output contract (../shared/docs/contract.md) as pydantic models.

Every annotation carries character offsets into ``Article.text``: ``text[start:end] == span.text``.
The project may add fields; renaming or removing a contract field bumps the major version.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_NAME = "dateline/article"
SCHEMA_VERSION = "1.2"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A stretch of the cleaned text."""

    text: str
    start: int
    end: int


class ErrorInfo(_Model):
    """A coded, per-document error (see ``dateline.errors``)."""

    code: str
    message: str


class Dateline(_Model):
    """The place/agency opener of a wire story: ``WASHINGTON (AP) —``."""

    place: str | None = None
    agency: str | None = None
    raw: str


class Mention(Span):
    """One mention of an entity."""


class Entity(_Model):
    """One real-world entity in this article, with all its mentions."""

    id: str
    name: str
    type: str
    roles: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


class QuoteKind(StrEnum):
    direct = "direct"
    partial = "partial"
    indirect = "indirect"
    mixed = "mixed"


class QuoteAct(StrEnum):
    """What a quote reports: ``speech`` (said, written, quoted) or ``stance`` (a position, intention
    or judgement attributed to its source without a verb of saying: "Putin opted not to …",
    "plans to speak with NATO leaders"; PolNeAR's wider notion of attribution, judged by the model)."""

    speech = "speech"
    stance = "stance"


class Speaker(_Model):
    """Who a quote is attributed to: the surface mention and the resolved entity."""

    entity: str | None = None
    name: str | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None


class Quote(Span):
    """Reported speech: ``text`` is the content without quotation marks."""

    kind: QuoteKind
    speaker: Speaker | None = None
    cue: Span | None = None
    act: QuoteAct = QuoteAct.speech
    # The article reports that the speaker did not say or hold it: "did not say", "declined to say",
    # "Nobody said" (schema 1.2).
    negated: bool = False


class TimexType(StrEnum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class TimeExpression(Span):
    """A temporal expression, normalized to a TIMEX3 value against ``published``."""

    type: TimexType
    value: str | None = None
    utc: str | None = None


class Approx(StrEnum):
    exact = "exact"
    more_than = "more than"
    at_least = "at least"
    fewer_than = "fewer than"
    at_most = "at most"
    about = "about"


class Amount(Span):
    """A number that counts something."""

    value: float
    approx: Approx = Approx.exact
    object: str | None = None
    max_value: float | None = None  # the upper end of a range ("10 to 20 soldiers")


class Location(_Model):
    """Where an event happened, geocoded where possible."""

    name: str
    entity: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


class EventTime(_Model):
    text: str | None = None
    value: str | None = None
    inferred: bool = False  # True when no time was said and the publication date stands in


class Range(_Model):
    min: int | None = None
    max: int | None = None


class Casualties(_Model):
    killed: Range | None = None
    injured: Range | None = None


class PloverType(StrEnum):
    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class EventStatus(StrEnum):
    occurred = "occurred"
    ongoing = "ongoing"
    planned = "planned"
    proposed = "proposed"
    agreed = "agreed"
    negated = "negated"
    hypothetical = "hypothetical"


class Event(_Model):
    """Something that happened (or is planned, proposed, denied…), typed on PLOVER."""

    id: str
    type: PloverType
    mode: str | None = None
    trigger: Span
    actors: list[str] = Field(default_factory=list)
    targets: list[str] = Field(default_factory=list)
    location: Location | None = None
    time: EventTime | None = None
    status: EventStatus = EventStatus.occurred
    quantities: list[Amount] = Field(default_factory=list)
    casualties: Casualties | None = None
    attributed_to: str | None = None
    cameo: str | None = None  # CAMEO root code ("04" consult, "19" fight)
    acled_event_type: str | None = None  # violent, protest and strategic events only
    acled_sub_event_type: str | None = None
    actor_countries: dict[str, str] = Field(default_factory=dict)  # entity id -> ISO 3166 alpha-2
    actor_phrases: list[str] = Field(default_factory=list)  # actors that are no entity ("gunmen", "police")
    target_phrases: list[str] = Field(default_factory=list)
    confidence: float = 1.0


class Article(_Model):
    """One document: cleaned text, metadata and every annotation layer."""

    schema_: Literal["dateline/article"] = Field(default="dateline/article", alias="schema")
    schema_version: str = SCHEMA_VERSION
    id: str
    source_path: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    dateline: Dateline | None = None
    credits: list[str] = Field(default_factory=list)
    byline: list[str] = Field(default_factory=list)
    site: str | None = None
    language: str | None = None
    text: str = ""
    subheads: list[Span] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    times: list[TimeExpression] = Field(default_factory=list)
    amounts: list[Amount] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    errors: list[ErrorInfo] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_json_dict(self) -> dict[str, object]:
        """The contract's JSON object (``schema`` under its public name)."""
        return self.model_dump(mode="json", by_alias=True)


__all__ = [
    "SCHEMA_NAME",
    "SCHEMA_VERSION",
    "Amount",
    "Approx",
    "Article",
    "Casualties",
    "Dateline",
    "Entity",
    "ErrorInfo",
    "Event",
    "EventStatus",
    "EventTime",
    "Location",
    "Mention",
    "PloverType",
    "Quote",
    "QuoteAct",
    "QuoteKind",
    "Range",
    "Span",
    "Speaker",
    "TimeExpression",
    "TimexType",
]
