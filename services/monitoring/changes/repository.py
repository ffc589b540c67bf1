from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.monitoring.models import Alert, AlertStatus, Household, HouseholdChange, Member

PENDING_ALERTS = (AlertStatus.OPEN, AlertStatus.VERIFYING)


async def lock_households(session: AsyncSession, ids: Sequence[uuid.UUID]) -> None:
    """Lock the households in id order (two merges in opposite directions cannot deadlock) and
    refresh the loaded objects, so versions and cancellations are read after the lock."""
    await session.execute(
        select(Household)
        .where(Household.id.in_(ids))
        .order_by(Household.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )


async def active_members(session: AsyncSession, household_id: uuid.UUID) -> list[Member]:
    """The household's members who have not left, locked for the change."""
    result = await session.scalars(
        select(Member)
        .where(Member.household_id == household_id, Member.left_on.is_(None))
        .order_by(Member.created_at, Member.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return list(result)


async def member_of(session: AsyncSession, household_id: uuid.UUID, member_id: uuid.UUID) -> Member | None:
    return await session.scalar(
        select(Member)
        .where(Member.id == member_id, Member.household_id == household_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )


async def has_pending_alert(session: AsyncSession, household_id: uuid.UUID) -> bool:
    found = await session.scalar(
        select(Alert.id).where(Alert.household_id == household_id, Alert.status.in_(PENDING_ALERTS)).limit(1)
    )
    return found is not None


async def dismiss_pending_alerts(session: AsyncSession, household_id: uuid.UUID) -> int:
    result = await session.execute(
        update(Alert)
        .where(Alert.household_id == household_id, Alert.status.in_(PENDING_ALERTS))
        .values(status=AlertStatus.DISMISSED)
        .returning(Alert.id)
    )
    return len(result.all())


async def history(session: AsyncSession, household_id: uuid.UUID) -> list[tuple[HouseholdChange, str | None]]:
    """Every change of the household, including splits and merges that moved members into it."""
    rows = await session.execute(
        select(HouseholdChange, Member.name)
        .outerjoin(Member, Member.id == HouseholdChange.member_id)
        .where(
            or_(
                HouseholdChange.household_id == household_id,
                HouseholdChange.other_household_id == household_id,
            )
        )
        .order_by(HouseholdChange.id)
    )
    return [(change, name) for change, name in rows]
