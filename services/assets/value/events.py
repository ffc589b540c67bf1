"""What a department acts on: a public-welfare asset whose use status changed (ids and codes only)."""

from __future__ import annotations

import uuid
from datetime import date

from services.assets.models import UseStatus
from shared.events.envelope import EventPayload, EventSpec


class UseStatusChanged(EventPayload):
    asset_id: uuid.UUID
    town_code: str
    village_code: str
    from_status: UseStatus
    to_status: UseStatus
    checked_on: date


# A road or water works found damaged is the 农业农村局's (or the town's) repair matter; one found
# idle enters the idle screening after ``not_in_use_months``.
USE_STATUS_CHANGED = EventSpec(
    service="assets",
    aggregate="asset",
    name="use_status_changed",
    payload=UseStatusChanged,
    summary="公益性资产使用状况变化 / a public-welfare asset's use status changed",
)

PUBLISHED = [USE_STATUS_CHANGED]
