from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.monitoring.models import Objection, ObjectionStatus


async def open_count(session: AsyncSession, household_id: uuid.UUID) -> int:
    """Objections of the household not yet handled (a notice cannot close over them)."""
    count = await session.scalar(
        select(func.count())
        .select_from(Objection)
        .where(Objection.household_id == household_id, Objection.status == ObjectionStatus.OPEN)
    )
    return int(count or 0)


def of_household(
    household_id: uuid.UUID, status: ObjectionStatus | None, updated_since: datetime | None
) -> Select[Objection]:
    query = select(Objection).where(Objection.household_id == household_id)
    if status:
        query = query.where(Objection.status == status)
    if updated_since:
        query = query.where(Objection.updated_at > updated_since)
    return query


async def get_for_update(
    session: AsyncSession, household_id: uuid.UUID, objection_id: uuid.UUID
) -> Objection | None:
    result = await session.execute(
        select(Objection)
        .where(Objection.id == objection_id, Objection.household_id == household_id)
        .with_for_update()
    )
    return result.scalar_one_or_none()
