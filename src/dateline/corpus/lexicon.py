"""Word lists and weights the corpus layer uses, kept as data so they can be changed without fear."""

from __future__ import annotations

# Function words and newsroom filler that say nothing about which story an article tells.
STOPWORDS: frozenset[str] = frozenset(
    """
    a about above after again against all almost also although always am among an and another any anyone
    anything are around as at away back be became because become been before being below between both but
    by can cannot could did do does doing done down during each either else enough even ever every few
    for from further get gets getting give given go goes going gone got had has have having he her here
    hers herself him himself his how however i if in include including into is it its itself just last
    least less let like made make makes many may me might more most much must my myself near neither never
    new next no nor not now of off often on once one only onto or other others our ours ourselves out over
    own part per perhaps put rather really said same say saying says see seen several she should since so
    some something still such than that the their theirs them themselves then there these they thing
    things this those though three through thus to today together too two under until up upon us use used
    very via was we well were what whatever when where whether which while who whom whose why will with
    within without would yet you your yours yourself yourselves year years time times told tell week
    weeks day days monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    mr mrs ms dr according added told reported report reports reporting news people first second
    reuters associated press ap afp updated published copyright rights reserved read more
    share click subscribe photo image video advertisement
    """.split()  # noqa: SIM905
)

# Lines a republisher adds or a site wraps around a story; dropped before fingerprinting so that a
# syndicated copy with its own furniture still hashes like the original.
BOILERPLATE_PREFIXES: tuple[str, ...] = (
    "share this",
    "share on",
    "share:",
    "follow us",
    "follow @",
    "click here",
    "read more",
    "related:",
    "advertisement",
    "sign up",
    "subscribe",
    "copyright",
    "©",
    "all rights reserved",
    "this story has been",
    "this article was",
    "originally published",
    "reporting by",
    "editing by",
    "writing by",
    "additional reporting",
    "the associated press contributed",
    "contributed to this report",
)

# Entity types that identify a story; others (LANGUAGE, WORK_OF_ART...) are kept with a low weight.
SALIENT_ENTITY_TYPES: frozenset[str] = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})

# Entity types that may name the same thing (a country as GPE in one article, LOC in another).
COMPATIBLE_TYPES: dict[str, frozenset[str]] = {
    "GPE": frozenset({"GPE", "LOC"}),
    "LOC": frozenset({"GPE", "LOC", "FAC"}),
    "FAC": frozenset({"FAC", "LOC"}),
    "ORG": frozenset({"ORG"}),
    "PERSON": frozenset({"PERSON"}),
    "NORP": frozenset({"NORP"}),
}

# Words in a person's name that are titles, not part of who they are.
NAME_TITLES: frozenset[str] = frozenset(
    """
    president prime minister mr mrs ms dr sir gen general col colonel sen senator rep representative gov
    governor king queen prince princess pope secretary chancellor judge justice lord lady dame rev father
    """.split()  # noqa: SIM905
)
