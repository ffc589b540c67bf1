from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from pydantic import Field

from shared.settings import ServiceSettings


class FundsSettings(ServiceSettings):
    """衔接资金和项目管理 — settings (env: XIANJIE_FUNDS_* then XIANJIE_*)."""

    component: ClassVar[str] = "funds"
    port: int = 8003

    # 单个项目投资 1000 万元及以上须经省级提级综合论证后方可入库 (2025 work plan).
    elevated_review_threshold: Decimal = Field(default=Decimal("10000000.00"), gt=0)
    # 中央衔接资金用于产业发展的比重不低于 70% (national floor 60%); used by allocation rules.
    central_industry_share_min: Decimal = Field(default=Decimal("0.70"), ge=0, le=1)
