from __future__ import annotations

import uuid
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.monitoring.models import (
    AssistancePlan,
    Household,
    Measure,
    Member,
    PlanAmendment,
    Policy,
    RiskCause,
)
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


async def plan(
    session: AsyncSession, principal: Principal, plan_id: uuid.UUID, *, for_update: bool = False
) -> AssistancePlan | None:
    """The plan if the caller may see it (the territory and, for a helper, the assigned household)."""
    query = plans(principal, None, None, None).where(AssistancePlan.id == plan_id)
    if for_update:
        query = query.with_for_update(of=AssistancePlan)
    return (await session.execute(query)).scalar_one_or_none()


async def measure_in(session: AsyncSession, plan_id: uuid.UUID, measure_id: uuid.UUID) -> Measure | None:
    return (
        await session.execute(select(Measure).where(Measure.id == measure_id, Measure.plan_id == plan_id))
    ).scalar_one_or_none()


async def active_member_ids(session: AsyncSession, household_id: uuid.UUID) -> set[uuid.UUID]:
    """The household's members who have not left it (the people a measure may name)."""
    result = await session.scalars(
        select(Member.id).where(Member.household_id == household_id, Member.left_on.is_(None))
    )
    return set(result)


async def policy(session: AsyncSession, policy_id: uuid.UUID | None) -> Policy | None:
    return await session.get(Policy, policy_id) if policy_id else None


async def history(session: AsyncSession, plan_id: uuid.UUID) -> list[PlanAmendment]:
    result = await session.scalars(
        select(PlanAmendment).where(PlanAmendment.plan_id == plan_id).order_by(PlanAmendment.id)
    )
    return list(result)


class MatchedMember(NamedTuple):
    digest: bytes
    member_id: uuid.UUID
    household_id: uuid.UUID


async def active_members_by_hash(session: AsyncSession, digests: list[bytes]) -> dict[bytes, MatchedMember]:
    """Members still in their household, by the keyed hash of their ID number."""
    rows = await session.execute(
        select(Member.id_number_hash, Member.id, Member.household_id).where(
            Member.id_number_hash.in_(digests), Member.left_on.is_(None)
        )
    )
    return {r[0]: MatchedMember(r[0], r[1], r[2]) for r in rows}


async def lock_households(session: AsyncSession, ids: set[uuid.UUID]) -> dict[uuid.UUID, Household]:
    """The households locked in id order, so that two batches (or a batch and a new plan) wait on
    each other instead of deadlocking or making the same plan twice."""
    result = await session.scalars(
        select(Household).where(Household.id.in_(ids)).order_by(Household.id).with_for_update()
    )
    return {h.id: h for h in result}


async def plans_of_years(
    session: AsyncSession, keys: set[tuple[uuid.UUID, int]]
) -> dict[tuple[uuid.UUID, int], AssistancePlan]:
    if not keys:
        return {}
    households = {k[0] for k in keys}
    result = await session.scalars(
        select(AssistancePlan)
        .where(AssistancePlan.household_id.in_(households))
        .order_by(AssistancePlan.id)
        .with_for_update()
    )
    return {(p.household_id, p.year): p for p in result if (p.household_id, p.year) in keys}


async def measures_of_policies(
    session: AsyncSession, plan_ids: list[uuid.UUID], policy_ids: list[uuid.UUID]
) -> list[Measure]:
    """The measures of these policies in these plans that are not ended, delivered ones first."""
    result = await session.scalars(
        select(Measure)
        .where(Measure.plan_id.in_(plan_ids), Measure.policy_id.in_(policy_ids), Measure.ended_on.is_(None))
        .order_by(Measure.delivered_on.is_(None), Measure.starts_on, Measure.id)
    )
    return list(result)


async def measure_counts(session: AsyncSession, plan_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    rows = await session.execute(
        select(Measure.plan_id, func.count()).where(Measure.plan_id.in_(plan_ids)).group_by(Measure.plan_id)
    )
    return {r[0]: int(r[1]) for r in rows}
