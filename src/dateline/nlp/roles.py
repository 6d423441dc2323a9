"""Roles of people from the words around their names.

- a title before the name: "Kremlin spokesperson Dmitry Peskov", "Secretary of State Marco Rubio",
  "Trump's envoy Steve Witkoff";
- an apposition after (or before) the name: "Steve Witkoff, Trump's envoy,", "Jim Press, the Vice
  Chairman of Chrysler", "Trump's envoy, Steve Witkoff".
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dateline.nlp.entity_lexicon import (
    HONORIFICS,
    LEADING_DETERMINERS,
    ROLE_CONNECTORS,
    ROLE_HEADS,
    TITLE_ABBREVIATIONS,
    TITLE_PHRASES,
    TITLE_WORDS,
)

MAX_ROLE_TOKENS = 8
POSSESSIVE_TOKENS = frozenset({"'s", "’s", "'", "’"})
TITLE_PHRASE_ENDS = frozenset(p.split()[-1] for p in TITLE_PHRASES)


def premodifier_role(words: list[str]) -> int:
    """How many of the words right before a name form its title (0 when they do not).

    ``words`` are the tokens before the name, nearest last. The nearest must head a title
    ("spokesperson", "President") or end a fixed one ("State" in "Secretary of State"); leftwards
    the phrase takes title words, capitalised modifiers ("Kremlin", "Russian"), connectors between
    them ("of") and a possessive ("Trump's"), and stops at anything else.
    """
    if not words:
        return 0
    nearest = words[-1].lower()
    joined = " ".join(w.lower() for w in words[-4:])
    if nearest not in ROLE_HEADS and not any(joined.endswith(p) for p in TITLE_PHRASES):
        return 0
    taken = 0
    k = len(words) - 1
    while k >= 0 and taken < MAX_ROLE_TOKENS:
        word, low = words[k], words[k].lower()
        if low == "for" and any(w[:1].isupper() and w.lower() in TITLE_WORDS for w in words[k + 1 :]):
            break  # "a spokesman for Senator John McCain": the spokesman is someone else
        if (
            low in TITLE_WORDS
            or low in TITLE_PHRASE_ENDS
            or (low.endswith(".") and low[:-1] in TITLE_ABBREVIATIONS)  # "Brig. Gen."
            or (low in ROLE_CONNECTORS and k > 0 and (words[k - 1].lower() in TITLE_WORDS))
        ):
            taken += 1
        elif low in POSSESSIVE_TOKENS and k > 0 and words[k - 1][:1].isupper():
            taken += 2
            k -= 1
        elif (word[:1].isupper() and word.isalpha()) or ("-" in word and word[:1].isupper()):
            taken += 1
        else:
            break
        k -= 1
    # Capitalised words before the title's first title word are kept only as its modifiers
    # ("Kremlin spokesperson"), which the loop already does; a phrase must contain a title word.
    phrase = [w.lower() for w in words[len(words) - taken :]]
    while phrase and (phrase[0] in ROLE_CONNECTORS or phrase[0] in POSSESSIVE_TOKENS):
        phrase = phrase[1:]
        taken -= 1
    return taken if any(w in TITLE_WORDS for w in phrase) else 0


def apposition_role(words: list[str]) -> int:
    """How many of the words after "Name, " form a role ("Trump's envoy", "the Vice Chairman of X").

    ``words`` run from after the comma to the next punctuation mark. The role is the whole stretch
    when its last word heads a title, or when a title word comes right before its first "of" or "for".
    """
    if not words or len(words) > MAX_ROLE_TOKENS:
        return 0
    lower = [w.lower() for w in words]
    if lower[-1] in ROLE_HEADS:
        return len(words)
    for link in ("of", "for"):  # "the Vice Chairman of X", "a spokeswoman for the Pentagon"
        if link in lower:
            k = lower.index(link)
            if k > 0 and lower[k - 1] in ROLE_HEADS:
                return len(words)
    return 0


# Possessive pronouns that open a role and say nothing of whose it is: "His former coach" is a
# "former coach" ("Trump's envoy" keeps its possessor).
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its", "our", "my", "your"})


def _clean(tokens: list[Token]) -> str:
    while tokens and (
        tokens[0].lower_ in LEADING_DETERMINERS or tokens[0].lower_ in POSSESSIVE_PRONOUNS or tokens[0].is_punct
    ):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return ""
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text


def person_roles(doc: Doc, name: Span) -> list[str]:
    """Roles said of the person named by ``name`` (a span of ``doc``)."""
    roles: list[str] = []
    try:
        sent_start = name.sent.start
    except ValueError:  # no sentence boundaries (a pipeline without parser or senter)
        sent_start = 0
    before = [t for t in doc[max(sent_start, name.start - MAX_ROLE_TOKENS - 2) : name.start]]
    n = premodifier_role([t.text for t in before])
    if n:
        roles.append(_clean(before[len(before) - n :]))
    # Apposition after the name: "Steve Witkoff, Trump's envoy, said".
    if name.end < len(doc) and doc[name.end].text == ",":
        after: list[Token] = []
        for tok in doc[name.end + 1 : name.end + 2 + MAX_ROLE_TOKENS]:
            if (tok.is_punct and tok.text not in ("-", "’", "'")) or tok.is_sent_start:
                break
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound"):
                break  # "Tom LaSorda, the president of Chrysler announced that …": the role is a noun phrase
            after.append(tok)
        content = [t for t in after if t.lower_ not in LEADING_DETERMINERS]
        if content and apposition_role([t.text for t in content]):
            roles.append(_clean(after))
    # Apposition before the name: "Trump's envoy, Steve Witkoff, said", "the Prime Minister of
    # Singapore, Mr. Lee Hsien Loong".
    start = name.start - 1 if name.start >= 1 and doc[name.start - 1].lower_ in HONORIFICS else name.start
    if n:
        start = name.start - n  # "The army's spokesman, Brig. Gen. Nabil Abdallah": past the title
    if start >= 2 and doc[start - 1].text == ",":
        last = doc[start - 2]
        head = _role_head_of(last)
        if head is not None:
            stretch = [t for t in doc[max(sent_start, head.left_edge.i) : last.i + 1]]
            if 0 < len(stretch) <= MAX_ROLE_TOKENS:
                roles.append(_clean(stretch))
    return [r for r in roles if r]


def _role_head_of(last: Token) -> Token | None:
    """The role word a phrase ending on ``last`` is headed by: ``last`` itself (``Trump's envoy``)
    or the word its ``of`` phrase hangs off (``the Prime Minister of Singapore``)."""
    if last.lower_ in ROLE_HEADS:
        return last
    if last.dep_ == "pobj" and last.head.lower_ == "of" and last.head.head.lower_ in ROLE_HEADS:
        return last.head.head
    return None


def merge_roles(existing: list[str], new: list[str]) -> list[str]:
    """Add roles, keeping the fuller of two where one ends the other ("Russian President" ⊃ "President")."""
    out = list(existing)
    for role in new:
        low = role.lower()
        if any(r.lower() == low or r.lower().endswith(" " + low) for r in out):
            continue
        out = [r for r in out if not low.endswith(" " + r.lower())]
        out.append(role)
    return out
