"""Idle-asset screening in SQL: every asset is judged in one statement, whatever the ledger's size."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import Select, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from services.assets.idle.events import ASSET_FLAGGED_IDLE, ASSET_IDLE_CLEARED
from services.assets.models import Asset, IdleAction, IdleFlag, IdleRule, kit
from services.assets.settings import AssetsSettings
from shared.auth import Principal
from shared.db import within_prefix
from shared.events.outbox import Outbox

outbox = Outbox(kit)

# :prefix bounds the screening to a division ('' = everywhere). Months are whole calendar months
# before :as_of's month. Utilisation is the recorded one, or for a PV station its generation
# against the expected yield. A public-welfare asset is caught when its use status has been idle or
# damaged since at least :unused_months whole months. What the rules find goes to a temporary table
# (dropped at commit), from which one statement flags and announces new flags
# (``asset.flagged_idle``) and another clears and announces the flags no rule finds any more
# (``asset.idle_cleared``): the outbox rows are written from each statement's RETURNING.
_FOUND_TABLE = (
    "CREATE TEMPORARY TABLE idle_found (id uuid, town_code text, village_code text,"
    " rule assets.idle_rule, measure numeric) ON COMMIT DROP"
)
_FIND = """
INSERT INTO idle_found (id, town_code, village_code, rule, measure)
WITH params AS (
    SELECT date_trunc('month', CAST(:as_of AS date))::date AS this_month,
           (date_trunc('month', CAST(:as_of AS date)) - make_interval(months => :idle_months))::date
               AS revenue_from,
           (date_trunc('month', CAST(:as_of AS date)) - make_interval(months => :window_months))::date
               AS utilisation_from,
           (date_trunc('month', CAST(:as_of AS date)) - make_interval(months => :unused_months))::date
               AS unused_since
),
candidates AS (
    SELECT a.id, a.town_code, a.village_code, a.formed_on
    FROM assets.assets a
    WHERE a.kind = 'operating' AND a.status IN ('handed_over', 'in_operation')
      AND a.village_code LIKE CAST(:prefix AS text) || '%'
),
no_revenue AS (
    SELECT c.id, c.town_code, c.village_code, 'no_revenue'::assets.idle_rule AS rule,
           (SELECT (extract(year FROM age(p.this_month, COALESCE(max(m.month) + 1, c.formed_on))) * 12
                    + extract(month FROM age(p.this_month, COALESCE(max(m.month) + 1, c.formed_on))))
            FROM assets.monthly_operations m
            WHERE m.asset_id = c.id AND m.revenue > 0 AND m.month < p.this_month) AS measure
    FROM candidates c CROSS JOIN params p
    WHERE c.formed_on <= p.revenue_from
      AND NOT EXISTS (
          SELECT 1 FROM assets.monthly_operations m
          WHERE m.asset_id = c.id AND m.revenue > 0
            AND m.month >= p.revenue_from AND m.month < p.this_month)
),
low_use AS (
    SELECT c.id, c.town_code, c.village_code, 'low_utilisation'::assets.idle_rule AS rule,
           round(avg(COALESCE(m.utilisation,
                 m.generation_kwh / (pv.capacity_kw * :pv_yield / 12))), 4) AS measure
    FROM candidates c CROSS JOIN params p
    JOIN assets.monthly_operations m
      ON m.asset_id = c.id AND m.month >= p.utilisation_from AND m.month < p.this_month
    LEFT JOIN assets.pv_stations pv ON pv.asset_id = c.id
    GROUP BY c.id, c.town_code, c.village_code
    HAVING avg(COALESCE(m.utilisation, m.generation_kwh / (pv.capacity_kw * :pv_yield / 12))) < :threshold
),
not_in_use AS (
    SELECT a.id, a.town_code, a.village_code, 'not_in_use'::assets.idle_rule AS rule,
           (extract(year FROM age(p.this_month, date_trunc('month', a.use_status_since))) * 12
            + extract(month FROM age(p.this_month, date_trunc('month', a.use_status_since)))) AS measure
    FROM assets.assets a CROSS JOIN params p
    WHERE a.kind = 'public_welfare' AND a.status <> 'disposed' AND a.use_status IN ('idle', 'damaged')
      AND a.use_status_since <= p.unused_since
      AND a.village_code LIKE CAST(:prefix AS text) || '%'
)
SELECT * FROM no_revenue UNION ALL SELECT * FROM low_use UNION ALL SELECT * FROM not_in_use
"""
_FLAG_WITH = """
WITH flagged AS (
    INSERT INTO assets.idle_flags (id, asset_id, town_code, village_code, rule, flagged_on, measure, version)
    SELECT gen_random_uuid(), f.id, f.town_code, f.village_code, f.rule, CAST(:as_of AS date),
           least(f.measure, 999999), 1
    FROM idle_found f
    ON CONFLICT (asset_id, rule) WHERE cleared_on IS NULL DO NOTHING
    RETURNING asset_id, town_code, village_code, rule, flagged_on
)
"""
# One event per flag the INSERT above wrote (none for a flag that was already open).
_ANNOUNCE_FLAGGED = """
SELECT f.asset_id AS subject, f.asset_id, f.town_code, f.village_code, f.rule, f.flagged_on
FROM flagged f
"""
_CLEAR_WITH = """
WITH cleared AS (
    UPDATE assets.idle_flags g
    SET cleared_on = CAST(:as_of AS date), version = g.version + 1, updated_at = now()
    WHERE g.cleared_on IS NULL AND g.village_code LIKE CAST(:prefix AS text) || '%'
      AND NOT EXISTS (SELECT 1 FROM idle_found f WHERE f.id = g.asset_id AND f.rule = g.rule)
    RETURNING g.id, g.asset_id, g.town_code, g.village_code, g.rule, g.flagged_on, g.cleared_on
)
"""
# One event per flag cleared now: the town (and whoever acted on the flag) learns it is over.
_ANNOUNCE_CLEARED = """
SELECT c.asset_id AS subject, c.id AS flag_id, c.asset_id, c.town_code, c.village_code, c.rule,
       c.flagged_on, c.cleared_on
FROM cleared c
"""

_OPEN_FLAGS = text(
    "SELECT count(*) FROM assets.idle_flags "
    "WHERE cleared_on IS NULL AND village_code LIKE CAST(:prefix AS text) || '%'"
)


class Screened(NamedTuple):
    flagged: int
    cleared: int
    open: int


async def screen(session: AsyncSession, *, as_of: date, prefix: str, settings: AssetsSettings) -> Screened:
    """Flag, clear and announce; answers how many flags were raised, cleared, left open.

    Run under the screening's advisory lock (``scheduled.IDLE_SCREENING``), so no other screening
    judges the same flags meanwhile.
    """
    escaped = prefix.replace("%", r"\%").replace("_", r"\_")
    await session.execute(text(_FOUND_TABLE))
    await session.execute(
        text(_FIND),
        {
            "as_of": as_of,
            "prefix": escaped,
            "idle_months": settings.idle_months_without_revenue,
            "window_months": settings.utilisation_window_months,
            "unused_months": settings.not_in_use_months,
            "threshold": settings.low_utilisation_threshold,
            "pv_yield": settings.pv_expected_kwh_per_kw_year,
        },
    )
    flagged = await outbox.add_from_query(
        session, ASSET_FLAGGED_IDLE, _ANNOUNCE_FLAGGED, with_sql=_FLAG_WITH, as_of=as_of
    )
    cleared = await outbox.add_from_query(
        session, ASSET_IDLE_CLEARED, _ANNOUNCE_CLEARED, with_sql=_CLEAR_WITH, as_of=as_of, prefix=escaped
    )
    await session.execute(text("DROP TABLE idle_found"))
    after = int(await session.scalar(_OPEN_FLAGS, {"prefix": escaped}) or 0)
    return Screened(flagged=flagged, cleared=cleared, open=after)


async def today(session: AsyncSession) -> date:
    result = await session.scalar(select(func.current_date()))
    assert result is not None  # current_date() always answers
    return result


def listing(
    principal: Principal,
    *,
    town_code: str | None,
    village_code: str | None,
    rule: IdleRule | None,
    proposed_action: IdleAction | None,
    include_cleared: bool,
    updated_since: datetime | None,
) -> Select[IdleFlag]:
    query = select(IdleFlag).where(within_prefix(IdleFlag.village_code, principal.division_prefix))
    if town_code:
        query = query.where(IdleFlag.town_code == town_code)
    if village_code:
        query = query.where(IdleFlag.village_code == village_code)
    if rule:
        query = query.where(IdleFlag.rule == rule)
    if proposed_action:
        query = query.where(IdleFlag.proposed_action == proposed_action)
    if not include_cleared:
        query = query.where(IdleFlag.cleared_on.is_(None))
    if updated_since:
        query = query.where(IdleFlag.updated_at > updated_since)
    return query


async def get(session: AsyncSession, principal: Principal, flag_id: uuid.UUID) -> IdleFlag | None:
    query = select(IdleFlag).where(
        IdleFlag.id == flag_id, within_prefix(IdleFlag.village_code, principal.division_prefix)
    )
    return (await session.execute(query.with_for_update())).scalar_one_or_none()


async def asset_facts(session: AsyncSession, asset_ids: list[uuid.UUID]) -> dict[uuid.UUID, Any]:
    """Name, category and value of the flagged assets of one page, in one query."""
    if not asset_ids:
        return {}
    query = select(Asset.id, Asset.name, Asset.category, Asset.value).where(Asset.id.in_(asset_ids))
    return {row.id: row for row in await session.execute(query)}
