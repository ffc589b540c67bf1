"""Assistance events: a measure delivered (ids and codes only).

Departments act on a delivery — civil affairs' 低保/特困 (``qualifies_safety_net``) lets the town
mark the household 兜底保障户; a department that owns a measure closes its own follow-up."""

from __future__ import annotations

import uuid
from datetime import date

from shared.events.envelope import EventPayload, EventSpec


class MeasureDelivered(EventPayload):
    measure_id: uuid.UUID
    plan_id: uuid.UUID
    household_id: uuid.UUID
    town_code: str
    village_code: str
    member_id: uuid.UUID | None
    kind: str
    policy_code: str | None
    qualifies_safety_net: bool
    delivered_on: date


MEASURE_DELIVERED = EventSpec(
    service="monitoring",
    aggregate="measure",
    name="delivered",
    payload=MeasureDelivered,
    summary="帮扶措施已落实（低保、特困供养由民政部门登记）/ an assistance measure was delivered",
)

PUBLISHED = [MEASURE_DELIVERED]
