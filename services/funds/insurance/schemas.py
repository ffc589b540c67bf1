from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import Field

from shared.schemas import InputModel, Money, NonNegativeMoney, OutputModel, PositiveMoney


class InsurancePolicyCreate(InputModel):
    household_id: uuid.UUID = Field(description="监测服务中的农户（经本服务的农户投影核验）")
    insurer: str = Field(min_length=1, max_length=100, examples=["中国人寿济源分公司"])
    policy_number: str = Field(min_length=1, max_length=60)
    starts_on: date
    ends_on: date
    premium: NonNegativeMoney = Field(description="保费（元）")
    sum_insured: PositiveMoney = Field(description="保险金额（元）")


class InsurancePolicyOut(OutputModel):
    id: uuid.UUID
    household_id: uuid.UUID
    town_code: str
    village_code: str
    insurer: str
    policy_number: str
    starts_on: date
    ends_on: date
    premium: Money
    sum_insured: Money
    created_at: datetime
    updated_at: datetime
