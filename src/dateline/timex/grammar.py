"""The regular grammar of temporal expressions, built from the word lists in ``lexicon.py``.

Each rule is a name and a pattern with named groups; ``normalize.py`` has one handler per rule
name. The same rules serve detection (``find_candidates``) and normalization of a given span
(``match_span``), so what we find is always something we know how to resolve.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from dateline.timex import lexicon as lx


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, spaces as any whitespace."""
    parts = sorted({w for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts) + ")"


def _cap(words: Iterable[str]) -> str:
    """Capitalised forms only (``May`` the month, not ``may`` the verb), as a case-sensitive group."""
    forms = {w.capitalize() for w in words} | {w.upper() for w in words if len(w) > 3}
    return "(?-i:" + _alt(forms)[3:]


def _abbrev(table: dict[str, int], full: set[str]) -> str:
    short = [w for w in table if w not in full]
    safe = [w for w in short if w not in lx.AMBIGUOUS_ABBREVIATIONS]
    return "(?:" + _cap(full) + r"|" + _cap(short) + r"\." + "|" + _cap(safe) + r"\b)"


_FULL_MONTHS = {w for w in lx.MONTHS if len(w) > 4 or w in {"may", "june", "july"}}
_FULL_DAYS = {w for w in lx.WEEKDAYS if w.endswith("day")}

MONTH = _abbrev(lx.MONTHS, _FULL_MONTHS)
# "May" the month, not the verb: before a day or "of", or after a temporal word ("in May", "last May").
MONTH_FULL = (
    _cap(_FULL_MONTHS - {"may"})
    + "|(?-i:May)(?=\\s+(?:\\d|of\\b))|(?:"
    + "|".join(rf"(?<=\b{w}\s)" if not w.endswith("-") else rf"(?<=\b{w})" for w in lx.MAY_LEADS)
    + ")(?-i:May)(?![\\w-])(?!\\s+(?:be|have|not|also|well|still|never|soon|need)\\b)"
)
WEEKDAY = _abbrev(lx.WEEKDAYS, _FULL_DAYS)
_NUMBER_WORD = _alt(w for w in lx.NUMBER_WORDS if w not in {"a", "an", "half a"})
_TENS = _alt(w for w, v in lx.NUMBER_WORDS.items() if v >= 20 and v % 10 == 0 and v < 100)
_UNITS_ONE = _alt(w for w, v in lx.NUMBER_WORDS.items() if 0 < v < 10 and " " not in w and len(w) > 2)
NUM_WORDS = rf"(?:{_TENS}(?:[-\s]{_UNITS_ONE})?|{_NUMBER_WORD})"
NUM_DIGITS = r"(?:\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)"
NUMBER = rf"(?:{NUM_DIGITS}|{NUM_WORDS}|an?(?=\s)|half\s+an?|an?\s+half)"
VAGUE = _alt(lx.VAGUE_QUANTITIES)
UNIT = _alt(list(lx.UNITS) + list(lx.UNIT_PLURALS))
UNIT_PLURAL = _alt(lx.UNIT_PLURALS)
SEASON = _alt(lx.SEASONS)
PART = _alt(lx.PARTS_OF_DAY)
FUZZY = _alt(lx.FUZZY_PREFIXES)
POSITION = (
    r"(?:early|late|mid-?|the\s+(?:middle|end|beginning|start|close|turn)\s+of"
    r"|the\s+early|the\s+late|the\s+mid-?)"
)
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
DIRECTION = r"(?:last|this|next|past|coming|previous|current|the\s+(?:previous|following|coming|current|same))"
ZONE_WORDS = (
    r"(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+time|local\s+time"
    r"|(?-i:[A-Z]{2,4}T|GMT|UTC|ET|PT|CT|MT|Z)|Eastern|Pacific|Central|Mountain)"
)
DAY_WORD = _alt(lx.DAY_OFFSETS)
# "4 in the morning", "8 o'clock in the evening" read as a.m. and p.m.
AMPM = r"(?:a\.m\.?|p\.m\.?|(?-i:am|pm|AM|PM)\b|(?:o'clock\s+)?in\s+the\s+(?:morning|afternoon|evening))"
_DAYREF = rf"(?:(?:on\s+)?{WEEKDAY}|today|tonight|yesterday|tomorrow|{MONTH}\s+\d{{1,2}}\b)"


@dataclass(frozen=True)
class Rule:
    """One grammar rule: its name, its compiled pattern, and how much we trust a bare match."""

    name: str
    pattern: re.Pattern[str]
    needs_signal: bool = False  # taken only where another signal (spaCy DATE/TIME) agrees


def _rule(name: str, pattern: str, needs_signal: bool = False) -> Rule:
    return Rule(name, re.compile(rf"(?<![\w-])(?:{pattern})(?![\w])", re.IGNORECASE), needs_signal)


RULES: tuple[Rule, ...] = (
    _rule("iso_datetime", r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T\s](?P<h>\d{2}):(?P<mi>\d{2}))?"),
    _rule("numeric_date", r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})"),
    _rule(
        "clock",
        rf"(?:(?P<fuzzy>about|around|approximately|roughly|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
        rf"(?:(?P<h>\d{{1,2}})(?:[:.](?P<mi>\d{{2}}))?\s*(?P<ampm>{AMPM})|(?P<h24>\d{{1,2}}):(?P<mi24>\d{{2}})(?=\s+{ZONE_WORDS}|\s*(?:hours|h)\b)|(?P<mil>[0-2]\d[0-5]\d)(?=\s+(?-i:GMT|UTC))|(?P<noon>noon|midnight|midday))"
        rf"(?:\s*(?:\(\s*(?P<zone_p>{ZONE_WORDS})\s*\)|(?P<zone>{ZONE_WORDS})))?"
        rf"(?:,?\s+(?P<dayref>{_DAYREF}))?",
    ),
    _rule(
        "month_day",
        rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?P<pos>early|late)\s+)?(?P<month>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!:\d)"
        rf"(?:\s*(?:-|–|and|to|through)\s*(?P<d2>\d{{1,2}})\b)?(?:,?\s+(?P<y>{YEAR}))?",
    ),
    _rule(
        "day_month",
        rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH})(?:,?\s+(?P<y>{YEAR}))?",
    ),
    _rule(
        "month_year",
        rf"(?:(?P<pos>{POSITION})\s*)?(?P<month>{MONTH}),?\s+(?:of\s+)?(?:(?P<y>{YEAR})|(?P<rel>this|last|next)\s+year\b)",
    ),
    _rule(
        "month",
        rf"(?:(?P<pos>{POSITION})[-\s]*|(?P<dir>last|this|next|this\s+past|this\s+coming|each|every)\s+)?(?P<month>{MONTH_FULL})",
    ),
    _rule(
        "decade",
        r"(?:the\s+)?(?:(?P<pos>early|late|mid)[-\s]?)?(?:(?P<dec>1[5-9]\d0|20\d0)'?s|'(?P<short>\d0)s)"
        rf"|the\s+(?:(?P<pos2>early|late|mid)[-\s]?)?(?P<word>{_alt(lx.DECADE_WORDS)})",
    ),
    _rule(
        "century",
        r"(?:the\s+)?(?P<ord>\d{1,2})(?:st|nd|rd|th)[-\s]century|(?P<dir>this|last|next|the\s+last|the\s+past|the\s+next)\s+century",
    ),
    _rule(
        "year",
        rf"(?:(?P<pos>{POSITION})\s*|(?P<fiscal>fiscal(?:\s+year)?)\s+|(?:the\s+)?(?:(?-i:FY|fy))\s*|(?:calendar\s+)?year\s+)?(?P<y>{YEAR})"
        r"(?!\s*(?:%|percent|-|\d)|\.\d|,\d)",
        needs_signal=True,
    ),
    _rule(
        "quarter",
        rf"(?:(?:the|(?P<yp>this|last|next)\s+year's|its|their)\s+)?(?:(?P<dir>last|this|next|latest|current|past|previous|year-earlier|year-ago|same|fiscal|recent|just-ended|just\s+ended)\s+)*"
        rf"(?:(?P<y0>{YEAR})\s+)?(?:(?:fiscal-)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]quarter|(?-i:Q(?P<q>[1-4])))(?:\s+(?:of\s+)?(?P<y>{YEAR})|\s+of\s+(?P<yp2>this|last|next)\s+year)?"
        rf"|the\s+(?:(?P<dir2>latest|year-earlier|year-ago|same|recent|just-ended|fiscal)\s+)?quarter(?!s|ly|-)"
        # "the latest period" in an earnings report is the fiscal quarter just reported.
        r"|the\s+(?P<dir3>latest|most\s+recent)\s+period"
        # "in the 1988 period": the reported quarter of that year.
        rf"|the\s+(?P<yq>{YEAR})\s+(?:period|quarter)(?!s)",
    ),
    _rule(
        "half",
        rf"(?:the\s+)?(?P<ord>first|second|last|latter)\s+half(?:\s+of\s+(?:(?P<y>{YEAR})|(?P<this>this|last|next)\s+year))",
    ),
    _rule(
        "season",
        rf"(?:(?P<pos>early|late|mid-?)\s*)?(?:(?P<dir>last|this|next|this\s+past|this\s+coming|the|each|every)\s+)?(?:(?P<pos2>early|late)\s+)?"
        rf"(?P<season>{SEASON})"
        rf"(?:\s+(?:of\s+)?(?P<y>{YEAR}))?(?!\s+of\s+(?!\d))",
    ),
    _rule(
        "spelled_year",
        rf"(?:the\s+year\s+)?(?P<century>nineteen|eighteen|two\s+thousand)(?:\s+(?:and\s+)?(?P<rest>{NUM_WORDS}))?(?![\w-])",
        needs_signal=True,
    ),
    _rule(
        "the_year",
        # A span: "the year ended June 30", "over the year", "the whole month"; otherwise the
        # current one: "sales for the year", "a high for the year" (the DCT's year).
        r"(?P<dur>the\s+(?:full\s+|fiscal\s+|calendar\s+)?(?P<unit>year|week|month)(?=\s+(?:that\s+)?(?:ended|ending|ends|to\s+date)\b)"
        r"|(?:(?<=over\s)|(?<=throughout\s))the\s+(?:full\s+|fiscal\s+|whole\s+|entire\s+)?(?P<unit3>year|week|month)"
        r"|the\s+(?:whole|entire)\s+(?P<unit4>year|week|month))(?!-)"
        r"|the\s+(?:full\s+|fiscal\s+|calendar\s+)?(?P<unit2>year|week|month)(?!-)",
    ),
    _rule(
        "weekend",
        r"(?:(?P<dir>last|this|next|this\s+past|this\s+coming|the\s+past|the\s+coming|the)\s+)weekend|weekend(?=\s+of\b)",
    ),
    _rule(
        "relative_unit",
        r"(?:(?P<pos>earlier|later|early|late|mid-?|the\s+(?:end|beginning|start|middle|rest)\s+of)\s+)?(?P<dir>last|this|next|current|coming|the\s+previous|the\s+following|the\s+same|the\s+current|the\s+coming|the\s+latest)\s+(?:fiscal\s+)?(?P<unit>week|month|quarter|year|decade)(?!s|ly)",
    ),
    # "three days later", "ten days before": TimeML tags the span ("three days", a DURATION) and
    # leaves "later"/"before" as a signal; "ago" and "a year earlier" name the point itself.
    _rule(
        "ago",
        rf"(?:(?P<fuzzy>{FUZZY})\s+)?(?:(?P<num>{NUMBER})|(?P<vague>{VAGUE}))[-\s]+(?P<unit>{UNIT})\s+(?P<ago>ago|earlier|from\s+now|hence|back)"
        r"|(?P<ye>year)-(?P<ago2>earlier|ago)(?:\s+(?:period|quarter|level))?|the\s+(?:year-earlier|year-ago)\s+(?:period|level|time|year)"
        # "the corresponding period last year", "last year's quarter": the reported period, a year back.
        r"|(?P<same>the\s+(?:(?:corresponding|comparable|same)\s+)?(?:period|quarter|month)\s+(?:of\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier))"
        r"|last\s+year's\s+(?:period|quarter)(?!s))",
    ),
    _rule(
        "duration",
        rf"(?:(?P<lead>(?:the\s+)?(?:past|last|next|first|coming|previous|following|final|latest|initial|prior|recent|remaining)|the|those|these|its|their)\s+)?"
        rf"(?:(?P<fuzzy>{FUZZY})\s+)?(?:(?P<num>{NUMBER})|(?P<vague>{VAGUE}))(?P<half>\s+and\s+a\s+half|\s+1/2|-1/2|½)?(?:\s+(?P<extra>more|additional|extra|trading|business|working))?(?P<sep>[-\s]+)(?P<unit>{UNIT})(?:-long)?(?P<half2>\s+and\s+a\s+half)?"
        r"(?![-\s]+old\b)(?!(?<=quarters)\s+of\b)"
        # "a second group", "a second betrayal": the ordinal, not a duration of one second.
        r"(?!(?<=\ba\ssecond)\s+(?!or\b|and\b|later\b|ago\b|earlier\b)[a-z])",
    ),
    _rule(
        "duration_bare_plural",
        rf"(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\bover\s)|(?<=\bwithin\s)|(?<=\btook\s)|(?<=\blast\s)|(?<=\bspent\s))(?:(?P<many>many|several|recent)\s+)?(?P<unit>{UNIT_PLURAL})(?!\s+(?:ago|of\b))",
    ),
    _rule(
        "the_past_unit",
        r"(?P<lead>the\s+(?:past|last|next|coming|previous|following|first|latest)|this\s+past|over\s+the\s+past)\s+(?P<unit>week|month|year|decade|century|day|hour|quarter)(?!s)",
    ),
    _rule(
        "weekday",
        rf"(?:(?P<dir>last|this|next|this\s+past|this\s+coming|coming|the\s+following|the\s+previous|each|every)\s+)?(?:(?P<pos>early|late)(?:\s+on)?\s+)?(?P<wd>{WEEKDAY})"
        rf"(?:\s+(?P<part>{PART}))?",
    ),
    _rule(
        "day_word",
        rf"(?:(?P<pos>earlier|later|early|late)\s+)?(?P<day>{DAY_WORD})(?:\s+(?P<part>{PART}))?"
        r"|(?P<last_night>last\s+night)|(?:(?P<pos2>earlier|later|early|late)\s+)?(?P<this>this|that|the\s+same|the\s+next|the\s+following|the\s+previous)\s+(?P<part2>morning|afternoon|evening|night)"
        # "by mid-afternoon", "at mid-afternoon yesterday": that part of the day.
        r"|mid-?\s?(?P<part3>morning|afternoon)(?:\s+(?P<day3>yesterday|today|tomorrow))?",
    ),
    _rule(
        "that_period",
        r"(?:(?P<pos>earlier|later)\s+)?(?:that|the\s+same)\s+(?P<unit>year|month)(?![\w-])(?!\s+(?:old|ago)\b)",
    ),
    _rule("week_of", rf"the\s+week\s+of\s+(?P<month>{MONTH})\s+(?P<d>\d{{1,2}})\b"),
    _rule(
        "that_day",
        r"(?:(?P<pos>earlier|later)\s+)?(?P<which>that|the\s+same|the\s+next|the\s+following|the\s+previous|the\s+prior)\s+day",
    ),
    _rule(
        "set",
        rf"(?P<every>every|each)\s+(?:other\s+)?(?:(?P<wd>{WEEKDAY})|(?P<unit>day|week|month|year|quarter|hour|night|morning|evening|summer|winter|spring|fall|weekend))"
        rf"|(?P<adverb>daily|nightly|weekly|monthly|annually|yearly|hourly|biweekly)"
        rf"|(?P<count>once|twice|(?:{NUMBER})\s+times)\s+(?:a|an|per|every|each)\s+(?P<unit2>day|week|month|year|hour)",
    ),
    _rule(
        "holiday",
        r"(?P<name>christmas(?:\s+(?:day|eve))?|new\s+year's\s+(?:day|eve)|independence\s+day|thanksgiving(?:\s+day)?|valentine's\s+day|halloween|veterans\s+day|boxing\s+day|easter(?:\s+sunday)?|(?-i:Election\s+Day))",
    ),
    _rule("reference", _alt(lx.REFERENCE_WORDS_ALONE)),
    _rule(
        "reference_weak",
        _alt(set(lx.REFERENCE_WORDS) - lx.REFERENCE_WORDS_ALONE) + r"|current|recent|former|future",
        needs_signal=True,
    ),
)

RULES_BY_NAME: dict[str, Rule] = {r.name: r for r in RULES}


@dataclass(frozen=True)
class Candidate:
    """One grammar match in a text: where, which rule, and its groups."""

    start: int
    end: int
    rule: str
    groups: dict[str, str | None]

    @property
    def length(self) -> int:
        return self.end - self.start


def find_candidates(text: str) -> list[Candidate]:
    """Every match of every rule in ``text`` (overlapping; ``select`` picks among them)."""
    found: list[Candidate] = []
    for rule in RULES:
        for m in rule.pattern.finditer(text):
            if m.end() > m.start():
                found.append(Candidate(m.start(), m.end(), rule.name, m.groupdict()))
    return found


def select(candidates: list[Candidate]) -> list[Candidate]:
    """The longest non-overlapping candidates, earliest first on ties, in text order."""
    order = {r.name: i for i, r in enumerate(RULES)}
    taken: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (-c.length, c.start, order[c.rule])):
        if all(cand.end <= t.start or cand.start >= t.end for t in taken):
            taken.append(cand)
    return sorted(taken, key=lambda c: c.start)


def match_span(text: str) -> Candidate | None:
    """The rule that matches all of ``text`` (for normalizing a span found another way)."""
    best: Candidate | None = None
    for rule in RULES:
        m = rule.pattern.fullmatch(text.strip())
        if m:
            best = Candidate(0, len(text), rule.name, m.groupdict())
            break
    return best
