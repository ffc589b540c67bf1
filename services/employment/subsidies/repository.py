from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.employment.models import Subsidy, SubsidyKind
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
        )
    )
    return found is not None


async def totals(
    session: AsyncSession, principal: Principal, year: int, town_code: str | None
) -> list[tuple[str, SubsidyKind, int, Decimal]]:
    query = (
        select(Subsidy.town_code, Subsidy.kind, func.count(), func.sum(Subsidy.amount))
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
    return [(t, k, int(n), a) for t, k, n, a in (await session.execute(query)).all()]
