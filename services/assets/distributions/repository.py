from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.assets.models import (
    DistributionReversal,
    DistributionShare,
    MonthlyOperation,
    RevenueDistribution,
)
from shared.auth import Principal
from shared.db import within_prefix


def scoped(principal: Principal) -> Select[RevenueDistribution]:
    return select(RevenueDistribution).where(
        within_prefix(RevenueDistribution.village_code, principal.division_prefix)
    )


def filtered(
    principal: Principal,
    *,
    town_code: str | None,
    village_code: str | None,
    asset_id: uuid.UUID | None,
    decided_from: date | None,
    decided_to: date | None,
    updated_since: datetime | None,
) -> Select[RevenueDistribution]:
    query = scoped(principal)
    if town_code:
        query = query.where(RevenueDistribution.town_code == town_code)
    if village_code:
        query = query.where(RevenueDistribution.village_code == village_code)
    if asset_id:
        query = query.where(RevenueDistribution.asset_id == asset_id)
    if decided_from:
        query = query.where(RevenueDistribution.decided_on >= decided_from)
    if decided_to:
        query = query.where(RevenueDistribution.decided_on <= decided_to)
    if updated_since:
        query = query.where(RevenueDistribution.updated_at > updated_since)
    return query


async def get(
    session: AsyncSession, principal: Principal, distribution_id: uuid.UUID
) -> RevenueDistribution | None:
    query = scoped(principal).where(RevenueDistribution.id == distribution_id)
    return (await session.execute(query)).scalar_one_or_none()


async def shares_of(
    session: AsyncSession, distribution_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[DistributionShare]]:
    result: dict[uuid.UUID, list[DistributionShare]] = {i: [] for i in distribution_ids}
    if distribution_ids:
        query = (
            select(DistributionShare)
            .where(DistributionShare.distribution_id.in_(distribution_ids))
            .order_by(DistributionShare.distribution_id, DistributionShare.position)
        )
        for share in (await session.execute(query)).scalars():
            result[share.distribution_id].append(share)
    return result


async def revenue_and_shared(
    session: AsyncSession, asset_id: uuid.UUID, year: int
) -> tuple[Decimal, Decimal]:
    """The asset's revenue recorded for ``year``, and what its unreversed distributions share out."""
    earned = await session.scalar(
        select(func.coalesce(func.sum(MonthlyOperation.revenue), 0)).where(
            MonthlyOperation.asset_id == asset_id,
            func.extract("year", MonthlyOperation.month) == year,
        )
    )
    shared = await session.scalar(
        select(func.coalesce(func.sum(RevenueDistribution.total_amount), 0)).where(
            RevenueDistribution.asset_id == asset_id,
            RevenueDistribution.revenue_year == year,
            ~select(DistributionReversal.id)
            .where(DistributionReversal.distribution_id == RevenueDistribution.id)
            .exists(),
        )
    )
    return Decimal(earned or 0), Decimal(shared or 0)


async def reversal_of(session: AsyncSession, distribution_id: uuid.UUID) -> DistributionReversal | None:
    query = select(DistributionReversal).where(DistributionReversal.distribution_id == distribution_id)
    return (await session.execute(query)).scalar_one_or_none()


async def reversals_of(
    session: AsyncSession, distribution_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, DistributionReversal]:
    if not distribution_ids:
        return {}
    query = select(DistributionReversal).where(DistributionReversal.distribution_id.in_(distribution_ids))
    return {r.distribution_id: r for r in (await session.execute(query)).scalars()}
