"""Words of the temporal grammar, as data: months, weekdays, numbers, units, seasons, references.

The grammar (``grammar.py``) builds its regular expressions from these tables and the normalizer
(``normalize.py``) reads their values; changing what a word means is a change here only.
"""

from __future__ import annotations

# Surface form (lower case, without a final period) → month number.
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

# Surface form → ISO weekday (Monday = 1).
WEEKDAYS: dict[str, int] = {
    "monday": 1, "mon": 1, "tuesday": 2, "tues": 2, "tue": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thurs": 4, "thu": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}  # fmt: skip

# Abbreviations that are also ordinary words are only taken with their period ("Sat." not "sat").
AMBIGUOUS_ABBREVIATIONS: frozenset[str] = frozenset({"mar", "may", "sat", "sun", "wed", "mon", "jun", "jan"})

# Words after which "May" is the month, not the verb ("in May", "last May", "by May").
MAY_LEADS: tuple[str, ...] = (
    "in", "since", "until", "till", "by", "from", "through", "during", "before", "after",
    "last", "next", "this", "early", "late", "mid-", "mid",
)  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a dozen": 12, "dozen": 12,
    "a couple of": 2, "a couple": 2, "couple of": 2, "half a": 0,
}  # fmt: skip

# Quantities that say "some number": the value gets an X ("PXY").
VAGUE_QUANTITIES: frozenset[str] = frozenset(
    {
        "several",
        "a few",
        "few",
        "many",
        "some",
        "a number of",
        "numerous",
        "recent",
        "the past few",
        "the last few",
        "the next few",
        "the past several",
        "countless",
    }
)

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4, "last": 4,
}  # fmt: skip

# Unit word (singular) → (TIMEX3 duration letter, is a clock unit, the granularity for dates).
UNITS: dict[str, tuple[str, bool, str]] = {
    "second": ("S", True, "second"),
    "minute": ("M", True, "minute"),
    "hour": ("H", True, "hour"),
    "day": ("D", False, "day"),
    "night": ("D", False, "day"),
    "week": ("W", False, "week"),
    "weekend": ("WE", False, "weekend"),
    "month": ("M", False, "month"),
    "quarter": ("Q", False, "quarter"),
    "year": ("Y", False, "year"),
    "decade": ("DE", False, "decade"),
    "century": ("CE", False, "century"),
}

UNIT_PLURALS: dict[str, str] = {
    "seconds": "second", "minutes": "minute", "hours": "hour", "days": "day", "nights": "night",
    "weeks": "week", "weekends": "weekend", "months": "month", "quarters": "quarter",
    "years": "year", "decades": "decade", "centuries": "century",
}  # fmt: skip

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

# First month of each season (northern hemisphere, meteorological); winter starts in December.
SEASON_START_MONTH: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}

# Words that refer to the present, the past or the future without a date (TIMEX3 *_REF).
REFERENCE_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "at present": "PRESENT_REF", "presently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at the moment": "PRESENT_REF", "the present": "PRESENT_REF",
    "at this time": "PRESENT_REF", "at this point": "PRESENT_REF", "so far": "PRESENT_REF",
    "to date": "PRESENT_REF", "the moment": "PRESENT_REF", "immediately": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "formerly": "PAST_REF",
    "earlier": "PAST_REF", "the past": "PAST_REF",
    "recent years": "PAST_REF", "recent months": "PAST_REF", "recent weeks": "PAST_REF",
    "recent days": "PAST_REF", "the future": "FUTURE_REF",
    "someday": "FUTURE_REF",
    "eventually": "FUTURE_REF", "later": "FUTURE_REF", "the near future": "FUTURE_REF",
    "current": "PRESENT_REF", "recent": "PAST_REF", "future": "FUTURE_REF", "the short term": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the long term": "FUTURE_REF",
    # "in the coming weeks": an unspecified stretch ahead, as TimeML codes it (FUTURE_REF).
    "coming days": "FUTURE_REF", "coming weeks": "FUTURE_REF", "coming months": "FUTURE_REF",
    "coming quarters": "FUTURE_REF", "coming years": "FUTURE_REF", "the coming days": "FUTURE_REF",
    "the coming weeks": "FUTURE_REF", "the coming months": "FUTURE_REF",
    "the coming quarters": "FUTURE_REF", "the coming years": "FUTURE_REF",
}  # fmt: skip

# The subset of REFERENCE_WORDS the grammar takes on its own; the rest need a stronger signal
# (spaCy's DATE label) because they are often not temporal in the news ("once", "earlier").
REFERENCE_WORDS_ALONE: frozenset[str] = frozenset(
    {
        "now",
        "right now",
        "currently",
        "at present",
        "presently",
        "nowadays",
        "these days",
        "recently",
        "lately",
        "formerly",
        "the past",
        "the future",
        "current",
        "recent",
        "the near future",
        "recent years",
        "recent months",
        "recent weeks",
        "recent days",
        "the near term",
        "the short term",
        "the long term",
        "coming days",
        "coming weeks",
        "coming months",
        "coming quarters",
        "coming years",
        "the coming days",
        "the coming weeks",
        "the coming months",
        "the coming quarters",
        "the coming years",
    }
)

# Day words relative to the reference day.
DAY_OFFSETS: dict[str, int] = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}

# "last week", "next month": direction words → step; "this" is 0.
DIRECTIONS: dict[str, int] = {
    "last": -1, "past": -1, "previous": -1, "preceding": -1, "prior": -1,
    "this": 0, "current": 0, "present": 0, "the current": 0, "the present": 0,
    "next": 1, "coming": 1, "the coming": 1, "the next": 1, "upcoming": 1, "following": 1,
    "the following": 1, "the previous": -1, "the last": -1, "the past": -1, "the preceding": -1,
    "the prior": -1,
}  # fmt: skip

# Words after a count of units that make it a point in time ("three years ago").
AGO_WORDS: dict[str, int] = {
    "ago": -1,
    "earlier": -1,
    "before": -1,
    "back": -1,
    "later": 1,
    "from now": 1,
    "hence": 1,
    "after": 1,
    "on": 1,
}

# Modifiers of a whole expression: TIMEX3 ``mod``; we keep them inside the extent.
FUZZY_PREFIXES: tuple[str, ...] = (
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "some",
    "at least",
    "more than",
    "less than",
    "fewer than",
    "over",
    "under",
    "up to",
    "just over",
    "just under",
    "only",
    "barely",
    "well over",
    "at most",
    "a full",
    "the full",
    "the entire",
    "an entire",
    "just",
)

# "early March", "mid-2022", "the end of the year": kept in the extent, the value is the whole.
POSITION_PREFIXES: tuple[str, ...] = (
    "early",
    "late",
    "mid",
    "mid-",
    "the middle of",
    "the end of",
    "the beginning of",
    "the start of",
    "the first half of",
    "the second half of",
    "the latter part of",
)

# "daily", "every Monday": recurring (TIMEX3 SET) values.
SET_WORDS: dict[str, str] = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
    "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "biweekly": "P2W",
    "every day": "P1D", "each day": "P1D", "every week": "P1W", "each week": "P1W",
    "every month": "P1M", "each month": "P1M", "every year": "P1Y", "each year": "P1Y",
    "a year": "P1Y", "per year": "P1Y", "a day": "P1D", "per day": "P1D", "a month": "P1M",
    "a week": "P1W", "per month": "P1M", "per week": "P1W", "every night": "P1D",
    "every quarter": "P1Q", "each quarter": "P1Q", "every hour": "PT1H", "an hour": "PT1H",
    "per hour": "PT1H",
}  # fmt: skip

# "the nineties": a decade of the 1900s by its word (only after "the": "in their forties" is an age).
DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip

# Spelled-out years in transcripts: "nineteen ninety-six", "the year two thousand".
SPELLED_CENTURIES: dict[str, int] = {"nineteen": 1900, "eighteen": 1800, "two thousand": 2000, "twenty": 2000}

# Named holidays with a fixed date (month, day).
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
    "valentine's day": (2, 14), "halloween": (10, 31), "veterans day": (11, 11),
    "boxing day": (12, 26), "bastille day": (7, 14),
}  # fmt: skip
