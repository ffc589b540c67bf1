"""Housing events: a dangerous house (危房) found, for 住建 and the town to act on (ids and codes only)."""

from __future__ import annotations

import uuid
from datetime import date

from shared.events.envelope import EventPayload, EventSpec


class DangerousHouseFound(EventPayload):
    household_id: uuid.UUID
    town_code: str
    village_code: str
    appraisal_id: uuid.UUID
    renovation_case_id: uuid.UUID
    grade: str
    appraised_on: date


DANGEROUS_HOUSE_FOUND = EventSpec(
    service="monitoring",
    aggregate="housing",
    name="dangerous_found",
    payload=DangerousHouseFound,
    summary="鉴定为危房（C/D级），已立危房改造 / a dangerous house was found; a renovation case opened",
)

PUBLISHED = [DANGEROUS_HOUSE_FOUND]
