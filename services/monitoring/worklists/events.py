"""What the time-limit check announces (ids, codes and dates only)."""

from __future__ import annotations

import uuid
from datetime import date

from pydantic import Field

from shared.events.envelope import EventPayload, EventSpec


class IdentificationOverdue(EventPayload):
    household_id: uuid.UUID
    town_code: str = Field(description="乡镇代码（9 位）")
    village_code: str = Field(description="村代码（12 位）")
    case_started_on: date = Field(description="本次识别的首次预警日期")
    deadline: date = Field(description="时限内的最后一天")
    found_on: date = Field(description="发现超时限的日期")
    stage: str = Field(description="发现时所处环节（HouseholdStatus，如 town_review 镇级审核）")
    limit_days: int = Field(description="时限（天数）")
    working_days: bool = Field(description="时限按法定工作日计（否则按自然日）")


IDENTIFICATION_OVERDUE = EventSpec(
    service="monitoring",
    aggregate="identification",
    name="overdue",
    payload=IdentificationOverdue,
    summary="识别纳入超时限（每个案件一次）/ an identification passed its time limit (once per case)",
)

PUBLISHED = [IDENTIFICATION_OVERDUE]
