"""What the craftsmen area announces: a title recognised, for the departments (人社、农业农村)
whose talent rolls and support follow it. Ids and codes only."""

from __future__ import annotations

import uuid
from datetime import date

from shared.events.envelope import EventPayload, EventSpec


class CraftsmanRecognised(EventPayload):
    craftsman_id: uuid.UUID
    worker_id: uuid.UUID
    town_code: str
    village_code: str
    level: str
    batch: int | None
    recognised_on: date


CRAFTSMAN_RECOGNISED = EventSpec(
    service="employment",
    aggregate="craftsman",
    name="recognised",
    payload=CraftsmanRecognised,
    summary="乡村工匠名师认定 / a craftsman was recognised as provincial or national master",
)
PUBLISHED = [CRAFTSMAN_RECOGNISED]
