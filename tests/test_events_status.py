"""Event status from modality cues (data/event_status.json), one news pattern per test."""

from __future__ import annotations

import pytest

from dateline.schema import EventStatus
from event_helpers import annotate, event_at


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("Putin and Trump are scheduled to speak at 5 p.m.", "speak", EventStatus.planned),
        ("Trump also plans to speak with NATO leaders.", "speak", EventStatus.planned),
        ("The ministers will meet in Geneva.", "meet", EventStatus.planned),
        ("He hoped for a ceasefire in Gaza.", "ceasefire", EventStatus.proposed),
        ("France tabled a proposal for a ceasefire.", "ceasefire", EventStatus.proposed),
        ("Trump renewed his push for a ceasefire.", "ceasefire", EventStatus.proposed),
        ("The rebels have accepted an offer of a two-week ceasefire.", "ceasefire", EventStatus.agreed),
        ("Both sides agreed to an exchange of prisoners.", "exchange", EventStatus.agreed),
        ("Russia has yet to agree to the plan.", "agree", EventStatus.negated),
        ("The president did not meet the delegation.", "meet", EventStatus.negated),
        ("The army denied that it had attacked the village.", "attacked", EventStatus.negated),
        ("Such an attack would devastate the region.", "attack", EventStatus.hypothetical),
        ("If the talks fail, the rebels could attack the capital.", "attack", EventStatus.hypothetical),
        ("Rebels attacked the convoy on Sunday.", "attacked", EventStatus.occurred),
    ],
)
def test_status_from_modality(text: str, trigger: str, status: EventStatus) -> None:
    assert event_at(annotate(text), trigger).status is status


def test_agree_event_itself_occurred_while_its_object_is_agreed() -> None:
    state = annotate("Both sides agreed to an exchange of prisoners.")
    assert event_at(state, "agreed").status is EventStatus.occurred
