from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.monitoring.models import Income, MonitoringLine


async def income(session: AsyncSession, household_id: uuid.UUID, year: int) -> Income | None:
    return await session.scalar(
        select(Income).where(Income.household_id == household_id, Income.year == year).with_for_update()
    )


async def incomes_of(session: AsyncSession, household_id: uuid.UUID) -> list[Income]:
    return list(
        await session.scalars(select(Income).where(Income.household_id == household_id).order_by(Income.year))
    )


async def line(session: AsyncSession, year: int, *, for_update: bool = False) -> MonitoringLine | None:
    query = select(MonitoringLine).where(MonitoringLine.year == year)
    return await session.scalar(query.with_for_update() if for_update else query)


async def lines(session: AsyncSession) -> list[MonitoringLine]:
    return list(await session.scalars(select(MonitoringLine).order_by(MonitoringLine.year)))


async def line_amounts(session: AsyncSession) -> dict[int, Decimal]:
    return {line.year: line.amount for line in await lines(session)}
