"""Entities: spaCy NER grouped into one canonical entity per real-world entity."""

from __future__ import annotations

from dateline.nlp.state import ArticleState
from dateline.schema import Entity, Mention

# Labels that name things; dates, times and numbers belong to the times and amounts layers.
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)


def annotate_entities(state: ArticleState) -> None:
    """Fill ``state.entities`` from the model's named entities."""
    groups: dict[tuple[str, str], list[Mention]] = {}
    for ent in state.doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        key = (ent.label_, ent.text.removesuffix("'s").removesuffix("’s"))
        groups.setdefault(key, []).append(Mention(text=ent.text, start=ent.start_char, end=ent.end_char))
    state.entities = [
        Entity(id=f"e{i}", name=name, type=label, mentions=mentions)
        for i, ((label, name), mentions) in enumerate(groups.items(), start=1)
    ]
