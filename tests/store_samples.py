"""Hand-built contract articles for the store tests: every layer filled, offsets checked.

The texts are written for these tests (not taken from any news source).
"""

from __future__ import annotations

import hashlib
import os

from dateline.ingest import RawDocument
from dateline.schema import (
    Article,
    Dateline,
    Entity,
    Event,
    EventTime,
    Location,
    Mention,
    Quote,
    Span,
    Speaker,
    TimeExpression,
)

KYIV_TEXT = (
    "KYIV, Ukraine (AP) — Ukrainian President Volodymyr Zelenskyy said Monday that Russia launched "
    '300 drones overnight. "We will never surrender our land," Zelenskyy said. Kremlin spokesperson '
    "Dmitry Peskov said the talks would continue."
)
WASHINGTON_TEXT = (
    "WASHINGTON (AP) — Secretary of State Marco Rubio said Tuesday the United States would impose new "
    'sanctions on Moscow. "This is the last warning," Rubio told reporters.'
)


def content_id(text: str) -> str:
    """A content hash like the pipeline's (these tests do not need spaCy)."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:24]


def span(text: str, part: str, nth: int = 0) -> Span:
    """The ``nth`` occurrence of ``part`` in ``text`` as a span."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span(text=part, start=start, end=start + len(part))


def mention(text: str, part: str, nth: int = 0) -> Mention:
    return Mention(**span(text, part, nth).model_dump())


def kyiv_article() -> Article:
    """A wire story with an assault event, a direct and an indirect quote, two times."""
    t = KYIV_TEXT
    return Article(
        id=content_id(t),
        source_path="kyiv.txt",
        title="Russia launches 300 drones at Ukraine overnight",
        published="2025-05-19",
        dateline=Dateline(place="Kyiv", agency="AP", raw="KYIV, Ukraine (AP) —"),
        text=t,
        entities=[
            Entity(
                id="e1",
                name="Volodymyr Zelenskyy",
                type="PERSON",
                roles=["Ukrainian President"],
                mentions=[mention(t, "Volodymyr Zelenskyy"), mention(t, "Zelenskyy", 1)],
            ),
            Entity(id="e2", name="Russia", type="GPE", mentions=[mention(t, "Russia")]),
            Entity(
                id="e3",
                name="Dmitry Peskov",
                type="PERSON",
                roles=["Kremlin spokesperson"],
                mentions=[mention(t, "Dmitry Peskov")],
            ),
            Entity(id="e4", name="Kyiv", type="GPE", mentions=[mention(t, "KYIV")]),
        ],
        quotes=[
            Quote(
                **span(t, "We will never surrender our land").model_dump(),
                kind="direct",
                speaker=Speaker(entity="e1", name="Volodymyr Zelenskyy", **span(t, "Zelenskyy", 1).model_dump()),
                cue=span(t, "said", 1),
            ),
            Quote(
                **span(t, "the talks would continue").model_dump(),
                kind="indirect",
                speaker=Speaker(entity="e3", name="Dmitry Peskov", **span(t, "Dmitry Peskov").model_dump()),
                cue=span(t, "said", 2),
            ),
        ],
        times=[
            TimeExpression(**span(t, "Monday").model_dump(), type="DATE", value="2025-05-19"),
            TimeExpression(**span(t, "overnight").model_dump(), type="TIME", value="2025-05-18TNI"),
        ],
        events=[
            Event(
                id="v1",
                type="ASSAULT",
                mode="aerial",
                trigger=span(t, "launched"),
                actors=["e2"],
                location=Location(name="Kyiv", entity="e4", country="UA", lat=50.45, lon=30.52),
                time=EventTime(text="overnight", value="2025-05-18"),
                status="occurred",
                attributed_to="e1",
            )
        ],
    )


def washington_article() -> Article:
    """A later story with a planned sanction and one direct quote."""
    t = WASHINGTON_TEXT
    return Article(
        id=content_id(t),
        source_path="washington.txt",
        title="US readies new sanctions on Moscow",
        published="2025-06-02T14:00:00Z",
        dateline=Dateline(place="Washington", agency="AP", raw="WASHINGTON (AP) —"),
        text=t,
        entities=[
            Entity(
                id="e1",
                name="Marco Rubio",
                type="PERSON",
                roles=["Secretary of State"],
                mentions=[mention(t, "Marco Rubio"), mention(t, "Rubio", 1)],
            ),
            Entity(id="e2", name="United States", type="GPE", mentions=[mention(t, "United States")]),
            Entity(id="e3", name="Moscow", type="GPE", mentions=[mention(t, "Moscow")]),
            Entity(id="e4", name="Washington", type="GPE", mentions=[mention(t, "WASHINGTON")]),
        ],
        quotes=[
            Quote(
                **span(t, "This is the last warning").model_dump(),
                kind="direct",
                speaker=Speaker(entity="e1", name="Marco Rubio", **span(t, "Rubio", 1).model_dump()),
                cue=span(t, "told"),
            )
        ],
        times=[TimeExpression(**span(t, "Tuesday").model_dump(), type="DATE", value="2025-06-03")],
        events=[
            Event(
                id="v1",
                type="SANCTION",
                trigger=span(t, "impose"),
                actors=["e2"],
                targets=["e3"],
                location=Location(name="Washington", entity="e4", country="US"),
                time=EventTime(text="Tuesday", value="2025-W23"),
                status="planned",
            )
        ],
    )


def failed_article(path: str = "broken.bin") -> Article:
    """What the pipeline gives for an unreadable document: no text, one error."""
    return Article(
        id="x" + hashlib.sha256(path.encode()).hexdigest()[:23],
        source_path=path,
        errors=[{"code": "E003", "message": f"[E003] binary, not text: {path} (NUL bytes)"}],
    )


class CrashingDocument(RawDocument):
    """A document whose arrival kills the worker process (as a segfault or the OOM killer would)."""

    def __reduce__(self) -> tuple[object, tuple[int]]:
        # Unpickling in the worker calls os._exit: a real, abrupt process death.
        return (os._exit, (3,))


def batch_with_a_crash() -> list[RawDocument]:
    """Five short documents, the second of which kills whatever process unpickles it."""
    return [
        RawDocument("first.txt", text="The minister resigned on Monday."),
        CrashingDocument("crash.txt", text="never read"),
        RawDocument("third.txt", text="Farmers blocked roads near Brussels."),
        RawDocument("fourth.txt", text="The central bank held rates steady."),
        RawDocument("fifth.txt", text="Rescue teams reached the village by boat."),
    ]
