from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import Select, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from services.monitoring.alerts.events import ALERT_RAISED
from services.monitoring.models import (
    Alert,
    AlertSource,
    AlertStatus,
    Household,
    Policy,
    PolicyExplanation,
    Visit,
    VisitorKind,
    outbox,
)
from shared.auth import Principal, Role
from shared.db import in_territory

# Announces the alerts written by the ``raised`` CTE of the same statement.
_ANNOUNCE_RAISED = """
    SELECT id AS subject, id AS alert_id, household_id, town_code, village_code, source
    FROM raised
"""


# Built once: select(Alert) inspects the mapper each time (as households' list found).
_ALL_ALERTS = select(Alert)


def scoped(principal: Principal) -> Select[Alert]:
    query = _ALL_ALERTS
    if principal.role is Role.DEPARTMENT_OFFICER:
        # A department sees the alerts its own systems pushed (domain §6).
        query = query.where(Alert.department == principal.department)
    query = query.where(in_territory(principal, Alert.village_code))
    if principal.role is Role.HELPER:
        query = query.join(Household, Household.id == Alert.household_id).where(
            Household.helper_user_id == principal.subject
        )
    return query


def filtered(
    principal: Principal,
    *,
    household_id: uuid.UUID | None,
    updated_since: datetime | None,
    status: AlertStatus | None = None,
    source: AlertSource | None = None,
    town_code: str | None = None,
) -> Select[Alert]:
    query = scoped(principal)
    if household_id:
        query = query.where(Alert.household_id == household_id)
    if status:
        query = query.where(Alert.status == status)
    if source:
        query = query.where(Alert.source == source)
    if town_code:
        query = query.where(Alert.town_code == town_code)
    if updated_since:
        query = query.where(Alert.updated_at > updated_since)
    return query


async def get(session: AsyncSession, principal: Principal, alert_id: uuid.UUID) -> Alert | None:
    return (await session.execute(scoped(principal).where(Alert.id == alert_id))).scalar_one_or_none()


async def matched_hashes(session: AsyncSession, digests: list[bytes]) -> set[bytes]:
    rows = await session.scalars(
        text(
            # Active members only: a department's record is about the household the person lives in now.
            "SELECT id_number_hash FROM monitoring.members"
            " WHERE id_number_hash = ANY(:digests) AND left_on IS NULL"
        ),
        {"digests": digests},
    )
    return set(rows)


async def raise_department_alerts(
    session: AsyncSession,
    *,
    department: str,
    batch_id: str,
    record_ids: list[str],
    digests: list[bytes],
    causes: list[str],
    reasons: list[str],
) -> int:
    """One alert per matched record, keyed by department/batch/record so a re-post raises nothing."""
    return await outbox.add_from_query(
        session,
        ALERT_RAISED,
        _ANNOUNCE_RAISED,
        with_sql="""
        WITH raised AS (
            INSERT INTO monitoring.alerts
                (id, household_id, town_code, village_code, source, reason, risk_causes, department, status,
                 origin_ref)
            SELECT gen_random_uuid(), h.id, h.town_code, h.village_code, 'department', r.reason,
                   ARRAY[r.cause::monitoring.risk_cause], :department, 'open', :origin || r.record_id
            FROM unnest(CAST(:record_ids AS text[]), CAST(:digests AS bytea[]), CAST(:causes AS text[]),
                        CAST(:reasons AS text[])) AS r(record_id, digest, cause, reason)
            JOIN monitoring.members m ON m.id_number_hash = r.digest AND m.left_on IS NULL
            JOIN monitoring.households h ON h.id = m.household_id
            ON CONFLICT (origin_ref) DO NOTHING
            RETURNING id, household_id, town_code, village_code, source
        )
        """,
        department=department,
        origin=f"department:{department}:{batch_id}:",
        record_ids=record_ids,
        digests=digests,
        causes=causes,
        reasons=reasons,
    )


# System screening, one statement in three steps. Members who make their household cross a line:
# a child of compulsory-school age out of school, anyone without basic medical insurance.
_MEMBER_FLAGS = """
    member_flags AS (
        SELECT household_id,
               bool_or(schooling = 'out_of_school'
                       AND birth_date > :born_after AND birth_date <= :born_by) AS dropout,
               bool_or(NOT medical_insured) AS uninsured
        FROM monitoring.members
        WHERE left_on IS NULL AND (
            (schooling = 'out_of_school' AND birth_date > :born_after AND birth_date <= :born_by)
            OR NOT medical_insured)
        GROUP BY household_id
    )
"""
# Every line each household (not monitored, in scope, no alert pending) crosses.
_CROSSINGS = """
    crossings AS (
        SELECT h.id, h.town_code, h.village_code,
               COALESCE(i.net_income / h.member_count < :line, false) AS below_line,
               COALESCE((i.net_income - i.rigid_expenses) / h.member_count < :line, false)
                   AS below_after_spending,
               COALESCE(f.dropout, false) AS dropout,
               COALESCE(f.uninsured, false) AS uninsured,
               NOT h.housing_safe AS unsafe_house,
               NOT h.water_safe AS unsafe_water,
               -- 因病: the year's out-of-pocket medical spending reaches the share of net income.
               COALESCE(me.out_of_pocket > 0
                        AND me.out_of_pocket >= :medical_share * GREATEST(i.net_income, 0), false)
                   AS heavy_medical
        FROM monitoring.households h
        LEFT JOIN monitoring.incomes i ON i.household_id = h.id AND i.year = :year
        LEFT JOIN member_flags f ON f.household_id = h.id
        LEFT JOIN (
            SELECT household_id, sum(out_of_pocket) AS out_of_pocket FROM monitoring.medical_expenses
            WHERE settled_on >= make_date(:year, 1, 1) AND settled_on < make_date(:year + 1, 1, 1)
            GROUP BY household_id
        ) me ON me.household_id = h.id
        WHERE h.status IN ('not_monitored', 'risk_eliminated') AND h.cancelled_on IS NULL
          AND (CAST(:prefix AS text) IS NULL OR h.village_code LIKE :prefix || '%')
          AND NOT EXISTS (
              SELECT 1 FROM monitoring.alerts a
              WHERE a.household_id = h.id AND a.status IN ('open', 'verifying'))
    )
"""
# One system alert per household crossing any line, its reasons in words and its risk causes.
_RAISE_SYSTEM_ALERTS = """
    raised AS (
        INSERT INTO monitoring.alerts
            (id, household_id, town_code, village_code, source, reason, risk_causes, status)
        SELECT gen_random_uuid(), id, town_code, village_code, 'system',
               concat_ws('；',
                   CASE WHEN below_line THEN '人均纯收入低于' || :year_label || '年监测线' END,
                   CASE WHEN below_after_spending AND NOT below_line
                        THEN '扣除大额刚性支出后人均收入低于监测线' END,
                   CASE WHEN dropout THEN '有义务教育阶段适龄儿童失学辍学' END,
                   CASE WHEN uninsured THEN '有家庭成员未参加基本医疗保险' END,
                   CASE WHEN unsafe_house THEN '住房不安全' END,
                   CASE WHEN unsafe_water THEN '饮水不安全' END,
                   CASE WHEN heavy_medical THEN '医疗自付费用占家庭纯收入比例过高' END),
               array_remove(ARRAY[
                   CASE WHEN dropout THEN 'schooling' END,
                   CASE WHEN uninsured THEN 'medical_insurance' END,
                   CASE WHEN unsafe_house THEN 'housing' END,
                   CASE WHEN unsafe_water THEN 'drinking_water' END,
                   CASE WHEN heavy_medical THEN 'illness' END], NULL)::monitoring.risk_cause[],
               'open'
        FROM crossings
        WHERE below_line OR below_after_spending OR dropout OR uninsured OR unsafe_house OR unsafe_water
              OR heavy_medical
        RETURNING id, household_id, town_code, village_code, source
    )
"""


async def screen(
    session: AsyncSession,
    *,
    year: int,
    line: object,
    school_born_after: date,
    school_born_by: date,
    division_prefix: str | None,
    medical_share: object,
) -> int:
    """System screening (系统筛查) in one statement: every household against the line, the three
    guarantees and water safety; alerts only for households with no alert already pending."""
    return await outbox.add_from_query(
        session,
        ALERT_RAISED,
        _ANNOUNCE_RAISED,
        with_sql=f"WITH {_MEMBER_FLAGS}, {_CROSSINGS}, {_RAISE_SYSTEM_ALERTS}",
        year=year,
        year_label=str(year),
        line=line,
        born_after=school_born_after,
        born_by=school_born_by,
        prefix=division_prefix,
        medical_share=medical_share,
    )


def visits_filtered(
    principal: Principal,
    *,
    household_id: uuid.UUID | None,
    visitor_kind: VisitorKind | None,
    updated_since: datetime | None,
) -> Select[Visit]:
    query = select(Visit)
    query = query.where(in_territory(principal, Visit.village_code))
    if principal.role is Role.HELPER:
        query = query.where(Visit.visitor_id == principal.subject)
    if household_id:
        query = query.where(Visit.household_id == household_id)
    if visitor_kind:
        query = query.where(Visit.visitor_kind == visitor_kind)
    if updated_since:
        query = query.where(Visit.updated_at > updated_since)
    return query


async def policies_by_code(session: AsyncSession, codes: list[str]) -> dict[str, Policy]:
    rows = await session.scalars(select(Policy).where(Policy.code.in_(codes)))
    return {p.code: p for p in rows}


class Explained(NamedTuple):
    visit_id: uuid.UUID
    policy_code: str
    policy_name: str
    already_known: bool


async def explanations(session: AsyncSession, visit_ids: list[uuid.UUID]) -> list[Explained]:
    """The policies explained during these visits, in the toolbox's code order."""
    query = (
        select(PolicyExplanation.visit_id, Policy.code, Policy.name, PolicyExplanation.already_known)
        .join(Policy, Policy.id == PolicyExplanation.policy_id)
        .where(PolicyExplanation.visit_id.in_(visit_ids))
        .order_by(PolicyExplanation.visit_id, Policy.code)
    )
    return [Explained(*row) for row in (await session.execute(query)).all()]
