"""Stage 4 of the entity cascade: one label per name within the article.

The words around a name ("near Daquq", "Ryanair CEO"), the gazetteer, acronyms introduced in
parentheses and the people named in full decide between the model's and the rules' labels.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict

from dateline.nlp.entity_canon import (
    PLACE_LABELS,
    Candidate,
    acronym_fits,
    canonical_key,
    is_acronym,
    name_words,
    surname_variants,
)
from dateline.nlp.entity_lexicon import (
    KNOWN_ORGS,
    ORG_CUES_AFTER,
    ORG_CUES_BEFORE,
    PLACE_CUES,
    PLACE_NOUN_CUES,
    STRONG_PLACE_CUES,
)
from dateline.nlp.gazetteer import Gazetteer, gazetteer
from dateline.nlp.geo import demonym_country
from dateline.nlp.quote_data import word_lists


def has_place_cue(text: str, start: int, end: int, place: Gazetteer | None = None, strong: bool = False) -> bool:
    """Whether the words around a name say it is a place.

    Before it: "near Daquq", "in Raqqah", "the town of Sinjar"; after it: ", France" or
    ", Alabama" (a country or state the gazetteer knows). ``strong`` leaves out the cues that
    organisations take too ("a stake in Chrysler", "orders from Boeing").
    """
    before = text[max(0, start - 30) : start].split()
    if before and before[-1].lower() in (STRONG_PLACE_CUES if strong else PLACE_CUES):
        return True
    if len(before) >= 2 and before[-1].lower() == "of" and before[-2].lower() in PLACE_NOUN_CUES:
        return True
    # Not a possessive: "Tony Clement, Canada's Minister of Industry" is a person, not a place in Canada.
    after = re.match(r",\s+([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)(?![\w.'’])(\s+[A-Z])?", text[end : end + 40])
    if after and place is not None:
        found = place.lookup(after.group(1))
        if found is None and after.group(2) is None:
            # "Toulouse, France For…", not "Joseph Votel, U.S. Central Command commander".
            found = place.lookup(after.group(1).split()[0])
        return found is not None and found.kind in ("country", "state")
    return False


def _org_cue_after(text: str, end: int) -> bool:
    nxt = text[end : end + 20].split()
    return bool(nxt) and nxt[0].lower().strip(",.") in ORG_CUES_AFTER


def has_org_cue(text: str, start: int, end: int) -> bool:
    """Whether the words around a name say it is an organisation: "magazine Der Spiegel",
    "Ryanair CEO"."""
    before = text[max(0, start - 25) : start].split()
    word = before[-1].lower() if before else ""
    if word in ORG_CUES_BEFORE:
        return True
    # "the carmaker, General Motors"; not "counsel of the company, Mark Chandler" (a first name)
    if word.endswith(",") and word[:-1] in ORG_CUES_BEFORE and not opens_with_first_name(text[start:end]):
        return True
    return _org_cue_after(text, end)


def opens_with_first_name(name: str) -> bool:
    names = word_lists("first_names.json")
    first = name.split()[0].lower() if name.split() else ""
    return first in names["male"] or first in names["female"] or first in names["either"]


def repair_labels(cands: list[Candidate], text: str) -> None:
    """Stage 4: one label per name within the article, in place.

    - an acronym introduced in parentheses takes the label of the name it abbreviates;
    - a word naming the people of a country is a nationality, whatever the model said
      ("Ukrainian officials": not a place, nor the organisation "the Ukrainian Air Force" opens);
    - a single word that is the surname (or first name) of a person named in full is that person
      ("Trump's envoy", "Zelenskyy met"), unless it names a country or opens a company's name and
      the model mostly calls it a company ("Ford" beside "Ford Australia" and "Bill Ford");
    - a widely known armed group or alliance is an organisation ("Daesh", "ISIL"), and so is an
      upper-case acronym that is not a place;
    - a one-word "person" that opens an organisation's name ("Ford" beside "Ford Motor Company") or
      comes before "CEO", "shares"… ("Ryanair CEO") is an organisation;
    - a plural "person" after "the" whose singular names nobody is a group ("the Beatles");
    - a one-word "place" the gazetteer does not know and no place cue supports is an organisation
      when it opens an organisation's name (a headline's "AirTran" beside "AirTran Airways") or is
      written in camel case ("JetBlue");
    - a "person" that the words around call a place ("near Daquq", "Toulouse, France") is a place,
      and so is a one-word "organisation" with a strong cue ("the city of Husaybah"; not "a stake
      in Chrysler");
    - a name the gazetteer knows as a place is a place when the model is split ("Kyiv" PERSON once,
      GPE elsewhere), or when the model called it an organisation or a person only once, unless
      it is an organisation nobody tagged as a place that opens an organisation's name ("Douglas"
      beside "Douglas Aircraft"), so a second pass keeps what the first decided;
    - otherwise the majority label of the name's mentions wins (ties: the first seen).
    """
    place = gazetteer()
    by_key: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        by_key[canonical_key(c.text, "ORG")].append(c)
    person_parts: set[str] = set()
    org_openers: set[str] = set()
    for c in cands:
        words = [w.lower() for w in name_words(c.text, c.label)]
        if c.label == "PERSON" and len(words) >= 2:
            person_parts.update(surname_variants(words[-1]))
            person_parts.add(words[0])
        elif c.label == "ORG" and len(words) >= 2:
            org_openers.add(words[0])
    introduced = introduced_acronyms(cands, text)
    for key, group in by_key.items():
        votes = Counter(c.label for c in group)
        found = place.lookup(key)
        single = len(key.split()) == 1
        top = max(votes.values())
        place_votes = sum(votes.get(p, 0) for p in PLACE_LABELS)
        majority = next(c.label for c in group if votes[c.label] == top)
        if key in introduced:
            label = introduced[key]
        elif single and key not in KNOWN_ORGS and demonym_country(key):
            label = "NORP"  # "Ukrainian officials", "the Ukrainian Air Force": a people, not a place
        elif (
            key in person_parts
            and not (found and found.kind == "country")
            and not (key in org_openers and votes.get("ORG", 0) > votes.get("PERSON", 0))
        ):
            label = "PERSON"
        elif (
            key in KNOWN_ORGS
            or (is_acronym(group[0].text) and not found and majority in ("GPE", "LOC", "PERSON", "FAC"))
            or (majority == "PERSON" and is_group_name(key, group, text, person_parts))
            or (
                majority in PLACE_LABELS
                and single
                and not found
                and (key in org_openers or is_camel_case(group[0].text))
                and not any(has_place_cue(text, c.start, c.end, place) for c in group)
            )
            or (
                majority == "PERSON"
                and key not in person_parts
                and (key in org_openers or any(has_org_cue(text, c.start, c.end) for c in group))
            )
        ):
            label = "ORG"
        elif key not in person_parts and (
            (majority == "PERSON" and any(has_place_cue(text, c.start, c.end, place, strong=not single) for c in group))
            or (
                majority == "ORG"
                and single
                and any(has_place_cue(text, c.start, c.end, place, strong=True) for c in group)
            )
        ):
            label = "GPE"
        elif (
            found
            and (votes.get("GPE", 0) + votes.get("LOC", 0) > 0 or found.kind != "city")
            and not (key in org_openers and majority == "ORG" and found.kind != "country" and place_votes == 0)
        ):
            if majority in PLACE_LABELS:
                label = majority
            elif votes.get("ORG", 0) > votes.get("GPE", 0) + votes.get("LOC", 0) + 1:
                label = "ORG"  # an organisation named after a place, tagged so again and again
            else:
                label = found.label
        else:
            label = majority
        for c in group:
            c.label = label


def is_group_name(key: str, group: list[Candidate], text: str, person_parts: set[str]) -> bool:
    """A plural name the model calls a person, written after "the" at least once: a band, team or
    group ("the Beatles", "the Rolling Stones"), unless a person of that surname is named in the
    article ("the Clintons" beside "Hillary Clinton")."""
    last = key.split()[-1] if key else ""
    if len(last) < 4 or not last.endswith("s") or last.endswith(("ss", "us", "is")):
        return False
    if key in person_parts or last in person_parts or last[:-1] in person_parts:
        return False
    return any(text[max(0, c.start - 4) : c.start].lower() == "the " for c in group)


CAMEL_CASE = re.compile(r"[A-Z][a-z]{2,}[A-Z][a-z]+")
# Surname and place prefixes that are camel case without being a brand: "McAllen", "DeKalb".
CAMEL_PREFIXES = ("Mac", "Van", "Von", "Del", "Della", "Kwa")


def is_camel_case(word: str) -> bool:
    """A brand-style word with a capital inside ("AirTran", "JetBlue", "YouTube"), not "McAllen"."""
    return bool(CAMEL_CASE.fullmatch(word)) and not word.startswith(CAMEL_PREFIXES)


def introduced_acronyms(cands: list[Candidate], text: str) -> dict[str, str]:
    """Acronyms introduced in parentheses after the name they abbreviate, with that name's label:
    "Worldwide Developers Conference (WWDC)" makes every "WWDC" an event."""
    out: dict[str, str] = {}
    ordered = sorted(cands, key=lambda c: c.start)
    for prev, cur in itertools.pairwise(ordered):
        between = text[prev.end : cur.start]
        if between.strip() != "(" or not is_acronym(cur.text):
            continue
        if acronym_fits(cur.text, canonical_key(prev.text, prev.label)):
            out[canonical_key(cur.text, "ORG")] = prev.label
    return out
