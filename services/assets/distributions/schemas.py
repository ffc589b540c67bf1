from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar

from pydantic import Field

from services.assets.models import (
    DecisionProcedure,
    DistributionReversal,
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
    revenue_year: int | None = Field(
        default=None,
        ge=2000,
        le=2100,
        description="收益所属年度（默认决策日期所在年度）；分配不得超过该年度登记的收益",
    )
    shares: list[ShareIn] = Field(min_length=1, max_length=100, description="各项用途，合计须等于总额")


class ShareOut(OutputModel):
    id: uuid.UUID
    use: RevenueUse
    beneficiary: str
    beneficiary_count: int
    amount: Money

    use_label: ClassVar[property] = label_of("use")


class ReversalIn(InputModel):
    """冲销: the compensating entry that voids a distribution; never an edit of it."""

    reversed_on: date = Field(description="冲销日期")
    reason: str = Field(min_length=1, max_length=2000, description="冲销理由")
    approved_by: str = Field(min_length=1, max_length=200, description="批准机构，如 村民代表大会、镇党委")
    approval_ref: str = Field(min_length=1, max_length=100, description="批准文号或决议编号")
    approved_on: date = Field(description="批准日期（不晚于冲销日期）")


class ReversalOut(OutputModel):
    id: uuid.UUID
    reversed_on: date
    reason: str
    approved_by: str
    approval_ref: str
    approved_on: date
    actor: str
    recorded_at: datetime


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
    revenue_year: int
    shares: list[ShareOut]
    reversal: ReversalOut | None = Field(default=None, description="冲销记录（已冲销的分配不再计入）")
    actor: str
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(
        cls,
        distribution: RevenueDistribution,
        shares: list[DistributionShare],
        reversal: DistributionReversal | None = None,
    ) -> DistributionOut:
        return cls.model_validate(
            {
                **{c.key: getattr(distribution, c.key) for c in RevenueDistribution.__table__.columns},
                "shares": [ShareOut.model_validate(s) for s in shares],
                "reversal": ReversalOut.model_validate(reversal) if reversal else None,
            }
        )

    procedure_label: ClassVar[property] = label_of("procedure")
