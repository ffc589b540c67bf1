from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar

from pydantic import Field

from services.monitoring.models import DropoutOutcome, DropoutStatus
from shared.labels import label_of
from shared.schemas import InputModel, OutputModel


class DropoutIn(InputModel):
    member_id: uuid.UUID
    opened_on: date = Field(description="发现辍学（立案）日期")
    reason: str = Field(min_length=1, max_length=2000, description="辍学情况")


class FollowUpIn(InputModel):
    followed_on: date = Field(description="劝返跟进日期")
    note: str = Field(min_length=1, max_length=2000, description="跟进情况")


class ClosureIn(InputModel):
    closed_on: date
    outcome: DropoutOutcome


class DropoutOut(OutputModel):
    id: uuid.UUID
    household_id: uuid.UUID
    member_id: uuid.UUID
    town_code: str
    village_code: str
    opened_on: date
    reason: str
    status: DropoutStatus
    follow_ups: int
    last_followed_on: date | None
    last_follow_up: str | None
    outcome: DropoutOutcome | None
    closed_on: date | None
    version: int
    updated_at: datetime

    status_label: ClassVar[property] = label_of("status")
    outcome_label: ClassVar[property] = label_of("outcome", optional=True)
