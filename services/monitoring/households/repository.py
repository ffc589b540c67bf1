from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.monitoring.models import Household, HouseholdKind
from shared.auth import Principal, Role


def scoped(principal: Principal) -> Select[tuple[Household]]:
    """Households the caller may see at all; everything else is 'not found'."""
    query = select(Household)
    if principal.division_prefix is not None:
        query = query.where(Household.village_code.startswith(principal.division_prefix, autoescape=True))
    if principal.role is Role.HELPER:
        query = query.where(Household.helper_user_id == principal.subject)
    return query


async def get(session: AsyncSession, principal: Principal, household_id: uuid.UUID) -> Household | None:
    result = await session.execute(scoped(principal).where(Household.id == household_id))
    return result.scalar_one_or_none()


def filtered(
    principal: Principal,
    *,
    town_code: str | None,
    village_code: str | None,
    kind: HouseholdKind | None,
    updated_since: datetime | None,
) -> Select[tuple[Household]]:
    query = scoped(principal)
    if town_code:
        query = query.where(Household.town_code == town_code)
    if village_code:
        query = query.where(Household.village_code == village_code)
    if kind:
        query = query.where(Household.kind == kind)
    if updated_since:
        query = query.where(Household.updated_at > updated_since)
    return query
