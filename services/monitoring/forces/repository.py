"""Every query of the assistance forces: records scoped by the caller's territory, and the
set-based coverage, activity and consumption figures."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from services.monitoring.models import (
    CadreTraining,
    ConsumptionPurchase,
    ForceVillage,
    SocialForce,
    SupportAssignment,
    SupportKind,
    WorkTeam,
    WorkTeamMember,
)
from services.monitoring.reports.repository import HAS_HELPER, NEEDS_HELPER
from shared.auth import Principal
from shared.db import in_territory


def on(valid_from: Any, valid_to: Any, day: date) -> Any:
    """A term covers ``day`` (both ends inclusive; an open end runs on)."""
    return (valid_from <= day) & ((valid_to.is_(None)) | (valid_to >= day))


def villages(principal: Principal, lifted_out: bool | None, updated_since: datetime | None) -> Select[Any]:
    query = select(ForceVillage).where(in_territory(principal, ForceVillage.village_code))
    if lifted_out is not None:
        query = query.where(ForceVillage.lifted_out_village == lifted_out)
    if updated_since:
        query = query.where(ForceVillage.updated_at > updated_since)
    return query


def assignments(
    principal: Principal,
    *,
    kind: SupportKind | None,
    village_code: str | None,
    day: date | None,
    updated_since: datetime | None,
) -> Select[Any]:
    query = select(SupportAssignment).where(in_territory(principal, SupportAssignment.village_code))
    if kind:
        query = query.where(SupportAssignment.kind == kind)
    if village_code:
        query = query.where(SupportAssignment.village_code == village_code)
    if day:
        query = query.where(on(SupportAssignment.valid_from, SupportAssignment.valid_to, day))
    if updated_since:
        query = query.where(SupportAssignment.updated_at > updated_since)
    return query


def teams(
    principal: Principal, *, village_code: str | None, day: date | None, updated_since: datetime | None
) -> Select[Any]:
    query = select(WorkTeam).where(in_territory(principal, WorkTeam.village_code))
    if village_code:
        query = query.where(WorkTeam.village_code == village_code)
    if day:
        query = query.where(on(WorkTeam.valid_from, WorkTeam.valid_to, day))
    if updated_since:
        query = query.where(WorkTeam.updated_at > updated_since)
    return query


async def members_of(session: AsyncSession, team_ids: list[uuid.UUID]) -> list[WorkTeamMember]:
    rows = await session.scalars(
        select(WorkTeamMember)
        .where(WorkTeamMember.team_id.in_(team_ids))
        .order_by(WorkTeamMember.valid_from, WorkTeamMember.role, WorkTeamMember.name)
    )
    return list(rows)


async def member_of_team_on(
    session: AsyncSession, team_id: uuid.UUID, user_id: str, day: date
) -> WorkTeamMember | None:
    return await session.scalar(
        select(WorkTeamMember).where(
            WorkTeamMember.team_id == team_id,
            WorkTeamMember.user_id == user_id,
            on(WorkTeamMember.valid_from, WorkTeamMember.valid_to, day),
        )
    )


def trainings(principal: Principal, team_id: uuid.UUID | None, updated_since: datetime | None) -> Select[Any]:
    query = select(CadreTraining).where(in_territory(principal, CadreTraining.village_code))
    if team_id:
        query = query.where(CadreTraining.team_id == team_id)
    if updated_since:
        query = query.where(CadreTraining.updated_at > updated_since)
    return query


def social_forces(
    principal: Principal, village_code: str | None, updated_since: datetime | None
) -> Select[Any]:
    query = select(SocialForce).where(in_territory(principal, SocialForce.village_code))
    if village_code:
        query = query.where(SocialForce.village_code == village_code)
    if updated_since:
        query = query.where(SocialForce.updated_at > updated_since)
    return query


def purchases(principal: Principal, unit: str | None, updated_since: datetime | None) -> Select[Any]:
    query = select(ConsumptionPurchase).where(in_territory(principal, ConsumptionPurchase.village_code))
    if unit:
        query = query.where(ConsumptionPurchase.purchasing_unit == unit)
    if updated_since:
        query = query.where(ConsumptionPurchase.updated_at > updated_since)
    return query


async def _rows(session: AsyncSession, sql: str, **params: Any) -> list[dict[str, Any]]:
    return [dict(r) for r in (await session.execute(text(sql), params)).mappings()]


TERRITORY = (
    "(CAST(:prefix AS text) IS NULL OR v.village_code LIKE :prefix || '%') "
    "AND (CAST(:town AS text) IS NULL OR v.town_code = :town)"
)
# Every term that answers for a village, by requirement: 包抓 / 包扶 / 帮建 and the work team.
TERMS = """
    SELECT village_code, kind::text AS requirement, valid_from, valid_to FROM monitoring.support_assignments
    UNION ALL
    SELECT village_code, 'work_team', valid_from, valid_to FROM monitoring.work_teams
"""
COVERS = "t.valid_from <= :day AND (t.valid_to IS NULL OR t.valid_to >= :day)"


def _responsible(kind: str) -> str:
    """Who answered for the village in ``kind`` on :day (names joined; normally one)."""
    return f"""(SELECT string_agg(a.responsible, '、' ORDER BY a.valid_from)
        FROM monitoring.support_assignments a
        WHERE a.village_code = v.village_code AND a.kind = '{kind}'
          AND a.valid_from <= :day AND (a.valid_to IS NULL OR a.valid_to >= :day)) AS {kind}"""  # noqa: S608


async def coverage(session: AsyncSession, day: date, **scope: Any) -> list[dict[str, Any]]:
    """Each 脱贫村 (flagged by ``day``) with who answered for it that day, and its households' helper
    coverage as it stands now (a helper assignment has no term: see the docs)."""
    return await _rows(
        session,
        f"""
        SELECT v.village_code, v.town_code,
            {_responsible("leader")},
            {_responsible("department")},
            {_responsible("enterprise")},
            team.sending_unit AS work_team,
            (SELECT m.name FROM monitoring.work_team_members m
              WHERE m.team_id = team.id AND m.role = 'first_secretary'
                AND m.valid_from <= :day AND (m.valid_to IS NULL OR m.valid_to >= :day)) AS first_secretary,
            ARRAY(SELECT r FROM unnest(CAST(:required AS text[])) r
              WHERE NOT EXISTS (SELECT 1 FROM ({TERMS}) t
                                WHERE t.village_code = v.village_code AND t.requirement = r AND {COVERS})
            ) AS missing,
            (SELECT count(*) FROM monitoring.households h WHERE h.village_code = v.village_code
               AND h.cancelled_on IS NULL AND {NEEDS_HELPER}) AS need_helper,
            (SELECT count(*) FROM monitoring.households h WHERE h.village_code = v.village_code
               AND h.cancelled_on IS NULL AND {NEEDS_HELPER} AND NOT {HAS_HELPER}) AS without_helper
        FROM monitoring.force_villages v
        LEFT JOIN monitoring.work_teams team ON team.village_code = v.village_code
             AND team.valid_from <= :day AND (team.valid_to IS NULL OR team.valid_to >= :day)
        WHERE v.lifted_out_village AND v.since <= :day AND {TERRITORY}
        ORDER BY v.town_code, v.village_code
        """,  # noqa: S608 - constant fragments only
        day=day,
        **scope,
    )


# The gaps of 脱贫村 on :day, each with the day it began: the day after the last term that ended
# before :day, or the day the village became a 脱贫村 (whichever is later).
GAPS = f"""
    SELECT v.village_code, v.town_code, r AS requirement,
           GREATEST(v.since, COALESCE(
               (SELECT max(t.valid_to) + 1 FROM ({TERMS}) t
                WHERE t.village_code = v.village_code AND t.requirement = r AND t.valid_to < :day),
               v.since)) AS gap_from
    FROM monitoring.force_villages v CROSS JOIN unnest(CAST(:required AS text[])) r
    WHERE v.lifted_out_village AND v.since <= :day AND {TERRITORY}
      AND NOT EXISTS (SELECT 1 FROM ({TERMS}) t
                      WHERE t.village_code = v.village_code AND t.requirement = r AND {COVERS})
"""  # noqa: S608 - constant fragments only


async def gaps(session: AsyncSession, day: date, **scope: Any) -> list[dict[str, Any]]:
    return await _rows(session, GAPS + " ORDER BY v.town_code, v.village_code, r", day=day, **scope)


async def record_new_gaps(session: AsyncSession, day: date, required: list[str]) -> list[dict[str, Any]]:
    """Gaps of the whole district not announced before (one row per gap; a rerun adds nothing)."""
    return await _rows(
        session,
        f"""
        INSERT INTO monitoring.coverage_gaps (village_code, requirement, gap_from, town_code, found_on)
        SELECT g.village_code, g.requirement, g.gap_from, g.town_code, :day FROM ({GAPS}) g
        ON CONFLICT DO NOTHING
        RETURNING village_code, town_code, requirement, gap_from, found_on
        """,  # noqa: S608 - constant fragments only
        day=day,
        required=required,
        prefix=None,
        town=None,
    )


async def team_activity(
    session: AsyncSession, year_start: date, year_end: date, **scope: Any
) -> list[dict[str, Any]]:
    """Each team serving within the year: its first secretary now, members, 昼访夜谈 visits and the
    households they reached, trainings and hours in the year."""
    return await _rows(
        session,
        f"""
        SELECT v.team_id, v.village_code, v.town_code, v.sending_unit, v.valid_from, v.valid_to,
            (SELECT string_agg(m.name, '、' ORDER BY m.valid_from) FROM monitoring.work_team_members m
              WHERE m.team_id = v.team_id AND m.role = 'first_secretary'
                AND m.valid_from <= :year_end AND (m.valid_to IS NULL OR m.valid_to >= :year_start))
                AS first_secretary,
            (SELECT count(*) FROM monitoring.work_team_members m WHERE m.team_id = v.team_id
                AND m.valid_from <= :year_end AND (m.valid_to IS NULL OR m.valid_to >= :year_start))
                AS members,
            (SELECT count(*) FROM monitoring.visits x WHERE x.work_team_id = v.team_id
                AND x.visited_at >= :year_start AND x.visited_at < :year_next) AS visits,
            (SELECT count(DISTINCT x.household_id) FROM monitoring.visits x WHERE x.work_team_id = v.team_id
                AND x.visited_at >= :year_start AND x.visited_at < :year_next) AS households_visited,
            (SELECT count(*) FROM monitoring.cadre_trainings c WHERE c.team_id = v.team_id
                AND c.held_on BETWEEN :year_start AND :year_end) AS trainings,
            (SELECT COALESCE(sum(c.hours), 0) FROM monitoring.cadre_trainings c WHERE c.team_id = v.team_id
                AND c.held_on BETWEEN :year_start AND :year_end) AS training_hours
        FROM (SELECT id AS team_id, * FROM monitoring.work_teams) v
        WHERE v.valid_from <= :year_end AND (v.valid_to IS NULL OR v.valid_to >= :year_start) AND {TERRITORY}
        ORDER BY v.town_code, v.village_code, v.valid_from
        """,  # noqa: S608 - constant fragments only
        year_start=year_start,
        year_end=year_end,
        year_next=year_end + timedelta(days=1),
        **scope,
    )


async def consumption(
    session: AsyncSession, year_start: date, year_end: date, **scope: Any
) -> list[dict[str, Any]]:
    return await _rows(
        session,
        f"""
        SELECT v.purchasing_unit, count(*) AS purchases, count(DISTINCT v.village_code) AS villages,
               sum(v.amount) AS amount
        FROM monitoring.consumption_purchases v
        WHERE v.purchased_on BETWEEN :year_start AND :year_end AND {TERRITORY}
        GROUP BY v.purchasing_unit ORDER BY sum(v.amount) DESC, v.purchasing_unit
        """,  # noqa: S608 - constant fragments only
        year_start=year_start,
        year_end=year_end,
        **scope,
    )
