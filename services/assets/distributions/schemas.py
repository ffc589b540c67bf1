from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar

from pydantic import Field

from services.assets.models import (
    DecisionProcedure,
    DistributionShare,
    RevenueDistribution,
    RevenueUse,
)
from shared.labels import label_of
from shared.schemas import InputModel, Money, OutputModel, PositiveMoney


class ShareIn(InputModel):
    use: RevenueUse
    beneficiary: str = Field(
        min_length=1,
        max_length=200,
        description="受益对象（类别或岗位，不填个人姓名），如「村公益性岗位人员」",
    )
    beneficiary_count: int = Field(ge=0, le=100_000, description="受益人数（户数）")
    amount: PositiveMoney = Field(description="分配金额（元）")


class DistributionCreate(InputModel):
    asset_id: uuid.UUID
    decided_on: date = Field(description="决策日期")
    procedure: DecisionProcedure = Field(description="决策程序")
    approving_body: str = Field(min_length=1, max_length=200, description="决策（审批）机构，如 村民代表大会")
    decision_ref: str | None = Field(default=None, min_length=1, max_length=100, description="决议文号")
    total_amount: PositiveMoney = Field(description="分配总额（元）")
    shares: list[ShareIn] = Field(min_length=1, max_length=100, description="各项用途，合计须等于总额")


class ShareOut(OutputModel):
    id: uuid.UUID
    use: RevenueUse
    beneficiary: str
    beneficiary_count: int
    amount: Money

    use_label: ClassVar[property] = label_of("use")


class DistributionOut(OutputModel):
    id: uuid.UUID
    asset_id: uuid.UUID
    town_code: str
    village_code: str
    decided_on: date
    procedure: DecisionProcedure
    approving_body: str
    decision_ref: str | None
    total_amount: Money
    shares: list[ShareOut]
    actor: str
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, distribution: RevenueDistribution, shares: list[DistributionShare]) -> DistributionOut:
        return cls.model_validate(
            {
                **{c.key: getattr(distribution, c.key) for c in RevenueDistribution.__table__.columns},
                "shares": [ShareOut.model_validate(s) for s in shares],
            }
        )

    procedure_label: ClassVar[property] = label_of("procedure")
