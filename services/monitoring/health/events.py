"""Health events: a member found without basic medical insurance (a 三保障 gap for 医保 to close)."""

from __future__ import annotations

import uuid

from shared.events.envelope import EventPayload, EventSpec


class InsuranceGapFound(EventPayload):
    household_id: uuid.UUID
    member_id: uuid.UUID
    town_code: str
    village_code: str
    year: int


INSURANCE_GAP_FOUND = EventSpec(
    service="monitoring",
    aggregate="insurance",
    name="gap_found",
    payload=InsuranceGapFound,
    summary="成员当年未参加基本医疗保险 / a member is without basic medical insurance this year",
)

PUBLISHED = [INSURANCE_GAP_FOUND]
