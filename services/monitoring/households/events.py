from __future__ import annotations

import uuid

from shared.events.envelope import EventPayload, EventSpec


class HouseholdRegistered(EventPayload):
    household_id: uuid.UUID
    town_code: str
    village_code: str
    kind: str


HOUSEHOLD_REGISTERED = EventSpec(
    service="monitoring",
    aggregate="household",
    name="registered",
    payload=HouseholdRegistered,
    summary="农户已登记 / a household was registered",
)

PUBLISHED = [HOUSEHOLD_REGISTERED]
