"""Report queries: one grouped statement each, bounded by the caller's territory."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Integer, Subquery, cast, extract, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.assets.models import (
    Asset,
    AssetKind,
    AssetStatus,
    AssetValuation,
    DistributionReversal,
    DistributionShare,
    IdleFlag,
    MaintenanceRecord,
    MonthlyOperation,
    PvStation,
    RevenueDistribution,
    RevenueUse,
)
from shared.db import within_prefix


async def by_kind_status_town(session: AsyncSession, prefix: str | None) -> Sequence[Any]:
    query = (
        select(
            Asset.town_code,
            Asset.kind,
            Asset.status,
            func.count().label("count"),
            func.sum(Asset.value).label("value"),
        )
        .where(within_prefix(Asset.village_code, prefix))
        .group_by(Asset.town_code, Asset.kind, Asset.status)
        .order_by(Asset.town_code, Asset.kind, Asset.status)
    )
    return (await session.execute(query)).all()


async def value_by_year(session: AsyncSession, prefix: str | None) -> Sequence[Any]:
    year = cast(extract("year", Asset.formed_on), Integer).label("year")
    query = (
        select(year, Asset.kind, func.count().label("count"), func.sum(Asset.value).label("value"))
        .where(within_prefix(Asset.village_code, prefix))
        .group_by(year, Asset.kind)
        .order_by(year, Asset.kind)
    )
    return (await session.execute(query)).all()


def _revenue_by_town(prefix: str | None, year: int) -> Subquery:
    return (
        select(
            Asset.town_code,
            func.sum(MonthlyOperation.revenue).label("revenue"),
            func.sum(MonthlyOperation.generation_kwh).label("generation_kwh"),
        )
        .join(Asset, Asset.id == MonthlyOperation.asset_id)
        .where(extract("year", MonthlyOperation.month) == year, within_prefix(Asset.village_code, prefix))
        .group_by(Asset.town_code)
        .subquery()
    )


def _upkeep_by_town(prefix: str | None, year: int) -> Subquery:
    return (
        select(Asset.town_code, func.sum(MaintenanceRecord.cost).label("maintenance_cost"))
        .join(Asset, Asset.id == MaintenanceRecord.asset_id)
        .where(
            extract("year", MaintenanceRecord.performed_on) == year, within_prefix(Asset.village_code, prefix)
        )
        .group_by(Asset.town_code)
        .subquery()
    )


def _distributed_by_town(prefix: str | None, year: int) -> Subquery:
    """Decisions and amounts per town, with one column per use (named after the use)."""
    by_use = [
        func.coalesce(func.sum(DistributionShare.amount).filter(DistributionShare.use == use), 0).label(
            use.value
        )
        for use in RevenueUse
    ]
    return (
        select(
            RevenueDistribution.town_code,
            func.count(func.distinct(RevenueDistribution.id)).label("distributions"),
            func.sum(DistributionShare.amount).label("distributed"),
            *by_use,
        )
        .join(DistributionShare, DistributionShare.distribution_id == RevenueDistribution.id)
        .where(
            extract("year", RevenueDistribution.decided_on) == year,
            within_prefix(RevenueDistribution.village_code, prefix),
            # A reversed distribution (冲销) shares nothing out.
            ~select(DistributionReversal.id)
            .where(DistributionReversal.distribution_id == RevenueDistribution.id)
            .exists(),
        )
        .group_by(RevenueDistribution.town_code)
        .subquery()
    )


async def revenue_and_distribution(session: AsyncSession, prefix: str | None, year: int) -> Sequence[Any]:
    """Per town in ``year``: revenue and generation, upkeep cost, and what was distributed, by use."""
    revenue = _revenue_by_town(prefix, year)
    upkeep = _upkeep_by_town(prefix, year)
    distributed = _distributed_by_town(prefix, year)
    towns = (
        select(revenue.c.town_code)
        .union(select(upkeep.c.town_code), select(distributed.c.town_code))
        .subquery()
    )
    query = (
        select(
            towns.c.town_code,
            func.coalesce(revenue.c.revenue, 0).label("revenue"),
            func.coalesce(revenue.c.generation_kwh, 0).label("generation_kwh"),
            func.coalesce(upkeep.c.maintenance_cost, 0).label("maintenance_cost"),
            func.coalesce(distributed.c.distributions, 0).label("distributions"),
            func.coalesce(distributed.c.distributed, 0).label("distributed"),
            *[func.coalesce(distributed.c[use.value], 0).label(use.value) for use in RevenueUse],
        )
        .select_from(towns)
        .outerjoin(revenue, revenue.c.town_code == towns.c.town_code)
        .outerjoin(upkeep, upkeep.c.town_code == towns.c.town_code)
        .outerjoin(distributed, distributed.c.town_code == towns.c.town_code)
        .order_by(towns.c.town_code)
    )
    return (await session.execute(query)).all()


async def idle_list(session: AsyncSession, prefix: str | None) -> Sequence[Any]:
    query = (
        select(
            IdleFlag.town_code,
            IdleFlag.village_code,
            Asset.name,
            Asset.category,
            Asset.value,
            IdleFlag.rule,
            IdleFlag.measure,
            IdleFlag.flagged_on,
            IdleFlag.proposed_action,
            IdleFlag.action_note,
        )
        .join(Asset, Asset.id == IdleFlag.asset_id)
        .where(IdleFlag.cleared_on.is_(None), within_prefix(IdleFlag.village_code, prefix))
        .order_by(IdleFlag.town_code, IdleFlag.village_code, Asset.name, IdleFlag.rule)
    )
    return (await session.execute(query)).all()


async def ledger_by_origin(session: AsyncSession, prefix: str | None) -> Sequence[Any]:
    """The one ledger by where its lines come from (项目验收形成 / 手工登记 / 存量台账导入)."""
    query = (
        select(
            Asset.town_code, Asset.origin, func.count().label("count"), func.sum(Asset.value).label("value")
        )
        .where(within_prefix(Asset.village_code, prefix))
        .group_by(Asset.town_code, Asset.origin)
        .order_by(Asset.town_code, Asset.origin)
    )
    return (await session.execute(query)).all()


async def book_values(session: AsyncSession, prefix: str | None) -> Sequence[Any]:
    """Operating assets (not disposed) per town: original value and book value (the latest
    valuation's, or the original without one)."""
    latest = (
        select(AssetValuation.book_value)
        .where(AssetValuation.asset_id == Asset.id)
        .order_by(AssetValuation.valued_on.desc())
        .limit(1)
        .scalar_subquery()
    )
    valued = select(AssetValuation.id).where(AssetValuation.asset_id == Asset.id).exists()
    query = (
        select(
            Asset.town_code,
            func.count().label("count"),
            func.count().filter(valued).label("valued"),
            func.sum(Asset.value).label("original_value"),
            func.sum(func.coalesce(latest, Asset.value)).label("book_value"),
        )
        .where(
            within_prefix(Asset.village_code, prefix),
            Asset.kind == AssetKind.OPERATING,
            Asset.status != AssetStatus.DISPOSED,
        )
        .group_by(Asset.town_code)
        .order_by(Asset.town_code)
    )
    return (await session.execute(query)).all()


async def public_welfare_use(session: AsyncSession, prefix: str | None) -> Sequence[Any]:
    query = (
        select(
            Asset.town_code,
            Asset.use_status,
            func.count().label("count"),
            func.sum(Asset.value).label("value"),
        )
        .where(
            within_prefix(Asset.village_code, prefix),
            Asset.kind == AssetKind.PUBLIC_WELFARE,
            Asset.status != AssetStatus.DISPOSED,
        )
        .group_by(Asset.town_code, Asset.use_status)
        .order_by(Asset.town_code, Asset.use_status)
    )
    return (await session.execute(query)).all()


async def pv_revenue_by_month(session: AsyncSession, prefix: str | None, year: int) -> dict[int, Any]:
    """Per month of ``year``: PV stations' revenue and generation (assets with a station profile)."""
    month = cast(extract("month", MonthlyOperation.month), Integer).label("month")
    query = (
        select(
            month,
            func.sum(MonthlyOperation.revenue).label("revenue"),
            func.sum(MonthlyOperation.generation_kwh).label("generation_kwh"),
        )
        .join(Asset, Asset.id == MonthlyOperation.asset_id)
        .join(PvStation, PvStation.asset_id == Asset.id)
        .where(extract("year", MonthlyOperation.month) == year, within_prefix(Asset.village_code, prefix))
        .group_by(month)
    )
    return {r.month: r for r in (await session.execute(query)).all()}


async def distributed_by_month(session: AsyncSession, prefix: str | None, year: int) -> dict[int, Any]:
    """Per month of ``year`` (decision date): distribution decisions and amounts, reversed ones left out."""
    month = cast(extract("month", RevenueDistribution.decided_on), Integer).label("month")
    query = (
        select(
            month,
            func.count(func.distinct(RevenueDistribution.id)).label("distributions"),
            func.sum(DistributionShare.amount).label("distributed"),
        )
        .join(DistributionShare, DistributionShare.distribution_id == RevenueDistribution.id)
        .where(
            extract("year", RevenueDistribution.decided_on) == year,
            within_prefix(RevenueDistribution.village_code, prefix),
            ~select(DistributionReversal.id)
            .where(DistributionReversal.distribution_id == RevenueDistribution.id)
            .exists(),
        )
        .group_by(month)
    )
    return {r.month: r for r in (await session.execute(query)).all()}
