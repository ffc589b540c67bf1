from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import ClassVar

from limits import parse
from pydantic import Field, field_validator

from shared.settings import ServiceSettings


class ShareEnforcement(StrEnum):
    REFUSE = "refuse"  # an allocation that would break the industry share is refused (409)
    FLAG = "flag"  # it is recorded, flagged, and an at-risk event is published


class FundsSettings(ServiceSettings):
    """衔接资金和项目管理 — settings (env: XIANJIE_FUNDS_* then XIANJIE_*)."""

    component: ClassVar[str] = "funds"
    port: int = 8003

    # 单个项目投资 1000 万元及以上须经省级提级综合论证后方可入库 (2025 work plan).
    elevated_review_threshold: Decimal = Field(default=Decimal("10000000.00"), gt=0)
    # 中央衔接资金用于产业发展的比重不低于 70% (national floor 60%); used by allocation rules.
    central_industry_share_min: Decimal = Field(default=Decimal("0.70"), ge=0, le=1)
    industry_share_enforcement: ShareEnforcement = ShareEnforcement.REFUSE
    # 7 月、10 月、12 月重要时间节点 (seed); the disbursement targets are practice, configurable.
    checkpoint_targets: dict[int, Decimal] = Field(
        default={7: Decimal("0.50"), 10: Decimal("0.80"), 12: Decimal("1.00")}
    )
    # 小额信贷 (practice): 5 万元以下、3 年以内; overdue kept "at a reasonable level" (seed).
    # The 5 万 is per household: what it owes on all its loans together, the new one included.
    microcredit_max_amount: Decimal = Field(default=Decimal("50000.00"), gt=0)
    microcredit_max_term_months: int = Field(default=36, ge=1)
    microcredit_overdue_ratio_max: Decimal = Field(default=Decimal("0.02"), ge=0, le=1)
    # Public announcement listing: per client address (limits' syntax), in XIANJIE_RATE_LIMIT_STORAGE.
    public_rate_limit: str = "60/minute"
    # --- issue 13: funding stability ---
    # 保持资金投入规模总体稳定 (seed §四(十一)): a source's yearly total falling by more than this
    # share of the year before is flagged; 0 (practice) flags any fall.
    funding_fall_tolerance: Decimal = Field(default=Decimal("0"), ge=0, le=1)

    @field_validator("checkpoint_targets")
    @classmethod
    def _months_and_ratios(cls, targets: dict[int, Decimal]) -> dict[int, Decimal]:
        if not targets or any(not 1 <= m <= 12 or not 0 <= r <= 1 for m, r in targets.items()):
            raise ValueError("checkpoint_targets: months 1-12 mapped to ratios between 0 and 1")
        return targets

    @field_validator("public_rate_limit")
    @classmethod
    def _parsable_limit(cls, value: str) -> str:
        parse(value)  # raises ValueError on a malformed limit such as "60 per min"
        return value
