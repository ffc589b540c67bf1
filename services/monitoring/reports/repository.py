"""Report queries: each one set-based SQL pass, scoped by the caller's territory (``prefix``)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

# Every query filters households by ``:prefix`` (the caller's territory, or NULL) and ``:town``.
TERRITORY = (
    "(CAST(:prefix AS text) IS NULL OR h.village_code LIKE :prefix || '%') "
    "AND (CAST(:town AS text) IS NULL OR h.town_code = :town)"
)
# ... and leaves cancelled households (注销) out: they are history, not cases or people to count.
SCOPE = f"{TERRITORY} AND h.cancelled_on IS NULL"

GROUP_EXPRESSIONS = {
    "status": "h.status::text",
    "subtype": "h.subtype::text",
    "kind": "h.kind::text",
    "risk_cause": (
        "unnest(CASE WHEN cardinality(h.risk_causes) = 0 THEN ARRAY[NULL] ELSE h.risk_causes::text[] END)"
    ),
}


async def _rows(session: AsyncSession, sql: str, **params: Any) -> list[dict[str, Any]]:
    return [dict(r) for r in (await session.execute(text(sql), params)).mappings()]


# Households that existed on :as_of (formed by then, not cancelled by then) with the members they
# had that day: joined by then, not left by then, and in this household then — a member a split or
# merge moved after :as_of was still in the household the first such move took them from.
_HOUSEHOLDS_ON = f"""
    WITH people AS (
        SELECT COALESCE(moved.household_id, m.household_id) AS household_id, count(*) AS n
        FROM monitoring.members m
        LEFT JOIN LATERAL (
            SELECT c.household_id FROM monitoring.household_changes c
            WHERE c.member_id = m.id AND c.kind IN ('split', 'merge') AND c.effective_on > :as_of
            ORDER BY c.effective_on, c.id LIMIT 1) moved ON true
        WHERE m.joined_on <= :as_of AND (m.left_on IS NULL OR m.left_on > :as_of)
        GROUP BY 1
    )
    SELECT h.*, COALESCE(p.n, 0) AS people
    FROM monitoring.households h LEFT JOIN people p ON p.household_id = h.id
    WHERE {TERRITORY} AND h.formed_on <= :as_of AND (h.cancelled_on IS NULL OR h.cancelled_on > :as_of)
"""  # noqa: S608 - constant fragments only


async def households_by(session: AsyncSession, group: str, as_of: date, **scope: Any) -> list[dict[str, Any]]:
    return await _rows(
        session,
        f"""
        SELECT town_code, grp AS group_value, count(*) AS households, CAST(sum(people) AS int) AS members
        FROM (
            SELECT h.town_code, {GROUP_EXPRESSIONS[group]} AS grp, h.people FROM ({_HOUSEHOLDS_ON}) h
        ) g GROUP BY town_code, grp ORDER BY town_code, grp NULLS LAST
        """,  # noqa: S608 - constant fragments only
        as_of=as_of,
        **scope,
    )


# 开发式帮扶 is owed to people (seed §二(五): every able-bodied 脱贫 person; domain.md §1: every
# able-bodied member of a monitored household): members still in a 脱贫户 — monitored or not — or in
# a monitored household (included, or after inclusion short of going back to rest, as
# ``assistance.service.monitored``), of working age, with labour capacity (普通、技能、弱劳动力或半劳动力).
# A measure counts for a person when it names them, is developmental, and is current: its term
# covers the day and it has not ended.
_OWED_DEVELOPMENTAL = f"""
    owed AS MATERIALIZED (
        SELECT m.id AS member_id, m.name AS member_name, m.birth_date, m.labour::text AS labour,
               h.id AS household_id, h.town_code, h.village_code, h.head_name,
               h.kind = 'lifted_out' AS lifted_out,
               h.included_on IS NOT NULL AND h.status NOT IN ('not_monitored', 'risk_eliminated')
                   AS monitored,
               (SELECT count(*) FROM monitoring.measures x
                WHERE x.member_id = m.id AND x.kind = 'developmental'
                  AND x.starts_on <= :today AND x.ends_on >= :today
                  AND (x.ended_on IS NULL OR x.ended_on > :today)) AS developmental_measures
        FROM monitoring.members m
        JOIN monitoring.households h ON h.id = m.household_id
        WHERE {SCOPE} AND m.left_on IS NULL
          AND m.labour IN ('ordinary', 'skilled', 'weak')
          AND m.birth_date > :born_after AND m.birth_date <= :born_by
          AND (h.kind = 'lifted_out'
               OR (h.included_on IS NOT NULL AND h.status NOT IN ('not_monitored', 'risk_eliminated')))
    )
"""  # noqa: S608 - constant fragments only


async def lacking_developmental(
    session: AsyncSession, today: date, born_after: date, born_by: date, minimum: int, **scope: Any
) -> list[dict[str, Any]]:
    """Each person owed developmental measures who has fewer than ``minimum`` current ones
    (``row_type`` person), each village's people followed by its subtotal (``village_total``: the
    people owed measures there, how many lack them) — in one pass over the people."""
    return await _rows(
        session,
        f"""
        WITH {_OWED_DEVELOPMENTAL}
        SELECT * FROM (
            SELECT 'person' AS row_type, member_id, member_name, birth_date, labour, household_id,
                   town_code, village_code, head_name, lifted_out, monitored, developmental_measures,
                   NULL::bigint AS people, NULL::bigint AS lacking
            FROM owed WHERE developmental_measures < :minimum
            UNION ALL
            SELECT 'village_total', NULL, NULL, NULL, NULL, NULL, town_code, village_code, NULL, NULL,
                   NULL, NULL, count(*), count(*) FILTER (WHERE developmental_measures < :minimum)
            FROM owed GROUP BY town_code, village_code
        ) AS report
        ORDER BY town_code, village_code, row_type = 'village_total', head_name, household_id,
                 birth_date, member_id
        """,  # noqa: S608
        today=today,
        born_after=born_after,
        born_by=born_by,
        minimum=minimum,
        **scope,
    )


# The cases the identification-overdue report looks at: being identified, or included in this case.
IDENTIFICATION_CASES = (
    "h.case_started_on IS NOT NULL AND (h.status IN ('verifying', 'village_review', 'public_notice', "
    "'town_review', 'district_approval') OR (h.status = 'included' AND h.included_on >= h.case_started_on))"
)


async def identification_case_starts(session: AsyncSession, **scope: Any) -> list[date]:
    result = await session.execute(
        text(
            "SELECT DISTINCT h.case_started_on FROM monitoring.households h "  # noqa: S608 - constants
            f"WHERE {SCOPE} AND {IDENTIFICATION_CASES}"
        ),
        scope,
    )
    return [row[0] for row in result]


async def identification_overdue(
    session: AsyncSession, today: date, deadlines: dict[date, date], **scope: Any
) -> list[dict[str, Any]]:
    """Over the limit: still being identified after the deadline, or included after it."""
    return await _rows(
        session,
        f"""
        WITH limits AS (
            SELECT * FROM unnest(CAST(:starts AS date[]), CAST(:deadlines AS date[])) AS l(started, deadline)
        )
        SELECT h.id AS household_id, h.town_code, h.village_code, h.head_name, h.status::text AS status,
               h.case_started_on, l.deadline, h.included_on,
               COALESCE(h.included_on, CAST(:today AS date)) - h.case_started_on AS days,
               COALESCE(h.included_on, CAST(:today AS date)) - l.deadline AS days_over
        FROM monitoring.households h JOIN limits l ON l.started = h.case_started_on
        WHERE {SCOPE} AND {IDENTIFICATION_CASES}
          AND COALESCE(h.included_on, CAST(:today AS date)) > l.deadline
        ORDER BY days_over DESC, h.id
        """,  # noqa: S608
        today=today,
        starts=list(deadlines),
        deadlines=list(deadlines.values()),
        **scope,
    )


# Households that must have a responsible helper: 脱贫户 (an identity) and households monitored now
# or before (a status) — 帮扶责任全覆盖.
NEEDS_HELPER = "(h.kind = 'lifted_out' OR h.status IN ('included', 'risk_eliminated', 'safety_net'))"
# A helper counts only if the gateway's account is real, active and a helper (accounts.service.serves;
# the projection of the gateway's user events): a made-up or deactivated id is no helper.
HAS_HELPER = """EXISTS (
    SELECT 1 FROM monitoring.projected_users u
    WHERE u.user_id = h.helper_user_id AND u.active AND u.role = 'helper'
      AND (u.division_code IS NULL OR h.village_code LIKE u.division_code || '%'))"""


async def helper_coverage(session: AsyncSession, year_start: date, **scope: Any) -> list[dict[str, Any]]:
    return await _rows(
        session,
        f"""
        SELECT h.town_code, count(*) AS households,
               count(*) FILTER (WHERE h.helped) AS with_helper,
               count(*) FILTER (WHERE NOT h.helped) AS without_helper,
               count(*) FILTER (WHERE EXISTS (
                   SELECT 1 FROM monitoring.visits v WHERE v.household_id = h.id
                   AND v.visitor_kind = 'town_secretary' AND v.visited_at >= :year_start))
                   AS secretary_visited,
               count(*) FILTER (WHERE EXISTS (
                   SELECT 1 FROM monitoring.visits v WHERE v.household_id = h.id
                   AND v.visitor_kind = 'responsible_helper' AND v.visited_at >= :year_start))
                   AS helper_visited
        FROM (SELECT h.id, h.town_code, {HAS_HELPER} AS helped FROM monitoring.households h
              WHERE {SCOPE} AND {NEEDS_HELPER}) h
        GROUP BY h.town_code ORDER BY h.town_code
        """,  # noqa: S608
        year_start=year_start,
        **scope,
    )


async def helper_missing(session: AsyncSession, **scope: Any) -> list[dict[str, Any]]:
    return await _rows(
        session,
        f"""
        SELECT h.id AS household_id, h.town_code, h.village_code, h.head_name, h.kind::text AS kind,
               h.status::text AS status
        FROM monitoring.households h
        WHERE {SCOPE} AND {NEEDS_HELPER} AND NOT {HAS_HELPER}
        ORDER BY h.town_code, h.village_code, h.id
        """,  # noqa: S608
        **scope,
    )


# 疑点数据: the households each numbered rule flags (the rules' wording is in
# ``service.DATA_QUALITY_RULES``). Rule 6 reads ``member_employment_records``, monitoring's
# projection of employment's ``worker.registered`` events; it covers the households employment
# tracks (脱贫户, 监测户). Rule 5 counts a helper only if it is a real one (``HAS_HELPER``).
DATA_QUALITY_QUERIES = {
    1: """
        SELECT h.id FROM monitoring.households h
        WHERE h.status = 'included'
          AND h.included_on < CAST(:today AS date) - CAST(:grace_days AS integer)
          AND NOT EXISTS (SELECT 1 FROM monitoring.measures m WHERE m.household_id = h.id)
    """,
    2: """
        SELECT h.id FROM monitoring.households h
        WHERE h.status = 'safety_net'
          AND NOT EXISTS (SELECT 1 FROM monitoring.measures m
                          JOIN monitoring.policies p ON p.id = m.policy_id AND p.qualifies_safety_net
                          WHERE m.household_id = h.id AND m.delivered_on <= CAST(:today AS date)
                            AND m.ends_on >= CAST(:today AS date) AND m.ended_on IS NULL)
    """,
    3: """
        SELECT h.id FROM monitoring.households h
        JOIN LATERAL (SELECT i.year, i.net_income FROM monitoring.incomes i WHERE i.household_id = h.id
                      ORDER BY i.year DESC LIMIT 1) i ON true
        JOIN monitoring.monitoring_lines l ON l.year = i.year
        WHERE h.status = 'risk_eliminated' AND i.net_income / h.member_count < l.amount
    """,
    4: """
        SELECT h.id FROM monitoring.households h
        JOIN (SELECT household_id, count(*) AS n FROM monitoring.members WHERE left_on IS NULL
              GROUP BY household_id) m
          ON m.household_id = h.id
        WHERE h.member_count <> m.n
    """,
    5: f"SELECT h.id FROM monitoring.households h WHERE {NEEDS_HELPER} AND NOT {HAS_HELPER}",  # noqa: S608
    6: f"""
        SELECT h.id FROM monitoring.households h
        WHERE {NEEDS_HELPER} AND EXISTS (
            SELECT 1 FROM monitoring.members m
            WHERE m.household_id = h.id AND m.left_on IS NULL AND m.labour IN ('ordinary', 'skilled')
              AND m.birth_date > :working_born_after AND m.birth_date <= :working_born_by
              AND NOT EXISTS (SELECT 1 FROM monitoring.member_employment_records r
                              WHERE r.member_id = m.id))
    """,  # noqa: S608
}
_FLAGGED = " UNION ALL ".join(
    f"SELECT {number} AS rule_no, flagged.id FROM ({query}) AS flagged"  # noqa: S608
    for number, query in DATA_QUALITY_QUERIES.items()
)


async def data_quality(
    session: AsyncSession,
    today: date,
    grace_days: int,
    working_born_after: date,
    working_born_by: date,
    **scope: Any,
) -> list[dict[str, Any]]:
    """Every household a data-quality rule flags, once per rule, by town and rule."""
    return await _rows(
        session,
        f"""
        SELECT v.rule_no, h.id AS household_id, h.town_code, h.village_code, h.head_name
        FROM ({_FLAGGED}) AS v
        JOIN monitoring.households h ON h.id = v.id
        WHERE {SCOPE}
        ORDER BY h.town_code, v.rule_no, h.village_code, h.id
        """,  # noqa: S608
        today=today,
        grace_days=grace_days,
        working_born_after=working_born_after,
        working_born_by=working_born_by,
        **scope,
    )


async def policy_awareness(session: AsyncSession, since: datetime, **scope: Any) -> list[dict[str, Any]]:
    """Policies explained on visits since ``since`` and how many the household already knew: per
    village, per town (``village_code`` NULL) and for the whole territory (both NULL)."""
    return await _rows(
        session,
        f"""
        SELECT h.town_code, h.village_code,
               count(DISTINCT v.household_id) AS households,
               count(*) AS explained,
               count(*) FILTER (WHERE e.already_known) AS known
        FROM monitoring.policy_explanations e
        JOIN monitoring.visits v ON v.id = e.visit_id
        JOIN monitoring.households h ON h.id = v.household_id
        WHERE {SCOPE} AND v.visited_at >= :since
        GROUP BY GROUPING SETS ((h.town_code, h.village_code), (h.town_code), ())
        HAVING count(*) > 0
        ORDER BY h.town_code NULLS LAST, h.village_code NULLS LAST
        """,  # noqa: S608
        since=since,
        **scope,
    )
