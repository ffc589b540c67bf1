from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Select, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from services.monitoring.models import Household, HousingAppraisal, RenovationCase, RenovationStatus
from shared.auth import Principal, Role
from shared.db import in_territory


def cases_scoped(principal: Principal) -> Select[RenovationCase]:
    """Renovation cases of the households the caller may see (a helper: their own households)."""
    query = select(RenovationCase).where(in_territory(principal, RenovationCase.village_code))
    if principal.role is Role.HELPER:
        query = query.join(Household, Household.id == RenovationCase.household_id).where(
            Household.helper_user_id == principal.subject
        )
    return query


def cases_filtered(
    principal: Principal,
    *,
    status: RenovationStatus | None,
    town_code: str | None,
    household_id: uuid.UUID | None,
    updated_since: datetime | None,
) -> Select[RenovationCase]:
    query = cases_scoped(principal)
    if status:
        query = query.where(RenovationCase.status == status)
    if town_code:
        query = query.where(RenovationCase.town_code == town_code)
    if household_id:
        query = query.where(RenovationCase.household_id == household_id)
    if updated_since:
        query = query.where(RenovationCase.updated_at > updated_since)
    return query


async def case(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID, *, for_update: bool = False
) -> RenovationCase | None:
    query = cases_scoped(principal).where(RenovationCase.id == case_id)
    return await session.scalar(query.with_for_update(of=RenovationCase) if for_update else query)


async def unfinished_case(session: AsyncSession, household_id: uuid.UUID) -> RenovationCase | None:
    return await session.scalar(
        select(RenovationCase)
        .where(RenovationCase.household_id == household_id, RenovationCase.status != RenovationStatus.CLOSED)
        .with_for_update()
    )


async def latest_appraisal(session: AsyncSession, household_id: uuid.UUID) -> HousingAppraisal | None:
    return await session.scalar(
        select(HousingAppraisal)
        .where(HousingAppraisal.household_id == household_id)
        .order_by(HousingAppraisal.appraised_on.desc())
        .limit(1)
    )


async def appraisals_of(session: AsyncSession, household_id: uuid.UUID) -> list[HousingAppraisal]:
    return list(
        await session.scalars(
            select(HousingAppraisal)
            .where(HousingAppraisal.household_id == household_id)
            .order_by(HousingAppraisal.appraised_on)
        )
    )


# Households living in a dangerous house: the latest appraisal (on or before the date) is C or D.
_DANGEROUS_HOUSES = """
    SELECT h.id AS household_id, h.town_code, h.village_code, h.head_name, a.grade::text AS grade,
           a.appraised_on, c.status::text AS case_status, c.completed_on
    FROM monitoring.households h
    JOIN LATERAL (
        SELECT grade, appraised_on, dangerous FROM monitoring.housing_appraisals
        WHERE household_id = h.id AND appraised_on <= :as_of
        ORDER BY appraised_on DESC LIMIT 1
    ) a ON a.dangerous
    LEFT JOIN monitoring.renovation_cases c ON c.household_id = h.id AND c.status <> 'closed'
    WHERE (h.cancelled_on IS NULL OR h.cancelled_on > :as_of)
      AND (CAST(:prefix AS text) IS NULL OR h.village_code LIKE :prefix || '%')
    ORDER BY h.town_code, h.village_code, h.head_name, h.id
"""


async def dangerous_houses(
    session: AsyncSession, *, as_of: date, prefix: str | None
) -> list[dict[str, object]]:
    rows = await session.execute(text(_DANGEROUS_HOUSES), {"as_of": as_of, "prefix": prefix})
    return [dict(r._mapping) for r in rows]
