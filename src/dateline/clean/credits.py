"""Who is credited: contribution lines at the end (``The Associated Press contributed to this report.``,
``Reporting by X; Editing by Y``) and bylines at the top (``By Jane Doe and John Roe``)."""

from __future__ import annotations

from dateline.clean.patterns import (
    AGENCIES,
    AUTHOR_OUTLET_TAIL,
    AUTHOR_ROLE_RE,
    BYLINE_MAX_WORDS,
    BYLINE_ORG_SEPARATORS,
    BYLINE_RE,
    CREDIT_CAPS_PLACE_TAIL,
    CREDIT_LINE_RES,
    CREDIT_PERSON_LEADS,
    CREDIT_PLACE_TAIL,
    CREDIT_ROLE_RE,
    NAME_SPLIT_RE,
    PERSON_NAME_RE,
)

# Long agency names as credited in prose (the dateline uses the short form).
CREDIT_ORG_NAMES: dict[str, str] = {
    "ap": "Associated Press",
    "the associated press": "Associated Press",
    "associated press": "Associated Press",
    "reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
}


def _org_name(text: str) -> str | None:
    key = text.strip(" .,").lower()
    if key in CREDIT_ORG_NAMES:
        return CREDIT_ORG_NAMES[key]
    if key in AGENCIES:
        return AGENCIES[key]
    if key.startswith("the ") and key[4:] in AGENCIES:
        return AGENCIES[key[4:]]
    return None


def _person(text: str) -> str | None:
    name = CREDIT_PLACE_TAIL.sub("", text.strip(" .,;()")).strip(" .,;")
    if not name.isupper():
        name = CREDIT_CAPS_PLACE_TAIL.sub("", name)
    if not PERSON_NAME_RE.match(name):
        return None
    if name.isupper():
        name = " ".join(w.capitalize() if len(w) > 2 or not w.endswith(".") else w for w in name.split())
    return name


def _names(segment: str) -> list[str]:
    """Organisations and people named in one credit segment, in order."""
    out: list[str] = []
    segment = segment.strip(" .;()")
    org = _org_name(segment)
    if org:
        return [org]
    lead = CREDIT_PERSON_LEADS.match(segment)
    if lead:
        segment = segment[lead.end() :]
        if lead.group("org"):
            out.append(_org_name(lead.group("org")) or lead.group("org"))
    people: list[str] = []
    for part in NAME_SPLIT_RE.split(segment):
        org = _org_name(part)
        if org:
            out.append(org)
            continue
        person = _person(part)
        if person:
            people.append(person)
    return people + [o for o in out if o not in people]


def parse_credit_line(paragraph: str) -> list[str] | None:
    """The names credited by a contribution line, or None when the paragraph is not one."""
    text = paragraph.strip()
    if len(text) > 400:
        return None
    for pattern in CREDIT_LINE_RES:
        m = pattern.match(text)
        if not m:
            continue
        if m.groupdict().get("source"):
            return [m.group("source").strip()]
        who = m.groupdict().get("who")
        if who is None:  # "Reporting by X in Kyiv; Editing by Y"
            names: list[str] = []
            for segment in CREDIT_ROLE_RE.split(text.strip("()")):
                for name in _names(segment):
                    if name not in names:
                        names.append(name)
            return names or None
        names = _names(who)
        if names:
            return names
    return None


def parse_byline(paragraph: str) -> list[str] | None:
    """The people named by a byline (``By JANE DOE, Associated Press`` → ``Jane Doe``), or None."""
    m = BYLINE_RE.match(paragraph.strip())
    if not m or len(paragraph.split()) > BYLINE_MAX_WORDS:
        return None
    who = m.group("who").strip(" .")
    people: list[str] = []
    # "Jane Doe, Associated Press" / "Jane Doe | CNN": keep the people, drop the outlet.
    chunks = [c for c in BYLINE_ORG_SEPARATORS.split(who) if c]
    for chunk in chunks:
        for part in NAME_SPLIT_RE.split(chunk):
            part = part.strip()
            if not part or part.lower().startswith("and "):
                part = part[4:]
            person = _person(part)
            if person and _org_name(person) is None and person not in people:
                people.append(person)
    return people or None


def clean_authors(names: list[str]) -> list[str]:
    """Author metadata as people: ``STEVE PEOPLES`` → ``Steve Peoples``; roles and agencies dropped."""
    people: list[str] = []
    for raw in names:
        name = " ".join(raw.split()).strip(" ,;|")
        if name.lower().startswith("by "):
            name = name[3:].strip()
        name = AUTHOR_OUTLET_TAIL.sub("", name)
        if not name or AUTHOR_ROLE_RE.search(name) or _org_name(name):
            continue
        if name.isupper():
            name = _person(name) or name.title()
        if name not in people:
            people.append(name)
    return people
