from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.employment.models import Subsidy, SubsidyKind, SubsidyReversal
from shared.auth import Principal
from shared.db import in_territory


def filtered(
    principal: Principal,
    *,
    town_code: str | None,
    worker_id: uuid.UUID | None,
    kind: SubsidyKind | None,
    updated_since: datetime | None,
) -> Select[Subsidy]:
    query = select(Subsidy).where(in_territory(principal, Subsidy.village_code))
    if town_code:
        query = query.where(Subsidy.town_code == town_code)
    if worker_id:
        query = query.where(Subsidy.worker_id == worker_id)
    if kind:
        query = query.where(Subsidy.kind == kind)
    if updated_since:
        query = query.where(Subsidy.updated_at > updated_since)
    return query


async def overlapping(
    session: AsyncSession, worker_id: uuid.UUID, kind: SubsidyKind, start: date, end: date
) -> bool:
    found = await session.scalar(
        select(Subsidy.id).where(
            Subsidy.worker_id == worker_id,
            Subsidy.kind == kind,
            Subsidy.period_start <= end,
            Subsidy.period_end >= start,
            Subsidy.reversed.is_(False),
        )
    )
    return found is not None


async def granted_in_year(
    session: AsyncSession, worker_id: uuid.UUID, kind: SubsidyKind, year: int
) -> Decimal:
    """What a worker holds of one kind for periods starting in ``year``, reversed grants aside."""
    total = await session.scalar(
        select(func.coalesce(func.sum(Subsidy.amount), 0)).where(
            Subsidy.worker_id == worker_id,
            Subsidy.kind == kind,
            Subsidy.reversed.is_(False),
            Subsidy.period_start >= date(year, 1, 1),
            Subsidy.period_start <= date(year, 12, 31),
        )
    )
    return Decimal(total or 0)


async def get_for_update(
    session: AsyncSession, principal: Principal, subsidy_id: uuid.UUID
) -> Subsidy | None:
    return await session.scalar(
        select(Subsidy)
        .where(Subsidy.id == subsidy_id, in_territory(principal, Subsidy.village_code))
        .with_for_update()
    )


async def reversal_of(session: AsyncSession, subsidy_id: uuid.UUID) -> SubsidyReversal | None:
    return await session.scalar(select(SubsidyReversal).where(SubsidyReversal.subsidy_id == subsidy_id))


async def totals(
    session: AsyncSession, principal: Principal, year: int, town_code: str | None
) -> list[tuple[str, SubsidyKind, int, Decimal, Decimal]]:
    """(town, kind, grants not reversed, granted, reversed): a reversal counts in its grant's year."""
    query = (
        select(
            Subsidy.town_code,
            Subsidy.kind,
            func.count().filter(SubsidyReversal.id.is_(None)),
            func.sum(Subsidy.amount),
            func.coalesce(func.sum(SubsidyReversal.amount), 0),
        )
        .outerjoin(SubsidyReversal, SubsidyReversal.subsidy_id == Subsidy.id)
        .where(
            Subsidy.granted_on >= date(year, 1, 1),
            Subsidy.granted_on <= date(year, 12, 31),
            in_territory(principal, Subsidy.village_code),
        )
        .group_by(Subsidy.town_code, Subsidy.kind)
        .order_by(Subsidy.town_code, Subsidy.kind)
    )
    if town_code:
        query = query.where(Subsidy.town_code == town_code)
    return [(t, k, int(n), a, Decimal(r)) for t, k, n, a, r in (await session.execute(query)).all()]
