"""收益分配: a decision on an operating asset's revenue, split among uses that add up exactly.

The split is checked here (Decimal, to the fen) and again by a deferred constraint trigger in the
database, so no path can leave a distribution whose shares differ from its total.
Who may record: the ledger's writers inside their territory; readers as for the ledger
(services/assets/access.py).
"""

from __future__ import annotations

from decimal import Decimal

from services.assets.access import visible_asset
from services.assets.distributions.events import DISTRIBUTION_DECIDED, DistributedShare, DistributionDecided
from services.assets.distributions.schemas import DistributionCreate
from services.assets.models import AssetStatus, DistributionShare, RevenueDistribution
from shared.context import RequestContext
from shared.errors import AppError, InvalidTransition

# Revenue comes from running the asset; a disposed or not yet handed-over asset has none to share.
DISTRIBUTING = frozenset({AssetStatus.HANDED_OVER, AssetStatus.IN_OPERATION})


class SplitMismatch(AppError):
    status, code, title_zh, title_en = (
        422,
        "split_mismatch",
        "分配明细合计与分配总额不符",
        "Shares do not add up",
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
    distribution = RevenueDistribution(
        **data.model_dump(exclude={"shares"}),
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
        shares=[
            DistributedShare(use=s.use.value, beneficiary_count=s.beneficiary_count, amount=s.amount)
            for s in shares
        ],
    )
