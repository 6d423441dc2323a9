"""Mentions for the entity layer: the model's, repaired, and the ones our rules add.

A numbered cascade, each stage with its reason:
1. model mentions, trimmed to the name (no "the", no possessive, no title on a person);
2. junk dropped ("State" inside "Secretary of State", bare titles);
3. rule mentions for what the small model misses: capitalised runs ending in an organisation word
   ("Syrian Democratic Forces", "Ministry of Defence"), places from the gazetteer, acronyms;
4. labels repaired by consistency within the article (a person's surname is a person even in
   "Trump's envoy"; "Kyiv" is a place by vote and gazetteer);
5. propagation: every further occurrence of a name (or a person's surname) becomes a mention.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict

from spacy.tokens import Doc, Token

from dateline.nlp.entity_canon import (
    PLACE_LABELS,
    Candidate,
    canonical_key,
    is_acronym,
    name_words,
    strip_possessive,
)
from dateline.nlp.entity_lexicon import (
    HONORIFICS,
    LEADING_DETERMINERS,
    LOC_HEADS,
    NAME_LABELS,
    NOT_ACRONYMS,
    ORG_HEADS,
    ORG_OPENERS,
    TITLE_PHRASES,
    TITLE_WORDS,
)
from dateline.nlp.gazetteer import Gazetteer, gazetteer

# Inside a capitalised run these small words may join two capitalised words: "Ministry of the Interior".
RUN_CONNECTORS = frozenset({"of", "the", "for", "&", "de", "al", "bin", "el", "-", "'s"})
# Heads that make a run a facility rather than a region.
FAC_HEADS = frozenset({"airport", "base", "camp", "square", "street", "bridge", "port", "harbour", "harbor"})
SKIP_AT_RUN_START = HONORIFICS | LEADING_DETERMINERS
GPE_HEADS = frozenset({"province", "governorate", "district", "region", "city", "county", "state", "oblast"})
# Labels whose names propagate to further occurrences in the article.
PROPAGATE_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})


@functools.lru_cache(maxsize=1)
def _title_phrase_pattern() -> re.Pattern[str]:
    alternatives = sorted(TITLE_PHRASES, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in alternatives) + r")\b", re.IGNORECASE)


def title_phrase_spans(text: str) -> list[tuple[int, int]]:
    """Where fixed titles ("Secretary of State", "Prime Minister") occur in the text."""
    return [m.span() for m in _title_phrase_pattern().finditer(text)]


def trim_span(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """The part of a mention that is the name itself, or None when nothing is left.

    Drops a leading determiner ("the United States"), a trailing possessive ("Trump's"), trailing
    punctuation and, for people, leading honorifics and titles ("President Donald Trump").
    """
    span = text[start:end]
    stripped = strip_possessive(span.rstrip(" .,;:\"'’”)")) if span else span
    if span.endswith(".") and is_acronym(span):
        stripped = strip_possessive(span)
    end = start + len(stripped)
    while True:
        m = re.match(r"\S+\s+", text[start:end])
        if not m:
            break
        word = m.group(0).strip().lower()
        if word in LEADING_DETERMINERS or (
            label == "PERSON" and (word in HONORIFICS or word in TITLE_WORDS or word in {"of", "state"})
        ):
            start += m.end()
        else:
            break
    if end <= start or not any(ch.isalpha() for ch in text[start:end]):
        return None
    return start, end


def model_candidates(doc: Doc) -> list[Candidate]:
    """Stage 1: the model's name mentions, trimmed to the name."""
    text = doc.text
    out: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        span = trim_span(text, ent.start_char, ent.end_char, ent.label_)
        if span:
            out.append(Candidate(span[0], span[1], text[span[0] : span[1]], ent.label_))
    return out


def is_junk(cand: Candidate, title_spans: list[tuple[int, int]]) -> bool:
    """Stage 2: a mention inside a fixed title, a bare title, or one without a capital letter."""
    if any(s <= cand.start and cand.end <= e for s, e in title_spans):
        return True
    words = [w.lower() for w in cand.text.split()]
    if words and all(w in TITLE_WORDS or w in HONORIFICS for w in words):
        return True
    return not any(ch.isupper() for ch in cand.text) and cand.label != "NORP"


def _capitalised(tok: Token) -> bool:
    return (tok.is_alpha and tok.text[:1].isupper()) or is_acronym(tok.text) or tok.text in {"U.S.", "U.K."}


def _runs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of capitalised runs, small connectors allowed inside ("Ministry of Defence")."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    while i < n:
        if not _capitalised(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < n:
            if _capitalised(doc[j]) and not doc[j].is_sent_start:
                j += 1
            elif doc[j].lower_ in RUN_CONNECTORS and j + 1 < n and _capitalised(doc[j + 1]):
                j += 2
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def _classify_run(words: list[str], place: Gazetteer) -> str | None:
    lower = [w.lower() for w in words]
    found = place.lookup(" ".join(words))
    if found:
        return found.label
    if len(words) >= 2 and lower[-1] in ORG_HEADS:
        return "ORG"
    if len(words) >= 3 and lower[0] in ORG_OPENERS and lower[1] == "of":
        return "ORG"
    if len(words) >= 2 and lower[-1] in LOC_HEADS:
        return "FAC" if lower[-1] in FAC_HEADS else ("GPE" if lower[-1] in GPE_HEADS else "LOC")
    if len(words) == 1 and is_acronym(words[0]) and words[0].replace(".", "") not in NOT_ACRONYMS:
        return "ORG"
    return None


def rule_candidates(doc: Doc) -> list[Candidate]:
    """Stage 3: organisations, places and acronyms the model may miss, from capitalised runs.

    A run whose type a head word decides ("… Forces", "Ministry of …", "… province") is a strong
    mention (source ``rule``); gazetteer places and lone acronyms only fill gaps.
    """
    text, place = doc.text, gazetteer()
    out: list[Candidate] = []
    for i0, j0 in _runs(doc):
        i, j = i0, j0
        # A sentence-initial common word is not part of a name: "Coalition forces", "Forces loyal".
        while i < j and doc[i].is_sent_start and doc[i].pos_ != "PROPN" and not is_acronym(doc[i].text):
            i += 1
        while i < j and doc[i].lower_ in SKIP_AT_RUN_START:
            i += 1
        while j > i and doc[j - 1].lower_ in RUN_CONNECTORS:
            j -= 1
        if i >= j:
            continue
        span = trim_span(text, doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text), "ORG")
        if not span:
            continue
        start, end = span
        words = text[start:end].split()
        label = _classify_run(words, place)
        if label is None:
            out.extend(_gazetteer_hits(doc, i, j, place))
            continue
        strong = len(words) >= 2 and label in ("ORG", "FAC", "LOC")
        out.append(Candidate(start, end, text[start:end], label, "rule" if strong else "gap"))
    return out


def _gazetteer_hits(doc: Doc, i: int, j: int, place: Gazetteer) -> list[Candidate]:
    """Gazetteer places among the tokens of one run (longest match first)."""
    out: list[Candidate] = []
    k = i
    while k < j:
        tok = doc[k]
        if tok.lower_ not in place.first_words or (tok.is_sent_start and tok.pos_ != "PROPN"):
            k += 1
            continue
        for length in range(min(4, j - k), 0, -1):
            span = doc[k : k + length]
            found = place.lookup(span.text)
            if found:
                out.append(Candidate(span.start_char, span.end_char, span.text, found.label, "gazetteer"))
                k += length
                break
        else:
            k += 1
    return out


def merge_rule_candidates(model: list[Candidate], rules: list[Candidate]) -> list[Candidate]:
    """Rule mentions replace the model mentions they contain and fill gaps; no two mentions overlap."""
    kept = list(model)
    for r in sorted(rules, key=lambda c: (c.start, -(c.end - c.start))):
        inside = [c for c in kept if r.start <= c.start and c.end <= r.end]
        clash = [c for c in kept if c.start < r.end and r.start < c.end and c not in inside]
        if clash or (inside and (r.source != "rule" or any(c.label == "PERSON" for c in inside))):
            continue
        for c in inside:
            kept.remove(c)
        kept.append(r)
    return sorted(kept, key=lambda c: c.start)


def repair_labels(cands: list[Candidate]) -> None:
    """Stage 4: one label per name within the article, in place.

    - a single word that is the surname (or first name) of a person named in full is that person
      ("Trump's envoy", "Zelenskyy met"), unless it names a country;
    - a name the gazetteer knows as a place is a place when the model is split ("Kyiv" PERSON once,
      GPE elsewhere), or when the model called it an organisation or a person only once;
    - otherwise the majority label of the name's model mentions wins.
    """
    place = gazetteer()
    by_key: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        by_key[canonical_key(c.text, "ORG")].append(c)
    person_parts: set[str] = set()
    for c in cands:
        if c.label == "PERSON":
            words = [w.lower() for w in name_words(c.text, "PERSON")]
            if len(words) >= 2:
                person_parts.add(words[-1])
                person_parts.add(words[0])
    for key, group in by_key.items():
        votes = Counter(c.label for c in group)
        found = place.lookup(key)
        if key in person_parts and not (found and found.kind == "country"):
            label = "PERSON"
        elif found and (votes.get("GPE", 0) + votes.get("LOC", 0) > 0 or found.kind != "city"):
            if votes.most_common(1)[0][0] in PLACE_LABELS:
                label = votes.most_common(1)[0][0]
            elif votes.get("ORG", 0) > votes.get("GPE", 0) + votes.get("LOC", 0) + 1:
                label = "ORG"  # an organisation named after a place, tagged so again and again
            else:
                label = found.label
        else:
            # Ties go to the label seen first.
            top = max(votes.values())
            label = next(c.label for c in group if votes[c.label] == top)
        for c in group:
            c.label = label


def propagate(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Stage 5: further occurrences of known names, and of people's surnames, as mentions.

    Matching is case-sensitive on word boundaries; a possessive after the name stays outside the
    mention ("Zelenskyy’s office" gives "Zelenskyy").
    """
    forms: dict[str, str] = {}
    for c in cands:
        if c.label not in PROPAGATE_LABELS:
            continue
        forms.setdefault(c.text, c.label)
        if c.label == "PERSON":
            words = name_words(c.text, "PERSON")
            if len(words) >= 2 and len(words[-1]) > 2 and words[-1][:1].isupper():
                forms.setdefault(words[-1], "PERSON")
    if not forms:
        return []
    pattern = re.compile(
        r"(?<![\w\-])(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![\w\-])"
    )
    taken = sorted((c.start, c.end) for c in cands)
    out: list[Candidate] = []
    for m in pattern.finditer(text):
        s, e = m.span()
        if any(ts < e and s < te for ts, te in taken):
            continue
        out.append(Candidate(s, e, m.group(0), forms[m.group(0)], "propagated"))
    return out
