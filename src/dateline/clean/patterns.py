"""The cleaning heuristics as data: boilerplate lines, datelines, agencies, credits, bylines, dates.

Control flow lives in the stage modules; what a stage looks for lives here, so a new pattern is a
one-line change with a test beside it.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string (easier to read and edit)."""
    return frozenset(text.split())


# ---------------------------------------------------------------- line repairs
# Image-size debris a wiki page leaves at a paragraph's start: "150px Airbus, Europe's biggest …".
WIKI_IMAGE_SIZE_RE = re.compile(r"^\d{2,4}px\s+(?=\S)")
# A space typed after the apostrophe of an Irish surname: "Michael O' Leary" is "O'Leary".
SPLIT_APOSTROPHE_NAME_RE = re.compile(r"\b(O['’]) (?=[A-Z][a-z])")

# ---------------------------------------------------------------- boilerplate lines
# A paragraph that matches one of these (anchored at its start, case-insensitive) and is short
# enough is page furniture, not reporting: share/follow/subscribe prompts, ads, "read more" teasers.
BOILERPLATE_MAX_CHARS = 160
BOILERPLATE_LINE_PATTERNS: tuple[str, ...] = (
    r"share (?:this|on|via|the|article|story|post)\b",
    r"share$",
    r"(?:tweet|pin|email|print|whatsapp|facebook|twitter|linkedin|reddit)(?: this)?(?: article| story)?$",
    r"follow (?:us|@|\w+ on)\b",
    r"follow\b.{0,80}\bon (?:facebook|twitter|instagram|x|linkedin|tiktok|youtube|threads|bluesky)\b",
    r"like us on facebook",
    r"click here\b",
    r"(?:sign up|subscribe|register)\b.{0,60}\b(?:newsletter|updates|alerts|emails?|free)\b",
    r"(?:get|receive) (?:our|the latest|breaking)\b.{0,80}\b(?:newsletter|inbox|alerts|emails?)\b",
    r"subscribe(?: now| today| here)?[.!]?$",
    r"(?:advertisement|advertising|sponsored(?: content)?|ad)$",
    r"story continues below",
    r"advertisement\s+continue reading\b",
    r"scroll (?:down|up) for\b",
    r"(?:enlarge this image|toggle caption)\b",
    r"keep up with\b.{0,60}\bsubscrib",
    # A photo credit alone on its line: "Jane Doe/AP", "John Roe/Getty Images".
    r"[\w.'’ -]{2,40}/(?:ap|reuters|afp|epa|getty images|bloomberg|shutterstock)(?: via getty images)?\.?$",
    r"(?:article )?continues? (?:below|after)\b",
    r"continue reading\b",
    r"read (?:more|also|next|the full story)\b\s*[:>»|-]?",
    r"(?:also read|see also|recommended|more from)\s*[:>»|-]",
    r"related(?: stories| articles| coverage| content| posts?| reading)?\s*[:>»|-]",
    r"(?:see|more)\s*(?:more)?\s*:",
    r"(?:you (?:may|might) also (?:like|enjoy)|don'?t miss|must read|editor'?s picks?)\b",
    r"like this (?:story|article|post)\b",
    r"tell us what you think\b",
    r"filed (?:under|in)\s*:",
    r"(?:related|recommended|trending)(?: (?:stories|articles|news|now))?$",
    r"most (?:read|popular|viewed|shared)\b[^.!?]{0,40}$",
    r"watch(?: now| live| the video)?\s*:",
    r"(?:download|get) (?:the|our) (?:\w+ )?app\b",
    r"(?:copyright|©|\(c\))\s*(?:\d{4}|the\b|by\b|[A-Z])",
    r"all rights reserved\.?$",
    r"this material may not be published, broadcast, rewritten,? or redistributed",
    r"skip to (?:main )?content",
    r"(?:comments?|leave a comment|\d+ comments?)$",
    r"(?:photo|image|video|file photo|caption)s?(?: credit| courtesy)?\s*:",
    r"the post\b.{1,120}\bappeared first on\b",
    r"\(?(?:getty images|ap photo|reuters/|afp via getty)[^)]{0,60}\)?$",
    r"(?:we use cookies|this (?:site|website) uses cookies)\b",
    r"(?:have a (?:news )?tip|got a (?:news )?tip|send us a tip)\b",
    r"(?:join|support) (?:our|us|the conversation)\b[^.?\"”]{0,60}$",
    r"(?:listen to|play) (?:this )?(?:article|story)\b",
    r"\d+ min(?:ute)? read$",
)

# Prompts that may sit after a lead-in ("There's more. Sign up for our newsletter"): searched anywhere
# in a short paragraph, not only at its start.
BOILERPLATE_ANYWHERE_PATTERNS: tuple[str, ...] = (
    r"\bsign up\b.{0,80}\bnewsletters?\b",
    r"\bsubscribe\b.{0,60}\bnewsletters?\b",
    r"\bshare (?:it|this)(?: story| article)? with a friend\b",
    r"\bnewsletters? (?:delivered )?(?:to|in) your inbox\b",
    r"\bread more\s*[»›>]?$",
)

# ---------------------------------------------------------------- datelines
# `WASHINGTON (AP) —`, `KYIV, Ukraine (AP) –`, `LONDON, May 19 (Reuters) -`, `NASHVILLE, Tenn. —`,
# `WASHINGTON —`, and the broken `WASHINGTON ()` left when a scraper drops the agency.
DATELINE_DASHES = r"(?:—|–|--|-|:)"
_CITY = r"[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3}"
_REGION = r"[A-Z][A-Za-z.'’\-]+(?: [A-Z][A-Za-z.'’\-]+){0,2}"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATELINE_RE = re.compile(
    rf"^(?P<place>{_CITY}(?:, {_REGION})?)"
    rf"(?:, (?P<date>{_MONTH} \d{{1,2}}))?"
    r"\s*(?:\((?P<agency>[^()]{0,40})\))?"
    rf"\s*(?P<dash>{DATELINE_DASHES})?(?:\s+|$)"
)
# A title-case place is only a dateline with an agency in parentheses: `Washington (AP) —`.
DATELINE_TITLECASE_RE = re.compile(
    rf"^(?P<place>{_REGION}(?:, {_REGION})?)"
    rf"(?:, (?P<date>{_MONTH} \d{{1,2}}))?"
    r"\s*\((?P<agency>[^()]{1,40})\)"
    rf"\s*(?P<dash>{DATELINE_DASHES})?(?:\s+|$)"
)
# `(CNN) —` with no place.
DATELINE_AGENCY_ONLY_RE = re.compile(rf"^\((?P<agency>[^()]{{1,40}})\)\s*(?P<dash>{DATELINE_DASHES})(?:\s+|$)")

# All-caps openers that are labels, not places: `UPDATE: ...`, `EDITOR’S NOTE — ...`.
DATELINE_NOT_PLACE_WORDS = _words(
    "UPDATE UPDATED BREAKING EXCLUSIVE WATCH ANALYSIS OPINION COMMENTARY CORRECTION CLARIFICATION NOTE LIVE "
    "VIDEO PHOTOS FILE SPONSORED ADVERTISEMENT WARNING ALERT"
)

# Words of a place that keep their case, or go lower-case inside a name, when title-casing.
PLACE_KEEP_UPPER = frozenset({"D.C.", "U.S.", "UK", "U.K.", "UAE", "DRC", "USA"})
PLACE_LOWER_PARTICLES = _words("au de du des la le les el es sur en of al")

# Agency names as they appear in datelines and credits → the normalized short name.
AGENCIES: dict[str, str] = {
    "ap": "AP",
    "the associated press": "AP",
    "associated press": "AP",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "upi": "UPI",
    "united press international": "UPI",
    "cnn": "CNN",
    "bloomberg": "Bloomberg",
    "dpa": "dpa",
    "xinhua": "Xinhua",
    "tass": "TASS",
    "efe": "EFE",
    "ansa": "ANSA",
    "kyodo": "Kyodo",
    "yonhap": "Yonhap",
    "pti": "PTI",
    "ians": "IANS",
    "ani": "ANI",
    "cp": "The Canadian Press",
    "the canadian press": "The Canadian Press",
    "aap": "AAP",
    "bbc": "BBC",
    "ukrinform": "Ukrinform",
    "interfax": "Interfax",
    "anadolu": "Anadolu",
}

# ---------------------------------------------------------------- credits
# "The Associated Press contributed to this report." → the organisation; people in the same line too.
CREDIT_LINE_RES: tuple[re.Pattern[str], ...] = (
    # Reuters: "(Reporting by X in Kyiv; Additional reporting by Y; Editing by Z)"
    re.compile(
        r"^\(?\s*(?:additional )?(?:reporting|writing|editing|compiled|research)(?: and \w+)? by\b.*$",
        re.IGNORECASE,
    ),
    # "... contributed to this report." / "... contributed reporting (from Kyiv)."
    re.compile(r"^(?P<who>.{3,300}?)\s+contributed(?: to)?(?: this| the)?(?: report(?:ing)?| story| article)\b.*$"),
    # "SOURCE: News agencies" (kept as written: it names a source, not always a person or an agency)
    re.compile(r"^source\s*:\s*(?P<source>[^.]{2,60})\.?$", re.IGNORECASE),
    # "— With files from The Canadian Press" / "With AFP"
    re.compile(r"^[—–-]?\s*with (?:files from |reporting from )?(?P<who>.{2,80}?)\.?$", re.IGNORECASE),
)
# Inside a Reuters-style credit: the role-by segments.
CREDIT_ROLE_RE = re.compile(
    r"(?:additional )?(?:reporting|writing|editing|compiled|research|graphics)(?: and \w+)? by\s+",
    re.IGNORECASE,
)
# Words that introduce a person inside a credit ("Associated Press writers Jane Doe and ...").
CREDIT_PERSON_LEADS = re.compile(
    r"^(?:the )?(?P<org>associated press|ap|reuters|afp|cnn|bloomberg)?\s*"
    r"(?:staff |news |video |photo |investigative )?(?:writers?|reporters?|correspondents?|journalists?|"
    r"producers?|researchers?)\s+",
    re.IGNORECASE,
)
# "X in Kyiv", "X from Moscow": drop the place.
CREDIT_PLACE_TAIL = re.compile(r"\s+(?:in|from|at)\s+[A-Z][\w.'’ -]*$")
# "Soyoung Kim SEOUL": a capitals-only place after a mixed-case name.
CREDIT_CAPS_PLACE_TAIL = re.compile(r"\s+[A-Z]{3,}(?: [A-Z]{3,})*$")

# ---------------------------------------------------------------- bylines
BYLINE_RE = re.compile(r"^(?:by|written by|story by)\s+(?P<who>.{2,160})$", re.IGNORECASE)
BYLINE_MAX_WORDS = 16
# Organisations that follow a byline name: "By JANE DOE, Associated Press", "By Jane Doe | CNN".
BYLINE_ORG_SEPARATORS = re.compile(r"\s*(?:,|\||/|\s[—–-]\s)\s*")
NAME_SPLIT_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)\s*")
# A person's name: 2–4 capitalised words, initials allowed ("Jane Doe", "J.D. Roe", "Mary-Ann O'Neil").
PERSON_NAME_RE = re.compile(
    r"^(?:[A-Z][\w'’.\-]*\.?)(?:\s+(?:(?:de|van|von|da|del|la|le|bin|al)\s+)?[A-Z][\w'’.\-]*){1,3}$"
)

# Author metadata that names a role or a desk, not a person ("AP National Political Writer", "Staff").
AUTHOR_ROLE_RE = re.compile(
    r"\b(?:writer|reporter|editor|correspondent|staff|contributor|desk|bureau|team|newsroom|admin|wire|news|"
    r"press|association|editorial|images?|photos?|view|author|published|updated|read|agency|media|online)s?\b|"
    r"\.com\b|\bwww\.|\d",
    re.IGNORECASE,
)
# "Mark Prigg For Dailymail.Com": the outlet after the name.
AUTHOR_OUTLET_TAIL = re.compile(r"\s+(?:for|of|at)\s+\S.*$", re.IGNORECASE)

# ---------------------------------------------------------------- publication-date lines
# "Published May 19, 2025 10:03 AM EDT", "Updated: 2025-05-19", "Posted on 19 May 2025".
DATE_LINE_RE = re.compile(
    r"^(?:(?:originally |first )?(?:published|posted|updated|last updated|modified|date)"
    r"(?: on| at)?\s*[:\-–—]?\s*)"
    r"(?P<when>.{6,80}?)\s*(?:\|.*)?$",
    re.IGNORECASE,
)
# A bare date line at the top ("May 19, 2025", "Monday, May 19, 2025 10:03 AM EDT").
BARE_DATE_LINE_RE = re.compile(
    rf"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?P<when>(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|"
    rf"\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})(?:[ ,T]+.{{0,24}})?)$"
)
# A time stamp line at the top that names no year ("Updated at 1:23 p.m."): furniture, though unusable.
UNDATED_STAMP_LINE_RE = re.compile(
    r"^(?:last )?(?:updated|published|posted)\b(?: on| at)?\s*:?\s*(?:\d{1,2}[:/.]\d{2}|\d{1,2}\s*[ap]\.?m\b|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d).{0,40}$",
    re.IGNORECASE,
)
YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
# How many leading paragraphs are searched for a date line, byline, title or dateline.
HEAD_PARAGRAPHS = 6

# ---------------------------------------------------------------- headline-like lines
# Titles and subheads: short, no sentence-final punctuation.
HEADLINE_MAX_WORDS = 18
HEADLINE_MAX_CHARS = 140
SUBHEAD_MAX_WORDS = 14
SUBHEAD_MIN_WORDS = 2
SENTENCE_END = (".", ",", ";", ":", "…")
# Headlines speak in the present tense: a line with "said" is a sentence cut short (a caption, a lead-in).
SUBHEAD_REJECT_RE = re.compile(r"\b(?:said|told|added|according to)\b", re.IGNORECASE)
QUOTE_END = ('"', "”", "’", "'", ")")
# A body paragraph: long enough to be prose.
BODY_MIN_WORDS = 8

# ---------------------------------------------------------------- language
# The most frequent English function words; news prose runs ~30–50 % of these.
ENGLISH_STOPWORDS = _words(
    """a about after against all also an and any are as at be because been before being between both
    but by can could did do does during each for from had has have he her here him his how i if in into
    is it its just may me more most my new no not now of on one only or other our out over said says she
    should so some than that the their them then there these they this those through to under up us
    very was we were what when where which while who will with would year you"""
)
# Other languages' function words: to name what the text is, not only what it is not.
OTHER_STOPWORDS: dict[str, frozenset[str]] = {
    "de": _words("der die das und ist nicht ein eine mit den dem auf für sich auch von zu im des sie es"),
    "fr": _words("le la les et est une des du dans pour que qui pas sur au avec il elle ce sont par"),
    "es": _words("el la los las y es una del en por que con para se no su al lo como más pero"),
    "it": _words("il la che di e è un una per non del della con sono gli le si da nel anche"),
    "pt": _words("o a os as e é um uma do da em para que com não se por mais dos das no na"),
    "nl": _words("de het een en is van dat op te in niet zijn met voor die ook aan er maar"),
    "id": _words("yang dan di ini itu dengan untuk tidak dari dalam akan pada juga kita ada bisa karena atau"),
    "tr": _words("bir ve bu da de için ile olarak daha çok gibi ama ne var kadar sonra olan"),
    "pl": _words("i w na nie z się że do to jest jak o po ale od za tak co"),
}
ENGLISH_MIN_RATIO = 0.18
# Below this, prose that reads as no language we know is still not English (Indonesian, Swahili…);
# between the two, list-heavy English (recipes, schedules) keeps the benefit of the doubt.
ENGLISH_FLOOR_RATIO = 0.09
LANGUAGE_MIN_WORDS = 12
# Box scores, tables and recipe lists have few function words in any language: only prose paragraphs
# (enough words, few numbers) are weighed for English.
PROSE_MIN_WORDS = 8
PROSE_MAX_NUMERIC = 0.2
