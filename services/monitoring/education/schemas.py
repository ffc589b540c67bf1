from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar

from pydantic import Field

from services.monitoring.models import (
    AidKind,
    DropoutOutcome,
    DropoutStatus,
    GraduateNextStep,
    Term,
    VocationalStatus,
)
from shared.labels import label_of
from shared.schemas import InputModel, Money, OutputModel, PositiveMoney


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


class AidIn(InputModel):
    member_id: uuid.UUID
    kind: AidKind
    amount: PositiveMoney = Field(description="资助金额（元）")
    school_year: int = Field(ge=2000, le=2100, description="学期所在年份")
    term: Term
    granted_on: date = Field(description="发放日期")


class AidOut(OutputModel):
    id: uuid.UUID
    household_id: uuid.UUID
    member_id: uuid.UUID
    kind: AidKind
    amount: Money
    school_year: int
    term: Term
    granted_on: date
    created_at: datetime

    kind_label: ClassVar[property] = label_of("kind")
    term_label: ClassVar[property] = label_of("term")


class VocationalIn(InputModel):
    member_id: uuid.UUID
    school: str = Field(min_length=1, max_length=200, description="就读学校")
    major: str = Field(min_length=1, max_length=200, description="专业")
    enrolled_on: date = Field(description="入学日期")


class VocationalEndIn(InputModel):
    status: VocationalStatus = Field(description="graduated 毕业 或 left 中途退学")
    ended_on: date
    next_step: GraduateNextStep | None = Field(default=None, description="毕业去向（毕业时必填）")
    next_step_note: str | None = Field(default=None, max_length=2000)


class VocationalOut(OutputModel):
    id: uuid.UUID
    household_id: uuid.UUID
    member_id: uuid.UUID
    town_code: str
    village_code: str
    school: str
    major: str
    enrolled_on: date
    status: VocationalStatus
    ended_on: date | None
    next_step: GraduateNextStep | None
    next_step_note: str | None
    version: int
    updated_at: datetime

    status_label: ClassVar[property] = label_of("status")
    next_step_label: ClassVar[property] = label_of("next_step", optional=True)
