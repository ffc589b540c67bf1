from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.monitoring.models import Alert, Household
from shared.auth import Principal, Role


def scoped(principal: Principal) -> Select[tuple[Alert]]:
    query = select(Alert)
    if principal.division_prefix is not None:
        query = query.where(Alert.village_code.startswith(principal.division_prefix, autoescape=True))
    if principal.role is Role.HELPER:
        query = query.join(Household, Household.id == Alert.household_id).where(
            Household.helper_user_id == principal.subject
        )
    return query


def filtered(
    principal: Principal, *, household_id: uuid.UUID | None, updated_since: datetime | None
) -> Select[tuple[Alert]]:
    query = scoped(principal)
    if household_id:
        query = query.where(Alert.household_id == household_id)
    if updated_since:
        query = query.where(Alert.updated_at > updated_since)
    return query


async def get(session: AsyncSession, principal: Principal, alert_id: uuid.UUID) -> Alert | None:
    return (await session.execute(scoped(principal).where(Alert.id == alert_id))).scalar_one_or_none()
