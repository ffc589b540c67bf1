"""What the funds service announces about projects (ids, codes and amounts only)."""

from __future__ import annotations

import uuid

from shared.events.envelope import EventPayload, EventSpec
from shared.schemas import Money


class ProjectProposed(EventPayload):
    project_id: uuid.UUID
    town_code: str
    village_code: str | None
    category: str
    year: int
    planned_amount: Money
    requires_elevated_review: bool


PROJECT_PROPOSED = EventSpec(
    service="funds", aggregate="project", name="proposed", payload=ProjectProposed,
    summary="项目已申报入项目库 / a project was proposed to the library",
)

PUBLISHED = [PROJECT_PROPOSED]
