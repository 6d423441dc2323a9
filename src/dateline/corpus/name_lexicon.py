"""Word lists for matching entity names across articles, kept as data."""

from __future__ import annotations

# Legal forms and corporate furniture at the end of an organization's name: 'Apple Inc.', 'Chrysler
# LLC', 'General Motors Corporation' and 'Ford Motor Co.' name the company their first words name.
ORG_FORM_WORDS: frozenset[str] = frozenset(
    """
    inc incorporated corp corporation co company companies llc llp lp ltd limited plc group holding holdings
    ag sa nv bv se spa gmbh kg oyj ab asa
    """.split()  # noqa: SIM905
)

# Generic industry words a company's short name leaves off ('Ford' for 'Ford Motor Company', 'Apple'
# for 'Apple Computer', 'Nissan' for 'Nissan Motors', 'China Eastern' for 'China Eastern Airlines').
# Only dropped together with the rest of the tail.
ORG_INDUSTRY_WORDS: frozenset[str] = frozenset(
    """
    motor motors computer computers airlines airways
    """.split()  # noqa: SIM905
)

# Small words an acronym skips ('Department of Defense' is 'DOD', not 'DOOD').
ACRONYM_SKIP: frozenset[str] = frozenset({"of", "the", "and", "for", "&"})

# Types whose short name may be the tail of the long one ('Air Force' of 'United States Air Force',
# 'Justice Department' of 'U.S. Justice Department'); a weak match, taken only with shared context.
TAIL_MATCH_TYPES: frozenset[str] = frozenset({"ORG"})
