"""From typed mentions to canonical entities: keys, surname and acronym links, the fullest name.

Pure functions over plain data (no spaCy), so every linking rule is tested with explicit cases.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from dateline.nlp.entity_lexicon import (
    ACRONYM_SKIP,
    CORPORATE_SUFFIXES,
    GENERIC_NAME_WORDS,
    HONORIFICS,
    LEADING_DETERMINERS,
    NAME_TRADES,
    PLACE_ALIASES,
    TITLE_WORDS,
)

POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
# Labels whose mentions may link across spellings: one person, one organisation, one place.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass
class Candidate:
    """One mention while the layer works on it: a char span, a label and where it came from."""

    start: int
    end: int
    text: str
    label: str
    source: str = "model"  # model, rule, gazetteer, propagated


@dataclass
class Cluster:
    """Mentions that name one real-world entity."""

    label: str
    mentions: list[Candidate] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


def strip_possessive(text: str) -> str:
    """ "Trump's" → "Trump", "Forces'" → "Forces"."""
    return POSSESSIVE.sub("", text)


def name_words(text: str, label: str) -> list[str]:
    """The words of a mention that make up its name: no determiner, possessive, honorific or title."""
    words = strip_possessive(text.strip()).split()
    while len(words) > 1 and words[0].lower() in LEADING_DETERMINERS:
        words = words[1:]
    if label == "PERSON":
        while len(words) > 1 and (words[0].lower() in HONORIFICS or words[0].lower() in TITLE_WORDS):
            words = words[1:]
    return words


def canonical_key(text: str, label: str) -> str:
    """The key under which spellings of one name meet: lower case, no determiner or possessive."""
    key = " ".join(name_words(text, label)).lower()
    if label in PLACE_LABELS and key in PLACE_ALIASES:
        return PLACE_ALIASES[key].lower()
    return key


def display_name(text: str, label: str) -> str:
    """The mention as an entity name: "the United States" → "United States", "Trump's" → "Trump"."""
    name = " ".join(name_words(text, label))
    if label in PLACE_LABELS and name.lower() in PLACE_ALIASES:
        return PLACE_ALIASES[name.lower()]
    if label in PLACE_LABELS and name.isupper() and len(name.replace(".", "")) >= 5:
        return name.title()  # a dateline's "WASHINGTON"
    return name


def initials(key: str) -> str:
    """The acronym a name would have: "syrian democratic forces" → "SDF"."""
    words = [w for w in re.split(r"[\s\-]+", key) if w and w not in ACRONYM_SKIP]
    return "".join(w[0] for w in words).upper()


def acronym_fits(acronym: str, key: str) -> bool:
    """Whether an acronym abbreviates a name: its letters, in order, start every main word of the
    name, and may take further letters from inside a word ("WWDC" ← "Worldwide Developers
    Conference", "SDF" ← "Syrian Democratic Forces")."""
    words = [w for w in re.split(r"[\s\-]+", key.lower()) if w and w not in ACRONYM_SKIP]
    letters = acronym.replace(".", "").lower()
    if not words or not letters or len(words) > len(letters):
        return False

    def fits(i: int, w: int, pos: int) -> bool:
        # i: next letter; w: current word; pos: position inside word w after its last used letter.
        if i == len(letters):
            return w == len(words) - 1
        if w + 1 < len(words) and words[w + 1][0] == letters[i] and fits(i + 1, w + 1, 1):
            return True
        k = words[w].find(letters[i], pos)
        return k >= 0 and fits(i + 1, w, k + 1)

    return words[0][0] == letters[0] and fits(1, 0, 1)


def is_acronym(text: str) -> bool:
    """All capitals, 2 to 7 letters, dots allowed: "ISIL", "U.N.", "SDF"."""
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 7 and letters.isalpha() and letters.isupper()


def same_company(short: str, long: str) -> bool:
    """ "chrysler" and "chrysler llc" name one company: the longer adds only corporate endings, after
    the trade a company names itself by at most ("orion" and "orion semiconductor")."""
    s, w = short.split(), long.split()
    endings = w[len(s) :]
    if len(s) == 1 and s[0] not in GENERIC_NAME_WORDS and endings and endings[0] in NAME_TRADES:
        # "orion" and "orion semiconductor (inc.)", "ford" and "ford motor co.": a one-word name only
        # ("air force" is no company of "air force communications"), never a generic one ("general")
        endings = endings[1:]
    return len(s) < len(w) and w[: len(s)] == s and all(x in CORPORATE_SUFFIXES for x in endings)


NAME_PARTICLES = ("al-", "el-", "ad-", "as-", "ash-", "at-", "an-", "ar-")


def surname_variants(word: str) -> set[str]:
    """A surname as written and without an Arabic article: "al-Assad" → {"al-Assad", "Assad"}."""
    out = {word}
    for particle in NAME_PARTICLES:
        if word.lower().startswith(particle) and len(word) > len(particle) + 1:
            out.add(word[len(particle) :])
    return out


def person_part_of(short: str, long: str) -> bool:
    """ "putin" is part of "vladimir putin": the short name is the surname, or the first name(s);
    "assad" is part of "bashar al-assad"."""
    s, w = short.split(), long.split()
    if len(s) >= len(w) or not s:
        return False
    if len(s) == 1 and s[0] in surname_variants(w[-1]):
        return True
    return w[-len(s) :] == s or (len(s) == 1 and w[0] == s[0] and len(w) == 2)


def cluster_mentions(mentions: list[Candidate]) -> list[Cluster]:
    """Group typed mentions into entities, ordered by first mention.

    Mentions with the same key and label meet first; then a person's surname joins the full name
    it belongs to ("Putin" → "Vladimir Putin"; when two full names share it, the one mentioned
    last before), an acronym joins the name whose initials it spells ("SDF"), and a company's
    short name joins the long one ("Chrysler" → "Chrysler LLC").
    """
    groups: dict[tuple[str, str], Cluster] = {}
    for m in sorted(mentions, key=lambda c: c.start):
        key = (label_family(m.label), canonical_key(m.text, m.label))
        groups.setdefault(key, Cluster(label=m.label)).mentions.append(m)
    # Longest keys first, so shorter ones find the fullest name to join.
    keys = sorted(groups, key=lambda k: (-len(k[1].split()), groups[k].first))
    # Index keys by family and by first word, last word and first letter, so each short name looks
    # only at the few long names it could belong to.
    index: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for k in keys:
        words = k[1].split()
        probes = {"f:" + words[0], "a:" + k[1][:1]} | {"l:" + w for w in surname_variants(words[-1])}
        for probe in probes:
            index.setdefault((k[0], probe), []).append(k)
    target: dict[tuple[str, str], tuple[str, str]] = {}
    for key in keys:
        family, text = key
        words = text.split()
        if family == "PERSON":
            pool = index.get((family, "l:" + words[-1]), []) + index.get((family, "f:" + words[0]), [])
            owners = [k for k in dict.fromkeys(pool) if k not in target and person_part_of(text, k[1])]
        elif family != "PLACE":
            surface = groups[key].mentions[0].text
            acronym = surface.replace(".", "") if is_acronym(surface) else None
            pool = index.get((family, "f:" + words[0]), [])
            if acronym is not None:
                pool = pool + index.get((family, "a:" + acronym[0].lower()), [])
            owners = [
                k
                for k in dict.fromkeys(pool)
                if k not in target
                and k != key
                and (
                    (family == "ORG" and same_company(text, k[1]))
                    or (acronym is not None and len(k[1].split()) > 1 and acronym_fits(acronym, k[1]))
                )
            ]
        else:
            owners = []
        if owners:
            target[key] = _nearest_owner(groups[key], owners, groups)
    for key, owner in target.items():
        while owner in target:
            owner = target[owner]
        groups[owner].mentions.extend(groups[key].mentions)
    clusters = [c for k, c in groups.items() if k not in target]
    for c in clusters:
        c.mentions.sort(key=lambda m: m.start)
        c.label = Counter(m.label for m in c.mentions).most_common(1)[0][0]
    return sorted(clusters, key=lambda c: c.first)


def _nearest_owner(
    short: Cluster, owners: list[tuple[str, str]], groups: dict[tuple[str, str], Cluster]
) -> tuple[str, str]:
    """Of several full names a short one may belong to, the one mentioned last before it."""
    if len(owners) == 1:
        return owners[0]
    first = short.first

    def last_before(k: tuple[str, str]) -> int:
        starts = [m.start for m in groups[k].mentions if m.start < first]
        return max(starts) if starts else -1

    return max(owners, key=last_before)


def label_family(label: str) -> str:
    """Labels that may name one entity: GPE, LOC and FAC spellings of a place meet."""
    return "PLACE" if label in PLACE_LABELS else label


def entity_name(cluster: Cluster) -> str:
    """The fullest form among the cluster's mentions (most name words, then first seen)."""
    best = max(
        cluster.mentions,
        key=lambda m: (
            len(name_words(m.text, cluster.label)),
            not is_acronym(m.text),
            not m.text.isupper(),  # "Washington" over a dateline's "WASHINGTON"
            -m.start,
        ),
    )
    return display_name(best.text, cluster.label)
