"""Household workflow events: inclusion, risk elimination, safety-net marking (ids and codes only)."""

from __future__ import annotations

import uuid
from datetime import date

from shared.events.envelope import EventPayload, EventSpec


class HouseholdIncluded(EventPayload):
    household_id: uuid.UUID
    town_code: str
    village_code: str
    subtype: str
    risk_causes: list[str]
    included_on: date
    able_bodied_member_ids: list[uuid.UUID]


class RiskEliminated(EventPayload):
    household_id: uuid.UUID
    town_code: str
    village_code: str
    eliminated_on: date


class SafetyNetMarked(EventPayload):
    household_id: uuid.UUID
    town_code: str
    village_code: str
    marked_on: date


HOUSEHOLD_INCLUDED = EventSpec(
    service="monitoring",
    aggregate="household",
    name="included",
    payload=HouseholdIncluded,
    summary="农户纳入监测对象（附 16–59 岁有劳动能力成员，供就业帮扶）/ a household was included",
)
RISK_ELIMINATED = EventSpec(
    service="monitoring",
    aggregate="household",
    name="risk_eliminated",
    payload=RiskEliminated,
    summary="监测对象风险消除 / a monitored household's risk was eliminated",
)
SAFETY_NET_MARKED = EventSpec(
    service="monitoring",
    aggregate="household",
    name="safety_net_marked",
    payload=SafetyNetMarked,
    summary="标注为兜底保障户 / a monitored household was marked safety-net",
)

PUBLISHED = [HOUSEHOLD_INCLUDED, RISK_ELIMINATED, SAFETY_NET_MARKED]
