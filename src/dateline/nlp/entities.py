"""Entities: spaCy NER plus our rules, one canonical entity per real-world entity in the article.

The cascade (see ``entity_rules``): model mentions → junk dropped → rule mentions → labels repaired
within the article → further occurrences propagated → mentions clustered into entities
(``entity_canon``) → roles read from titles and appositions (``roles``).
"""

from __future__ import annotations

from dateline.nlp.entity_canon import Candidate, Cluster, cluster_mentions, entity_name
from dateline.nlp.entity_labels import repair_labels
from dateline.nlp.entity_lexicon import NAME_LABELS
from dateline.nlp.entity_rules import (
    force_candidates,
    is_junk,
    merge_rule_candidates,
    model_candidates,
    propagate,
    rule_candidates,
    title_candidates,
    title_phrase_spans,
)
from dateline.nlp.roles import merge_roles, person_roles
from dateline.nlp.state import ArticleState
from dateline.schema import Entity, Mention

__all__ = ["annotate_entities", "find_mentions"]


def find_mentions(state: ArticleState) -> list[Candidate]:
    """Every typed name mention in the article, non-overlapping, in text order."""
    doc = state.doc
    text = doc.text  # built from the tokens on each access: once here
    titles = title_phrase_spans(text)
    model = [c for c in model_candidates(doc, text) if not is_junk(c, titles, text)]
    rules = [c for c in rule_candidates(doc, text) if not is_junk(c, titles, text)]
    blocked = [(e.start_char, e.end_char) for e in doc.ents if e.label_ not in NAME_LABELS]
    cands = merge_rule_candidates(model, rules, blocked)
    repair_labels(cands, text)
    cands.extend(c for c in propagate(text, cands) if not is_junk(c, titles, text))
    repair_labels(cands, text)
    cands = merge_rule_candidates(cands, force_candidates(doc, cands, text))
    cands = merge_rule_candidates(cands, title_candidates(doc), blocked)
    return sorted(cands, key=lambda c: c.start)


def _roles(state: ArticleState, cluster: Cluster) -> list[str]:
    roles: list[str] = []
    for m in cluster.mentions:
        span = state.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            roles = merge_roles(roles, person_roles(state.doc, span))
    return roles


def link_titles(clusters: list[Cluster]) -> list[Cluster]:
    """Fold a title-only cluster ("the Foreign Secretary") into the one person whose role it is:
    the role equal to the title, else the one role ending with it ("Russian President") or naming
    its country or body after it ("Prime Minister of Singapore")."""
    people = [c for c in clusters if c.label == "PERSON" and any(m.source != "title" for m in c.mentions)]
    kept: list[Cluster] = []
    for cluster in clusters:
        if cluster.label != "PERSON" or any(m.source != "title" for m in cluster.mentions):
            kept.append(cluster)
            continue
        title = " ".join(cluster.mentions[0].text.lower().split())
        exact = [p for p in people if any(r.lower() == title for r in p.roles)]
        ending = [
            p
            for p in people
            if any(r.lower().endswith(" " + title) or r.lower().startswith(title + " of ") for r in p.roles)
        ]
        owners = exact if exact else ending
        if len(owners) == 1:
            owners[0].mentions = sorted(owners[0].mentions + cluster.mentions, key=lambda m: m.start)
        else:
            cluster.roles = [cluster.mentions[0].text]
            kept.append(cluster)
    return kept


def annotate_entities(state: ArticleState) -> None:
    """Fill ``state.entities``: one entity per real-world entity, with every mention and its roles."""
    clusters = cluster_mentions(find_mentions(state))
    for cluster in clusters:
        if cluster.label == "PERSON":
            cluster.roles = _roles(state, cluster)
    clusters = link_titles(clusters)
    text = state.doc.text
    entities = []
    for i, cluster in enumerate(clusters, start=1):
        roles = cluster.roles
        entities.append(
            Entity(
                id=f"e{i}",
                name=entity_name(cluster),
                type=cluster.label,
                roles=roles,
                mentions=[
                    Mention(text=text[m.start : m.end], start=m.start, end=m.end) for m in cluster.mentions
                ],
            )
        )
    state.entities = entities
