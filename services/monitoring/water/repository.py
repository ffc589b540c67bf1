from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Select, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from services.monitoring.models import WaterCheck, WaterSite, WaterSiteStatus
from shared.auth import Principal
from shared.db import in_territory


def sites_filtered(
    principal: Principal,
    *,
    town_code: str | None = None,
    year: int | None = None,
    status: WaterSiteStatus | None = None,
    updated_since: datetime | None = None,
) -> Select[WaterSite]:
    query = select(WaterSite).where(in_territory(principal, WaterSite.village_code))
    if town_code:
        query = query.where(WaterSite.town_code == town_code)
    if year:
        query = query.where(WaterSite.year == year)
    if status:
        query = query.where(WaterSite.status == status)
    if updated_since:
        query = query.where(WaterSite.updated_at > updated_since)
    return query


async def site(
    session: AsyncSession, principal: Principal, site_id: uuid.UUID, *, for_update: bool = False
) -> WaterSite | None:
    query = sites_filtered(principal).where(WaterSite.id == site_id)
    return await session.scalar(query.with_for_update() if for_update else query)


async def sites_by_code(session: AsyncSession, codes: list[str]) -> dict[str, WaterSite]:
    rows = await session.scalars(select(WaterSite).where(WaterSite.code.in_(codes)).with_for_update())
    return {s.code: s for s in rows}


async def latest_check(session: AsyncSession, household_id: uuid.UUID) -> WaterCheck | None:
    return await session.scalar(
        select(WaterCheck)
        .where(WaterCheck.household_id == household_id)
        .order_by(WaterCheck.checked_on.desc())
        .limit(1)
    )


async def checks_of(session: AsyncSession, household_id: uuid.UUID) -> list[WaterCheck]:
    return list(
        await session.scalars(
            select(WaterCheck).where(WaterCheck.household_id == household_id).order_by(WaterCheck.checked_on)
        )
    )


# Per town: sites, villages, how many completed (on or before the date), under way, not started.
_PROGRESS = """
    SELECT town_code,
           count(*) AS sites,
           count(DISTINCT village_code) AS villages,
           count(*) FILTER (WHERE status = 'completed' AND completed_on <= :as_of) AS completed,
           count(*) FILTER (WHERE status = 'under_construction'
                            OR (status = 'completed' AND completed_on > :as_of)) AS under_construction,
           count(*) FILTER (WHERE status = 'planned') AS planned
    FROM monitoring.water_sites
    WHERE (CAST(:prefix AS text) IS NULL OR village_code LIKE :prefix || '%')
      AND (CAST(:year AS int) IS NULL OR year = :year)
    GROUP BY town_code
    ORDER BY town_code
"""


async def progress(
    session: AsyncSession, *, as_of: date, prefix: str | None, year: int | None
) -> list[dict[str, object]]:
    rows = await session.execute(text(_PROGRESS), {"as_of": as_of, "prefix": prefix, "year": year})
    return [dict(r._mapping) for r in rows]
