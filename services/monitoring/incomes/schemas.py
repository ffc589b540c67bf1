from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from pydantic import Field

from shared.schemas import InputModel, Money, NonNegativeMoney, OutputModel, PositiveMoney


class IncomeIn(InputModel):
    wages: NonNegativeMoney = Field(description="工资性收入")
    business: NonNegativeMoney = Field(description="生产经营性收入")
    property: NonNegativeMoney = Field(description="财产性收入")
    transfers: NonNegativeMoney = Field(description="转移性收入")
    business_costs: NonNegativeMoney = Field(description="生产经营性支出")
    rigid_expenses: NonNegativeMoney = Field(
        default=Decimal("0.00"), description="大额刚性支出（医疗、教育等）"
    )


class IncomeOut(OutputModel):
    id: uuid.UUID
    household_id: uuid.UUID
    year: int
    wages: Money
    business: Money
    property: Money
    transfers: Money
    business_costs: Money
    rigid_expenses: Money
    net_income: Money = Field(description="家庭纯收入 = 四项收入 − 生产经营性支出")
    per_capita_net_income: Money = Field(description="人均纯收入 = 纯收入 ÷ 家庭人口数")
    monitoring_line: Money | None = Field(description="当年监测线（未设定时为空）")
    below_line: bool | None
    version: int
    updated_at: datetime


class LineIn(InputModel):
    amount: PositiveMoney = Field(description="监测线（元/人·年）")


class LineOut(OutputModel):
    year: int
    amount: Money
    version: int
    updated_at: datetime
