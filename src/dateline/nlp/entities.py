"""Entities: spaCy NER plus our rules, one canonical entity per real-world entity in the article.

The cascade (see ``entity_rules``): model mentions → junk dropped → rule mentions → labels repaired
within the article → further occurrences propagated → mentions clustered into entities
(``entity_canon``) → roles read from titles and appositions (``roles``).
"""

from __future__ import annotations

import bisect
import re

from dateline.nlp.entity_canon import Candidate, Cluster, cluster_mentions, entity_name
from dateline.nlp.entity_labels import repair_labels
from dateline.nlp.entity_lexicon import HONORIFICS, NAME_LABELS
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


# Between a role phrase and the name it introduces: ", " and an honorific at most ("…, Mr. Lee").
ROLE_TO_NAME = re.compile(
    r",\s*(?:(?:" + "|".join(re.escape(h) for h in sorted(HONORIFICS, key=len, reverse=True)) + r")\s+)?$",
    re.IGNORECASE,
)
# Between a name and the title of its apposition: ", " and a possessive at most ("Tony Clement, Canada's
# Minister of Industry").
NAME_TO_TITLE = re.compile(r",\s*(?:the\s+|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}['’]s?\s+)?")
# What a role phrase before a name may not hold: the end of a clause or a quotation.
NOT_IN_ROLE = re.compile(r"[.;:!?\"“”\n]")
ROLE_MAX_CHARS = 80
NAME_MAX_CHARS = 200  # how far back a name may start and still end right before its title


def link_titles(clusters: list[Cluster], text: str) -> list[Cluster]:
    """Fold a title-only cluster ("the Foreign Secretary") into the one person whose role it is:
    each mention beside a person goes to that person ("Airbus President and Chief Executive
    Officer, Tom Enders"); the rest to the person whose role equals the title, else to the one role
    ending with it ("Russian President") or naming its country or body after it ("Prime Minister of
    Singapore")."""
    people = [c for c in clusters if c.label == "PERSON" and any(m.source != "title" for m in c.mentions)]
    names = [(m.start, m.end, p) for p in people for m in p.mentions if m.source != "title"]
    names.sort(key=lambda n: n[:2])
    starts = [n[0] for n in names]
    kept: list[Cluster] = []
    for cluster in clusters:
        if cluster.label != "PERSON" or any(m.source != "title" for m in cluster.mentions):
            kept.append(cluster)
            continue
        cluster.mentions = [m for m in cluster.mentions if not _fold_beside(text, m, names, starts)]
        if not cluster.mentions:
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
    for person in people:
        person.mentions.sort(key=lambda m: m.start)
    return kept


def _fold_beside(text: str, title: Candidate, names: list[tuple[int, int, Cluster]], starts: list[int]) -> bool:
    """Fold a title mention into the person it stands beside, right after the name and a comma
    ("Barack Obama, President of the United States") or opening a role phrase that introduces the
    name after a comma ("The Vice President and general counsel of the company, Mark Chandler",
    whose role the phrase then is). ``names``: the people's name mentions by position (``starts``).
    Whether it was folded."""
    lo = bisect.bisect_left(starts, title.start - ROLE_MAX_CHARS - NAME_MAX_CHARS)
    hi = bisect.bisect_right(starts, title.end + ROLE_MAX_CHARS)
    for start, end, person in names[lo:hi]:
        after = 0 <= title.start - end <= ROLE_MAX_CHARS and NAME_TO_TITLE.fullmatch(text[end : title.start])
        gap = text[title.end : start] if 0 <= start - title.end <= ROLE_MAX_CHARS else ""
        tail = ROLE_TO_NAME.search(gap) if gap else None
        before = tail is not None and gap.count(",") == 1 and NOT_IN_ROLE.search(gap) is None
        if not (after or before):
            continue
        if tail is not None and before:
            person.roles = merge_roles(person.roles, [text[title.start : title.end + tail.start()]])
        person.mentions.append(title)  # put in order once all titles are folded
        return True
    return False


def annotate_entities(state: ArticleState) -> None:
    """Fill ``state.entities``: one entity per real-world entity, with every mention and its roles."""
    clusters = cluster_mentions(find_mentions(state))
    for cluster in clusters:
        if cluster.label == "PERSON":
            cluster.roles = _roles(state, cluster)
    text = state.doc.text
    clusters = link_titles(clusters, text)
    entities = []
    for i, cluster in enumerate(clusters, start=1):
        roles = cluster.roles
        entities.append(
            Entity(
                id=f"e{i}",
                name=entity_name(cluster),
                type=cluster.label,
                roles=roles,
                mentions=[Mention(text=text[m.start : m.end], start=m.start, end=m.end) for m in cluster.mentions],
            )
        )
    state.entities = entities
