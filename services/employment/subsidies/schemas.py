from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar

from pydantic import BaseModel, Field

from services.employment.models import SubsidyKind
from shared.labels import label_of
from shared.schemas import InputModel, Money, OutputModel, PositiveMoney


class SubsidyCreate(InputModel):
    worker_id: uuid.UUID
    kind: SubsidyKind = Field(description="交通补贴 / 培训补贴 / 社保补贴")
    period_start: date = Field(description="补贴所属期间开始")
    period_end: date = Field(description="补贴所属期间结束（含）")
    amount: PositiveMoney = Field(description="金额（元）")
    granted_on: date = Field(description="发放日期")


class SubsidyOut(OutputModel):
    id: uuid.UUID
    worker_id: uuid.UUID
    town_code: str
    village_code: str
    kind: SubsidyKind
    period_start: date
    period_end: date
    amount: Money
    granted_on: date
    created_at: datetime
    updated_at: datetime

    kind_label: ClassVar[property] = label_of("kind")


class SubsidyTotal(BaseModel):
    town_code: str
    town_name: str | None
    kind: SubsidyKind
    kind_label: str
    count: int
    amount: Money


class SubsidyTotals(BaseModel):
    """按乡镇、补贴类型汇总（发放日期所在年度）."""

    year: int
    rows: list[SubsidyTotal]
    amount: Money = Field(description="合计")
