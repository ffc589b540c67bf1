"""Drinking-water events: a household found without safe water (for 水利 and the town), and our
reading of funds' ``project.approved`` (the projects a water site may name)."""

from __future__ import annotations

import uuid
from datetime import date

from shared.events.envelope import ConsumedEvent, EventPayload, EventReading, EventSpec


class UnsafeWaterFound(EventPayload):
    household_id: uuid.UUID
    town_code: str
    village_code: str
    check_id: uuid.UUID
    checked_on: date


UNSAFE_WATER_FOUND = EventSpec(
    service="monitoring",
    aggregate="water",
    name="unsafe_found",
    payload=UnsafeWaterFound,
    summary="走访核查发现农户饮水不安全 / a household was found without safe drinking water",
)

PUBLISHED = [UNSAFE_WATER_FOUND]


class ProjectApproved(EventReading):
    """Our reading of funds' ``project.approved.v1`` (our own copy of the contract)."""

    project_id: uuid.UUID
    town_code: str
    village_code: str | None
    category: str
    year: int


PROJECT_APPROVED = ConsumedEvent(
    service="funds", aggregate="project", name="approved", payload=ProjectApproved
)
