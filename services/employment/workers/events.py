"""What the employment service announces about workers (ids and codes only, no personal data)."""

from __future__ import annotations

import uuid
from datetime import date

from shared.events.envelope import EventPayload, EventSpec


class WorkerRegistered(EventPayload):
    worker_id: uuid.UUID
    household_id: uuid.UUID
    member_id: uuid.UUID
    town_code: str
    village_code: str
    status: str
    place: str | None


class WorkerUnemployed(EventPayload):
    """Contract read by monitoring (alerts): keep these fields and their meaning stable in v1."""

    worker_id: uuid.UUID
    household_id: uuid.UUID
    town_code: str
    village_code: str
    ended_on: date


WORKER_REGISTERED = EventSpec(
    service="employment",
    aggregate="worker",
    name="registered",
    payload=WorkerRegistered,
    summary="务工人员已登记 / a worker was registered",
)
WORKER_UNEMPLOYED = EventSpec(
    service="employment",
    aggregate="worker",
    name="unemployed",
    payload=WorkerUnemployed,
    summary="务工人员失业（监测服务据此预警）/ a worker lost employment",
)

PUBLISHED = [WORKER_REGISTERED, WORKER_UNEMPLOYED]
