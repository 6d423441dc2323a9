"""Stable, greppable error codes for per-document failures.

A document that fails still gets its output line, with ``errors`` holding one of these codes.
"""

from __future__ import annotations

from enum import StrEnum

from dateline.schema import ErrorInfo


class Code(StrEnum):
    """Error codes; the message template says what went wrong."""

    E001_UNREADABLE = "E001"  # the path could not be opened or read
    E002_EMPTY = "E002"  # nothing but whitespace
    E003_BINARY = "E003"  # not text (an image, an archive…)
    E004_ENCODING = "E004"  # bytes that are not valid in any tried encoding (decoded with replacement)
    E005_TOO_LARGE = "E005"  # over the per-document size limit
    E006_NO_ARTICLE = "E006"  # HTML/feed item with no extractable article body
    E007_NOT_ENGLISH = "E007"  # the text is not English; NLP layers left empty
    E008_MALFORMED = "E008"  # a malformed record (a JSONL line that is not a JSON object…)
    E009_UNSUPPORTED = "E009"  # a file type dateline does not read
    E010_INTERNAL = "E010"  # a bug: an exception inside a stage; the batch goes on
    E011_NO_PUBLISHED = "E011"  # no publication time found: relative dates are left unresolved


MESSAGES: dict[Code, str] = {
    Code.E001_UNREADABLE: "[E001] cannot read {what}: {detail}",
    Code.E002_EMPTY: "[E002] empty document: {what}",
    Code.E003_BINARY: "[E003] binary, not text: {what} ({detail})",
    Code.E004_ENCODING: "[E004] invalid {detail} bytes in {what}; decoded with a fallback encoding",
    Code.E005_TOO_LARGE: "[E005] {what} is {detail}, over the per-document limit",
    Code.E006_NO_ARTICLE: "[E006] no article body found in {what}",
    Code.E007_NOT_ENGLISH: "[E007] {what} does not look like English ({detail}); NLP layers skipped",
    Code.E008_MALFORMED: "[E008] malformed record in {what}: {detail}",
    Code.E009_UNSUPPORTED: "[E009] unsupported input {what}: {detail}",
    Code.E010_INTERNAL: "[E010] internal error while processing {what}: {detail}",
    Code.E011_NO_PUBLISHED: (
        "[E011] no publication time for {what}: relative dates (Monday, last week…) are left"
        " unresolved; pass --published"
    ),
}

# Codes after which the document still has usable (if imperfect) text.
WARNINGS = frozenset({Code.E004_ENCODING, Code.E011_NO_PUBLISHED})


def error(code: Code, what: str, detail: str = "") -> ErrorInfo:
    """Build the output record for one error."""
    return ErrorInfo(code=code.value, message=MESSAGES[code].format(what=what, detail=detail))
