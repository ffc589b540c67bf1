from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, ClassVar

from pydantic import Field, field_validator, model_validator

from services.assets.models import MaintenanceKind
from shared.labels import label_of
from shared.schemas import InputModel, Money, NonNegativeMoney, OutputModel

Kwh = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2, description="发电量（千瓦时）")]


class MaintenanceCreate(InputModel):
    kind: MaintenanceKind
    performed_on: date = Field(description="管护（或故障发生）日期")
    description: str = Field(min_length=1, max_length=2000)
    cost: NonNegativeMoney = Field(description="费用（元）")
    resolved_on: date | None = Field(default=None, description="故障排除日期")

    @model_validator(mode="after")
    def _resolved_after(self) -> MaintenanceCreate:
        if self.resolved_on is not None and self.resolved_on < self.performed_on:
            raise ValueError("排除日期不能早于发生日期 / resolved before it happened")
        return self


class MaintenanceOut(OutputModel):
    id: uuid.UUID
    asset_id: uuid.UUID
    kind: MaintenanceKind
    performed_on: date
    description: str
    cost: Money
    resolved_on: date | None
    actor: str
    created_at: datetime
    updated_at: datetime

    kind_label: ClassVar[property] = label_of("kind")


class PvStationIn(InputModel):
    # Below 10^8 (ten digits, two of them decimals, as the column keeps): a bound the document can
    # state, so a number with more digits than the column takes is refused by the schema too.
    capacity_kw: Decimal = Field(
        gt=0, lt=Decimal(10**8), max_digits=10, decimal_places=2, description="装机容量（千瓦）"
    )
    grid_connected_on: date | None = Field(default=None, description="并网日期")


class PvStationOut(OutputModel):
    asset_id: uuid.UUID
    capacity_kw: Decimal
    grid_connected_on: date | None
    version: int
    updated_at: datetime


class MonthlyCreate(InputModel):
    month: date = Field(description="月份（该月 1 日，如 2026-05-01）")
    revenue: NonNegativeMoney = Field(description="当月收益（元）")
    generation_kwh: Kwh | None = Field(default=None, description="当月发电量（光伏电站必填）")
    utilisation: Decimal | None = Field(
        default=None, ge=0, le=1, max_digits=5, decimal_places=4, description="利用率 0–1（如出租面积占比）"
    )

    @field_validator("month")
    @classmethod
    def _first_day(cls, value: date) -> date:
        if value.day != 1:
            raise ValueError("月份须写成该月 1 日 / use the first day of the month")
        return value


class MonthlyOut(OutputModel):
    id: uuid.UUID
    asset_id: uuid.UUID
    month: date
    revenue: Money
    generation_kwh: Decimal | None
    utilisation: Decimal | None
    actor: str
    created_at: datetime
    updated_at: datetime
