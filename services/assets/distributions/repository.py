from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.assets.models import DistributionShare, RevenueDistribution
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
