"""The monitoring event this area consumes (our own reading of the contract, not their package)."""

from __future__ import annotations

import uuid
from datetime import date

from shared.events.envelope import ConsumedEvent, EventReading


class HouseholdIncluded(EventReading):
    """Our reading of monitoring's ``household.included.v1``."""

    household_id: uuid.UUID
    town_code: str
    village_code: str
    subtype: str
    risk_causes: list[str]
    included_on: date
    able_bodied_member_ids: list[uuid.UUID]


HOUSEHOLD_INCLUDED = ConsumedEvent(
    service="monitoring", aggregate="household", name="included", payload=HouseholdIncluded
)
