"""What the annotation layers share while one article is processed."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from dateline.clean import CleanDocument
from dateline.schema import Amount, Entity, Event, Quote, TimeExpression


@dataclass
class ArticleState:
    """The parsed article and the layers filled so far, in pipeline order.

    ``entities`` are the canonical entities of the article (ids ``e1``, ``e2``…); later layers
    refer to them by id. ``doc.text`` is ``clean.text``, so char offsets agree everywhere.
    """

    clean: CleanDocument
    doc: Doc
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    _mention_index: dict[tuple[int, int], str] | None = field(default=None, repr=False)

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, if any."""
        if entity_id is None:
            return None
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping ``[start, end)``, preferring the longest overlap."""
        best: tuple[int, Entity] | None = None
        for ent in self.entities:
            for m in ent.mentions:
                overlap = min(end, m.end) - max(start, m.start)
                if overlap > 0 and (best is None or overlap > best[0]):
                    best = (overlap, ent)
        return best[1] if best else None
