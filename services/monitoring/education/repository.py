from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Select, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from services.monitoring.models import (
    DropoutCase,
    DropoutStatus,
    Household,
    StudentAid,
    VocationalStatus,
    VocationalStudent,
)
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


# 困难学生: students (义务教育, 高中/中职, 高等教育) of 脱贫户 and of monitored households, in scope.
_STUDENTS = """
    students AS (
        SELECT m.id AS member_id, m.name AS member_name, h.id AS household_id, h.head_name,
               h.town_code, h.village_code
        FROM monitoring.members m
        JOIN monitoring.households h ON h.id = m.household_id
        WHERE m.left_on IS NULL AND h.cancelled_on IS NULL
          AND m.schooling IN ('compulsory', 'high_school', 'higher')
          AND (h.kind = 'lifted_out' OR h.status IN ('included', 'safety_net'))
          AND (CAST(:prefix AS text) IS NULL OR h.village_code LIKE :prefix || '%')
    ),
    aided AS (
        SELECT DISTINCT member_id FROM monitoring.student_aids WHERE school_year = :year AND term = :term
    ),
    dropouts AS (
        SELECT c.town_code, c.village_code, c.household_id, h.head_name, m.name AS member_name, c.opened_on
        FROM monitoring.dropout_cases c
        JOIN monitoring.households h ON h.id = c.household_id
        JOIN monitoring.members m ON m.id = c.member_id
        WHERE c.status <> 'closed'
          AND (CAST(:prefix AS text) IS NULL OR c.village_code LIKE :prefix || '%')
    )
"""
# Built from the constant above only (no input): the parameters are bound.
_PER_TOWN = f"""
    WITH {_STUDENTS},
    per_town AS (
        SELECT s.town_code, count(*) AS students, count(a.member_id) AS aided
        FROM students s LEFT JOIN aided a ON a.member_id = s.member_id
        GROUP BY s.town_code
    ),
    dropouts_per_town AS (SELECT town_code, count(*) AS dropouts FROM dropouts GROUP BY town_code)
    SELECT COALESCE(p.town_code, d.town_code) AS town_code,
           COALESCE(p.students, 0) AS students, COALESCE(p.aided, 0) AS aided,
           COALESCE(p.students, 0) - COALESCE(p.aided, 0) AS unaided,
           COALESCE(d.dropouts, 0) AS dropouts
    FROM per_town p FULL JOIN dropouts_per_town d ON d.town_code = p.town_code
    ORDER BY 1
"""  # noqa: S608
_EXCEPTIONS = f"""
    WITH {_STUDENTS}
    SELECT * FROM (
        SELECT 'dropout' AS problem, town_code, village_code, household_id, head_name, member_name, opened_on
        FROM dropouts
        UNION ALL
        SELECT 'unaided', s.town_code, s.village_code, s.household_id, s.head_name, s.member_name, NULL
        FROM students s WHERE NOT EXISTS (SELECT 1 FROM aided a WHERE a.member_id = s.member_id)
    ) x
    ORDER BY town_code, village_code, problem, member_name, household_id
"""  # noqa: S608


async def per_town(
    session: AsyncSession, *, year: int, term: str, prefix: str | None
) -> list[dict[str, object]]:
    rows = await session.execute(text(_PER_TOWN), {"year": year, "term": term, "prefix": prefix})
    return [dict(r._mapping) for r in rows]


async def exceptions(
    session: AsyncSession, *, year: int, term: str, prefix: str | None
) -> list[dict[str, object]]:
    rows = await session.execute(text(_EXCEPTIONS), {"year": year, "term": term, "prefix": prefix})
    return [dict(r._mapping) for r in rows]


async def aids_of(session: AsyncSession, household_id: uuid.UUID) -> list[StudentAid]:
    return list(
        await session.scalars(
            select(StudentAid)
            .where(StudentAid.household_id == household_id)
            .order_by(StudentAid.school_year, StudentAid.term, StudentAid.kind)
        )
    )


def vocational_filtered(
    principal: Principal,
    *,
    status: VocationalStatus | None = None,
    town_code: str | None = None,
    updated_since: datetime | None = None,
) -> Select[VocationalStudent]:
    query = select(VocationalStudent).where(in_territory(principal, VocationalStudent.village_code))
    if principal.role is Role.HELPER:
        query = query.join(Household, Household.id == VocationalStudent.household_id).where(
            Household.helper_user_id == principal.subject
        )
    if status:
        query = query.where(VocationalStudent.status == status)
    if town_code:
        query = query.where(VocationalStudent.town_code == town_code)
    if updated_since:
        query = query.where(VocationalStudent.updated_at > updated_since)
    return query


async def vocational(
    session: AsyncSession, principal: Principal, student_id: uuid.UUID, *, for_update: bool = False
) -> VocationalStudent | None:
    query = vocational_filtered(principal).where(VocationalStudent.id == student_id)
    return await session.scalar(query.with_for_update(of=VocationalStudent) if for_update else query)
