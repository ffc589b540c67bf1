from __future__ import annotations

import uuid

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from services.monitoring.models import MedicalExpense, MemberInsurance


async def insurance(session: AsyncSession, member_id: uuid.UUID, year: int) -> MemberInsurance | None:
    return await session.scalar(
        select(MemberInsurance)
        .where(MemberInsurance.member_id == member_id, MemberInsurance.year == year)
        .with_for_update()
    )


async def latest_insured_year(session: AsyncSession, member_id: uuid.UUID) -> int | None:
    return await session.scalar(
        select(func.max(MemberInsurance.year)).where(MemberInsurance.member_id == member_id)
    )


async def insurances_of(session: AsyncSession, household_id: uuid.UUID) -> list[MemberInsurance]:
    return list(
        await session.scalars(
            select(MemberInsurance)
            .where(MemberInsurance.household_id == household_id)
            .order_by(MemberInsurance.year, MemberInsurance.member_id)
        )
    )


async def expenses_of(session: AsyncSession, household_id: uuid.UUID) -> list[MedicalExpense]:
    return list(
        await session.scalars(
            select(MedicalExpense)
            .where(MedicalExpense.household_id == household_id)
            .order_by(MedicalExpense.settled_on, MedicalExpense.id)
        )
    )


# Per town and year: members of 脱贫户 and monitored households, insured, subsidised; the year's
# large expenses by layer and what households paid.
_PER_TOWN = """
    WITH people AS (
        SELECT m.id, h.town_code FROM monitoring.members m
        JOIN monitoring.households h ON h.id = m.household_id
        WHERE m.left_on IS NULL AND h.cancelled_on IS NULL
          AND (h.kind = 'lifted_out' OR h.status IN ('included', 'safety_net'))
          AND (CAST(:prefix AS text) IS NULL OR h.village_code LIKE :prefix || '%')
    ),
    cover AS (
        SELECT p.town_code, count(*) AS people,
               count(*) FILTER (WHERE i.insured) AS insured,
               count(*) FILTER (WHERE i.id IS NULL OR NOT i.insured) AS uninsured,
               count(*) FILTER (WHERE i.subsidy <> 'none') AS subsidised,
               COALESCE(sum(i.subsidy_amount), 0) AS subsidy_amount
        FROM people p
        LEFT JOIN monitoring.member_insurances i ON i.member_id = p.id AND i.year = :year
        GROUP BY p.town_code
    ),
    spent AS (
        SELECT town_code, count(*) AS expenses, sum(total) AS total, sum(basic_insurance_paid) AS basic,
               sum(serious_illness_paid) AS serious, sum(medical_assistance_paid) AS assistance,
               sum(out_of_pocket) AS out_of_pocket
        FROM monitoring.medical_expenses
        WHERE settled_on >= make_date(:year, 1, 1) AND settled_on < make_date(:year + 1, 1, 1)
          AND (CAST(:prefix AS text) IS NULL OR village_code LIKE :prefix || '%')
        GROUP BY town_code
    )
    SELECT COALESCE(c.town_code, s.town_code) AS town_code,
           COALESCE(c.people, 0) AS people, COALESCE(c.insured, 0) AS insured,
           COALESCE(c.uninsured, 0) AS uninsured, COALESCE(c.subsidised, 0) AS subsidised,
           COALESCE(c.subsidy_amount, 0) AS subsidy_amount, COALESCE(s.expenses, 0) AS expenses,
           COALESCE(s.total, 0) AS total, COALESCE(s.basic, 0) AS basic, COALESCE(s.serious, 0) AS serious,
           COALESCE(s.assistance, 0) AS assistance, COALESCE(s.out_of_pocket, 0) AS out_of_pocket
    FROM cover c FULL JOIN spent s ON s.town_code = c.town_code
    ORDER BY 1
"""


async def per_town(session: AsyncSession, *, year: int, prefix: str | None) -> list[dict[str, object]]:
    rows = await session.execute(text(_PER_TOWN), {"year": year, "prefix": prefix})
    return [dict(r._mapping) for r in rows]
