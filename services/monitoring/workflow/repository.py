from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Select, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.monitoring.models import (
    ABLE_BODIED,
    Alert,
    AlertStatus,
    Income,
    Measure,
    Member,
    MonitoringLine,
    Policy,
    RiskCause,
    RiskResolution,
    Transition,
)
from services.monitoring.workflow.elimination import ActiveMember, YearIncome
from shared import clock


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
    return clock.day_of(min(created)) if created else None


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


@dataclass(frozen=True)
class SafetyNetMeasure:
    """A measure of a 兜底 policy (低保, 特困供养) for the household, as far as it has gone."""

    delivered_on: date | None
    ends_on: date


async def safety_net_basis(session: AsyncSession, household_id: uuid.UUID) -> list[SafetyNetMeasure]:
    """The household's measures whose policy qualifies it as 兜底保障户; other safety-net-kind aid
    (housing, water, school, insurance, medical assistance) is not among them."""
    result = await session.execute(
        select(Measure.delivered_on, Measure.ends_on)
        .join(Policy, Policy.id == Measure.policy_id)
        .where(Measure.household_id == household_id, Policy.qualifies_safety_net)
    )
    return [SafetyNetMeasure(delivered_on=row[0], ends_on=row[1]) for row in result]


async def active_members(session: AsyncSession, household_id: uuid.UUID) -> list[ActiveMember]:
    result = await session.execute(
        select(Member.name, Member.birth_date, Member.labour, Member.schooling, Member.medical_insured)
        .where(Member.household_id == household_id, Member.left_on.is_(None))
        .order_by(Member.birth_date, Member.id)
    )
    return [ActiveMember(*row) for row in result]


async def incomes(session: AsyncSession, household_id: uuid.UUID) -> list[YearIncome]:
    result = await session.execute(
        select(Income.year, Income.net_income, Income.transfers).where(Income.household_id == household_id)
    )
    return [YearIncome(*row) for row in result]


async def lines(session: AsyncSession, years: set[int]) -> dict[int, Decimal]:
    result = await session.execute(
        select(MonitoringLine.year, MonitoringLine.amount).where(MonitoringLine.year.in_(years))
    )
    return {year: amount for year, amount in result}


async def resolved_causes(
    session: AsyncSession, household_id: uuid.UUID, included_on: date | None
) -> frozenset[RiskCause]:
    if included_on is None:
        return frozenset()
    result = await session.scalars(
        select(RiskResolution.cause).where(
            RiskResolution.household_id == household_id, RiskResolution.case_included_on == included_on
        )
    )
    return frozenset(result)


async def delivered_measures(
    session: AsyncSession, household_id: uuid.UUID, since: date | None, today: date
) -> int:
    """Measures delivered in the current case (from its inclusion) by today."""
    if since is None:
        return 0
    count = await session.scalar(
        select(func.count())
        .select_from(Measure)
        .where(
            Measure.household_id == household_id,
            Measure.delivered_on >= since,
            Measure.delivered_on <= today,
        )
    )
    return int(count or 0)


async def last_taken_on(session: AsyncSession, household_id: uuid.UUID, action: str) -> date | None:
    """The day the household last took ``action`` (e.g. when its elimination was started)."""
    at = await session.scalar(
        select(func.max(Transition.at)).where(
            Transition.household_id == household_id, Transition.action == action
        )
    )
    return clock.day_of(at) if at is not None else None


def resolutions(household_id: uuid.UUID, updated_since: datetime | None) -> Select[RiskResolution]:
    query = select(RiskResolution).where(RiskResolution.household_id == household_id)
    if updated_since:
        query = query.where(RiskResolution.updated_at > updated_since)
    return query


async def resolution_exists(
    session: AsyncSession, household_id: uuid.UUID, cause: RiskCause, included_on: date
) -> bool:
    found = await session.scalar(
        select(RiskResolution.id).where(
            RiskResolution.household_id == household_id,
            RiskResolution.cause == cause,
            RiskResolution.case_included_on == included_on,
        )
    )
    return found is not None


async def history(session: AsyncSession, household_id: uuid.UUID) -> list[Transition]:
    result = await session.scalars(
        select(Transition).where(Transition.household_id == household_id).order_by(Transition.id)
    )
    return list(result)
