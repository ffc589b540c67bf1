from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.monitoring.models import (
    ABLE_BODIED,
    Alert,
    AlertStatus,
    Measure,
    MeasureKind,
    Member,
    Transition,
)


async def move_alerts(
    session: AsyncSession, household_id: uuid.UUID, from_status: AlertStatus, to_status: AlertStatus
) -> date | None:
    """Move the household's alerts along with its case; the earliest one's date starts the case."""
    result = await session.execute(
        update(Alert)
        .where(Alert.household_id == household_id, Alert.status == from_status)
        .values(status=to_status)
        .returning(Alert.created_at)
    )
    created = [row[0] for row in result]
    return min(created).date() if created else None


async def able_bodied_member_ids(
    session: AsyncSession, household_id: uuid.UUID, born_after: date, born_by: date
) -> list[uuid.UUID]:
    result = await session.scalars(
        select(Member.id)
        .where(
            Member.household_id == household_id,
            Member.left_on.is_(None),
            Member.labour.in_(ABLE_BODIED),
            Member.birth_date > born_after,
            Member.birth_date <= born_by,
        )
        .order_by(Member.id)
    )
    return list(result)


async def has_measure(session: AsyncSession, household_id: uuid.UUID, kind: MeasureKind) -> bool:
    count = await session.scalar(
        select(func.count())
        .select_from(Measure)
        .where(Measure.household_id == household_id, Measure.kind == kind)
    )
    return bool(count)


async def history(session: AsyncSession, household_id: uuid.UUID) -> list[Transition]:
    result = await session.scalars(
        select(Transition).where(Transition.household_id == household_id).order_by(Transition.id)
    )
    return list(result)
