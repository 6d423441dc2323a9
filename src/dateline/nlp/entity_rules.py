"""Mentions for the entity layer: the model's, repaired, and the ones our rules add.

A numbered cascade, each stage with its reason:
1. model mentions, trimmed to the name (no "the", no possessive, no title on a person);
2. junk dropped ("State" inside "Secretary of State", bare titles);
3. rule mentions for what the small model misses: capitalised runs ending in an organisation word
   ("Syrian Democratic Forces", "Ministry of Defence"), places from the gazetteer, acronyms;
4. labels repaired by consistency within the article (``entity_labels``: a person's surname is a
   person even in "Trump's envoy"; "Kyiv" is a place by vote and gazetteer);
5. propagation: every further occurrence of a name (or a person's surname) becomes a mention.
"""

from __future__ import annotations

import bisect
import functools
import re

from spacy.tokens import Doc, Token

from dateline.nlp.entity_canon import (
    PLACE_LABELS,
    Candidate,
    is_acronym,
    name_words,
    strip_possessive,
    surname_variants,
)
from dateline.nlp.entity_labels import has_org_cue, has_place_cue, opens_with_first_name
from dateline.nlp.entity_lexicon import (
    COMPANY_TRADES,
    CORPORATE_SUFFIXES,
    CURRENCY_AFTER,
    EVENT_HEADS,
    FAC_NAME_HEADS,
    FORCE_HEADS,
    FORCE_MODIFIERS,
    GENERIC_NAME_WORDS,
    HONORIFICS,
    KNOWN_ORGS,
    LEADING_DETERMINERS,
    LEADING_PREPOSITIONS,
    LOC_HEADS,
    NAME_LABELS,
    NOT_ACRONYMS,
    ORG_HEADS,
    ORG_OPENERS,
    PLACE_NAMED_ORG_OPENERS,
    PLACE_NOUNS_AFTER,
    ROLE_HEADS,
    SERVICE_MEMBER_HEADS,
    SINGLE_ORG_WORDS,
    STANDALONE_TITLES,
    TITLE_ABBREVIATIONS,
    TITLE_PHRASES,
    TITLE_WORDS,
    TRADE_NOUNS,
)
from dateline.nlp.gazetteer import Gazetteer, gazetteer
from dateline.nlp.party_tags import is_tag as is_party_tag
from dateline.nlp.quote_data import lexicon

# Inside a capitalised run these small words may join two capitalised words: "Ministry of the Interior".
RUN_CONNECTORS = frozenset({"of", "the", "for", "&", "de", "al", "bin", "el", "-", "'s"})
# Heads that make a run a facility rather than a region.
FAC_HEADS = (
    frozenset({"airport", "base", "camp", "square", "street", "bridge", "port", "harbour", "harbor"}) | FAC_NAME_HEADS
)
SKIP_AT_RUN_START = HONORIFICS | LEADING_DETERMINERS
# A person's name does not end in these ("General Motors Corporation" tagged PERSON is a company).
PERSON_CANNOT_END = (ORG_HEADS | CORPORATE_SUFFIXES) - frozenset(
    {"press", "post", "times", "news", "guard", "bank", "state"}
)
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
        if (
            word in LEADING_DETERMINERS
            or (word in LEADING_PREPOSITIONS and label not in ("WORK_OF_ART", "LAW", "EVENT"))
            or (label == "PERSON" and is_title_word(word))
        ):
            start += m.end()
        else:
            break
    if end <= start or not any(ch.isalpha() for ch in text[start:end]):
        return None
    return start, end


def is_title_word(word: str) -> bool:
    """A title or honorific, abbreviations with or without their dot ("Sgt", "Gen.")."""
    low = word.lower()
    return (
        low in TITLE_WORDS
        or low in HONORIFICS
        or low.rstrip(".") in TITLE_ABBREVIATIONS
        or low in {"of", "state", "staff"}
    )


def relabel(words: list[str], label: str) -> str:
    """The label a model mention's own words imply.

    "Spokeswoman Sandy Angers" tagged ORG is a person with a title; "Worldwide Developers
    Conference" tagged ORG is an event; "Airmen" tagged GPE is a body of service members;
    "Samarra Barrage" tagged PERSON is a facility; "Joseph L. Votel" tagged GPE is a person.
    """
    if (
        label != "PERSON"
        and len(words) >= 3
        and words[0].lower() in ROLE_HEADS
        and all(w[:1].isupper() for w in words[1:])
        and words[-1].lower() not in PERSON_CANNOT_END
    ):
        return "PERSON"
    if label in ("ORG", "FAC") and len(words) >= 2 and words[-1].lower() in EVENT_HEADS:
        return "EVENT"
    if label == "PERSON" and len(words) >= 2 and words[-1].lower() in PERSON_CANNOT_END:
        return "ORG"
    if label in ("GPE", "LOC", "NORP") and words and words[-1].lower() in SERVICE_MEMBER_HEADS:
        return "ORG"
    if label in ("PERSON", "ORG") and len(words) >= 2 and words[-1].lower() in FAC_NAME_HEADS:
        return "FAC"
    if label != "PERSON" and MIDDLE_INITIAL_NAME.fullmatch(" ".join(words)):
        return "PERSON"
    return label


# A given name, a middle initial and a surname: "Joseph L. Votel", "George W. Bush".
MIDDLE_INITIAL_NAME = re.compile(r"[A-Z][a-z]+ [A-Z]\. [A-Z][a-z]+(?:-[A-Z][a-z]+)?")


def split_title_place_name(text: str, start: int, end: int) -> list[Candidate]:
    """ "Minister for [the Middle East Ann Hale]" tagged as one name is a place and a person:
    after "for"/"of", a known place followed by two or three capitalised words."""
    if not re.search(r"\b(?:for|of)\s+$", text[max(0, start - 6) : start]):
        return []
    span = trim_span(text, start, end, "ORG")
    if not span:
        return []
    words = list(re.finditer(r"\S+", text[span[0] : span[1]]))
    place = gazetteer()
    for k in (3, 2, 1):
        rest = words[k:]
        if not 2 <= len(rest) <= 3 or not all(w.group(0)[:1].isupper() for w in rest):
            continue
        found = place.lookup(" ".join(w.group(0) for w in words[:k]))
        if found and not any(w.group(0).lower() in ORG_HEADS for w in rest):
            p_end = span[0] + words[k - 1].end()
            n_start = span[0] + rest[0].start()
            return [
                Candidate(span[0], p_end, text[span[0] : p_end], found.label),
                Candidate(n_start, span[1], text[n_start : span[1]], "PERSON"),
            ]
    return []


def model_candidates(doc: Doc, text: str | None = None) -> list[Candidate]:
    """Stage 1: the model's name mentions, trimmed to the name (``text`` is ``doc.text``)."""
    text = doc.text if text is None else text
    out: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        split = split_title_place_name(text, ent.start_char, ent.end_char)
        if split:
            out.extend(split)
            continue
        for start, end in dash_parts(text, ent.start_char, ent.end_char):
            label = relabel(text[start:end].split(), ent.label_)
            if label == "ORG" and _after_rank(text, start):
                label = "PERSON"  # "said Capt. Christophe Cluzel": a rank names a person
            if label in ("PERSON", "ORG"):
                label = place_noun_after(text, end) or label
            span = trim_span(text, start, end, label)
            if span:
                out.append(Candidate(span[0], span[1], text[span[0] : span[1]], label))
    return out


def _after_rank(text: str, start: int) -> bool:
    """An abbreviated rank or title right before char ``start`` (``Capt.``, ``Lt.``, ``Sen.``)."""
    before = text[max(0, start - 8) : start].split()
    return bool(before) and before[-1].endswith(".") and before[-1][:-1].lower() in TITLE_ABBREVIATIONS


def place_noun_after(text: str, end: int) -> str | None:
    """The place label a lower-case geographic noun right after a name gives it: "the Tigris
    river", "Al-Raqqa province" (not "the Tigris River", which the model reads as one name)."""
    nxt = re.match(r"\s+([a-z]+)\b", text[end : end + 20])
    return PLACE_NOUNS_AFTER.get(nxt.group(1)) if nxt else None


# En and em dashes only: a spaced hyphen inside a model span is as often a tokenised "Wal - Mart".
SPACED_DASH = re.compile(r"\s+(?:[–—]|--)\s+")


def dash_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A model span cut at spaced dashes, which separate names rather than join them: "Jordan Armed
    Forces – Arab Army" is two bodies, "Kabul — Acme" a place and a company; "Al-Raqqa" stays."""
    parts: list[tuple[int, int]] = []
    for m in SPACED_DASH.finditer(text, start, end):
        parts.append((start, m.start()))
        start = m.end()
    parts.append((start, end))
    return [(s, e) for s, e in parts if e > s]


def is_junk(cand: Candidate, title_spans: list[tuple[int, int]], text: str) -> bool:
    """Stage 2: a mention inside a fixed title, a bare title, a unit or currency code ("UTC", "USD"),
    a U.S. politician's party tag ("D-Wash."), a lone common noun of trade ("Chipmaker"), a country
    code that is part of money ("US$100", "US dollars"), or one without a capital."""
    if any(s <= cand.start and cand.end <= e for s, e in title_spans):
        return True
    words = cand.text.split()
    if words and all(is_title_word(w) for w in words):
        return True
    if cand.text.replace(".", "") in NOT_ACRONYMS or is_party_tag(cand.text):
        return True  # "USD"; "D-Wash." after a politician's name is a party tag
    if (
        cand.label != "PERSON"
        and len(words) == 1
        and (words[0].lower() in TRADE_NOUNS or words[0].lower().endswith("maker"))
    ):
        return True  # "Chipmaker warns …": a headline's capitalised common noun
    after = text[cand.end : cand.end + 9].lstrip().lower()
    if cand.label in PLACE_LABELS and (after.startswith("$") or after.split(" ")[0] in CURRENCY_AFTER):
        return True
    return not any(ch.isupper() for ch in cand.text) and cand.label != "NORP"


def _capitalised(tok: Token) -> bool:
    # Letters with inner apostrophes or hyphens count: "Da’esh", "Al-Raqqa".
    word = tok.text
    inner = word.replace("’", "").replace("'", "").replace("-", "")
    return (
        (word[:1].isupper() and inner.isalpha() and not word.endswith(("’", "'", "-")))
        or is_acronym(word)
        or word in {"U.S.", "U.K."}
    )


def _runs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of capitalised runs, small connectors allowed inside ("Ministry of Defence");
    a spaced dash separates two names ("BAGHDAD - Combined Joint Task Force"), "Al-Raqqa" is one."""
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
            elif (
                doc[j].lower_ in RUN_CONNECTORS
                and j + 1 < n
                and _capitalised(doc[j + 1])
                and not (doc[j].text == "-" and (doc[j - 1].whitespace_ or doc[j].whitespace_))
            ):
                j += 2
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def _classify_run(words: list[str], place: Gazetteer) -> str | None:
    lower = [w.lower() for w in words]
    if " ".join(lower) in KNOWN_ORGS:
        return "ORG"
    if len(words) >= 2 and lower[0] in PLACE_NAMED_ORG_OPENERS and place.lookup(" ".join(words[1:])):
        return "ORG"  # "Air China": an airline, not the country
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
    if len(words) == 1 and lower[0] in SINGLE_ORG_WORDS and words[0][:1].isupper():
        return "ORG"
    return None


def rule_candidates(doc: Doc, text: str | None = None) -> list[Candidate]:
    """Stage 3: organisations, places and acronyms the model may miss, from capitalised runs.

    A run whose type a head word decides ("… Forces", "Ministry of …", "… province") is a strong
    mention (source ``rule``); gazetteer places and lone acronyms only fill gaps.
    """
    text, place = doc.text if text is None else text, gazetteer()
    out: list[Candidate] = []
    for i0, j0 in _runs(doc):
        i, j = i0, j0
        # A sentence-initial common word is not part of a name: "Coalition forces", "Forces loyal".
        while i < j and doc[i].is_sent_start and doc[i].pos_ != "PROPN" and not is_acronym(doc[i].text):
            i += 1
        while i < j and (doc[i].lower_ in SKIP_AT_RUN_START or doc[i].lower_ in RUN_CONNECTORS):
            i += 1  # and a connector left in front by that: "Shares of Apex Pharmaceuticals"
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
        if label == "ORG" and len(words) == 1 and doc[i].is_sent_start and not is_acronym(words[0]):
            label = None
        if label is None and has_place_cue(text, start, end, place):
            label = "GPE"
        if label is None and has_org_cue(text, start, end) and not doc[i].is_sent_start:
            label = "ORG"
        if label is None and len(words) >= 2 and _speaker_name(doc, i, j):
            out.append(Candidate(start, end, text[start:end], "PERSON", "gap"))
            continue
        if label is None:
            out.extend(_gazetteer_hits(doc, i, j, place))
            continue
        strong = len(words) >= 2 and label in ("ORG", "FAC", "LOC")
        out.append(Candidate(start, end, text[start:end], label, "rule" if strong else "gap"))
    return out


def _speaker_name(doc: Doc, i: int, j: int) -> bool:
    """Whether the proper names ``doc[i:j]`` are a person's that the tagger missed: the subject of
    a verb of saying that no head word, place or cue makes an organisation, and that reads as a
    person's, in an inverted tag (``said Ana Ruiz``), with an apposition (``Ana Ruiz, the finance
    chair, said``) or opening with a first name. Not ``Human Rights Watch has called for …``."""
    words = doc[i:j]
    if any(t.pos_ != "PROPN" for t in words):
        return False
    root = words.root
    if root.dep_ != "nsubj" or root.head.lemma_.lower() not in lexicon().speech_verbs:
        return False
    return root.i > root.head.i or any(c.dep_ == "appos" for c in root.children) or opens_with_first_name(words.text)


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


def _overlapping(starts: list[int], ends: list[int], start: int, end: int) -> range:
    """Indices of sorted, non-overlapping spans (``starts``, ``ends``) that overlap ``[start, end)``."""
    lo = bisect.bisect_right(ends, start)
    hi = bisect.bisect_left(starts, end)
    return range(lo, max(lo, hi))


def merge_rule_candidates(
    model: list[Candidate],
    rules: list[Candidate],
    blocked: list[tuple[int, int]] | None = None,
) -> list[Candidate]:
    """Rule mentions replace the model mentions they contain and fill gaps; no two mentions overlap.

    ``model`` must not overlap itself. ``blocked`` are spans the model gave other labels (dates,
    numbers): a weak rule mention that touches one is dropped ("in March" is a date, not a place).
    """
    kept = sorted(model, key=lambda c: c.start)
    starts, ends = [c.start for c in kept], [c.end for c in kept]
    blocks = sorted(blocked or [])
    block_starts, block_ends = [b[0] for b in blocks], [b[1] for b in blocks]
    for r in sorted(rules, key=lambda c: (c.start, -(c.end - c.start))):
        if r.source != "rule" and len(_overlapping(block_starts, block_ends, r.start, r.end)):
            continue
        hits = _overlapping(starts, ends, r.start, r.end)
        touched = [kept[k] for k in hits]
        if any(not (r.start <= c.start and c.end <= r.end) for c in touched):
            continue  # a partial overlap: keep what is there
        if touched and (r.source != "rule" or any(c.label == "PERSON" for c in touched)):
            continue
        kept[hits.start : hits.stop] = [r]
        starts[hits.start : hits.stop] = [r.start]
        ends[hits.start : hits.stop] = [r.end]
    return kept


def force_candidates(doc: Doc, cands: list[Candidate], text: str | None = None) -> list[Candidate]:
    """Organised actors named by a country, people or group and a noun: "U.S. forces", "Iraqi
    security forces", "ISIL fighters", "the Syrian government" become one organisation mention
    that replaces the modifier's own mention."""
    text = doc.text if text is None else text
    ends = {c.end: c for c in cands if c.label in ("GPE", "NORP", "ORG")}
    out: list[Candidate] = []
    for tok in doc:
        if tok.lower_ not in FORCE_HEADS or not tok.text.islower():
            continue
        k = tok.i - 1
        while k >= 0 and tok.i - k <= 2 and doc[k].lower_ in FORCE_MODIFIERS and doc[k].text.islower():
            k -= 1
        if k < 0:
            continue
        left = doc[k]
        owner = ends.get(left.idx + len(left.text))
        if owner is None:
            continue
        out.append(Candidate(owner.start, tok.idx + len(tok.text), "", "ORG", "rule"))
        out[-1].text = text[out[-1].start : out[-1].end]
    return out


def title_candidates(doc: Doc) -> list[Candidate]:
    """Stage 6: a capitalised title standing for a person ("the Foreign Secretary said", "The
    Prime Minister added"); not a title right before a name, which is that person's role.
    Source ``title``: these only fill gaps, and ``annotate_entities`` links each to the person
    holding that role when there is exactly one."""
    out: list[Candidate] = []
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        if not (tok.text[:1].isupper() and tok.lower_ in TITLE_WORDS):
            i += 1
            continue
        j = i
        while j < n and doc[j].text[:1].isupper() and doc[j].lower_ in TITLE_WORDS:
            j += 1
        words = [t.lower_ for t in doc[i:j]]
        followed_by_name = j < n and (doc[j].text[:1].isupper() or doc[j].ent_type_ == "PERSON")
        if (
            not followed_by_name
            and words[-1] in ROLE_HEADS
            and (len(words) > 1 or (words[0] in STANDALONE_TITLES and not tok.is_sent_start))
        ):
            span = doc[i:j]
            out.append(Candidate(span.start_char, span.end_char, span.text, "PERSON", "title"))
        i = j
    return out


def propagate(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Stage 5: further occurrences of known names, of people's surnames and of companies' own names
    (``Orion`` for ``Orion Semiconductor``), as mentions.

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
            if len(words) >= 2:
                for surname in surname_variants(words[-1]):
                    if len(surname) > 2 and surname[:1].isupper():
                        forms.setdefault(surname, "PERSON")
    found = _occurrences(text, forms, cands)
    return found + _occurrences(text, _company_short_forms(cands + found), cands + found, before_lowercase=True)


def _company_short_forms(cands: list[Candidate]) -> dict[str, str]:
    """``Orion`` for ``Orion Semiconductor``: a company named by its own name and its trade is named
    by its own name alone too (never a generic first word: ``National``)."""
    shorts: dict[str, str] = {}
    for c in cands:
        words = c.text.split()
        if c.label != "ORG" or len(words) < 2 or words[1].lower() not in COMPANY_TRADES:
            continue
        if not all(w.lower().rstrip(",") in CORPORATE_SUFFIXES for w in words[2:]):
            continue
        if words[0][:1].isupper() and words[0].isalpha() and words[0].lower() not in GENERIC_NAME_WORDS:
            shorts[words[0]] = "ORG"
    return shorts


def _occurrences(
    text: str, forms: dict[str, str], cands: list[Candidate], *, before_lowercase: bool = False
) -> list[Candidate]:
    """Mentions of ``forms`` (text -> label) on word boundaries, longest form first, outside every
    mention of ``cands``; ``before_lowercase``: only where no capitalised word follows (``Apex``
    but not ``Apex Tower``)."""
    if not forms:
        return []
    pattern = re.compile(
        r"(?<![\w\-])(?:"
        + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        + r")(?![\w\-])"
        + (r"(?!\s+[A-Z])" if before_lowercase else "")
    )
    taken = sorted((c.start, c.end) for c in cands)
    starts = [t[0] for t in taken]
    out: list[Candidate] = []
    for m in pattern.finditer(text):
        s, e = m.span()
        k = bisect.bisect_left(starts, e)
        # Mentions never overlap one another, so only the last one starting before e can overlap.
        if k > 0 and taken[k - 1][1] > s:
            continue
        out.append(Candidate(s, e, m.group(0), forms[m.group(0)], "propagated"))
    return out
