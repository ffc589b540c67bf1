"""收益分配: a decision on an operating asset's revenue, split among uses that add up exactly.

The split is checked here (Decimal, to the fen) and again by a deferred constraint trigger in the
database, so no path can leave a distribution whose shares differ from its total.
Who may record: the ledger's writers inside their territory; readers as for the ledger
(services/assets/access.py).
"""

from __future__ import annotations

from decimal import Decimal

from services.assets.access import visible_asset
from services.assets.distributions import repository
from services.assets.distributions.events import (
    DISTRIBUTION_DECIDED,
    DISTRIBUTION_REVERSED,
    DistributedShare,
    DistributionDecided,
    DistributionReversed,
)
from services.assets.distributions.schemas import DistributionCreate, ReversalIn
from services.assets.models import AssetStatus, DistributionReversal, DistributionShare, RevenueDistribution
from shared.context import RequestContext
from shared.errors import AppError, Conflict, InvalidTransition, ValidationFailed

# Revenue comes from running the asset; a disposed or not yet handed-over asset has none to share.
DISTRIBUTING = frozenset({AssetStatus.HANDED_OVER, AssetStatus.IN_OPERATION})


class SplitMismatch(AppError):
    status, code, title_zh, title_en = (
        422,
        "split_mismatch",
        "分配明细合计与分配总额不符",
        "Shares do not add up",
    )


class ExceedsRevenue(AppError):
    status, code, title_zh, title_en = (
        422,
        "exceeds_recorded_revenue",
        "分配总额超过该年度登记的资产收益",
        "Distribution exceeds the recorded revenue",
    )


def check_split(total: Decimal, amounts: list[Decimal]) -> None:
    shared = sum(amounts, Decimal("0"))
    if shared != total:
        raise SplitMismatch(
            f"各项分配合计 {shared:.2f} 元，与分配总额 {total:.2f} 元相差 {total - shared:.2f} 元",
            f"shares add up to {shared:.2f}, total is {total:.2f}",
            total_amount=f"{total:.2f}",
            shares_sum=f"{shared:.2f}",
        )


async def decide(
    ctx: RequestContext, data: DistributionCreate
) -> tuple[RevenueDistribution, list[DistributionShare]]:
    asset = await visible_asset(ctx, data.asset_id, for_update=True)
    if asset.status not in DISTRIBUTING:
        raise InvalidTransition(
            f"资产当前状态为「{asset.status.label}」，不能分配收益",
            f"an asset that is {asset.status.value} has no revenue to distribute",
        )
    check_split(data.total_amount, [s.amount for s in data.shares])
    revenue_year = data.revenue_year or data.decided_on.year
    if not 2000 <= revenue_year <= 2100:  # CHECK revenue_year_range
        raise ValidationFailed("decided_on", "决策日期应在 2000–2100 年间", "decided_on out of range")
    # The asset is locked (above): no other decision on it can slip in between this sum and the
    # insert; the trigger distribution_within_revenue checks the same in the database.
    earned, shared = await repository.revenue_and_shared(ctx.session, asset.id, revenue_year)
    if shared + data.total_amount > earned:
        raise ExceedsRevenue(
            f"{revenue_year} 年登记收益 {earned:.2f} 元，已分配 {shared:.2f} 元，"
            f"本次最多可分配 {max(earned - shared, Decimal(0)):.2f} 元",
            f"{revenue_year}: revenue {earned:.2f}, already distributed {shared:.2f}",
            revenue_year=revenue_year,
            recorded_revenue=f"{earned:.2f}",
            already_distributed=f"{shared:.2f}",
        )
    distribution = RevenueDistribution(
        **data.model_dump(exclude={"shares", "revenue_year"}),
        revenue_year=revenue_year,
        town_code=asset.town_code,
        village_code=asset.village_code,
        actor=ctx.principal.subject,
    )
    ctx.session.add(distribution)
    await ctx.session.flush()
    shares = [
        DistributionShare(distribution_id=distribution.id, position=i, **s.model_dump())
        for i, s in enumerate(data.shares)
    ]
    ctx.session.add_all(shares)
    await ctx.session.flush()
    await ctx.audit("create", "revenue_distribution", distribution.id, data.model_dump())
    await ctx.publish(DISTRIBUTION_DECIDED, distribution.id, decided(distribution, shares))
    return distribution, shares


def decided(distribution: RevenueDistribution, shares: list[DistributionShare]) -> DistributionDecided:
    """The announcement: uses, counts and amounts — never who benefits by name."""
    return DistributionDecided(
        distribution_id=distribution.id,
        asset_id=distribution.asset_id,
        town_code=distribution.town_code,
        village_code=distribution.village_code,
        decided_on=distribution.decided_on,
        procedure=distribution.procedure.value,
        total_amount=distribution.total_amount,
        revenue_year=distribution.revenue_year,
        shares=[
            DistributedShare(use=s.use.value, beneficiary_count=s.beneficiary_count, amount=s.amount)
            for s in shares
        ],
    )


async def reverse(
    ctx: RequestContext, distribution: RevenueDistribution, data: ReversalIn
) -> DistributionReversal:
    """冲销: a compensating entry voids the distribution (its amount no longer counts against the
    year's revenue); the decision itself is never edited. A corrected split is decided anew."""
    await visible_asset(ctx, distribution.asset_id, for_update=True)
    if await repository.reversal_of(ctx.session, distribution.id) is not None:
        raise Conflict("该分配已冲销，不能重复冲销", "the distribution was already reversed")
    if data.approved_on > data.reversed_on:
        raise ValidationFailed(
            "approved_on", "批准日期不能晚于冲销日期", "approval must precede the reversal"
        )
    if data.reversed_on < distribution.decided_on:
        raise ValidationFailed(
            "reversed_on", "冲销日期不能早于分配决策日期", "reversal precedes the decision"
        )
    reversal = DistributionReversal(
        distribution_id=distribution.id, actor=ctx.principal.subject, **data.model_dump()
    )
    ctx.session.add(reversal)
    await ctx.session.flush()
    await ctx.audit("reverse", "revenue_distribution", distribution.id, data.model_dump(mode="json"))
    await ctx.publish(
        DISTRIBUTION_REVERSED,
        distribution.id,
        DistributionReversed(
            distribution_id=distribution.id,
            asset_id=distribution.asset_id,
            town_code=distribution.town_code,
            village_code=distribution.village_code,
            revenue_year=distribution.revenue_year,
            reversed_on=data.reversed_on,
            total_amount=distribution.total_amount,
        ),
    )
    return reversal
