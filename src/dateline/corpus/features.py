"""What story clustering reads of an article: weighted terms, salient entities, event types, a day.

Terms are prefixed by their kind so one sparse vector (and one inverted index) carries them all:
``w:`` words of title, lead and body; ``e:`` salient entity keys; ``v:`` PLOVER event types.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from dateline.corpus.lexicon import NAME_TITLES, SALIENT_ENTITY_TYPES
from dateline.corpus.text import content_terms, lead, words
from dateline.schema import Article

# How much more a word counts in the headline and the lead than further down the body.
TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
BODY_WEIGHT = 1.0
ENTITY_WEIGHT = 2.0
EVENT_WEIGHT = 0.5
TITLE_ENTITY_BOOST = 1.5
LEAD_ENTITY_BOOST = 2.0
# Only the body's first words: long features and live blogs drift away from the story.
BODY_WORDS = 400
# Entity types whose lead mentions are a story's key specifics, and how much of the body counts as lead:
# who, and which named building, ship or bridge (two fires in one town at two stores are two stories).
LEAD_KEY_TYPES = frozenset({"PERSON", "FAC"})
LEAD_KEY_SENTENCES = 1
# A person (or facility) named this often is what the article is about even when the lead does not
# name them (the challenger a champion fought, the player put on injured reserve); at most this many.
KEY_PERSON_MENTIONS = 3
KEY_PERSONS = 2


@dataclass
class ArticleFeatures:
    """Raw (un-IDF'd) term weights and the publication day of one article."""

    terms: dict[str, float] = field(default_factory=dict)
    day: int | None = None
    # Who (or where) the headline and first sentence are about: the specifics that tell two
    # stories of one kind apart (Hugh Jackman to host the Oscars vs Ellen DeGeneres to host them).
    lead_keys: frozenset[str] = frozenset()
    # The person (or place) named most often, at least KEY_PERSON_MENTIONS times: whom the whole
    # article is about, not only its lead.
    dominant: str | None = None
    # Every word of the headline and body, to tell whether the article names someone at all.
    words: frozenset[str] = frozenset()


def publication_day(published: str | None) -> int | None:
    """Days since 1970-01-01 of an ISO date or datetime, or None when absent or unreadable."""
    if not published:
        return None
    try:
        return (date.fromisoformat(published[:10]) - date(1970, 1, 1)).days
    except ValueError:
        return None


def entity_key(name: str, type_: str) -> str:
    """A cross-article key for an entity: a person's surname, otherwise the normalized name."""
    tokens = [w for w in words(name) if w not in NAME_TITLES]
    if not tokens:
        return ""
    if type_ == "PERSON":
        return tokens[-1].removesuffix("'s")
    return " ".join(tokens).removeprefix("the ")


def article_features(article: Article) -> ArticleFeatures:
    """The weighted term bag of an article for story clustering."""
    bag: dict[str, float] = defaultdict(float)
    for term in content_terms(article.title or ""):
        bag["w:" + term] += TITLE_WEIGHT
    for term in content_terms(lead(article.text)):
        bag["w:" + term] += LEAD_WEIGHT
    for term in content_terms(" ".join(article.text.split()[:BODY_WORDS])):
        bag["w:" + term] += BODY_WEIGHT
    title_words = set(words(article.title or ""))
    lead_end = len(lead(article.text))
    first_end = len(lead(article.text, LEAD_KEY_SENTENCES))
    lead_keys: set[str] = set()
    named: dict[str, int] = defaultdict(int)
    for ent in article.entities:
        if ent.type not in SALIENT_ENTITY_TYPES:
            continue
        key = entity_key(ent.name, ent.type)
        if len(key) < 3:
            continue
        weight = ENTITY_WEIGHT * (1.0 + math.log1p(len(ent.mentions)))
        if title_words & set(key.split()):
            weight *= TITLE_ENTITY_BOOST
        # Who the lead is about identifies the story; a name first met deep in the body is background.
        if ent.mentions and min(m.start for m in ent.mentions) < lead_end:
            weight *= LEAD_ENTITY_BOOST
        bag["e:" + key] += weight
        if ent.type in LEAD_KEY_TYPES:
            named[key] += len(ent.mentions)
        if ent.type in LEAD_KEY_TYPES and (
            title_words & set(key.split()) or (ent.mentions and min(m.start for m in ent.mentions) < first_end)
        ):
            lead_keys.add(key)
    for event in article.events:
        bag["v:" + event.type.value] += EVENT_WEIGHT
    frequent = sorted((-n, key) for key, n in named.items() if n >= KEY_PERSON_MENTIONS)[:KEY_PERSONS]
    lead_keys.update(key for _, key in frequent)
    day = publication_day(article.published)
    all_words = frozenset(words(article.title or "")) | frozenset(words(article.text))
    return ArticleFeatures(
        terms=dict(bag),
        day=day,
        lead_keys=frozenset(lead_keys),
        dominant=frequent[0][1] if frequent else None,
        words=all_words,
    )


def is_entity_term(term: str) -> bool:
    """Entity keys form their own subspace of the vector."""
    return term.startswith("e:")


def _unit(weighted: dict[str, float], keep: int) -> dict[str, float]:
    top = sorted(weighted.items(), key=lambda kv: (-kv[1], kv[0]))[:keep]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {t: w / norm for t, w in top if w > 0}


def tfidf(terms: dict[str, float], idf: dict[str, float], keep: int, keep_entities: int = 20) -> dict[str, float]:
    """Sublinear TF-IDF, words and entity keys each unit-length in their own subspace."""
    weighted = {t: (1.0 + math.log(w)) * idf[t] if w >= 1 else w * idf[t] for t, w in terms.items()}
    words_part = {t: w for t, w in weighted.items() if not is_entity_term(t)}
    entity_part = {t: w for t, w in weighted.items() if is_entity_term(t)}
    return {**_unit(words_part, keep), **_unit(entity_part, keep_entities)}
