from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.monitoring.models import AssistancePlan, Household, Measure, Policy, RiskCause
from shared.auth import Principal, Role
from shared.db import in_territory


def policies(risk_cause: RiskCause | None, updated_since: datetime | None) -> Select[Policy]:
    query = select(Policy)
    if risk_cause:
        query = query.where(Policy.risk_causes.contains([risk_cause]))
    if updated_since:
        query = query.where(Policy.updated_at > updated_since)
    return query


async def policies_by_code(session: AsyncSession, codes: set[str]) -> dict[str, Policy]:
    result = await session.scalars(select(Policy).where(Policy.code.in_(codes)))
    return {p.code: p for p in result}


async def policy_code_taken(session: AsyncSession, code: str) -> bool:
    return (await session.scalar(select(Policy.id).where(Policy.code == code))) is not None


async def suggestions(session: AsyncSession, causes: list[RiskCause]) -> list[Policy]:
    result = await session.scalars(
        select(Policy).where(Policy.risk_causes.overlap(causes)).order_by(Policy.measure_kind, Policy.code)
    )
    return list(result)


def plans(
    principal: Principal, household_id: uuid.UUID | None, year: int | None, updated_since: datetime | None
) -> Select[AssistancePlan]:
    query = select(AssistancePlan)
    query = query.where(in_territory(principal, AssistancePlan.village_code))
    if principal.role is Role.HELPER:
        query = query.join(Household, Household.id == AssistancePlan.household_id).where(
            Household.helper_user_id == principal.subject
        )
    if household_id:
        query = query.where(AssistancePlan.household_id == household_id)
    if year:
        query = query.where(AssistancePlan.year == year)
    if updated_since:
        query = query.where(AssistancePlan.updated_at > updated_since)
    return query


async def plan_exists(session: AsyncSession, household_id: uuid.UUID, year: int) -> bool:
    found = await session.scalar(
        select(AssistancePlan.id).where(
            AssistancePlan.household_id == household_id, AssistancePlan.year == year
        )
    )
    return found is not None


async def measures_of(session: AsyncSession, plan_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[Measure]]:
    grouped: dict[uuid.UUID, list[Measure]] = {p: [] for p in plan_ids}
    result = await session.scalars(
        select(Measure).where(Measure.plan_id.in_(plan_ids)).order_by(Measure.starts_on, Measure.id)
    )
    for measure in result:
        grouped[measure.plan_id].append(measure)
    return grouped
