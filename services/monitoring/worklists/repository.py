"""Queries of the worklists: cases past the identification limit, what waits on a town, and the
households monitored two years or more with the route decided for each. Set-based SQL, scoped by
the caller's territory (``:prefix``) and the asked-for town/village."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import func, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.monitoring.models import LongRunningDecision, outbox
from services.monitoring.worklists.events import IDENTIFICATION_OVERDUE
from shared.clock import DISTRICT_TIME_ZONE

# The steps of identification (识别纳入): a case in one of them is on the clock.
IDENTIFYING = "('verifying', 'village_review', 'public_notice', 'town_review', 'district_approval')"


def scope(alias: str) -> str:
    """Rows of ``alias`` inside the caller's territory and the asked-for town and village (NULL: any)."""
    return (
        f"(CAST(:prefix AS text) IS NULL OR {alias}.village_code LIKE :prefix || '%') "
        f"AND (CAST(:town AS text) IS NULL OR {alias}.town_code = :town) "
        f"AND (CAST(:village AS text) IS NULL OR {alias}.village_code = :village)"
    )


# Monitored ``long_running_years`` or more (included on or before :cutoff) and not closed: still
# long-running whatever step of assistance or elimination it is in, until risk eliminated,
# 兜底保障户 or no longer monitored (domain.md, "Long-running cases").
LONG_RUNNING = (
    "(h.included_on <= :cutoff AND h.closed_on IS NULL "
    "AND h.status NOT IN ('not_monitored', 'risk_eliminated', 'safety_net'))"
)
# The decision that counts: the current one, for the household's current monitoring period.
CURRENT_DECISION = "d.household_id = h.id AND d.superseded_at IS NULL AND d.included_on = h.included_on"
# Case starts and their deadlines (computed in Python: working days need the holiday calendar).
LIMITS = "SELECT * FROM unnest(CAST(:starts AS date[]), CAST(:deadlines AS date[])) AS l(started, deadline)"


def plan_refined() -> str:
    """完善帮扶计划 carried out: this year's (:year) plan of the household gained a measure on or after
    the decision — made with the plan, added, or put in place of another (the plan's amendment
    history says when; ending a measure or recording a delivery refines nothing)."""
    return """EXISTS (
        SELECT 1 FROM monitoring.assistance_plans p JOIN monitoring.plan_amendments a ON a.plan_id = p.id
        WHERE p.household_id = h.id AND p.year = :year AND a.action IN ('create', 'add', 'replace')
          AND a.at >= d.decided_at)"""


ROUTE_DONE = f"""CASE d.route
    WHEN 'eliminate' THEN h.status = 'risk_eliminated'
    WHEN 'safety_net' THEN h.status = 'safety_net'
    WHEN 'refine_plan' THEN {plan_refined()}
    ELSE false END"""


async def _rows(session: AsyncSession, sql: str, **params: Any) -> list[dict[str, Any]]:
    return [dict(r) for r in (await session.execute(text(sql), params)).mappings()]


# -- identification time limit ---------------------------------------------------------------------


async def case_starts(session: AsyncSession, **scoped: Any) -> list[date]:
    """The first-alert days of the cases being identified (few: one per day at most)."""
    result = await session.execute(
        text(
            f"SELECT DISTINCT h.case_started_on FROM monitoring.households h "  # noqa: S608 - constants
            f"WHERE h.status IN {IDENTIFYING} AND h.case_started_on IS NOT NULL AND {scope('h')}"
        ),
        scoped,
    )
    return [row[0] for row in result]


_RECORD_OVERDUE = f"""
WITH limits AS ({LIMITS}),
found AS (
    INSERT INTO monitoring.identification_overdue
        (id, household_id, case_started_on, town_code, village_code, stage, deadline, found_on)
    SELECT gen_random_uuid(), h.id, h.case_started_on, h.town_code, h.village_code, h.status::text,
           l.deadline, CAST(:today AS date)
    FROM monitoring.households h JOIN limits l ON l.started = h.case_started_on
    WHERE h.status IN {IDENTIFYING} AND CAST(:today AS date) > l.deadline
    ON CONFLICT (household_id, case_started_on) DO NOTHING
    RETURNING household_id, case_started_on, town_code, village_code, stage, deadline, found_on
)
"""  # noqa: S608 - constant fragments only

# One event per row the INSERT wrote: a case already recorded is neither recorded nor announced again.
_ANNOUNCE_OVERDUE = """
SELECT f.household_id AS subject, f.household_id, f.town_code, f.village_code, f.case_started_on,
       f.deadline, f.found_on, f.stage, CAST(:limit_days AS integer) AS limit_days,
       CAST(:working_days AS boolean) AS working_days
FROM found f
"""


async def record_overdue(
    session: AsyncSession,
    deadlines: dict[date, date],
    *,
    today: date,
    limit_days: int,
    working_days: bool,
) -> int:
    """Record and announce, in one statement, every case past its deadline not recorded before.

    The unique (household, case start) is the guard: a concurrent run's INSERT waits on the first
    one's row and then does nothing, so each case is announced exactly once."""
    return await outbox.add_from_query(
        session,
        IDENTIFICATION_OVERDUE,
        _ANNOUNCE_OVERDUE,
        with_sql=_RECORD_OVERDUE,
        starts=list(deadlines),
        deadlines=list(deadlines.values()),
        today=today,
        limit_days=limit_days,
        working_days=working_days,
    )


# -- the pending list (待办) -------------------------------------------------------------------------

_PENDING = f"""
WITH limits AS ({LIMITS}),
items AS (
    SELECT 'identification_overdue' AS kind, h.id AS item_id, h.id AS household_id,
           CAST(NULL AS uuid) AS alert_id, h.town_code, h.village_code, h.head_name,
           h.status::text AS stage, h.case_started_on AS since, l.deadline AS due_on
    FROM monitoring.households h JOIN limits l ON l.started = h.case_started_on
    WHERE {scope("h")} AND h.status IN {IDENTIFYING} AND CAST(:today AS date) > l.deadline
    UNION ALL
    SELECT 'alert_waiting', a.id, a.household_id, a.id, a.town_code, a.village_code, h.head_name,
           h.status::text, w.raised_on, w.raised_on + CAST(:alert_days AS integer)
    FROM monitoring.alerts a
    JOIN monitoring.households h ON h.id = a.household_id
    CROSS JOIN LATERAL (SELECT CAST(a.created_at AT TIME ZONE '{DISTRICT_TIME_ZONE}' AS date) AS raised_on) w
    WHERE {scope("a")} AND a.status = 'open'
      AND w.raised_on + CAST(:alert_days AS integer) < CAST(:today AS date)
    UNION ALL
    SELECT 'long_running_unrouted', h.id, h.id, NULL, h.town_code, h.village_code, h.head_name,
           h.status::text, h.included_on, CAST(h.included_on + make_interval(years => :years) AS date)
    FROM monitoring.households h
    WHERE {scope("h")} AND {LONG_RUNNING}
      AND NOT EXISTS (SELECT 1 FROM monitoring.long_running_decisions d WHERE {CURRENT_DECISION})
)
SELECT i.*, CAST(:today AS date) - i.since AS days, CAST(:today AS date) - i.due_on AS days_over
FROM items i
WHERE (CAST(:kind AS text) IS NULL OR i.kind = :kind)
  AND (CAST(:after_since AS date) IS NULL
       OR (i.since, i.kind, i.item_id) > (CAST(:after_since AS date), CAST(:after_kind AS text),
                                          CAST(:after_id AS uuid)))
ORDER BY i.since, i.kind, i.item_id
LIMIT :limit
"""  # noqa: S608 - constant fragments only


async def pending(
    session: AsyncSession,
    deadlines: dict[date, date],
    *,
    today: date,
    alert_days: int,
    cutoff: date,
    years: int,
    kind: str | None,
    after: tuple[date, str, uuid.UUID] | None,
    limit: int,
    **scoped: Any,
) -> list[dict[str, Any]]:
    """What waits on the caller's territory, oldest first, from just after ``after``."""
    after_since, after_kind, after_id = after or (None, None, None)
    return await _rows(
        session,
        _PENDING,
        starts=list(deadlines),
        deadlines=list(deadlines.values()),
        today=today,
        alert_days=alert_days,
        cutoff=cutoff,
        years=years,
        kind=kind,
        after_since=after_since,
        after_kind=after_kind,
        after_id=after_id,
        limit=limit,
        **scoped,
    )


# -- long-running households and their routes --------------------------------------------------------

# The worklist: every household long-running now, and every one whose route was decided for its
# current monitoring period (so a route carried out — risk eliminated, 兜底保障户 — stays on it, done).
_WORKLIST = f"""
SELECT h.id AS household_id, h.town_code, h.village_code, h.head_name, h.status::text AS status,
       h.included_on, d.route::text AS route, d.decided_at, d.decided_by, d.reason,
       COALESCE({ROUTE_DONE}, false) AS route_done
FROM monitoring.households h
LEFT JOIN monitoring.long_running_decisions d ON {CURRENT_DECISION}
WHERE {scope("h")} AND h.included_on IS NOT NULL AND ({LONG_RUNNING} OR d.id IS NOT NULL)
"""  # noqa: S608 - constant fragments only


async def worklist(
    session: AsyncSession, *, cutoff: date, year: int, route: str | None, **scoped: Any
) -> list[dict[str, Any]]:
    """The households of the worklist, unrouted first in each town; ``route`` 'unrouted' or a route."""
    return await _rows(
        session,
        f"""
        SELECT w.* FROM ({_WORKLIST}) w
        WHERE CAST(:route AS text) IS NULL
           OR (:route = 'unrouted' AND w.route IS NULL) OR w.route = :route
        ORDER BY w.town_code, w.route IS NOT NULL, w.village_code, w.included_on, w.household_id
        """,  # noqa: S608
        cutoff=cutoff,
        year=year,
        route=route,
        **scoped,
    )


async def progress_by_town(
    session: AsyncSession, *, cutoff: date, year: int, **scoped: Any
) -> list[dict[str, Any]]:
    """Per town: the worklist's households, decided per route, carried out per route, undecided."""
    return await _rows(
        session,
        f"""
        SELECT w.town_code, count(*) AS households,
               count(*) FILTER (WHERE w.route = 'eliminate') AS eliminate_routed,
               count(*) FILTER (WHERE w.route = 'eliminate' AND w.route_done) AS eliminate_done,
               count(*) FILTER (WHERE w.route = 'safety_net') AS safety_net_routed,
               count(*) FILTER (WHERE w.route = 'safety_net' AND w.route_done) AS safety_net_done,
               count(*) FILTER (WHERE w.route = 'refine_plan') AS refine_plan_routed,
               count(*) FILTER (WHERE w.route = 'refine_plan' AND w.route_done) AS refine_plan_done,
               count(*) FILTER (WHERE w.route IS NULL) AS unrouted
        FROM ({_WORKLIST}) w
        GROUP BY w.town_code ORDER BY w.town_code
        """,  # noqa: S608
        cutoff=cutoff,
        year=year,
        **scoped,
    )


async def decisions(session: AsyncSession, household_id: uuid.UUID) -> list[LongRunningDecision]:
    """Every route decided for the household, the latest first."""
    result = await session.scalars(
        select(LongRunningDecision)
        .where(LongRunningDecision.household_id == household_id)
        .order_by(LongRunningDecision.sequence.desc())
        # A decision superseded in this transaction (a bulk UPDATE) is read as it now is.
        .execution_options(populate_existing=True)
    )
    return list(result)


async def supersede(session: AsyncSession, household_id: uuid.UUID) -> None:
    await session.execute(
        update(LongRunningDecision)
        .where(LongRunningDecision.household_id == household_id, LongRunningDecision.superseded_at.is_(None))
        .values(superseded_at=func.now())
    )


async def route_done(session: AsyncSession, household_id: uuid.UUID, *, year: int) -> bool:
    """Whether the household's current route is carried out (the worklist's own test, one household)."""
    done = await session.scalar(
        text(
            f"SELECT {ROUTE_DONE} FROM monitoring.households h "  # noqa: S608 - constants
            f"JOIN monitoring.long_running_decisions d ON {CURRENT_DECISION} WHERE h.id = :id"
        ),
        {"id": household_id, "year": year},
    )
    return bool(done)
