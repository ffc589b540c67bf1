from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import NamedTuple

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.assets.models import MaintenanceRecord, MonthlyOperation, PvStation


def maintenance_of(asset_id: uuid.UUID, updated_since: datetime | None) -> Select[MaintenanceRecord]:
    query = select(MaintenanceRecord).where(MaintenanceRecord.asset_id == asset_id)
    return query.where(MaintenanceRecord.updated_at > updated_since) if updated_since else query


def months_of(asset_id: uuid.UUID, updated_since: datetime | None) -> Select[MonthlyOperation]:
    query = select(MonthlyOperation).where(MonthlyOperation.asset_id == asset_id)
    return query.where(MonthlyOperation.updated_at > updated_since) if updated_since else query


async def pv_station(
    session: AsyncSession, asset_id: uuid.UUID, *, for_update: bool = False
) -> PvStation | None:
    query = select(PvStation).where(PvStation.asset_id == asset_id)
    if for_update:
        query = query.with_for_update()
    return (await session.execute(query)).scalar_one_or_none()


async def month_recorded(session: AsyncSession, asset_id: uuid.UUID, month: date) -> bool:
    query = select(MonthlyOperation.id).where(
        MonthlyOperation.asset_id == asset_id, MonthlyOperation.month == month
    )
    return (await session.scalar(query)) is not None


class OperationTotals(NamedTuple):
    maintenance_count: int
    maintenance_cost: Decimal
    open_incidents: int
    months_recorded: int
    revenue: Decimal
    generation_kwh: Decimal


async def totals(session: AsyncSession, asset_id: uuid.UUID) -> OperationTotals:
    upkeep = (
        await session.execute(
            select(
                func.count(),
                func.coalesce(func.sum(MaintenanceRecord.cost), 0),
                func.count().filter(
                    MaintenanceRecord.kind == "incident", MaintenanceRecord.resolved_on.is_(None)
                ),
            ).where(MaintenanceRecord.asset_id == asset_id)
        )
    ).one()
    earned = (
        await session.execute(
            select(
                func.count(),
                func.coalesce(func.sum(MonthlyOperation.revenue), 0),
                func.coalesce(func.sum(MonthlyOperation.generation_kwh), 0),
            ).where(MonthlyOperation.asset_id == asset_id)
        )
    ).one()
    # coalesce() already made the sums non-null; the column type (nullable kWh) does not say so.
    return OperationTotals(upkeep[0], upkeep[1], upkeep[2], earned[0], earned[1], earned[2] or Decimal(0))
