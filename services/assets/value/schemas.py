from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import ClassVar

from pydantic import Field

from services.assets.models import UseStatus, ValuationKind
from shared.labels import label_of
from shared.schemas import InputModel, Money, NonNegativeMoney, OutputModel


class ValuationIn(InputModel):
    kind: ValuationKind = Field(description="计提折旧（账面价值只降不升）或资产评估（须附评估报告文号）")
    valued_on: date = Field(description="计提或评估基准日")
    book_value: NonNegativeMoney = Field(description="本次之后的账面价值（元）")
    basis: str = Field(min_length=1, max_length=2000, description="依据，如 年限平均法、20年、残值率5%")
    appraisal_ref: str | None = Field(default=None, min_length=1, max_length=100, description="评估报告文号")


class ValuationOut(OutputModel):
    id: uuid.UUID
    asset_id: uuid.UUID
    kind: ValuationKind
    valued_on: date
    book_value_before: Money
    book_value: Money
    basis: str
    appraisal_ref: str | None
    actor: str
    recorded_at: datetime

    kind_label: ClassVar[property] = label_of("kind")


class BookValueOut(OutputModel):
    asset_id: uuid.UUID
    original_value: Money = Field(description="入账价值（登记的资产价值）")
    book_value: Money = Field(description="当前账面价值（最近一次折旧或评估后；无记录时为入账价值）")
    valuations: list[ValuationOut]


class UseCheckIn(InputModel):
    checked_on: date = Field(description="核查日期")
    use_status: UseStatus = Field(description="使用状况：正常使用、闲置、损毁")
    note: str | None = Field(default=None, min_length=1, max_length=2000)


class UseCheckOut(OutputModel):
    id: uuid.UUID
    asset_id: uuid.UUID
    checked_on: date
    use_status: UseStatus
    note: str | None
    actor: str
    recorded_at: datetime

    use_status_label: ClassVar[property] = label_of("use_status")


class ScheduleYear(OutputModel):
    year: int
    months: int = Field(description="当年计提月数")
    depreciation: Money
    accumulated: Money = Field(description="累计折旧")
    book_value: Money = Field(description="年末账面价值")


class DepreciationSchedule(OutputModel):
    asset_id: uuid.UUID
    method: str = Field(description="年限平均法")
    original_value: Money
    useful_life_years: int
    residual_rate: Decimal
    years: list[ScheduleYear]
