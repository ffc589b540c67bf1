from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import BaseModel, Field

from shared.schemas import (
    InputModel,
    Money,
    NonNegativeMoney,
    OutputModel,
    PositiveMoney,
    TownCode,
    VillageCode,
)


class PostCreate(InputModel):
    town_code: TownCode
    village_code: VillageCode
    title: str = Field(min_length=1, max_length=100, description="岗位名称，如 保洁员、护林员、安全巡查员")
    monthly_allowance: NonNegativeMoney = Field(description="月补贴（元）")


class PostOut(OutputModel):
    id: uuid.UUID
    town_code: str
    village_code: str
    title: str
    monthly_allowance: Money
    created_at: datetime
    updated_at: datetime


class HoldingCreate(InputModel):
    worker_id: uuid.UUID
    started_on: date


class HoldingEnd(InputModel):
    ended_on: date = Field(description="最后在岗日")


class HoldingOut(OutputModel):
    id: uuid.UUID
    post_id: uuid.UUID
    worker_id: uuid.UUID
    started_on: date
    ended_on: date | None


class TownHeadcount(BaseModel):
    town_code: str
    town_name: str | None
    posts: int
    baseline: int = Field(description="当年 1 月 1 日在岗人数（稳定基数）")
    holders: int = Field(description="统计日在岗人数")
    change_percent: float | None = Field(description="相对基数的变化（%）")
    stable: bool


class HeadcountReport(BaseModel):
    """乡村公益性岗位规模：在岗人数与年初稳定基数对比."""

    as_of: date
    baseline_on: date
    tolerance_percent: int
    towns: list[TownHeadcount]
    baseline: int
    holders: int
    stable: bool


class AllowanceCreate(InputModel):
    holding_id: uuid.UUID = Field(description="在岗记录编号（领取人）")
    month: str = Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="补贴月份（YYYY-MM）")
    amount: PositiveMoney = Field(description="发放金额（元），不超过岗位月补贴")
    paid_on: date = Field(description="发放日期")


class AllowanceOut(OutputModel):
    id: uuid.UUID
    holding_id: uuid.UUID
    post_id: uuid.UUID
    worker_id: uuid.UUID
    month: date
    amount: Money
    paid_on: date
    created_at: datetime
