"""Queries of the department view: people of 脱贫户 and of households in monitoring."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Select, or_, select
from sqlalchemy.dialects.postgresql import distinct_on
from sqlalchemy.ext.asyncio import AsyncSession

from services.monitoring.models import ABLE_BODIED, Household, HouseholdKind, HouseholdStatus, Income, Member
from shared.db import within_prefix


def people(division_code: str | None, updated_since: datetime | None) -> Select[Member]:
    """Current members of 脱贫户 and of households monitored or on their way in (not cancelled)."""
    query = (
        select(Member)
        .join(Household, Household.id == Member.household_id)
        .where(
            Member.left_on.is_(None),
            Household.cancelled_on.is_(None),
            or_(
                Household.kind == HouseholdKind.LIFTED_OUT, Household.status != HouseholdStatus.NOT_MONITORED
            ),
        )
    )
    if division_code:
        query = query.where(within_prefix(Household.village_code, division_code))
    if updated_since is not None:
        query = query.where(or_(Member.updated_at > updated_since, Household.updated_at > updated_since))
    return query


async def households(session: AsyncSession, ids: set[uuid.UUID]) -> dict[uuid.UUID, Household]:
    rows = await session.scalars(select(Household).where(Household.id.in_(ids)))
    return {h.id: h for h in rows}


async def latest_incomes(session: AsyncSession, ids: set[uuid.UUID]) -> dict[uuid.UUID, Income]:
    rows = await session.scalars(
        select(Income)
        .where(Income.household_id.in_(ids))
        .ext(distinct_on(Income.household_id))
        .order_by(Income.household_id, Income.year.desc())
    )
    return {i.household_id: i for i in rows}


async def able_bodied_households(session: AsyncSession, ids: set[uuid.UUID]) -> set[uuid.UUID]:
    rows = await session.scalars(
        select(Member.household_id)
        .where(Member.household_id.in_(ids), Member.left_on.is_(None), Member.labour.in_(ABLE_BODIED))
        .distinct()
    )
    return set(rows)
