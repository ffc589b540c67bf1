from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import ClassVar

from pydantic import Field

from services.funds.models import FundSource
from shared.labels import label_of
from shared.schemas import InputModel, Money, OutputModel, PositiveMoney

Ratio = Decimal  # a share between 0 and 1, four places, as a decimal string in JSON


class FundCreate(InputModel):
    year: int = Field(ge=2000, le=2100)
    source: FundSource
    name: str = Field(
        min_length=1, max_length=200, description="资金名称或文号", examples=["济财农〔2025〕12号"]
    )
    amount: PositiveMoney = Field(description="资金规模（元）")


class FundUpdate(InputModel):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    amount: PositiveMoney | None = None


class FundOut(OutputModel):
    id: uuid.UUID
    year: int
    source: FundSource
    name: str
    amount: Money
    allocated: Money
    paid: Money
    version: int
    created_at: datetime
    updated_at: datetime

    source_label: ClassVar[property] = label_of("source")


class AllocationCreate(InputModel):
    project_id: uuid.UUID
    amount: PositiveMoney = Field(description="安排金额（元）")


class AllocationOut(OutputModel):
    id: uuid.UUID
    fund_id: uuid.UUID
    project_id: uuid.UUID
    amount: Money
    paid: Money
    industry_share_flagged: bool = Field(description="突破中央资金产业占比要求（按配置记录并预警）")
    corrects_id: uuid.UUID | None = Field(default=None, description="冲正分录：所冲正的原资金安排")
    reversed: Money = Field(default=Decimal(0), description="已被冲正的金额")
    created_at: datetime
    updated_at: datetime


class PaymentCreate(InputModel):
    allocation_id: uuid.UUID
    amount: PositiveMoney = Field(description="支付金额（元）")
    paid_on: date
    voucher: str = Field(min_length=1, max_length=100, description="支付凭证号")


class PaymentOut(OutputModel):
    id: uuid.UUID
    allocation_id: uuid.UUID
    project_id: uuid.UUID
    fund_id: uuid.UUID
    amount: Money
    paid_on: date
    voucher: str
    corrects_id: uuid.UUID | None = Field(default=None, description="冲正分录：所冲正的原支付")
    reversed: Money = Field(default=Decimal(0), description="已被冲正的金额")
    created_at: datetime
    updated_at: datetime


class IndustryShare(OutputModel):
    """中央衔接资金用于产业的比重（实时）."""

    year: int
    central_amount: Money = Field(description="中央衔接资金规模")
    industry_allocated: Money = Field(description="已安排到产业项目")
    non_industry_allocated: Money = Field(description="已安排到非产业项目")
    industry_share_of_allocated: Ratio | None = Field(description="已安排资金中产业占比")
    industry_share_min: Ratio = Field(description="产业占比下限")
    non_industry_limit: Money = Field(description="非产业项目可安排上限 = 规模 ×（1 − 下限）")
    non_industry_headroom: Money = Field(description="非产业项目尚可安排")
    at_risk: bool
