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
    kind: SubsidyKind = Field(description="交通补贴 / 培训补贴 / 社保补贴 / 税收优惠")
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
    reversed: bool = Field(description="已冲销（冲销记录见 /reversal）")
    created_at: datetime
    updated_at: datetime

    kind_label: ClassVar[property] = label_of("kind")


class SubsidyTotal(BaseModel):
    town_code: str
    town_name: str | None
    kind: SubsidyKind
    kind_label: str
    count: int = Field(description="未冲销的发放笔数")
    granted: Money = Field(description="发放金额")
    reversed: Money = Field(description="冲销金额")
    amount: Money = Field(description="净额 = 发放 − 冲销")


class SubsidyTotals(BaseModel):
    """按乡镇、补贴类型汇总（发放日期所在年度；冲销计入原发放年度）."""

    year: int
    rows: list[SubsidyTotal]
    amount: Money = Field(description="合计")


class SubsidyReversalCreate(InputModel):
    reason: str = Field(min_length=1, max_length=500, description="冲销原因（如 重复发放、对象不符）")
    reversed_on: date = Field(description="冲销日期")


class SubsidyReversalOut(OutputModel):
    id: uuid.UUID
    subsidy_id: uuid.UUID
    town_code: str
    village_code: str
    amount: Money = Field(description="冲销金额（原发放金额）")
    reason: str
    reversed_on: date
    created_at: datetime
