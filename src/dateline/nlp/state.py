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
    _token_index: tuple[int, dict[int, str]] | None = field(default=None, repr=False)

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, if any."""
        if entity_id is None:
            return None
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def token_entities(self) -> dict[int, str]:
        """Token index -> id of the entity whose mention covers most of that token.

        Built once per entity list (a layer that replaces ``entities`` gets a fresh index), so later
        layers look entities up by token without scanning every mention.
        """
        if self._token_index is not None and self._token_index[0] == id(self.entities):
            return self._token_index[1]
        index: dict[int, str] = {}
        best: dict[int, int] = {}
        for ent in self.entities:
            for m in ent.mentions:
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                for tok in span:
                    overlap = min(m.end, tok.idx + len(tok)) - max(m.start, tok.idx)
                    if overlap > best.get(tok.i, 0):
                        best[tok.i], index[tok.i] = overlap, ent.id
        self._token_index = (id(self.entities), index)
        return index
