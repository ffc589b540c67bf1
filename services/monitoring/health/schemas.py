from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import ClassVar

from pydantic import Field

from services.monitoring.models import InsuranceSubsidy
from shared.labels import label_of
from shared.schemas import InputModel, Money, NonNegativeMoney, OutputModel, PositiveMoney


class InsuranceIn(InputModel):
    insured: bool = Field(description="当年是否参加基本医疗保险（城乡居民医保或职工医保）")
    subsidy: InsuranceSubsidy = Field(default=InsuranceSubsidy.NONE, description="分类资助参保类别")
    subsidy_amount: NonNegativeMoney = Field(default=Decimal("0.00"), description="资助金额（元）")


class InsuranceOut(OutputModel):
    id: uuid.UUID
    household_id: uuid.UUID
    member_id: uuid.UUID
    year: int
    insured: bool
    subsidy: InsuranceSubsidy
    subsidy_amount: Money
    version: int
    updated_at: datetime

    subsidy_label: ClassVar[property] = label_of("subsidy")


class ExpenseIn(InputModel):
    member_id: uuid.UUID
    settled_on: date = Field(description="结算日期")
    total: PositiveMoney = Field(description="医疗总费用")
    basic_insurance_paid: NonNegativeMoney = Field(description="基本医保支付")
    serious_illness_paid: NonNegativeMoney = Field(description="大病保险支付")
    medical_assistance_paid: NonNegativeMoney = Field(description="医疗救助支付")


class ExpenseOut(OutputModel):
    id: uuid.UUID
    household_id: uuid.UUID
    member_id: uuid.UUID
    settled_on: date
    total: Money
    basic_insurance_paid: Money
    serious_illness_paid: Money
    medical_assistance_paid: Money
    out_of_pocket: Money = Field(description="个人自付 = 总费用 − 三重保障支付")
    out_of_pocket_share: Decimal = Field(description="个人自付占总费用比例（0–1）")
    created_at: datetime
