from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Select, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from services.monitoring.models import DropoutCase, DropoutStatus, Household
from shared.auth import Principal, Role
from shared.db import in_territory


def cases_filtered(
    principal: Principal,
    *,
    status: DropoutStatus | None = None,
    town_code: str | None = None,
    household_id: uuid.UUID | None = None,
    updated_since: datetime | None = None,
) -> Select[DropoutCase]:
    query = select(DropoutCase).where(in_territory(principal, DropoutCase.village_code))
    if principal.role is Role.HELPER:
        query = query.join(Household, Household.id == DropoutCase.household_id).where(
            Household.helper_user_id == principal.subject
        )
    if status:
        query = query.where(DropoutCase.status == status)
    if town_code:
        query = query.where(DropoutCase.town_code == town_code)
    if household_id:
        query = query.where(DropoutCase.household_id == household_id)
    if updated_since:
        query = query.where(DropoutCase.updated_at > updated_since)
    return query


async def case(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID, *, for_update: bool = False
) -> DropoutCase | None:
    query = cases_filtered(principal).where(DropoutCase.id == case_id)
    return await session.scalar(query.with_for_update(of=DropoutCase) if for_update else query)


# 控辍保学 per town at a date: the cases open that day are the exceptions to "dropouts = 0".
_OPEN_DROPOUTS = """
    SELECT c.town_code, c.village_code, c.household_id, h.head_name, m.name AS member_name,
           c.opened_on, c.status::text AS status, c.follow_ups, c.last_followed_on
    FROM monitoring.dropout_cases c
    JOIN monitoring.households h ON h.id = c.household_id
    JOIN monitoring.members m ON m.id = c.member_id
    WHERE c.opened_on <= :as_of AND (c.closed_on IS NULL OR c.closed_on > :as_of)
      AND (CAST(:prefix AS text) IS NULL OR c.village_code LIKE :prefix || '%')
    ORDER BY c.town_code, c.village_code, c.opened_on, c.id
"""


async def open_dropouts(session: AsyncSession, *, as_of: date, prefix: str | None) -> list[dict[str, object]]:
    rows = await session.execute(text(_OPEN_DROPOUTS), {"as_of": as_of, "prefix": prefix})
    return [dict(r._mapping) for r in rows]
