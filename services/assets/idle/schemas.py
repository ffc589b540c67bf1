from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import ClassVar

from pydantic import Field

from services.assets.models import IdleAction, IdleFlag, IdleRule
from shared.labels import label_of
from shared.schemas import InputModel, Money, OutputModel, TownCode


class ScreeningRequest(InputModel):
    as_of: date | None = Field(default=None, description="筛查基准日（默认今天）；统计此前的整月")
    town_code: TownCode | None = Field(default=None, description="只筛查该镇（镇干部只能筛查本镇）")


class ScreeningResult(OutputModel):
    as_of: date
    flagged: int = Field(description="新标记的低效闲置资产")
    cleared: int = Field(description="不再符合规则而解除的标记")
    open: int = Field(description="筛查范围内现有的标记")


class ProposalIn(InputModel):
    proposed_action: IdleAction = Field(description="拟处置方式：盘活、改变用途、处置")
    action_note: str | None = Field(default=None, min_length=1, max_length=2000)


class IdleFlagOut(OutputModel):
    id: uuid.UUID
    asset_id: uuid.UUID
    asset_name: str
    asset_category: str
    asset_value: Money
    town_code: str
    village_code: str
    rule: IdleRule
    flagged_on: date
    measure: Decimal = Field(description="无收益月数，或平均利用率（0–1）")
    proposed_action: IdleAction | None
    action_note: str | None
    cleared_on: date | None
    version: int
    updated_at: datetime

    @classmethod
    def of(cls, flag: IdleFlag, asset_name: str, asset_category: str, asset_value: Decimal) -> IdleFlagOut:
        return cls.model_validate(
            {
                **{c.key: getattr(flag, c.key) for c in IdleFlag.__table__.columns},
                "asset_name": asset_name,
                "asset_category": asset_category,
                "asset_value": asset_value,
            }
        )

    rule_label: ClassVar[property] = label_of("rule")

    proposed_action_label: ClassVar[property] = label_of("proposed_action", optional=True)
