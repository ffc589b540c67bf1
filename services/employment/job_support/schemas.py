from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import BaseModel

from services.employment.models import WorkerStatus


class JobSupportOut(BaseModel):
    """A household member listed for job support (就业帮扶), and whether they are placed yet."""

    id: uuid.UUID
    household_id: uuid.UUID
    member_id: uuid.UUID
    town_code: str
    village_code: str
    subtype: str
    risk_causes: list[str]
    included_on: date
    worker_id: uuid.UUID | None
    worker_status: WorkerStatus | None
    created_at: datetime
    updated_at: datetime
