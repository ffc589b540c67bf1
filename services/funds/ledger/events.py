"""What the funds service announces about its funds (amounts and ratios, no names)."""

from __future__ import annotations

from decimal import Decimal

from shared.events.envelope import EventPayload, EventSpec
from shared.schemas import Money


class IndustryShareAtRisk(EventPayload):
    """An allocation of central funds broke the industry-share rule and was recorded flagged."""

    year: int
    central_amount: Money
    industry_allocated: Money
    non_industry_allocated: Money
    non_industry_limit: Money
    industry_share_min: Decimal


INDUSTRY_SHARE_AT_RISK = EventSpec(
    service="funds",
    aggregate="fund",
    name="industry_share_at_risk",
    payload=IndustryShareAtRisk,
    summary="中央衔接资金用于产业比重低于要求 / central funds' industry share rule is at risk",
)

PUBLISHED = [INDUSTRY_SHARE_AT_RISK]
