"""Queries of relocation follow-up: sites scoped by the caller's territory, and per-site figures."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from services.monitoring.models import HouseholdRelocation, RelocationMeasure, ResettlementSite
from shared.auth import Principal
from shared.db import in_territory


def sites(principal: Principal, updated_since: datetime | None) -> Select[Any]:
    query = select(ResettlementSite).where(in_territory(principal, ResettlementSite.village_code))
    if updated_since:
        query = query.where(ResettlementSite.updated_at > updated_since)
    return query


def relocations(site_id: uuid.UUID, updated_since: datetime | None) -> Select[Any]:
    query = select(HouseholdRelocation).where(HouseholdRelocation.site_id == site_id)
    if updated_since:
        query = query.where(HouseholdRelocation.updated_at > updated_since)
    return query


def measures(site_id: uuid.UUID, updated_since: datetime | None) -> Select[Any]:
    query = select(RelocationMeasure).where(RelocationMeasure.site_id == site_id)
    if updated_since:
        query = query.where(RelocationMeasure.updated_at > updated_since)
    return query


async def relocated_to(
    session: AsyncSession, site_id: uuid.UUID, household_ids: list[uuid.UUID]
) -> set[uuid.UUID]:
    rows = await session.scalars(
        select(HouseholdRelocation.household_id).where(
            HouseholdRelocation.site_id == site_id, HouseholdRelocation.household_id.in_(household_ids)
        )
    )
    return set(rows)


async def site_figures(
    session: AsyncSession, day: date, age_min: int, age_max: int, **scope: Any
) -> list[dict[str, Any]]:
    """Per site on ``day``: households moved in (and not cancelled), people, working-age labour and
    those of them with an employment registration, households reached by a site measure running that
    day, and households with any measure (a site measure, or a current measure of their plan)."""
    rows = await session.execute(
        text(
            """
            WITH moved AS (
                SELECT r.site_id, h.id AS household_id
                FROM monitoring.household_relocations r
                JOIN monitoring.households h ON h.id = r.household_id
                WHERE r.moved_on <= :day AND (h.cancelled_on IS NULL OR h.cancelled_on > :day)
            ), labour AS (
                SELECT mv.site_id, m.id AS member_id FROM moved mv
                JOIN monitoring.members m ON m.household_id = mv.household_id
                WHERE m.joined_on <= :day AND (m.left_on IS NULL OR m.left_on > :day)
                  AND m.labour IN ('ordinary', 'skilled')
                  AND m.birth_date <= (CAST(:day AS date) - make_interval(years => :age_min))
                  AND m.birth_date > (CAST(:day AS date) - make_interval(years => :age_max + 1))
            ), site_reached AS (
                SELECT DISTINCT x.site_id, unnest(x.household_ids) AS household_id
                FROM monitoring.relocation_measures x
                WHERE x.starts_on <= :day AND (x.ends_on IS NULL OR x.ends_on >= :day)
            )
            SELECT s.id AS site_id, s.name, s.town_code, s.village_code, s.planned_households,
                (SELECT count(*) FROM moved mv WHERE mv.site_id = s.id) AS households,
                (SELECT count(*) FROM labour l WHERE l.site_id = s.id) AS labour,
                (SELECT count(*) FROM labour l WHERE l.site_id = s.id AND EXISTS (
                    SELECT 1 FROM monitoring.member_employment_records e
                    WHERE e.member_id = l.member_id AND e.registered_at < :next_day)) AS employed,
                (SELECT count(*) FROM moved mv WHERE mv.site_id = s.id AND EXISTS (
                    SELECT 1 FROM site_reached sr
                    WHERE sr.site_id = s.id AND sr.household_id = mv.household_id)) AS with_site_measure,
                (SELECT count(*) FROM moved mv WHERE mv.site_id = s.id AND (EXISTS (
                    SELECT 1 FROM site_reached sr
                    WHERE sr.site_id = s.id AND sr.household_id = mv.household_id) OR EXISTS (
                    SELECT 1 FROM monitoring.measures pm WHERE pm.household_id = mv.household_id
                      AND pm.starts_on <= :day AND pm.ends_on >= :day
                      AND (pm.ended_on IS NULL OR pm.ended_on > :day)))) AS with_any_measure,
                (SELECT count(*) FROM monitoring.relocation_measures x WHERE x.site_id = s.id
                   AND x.starts_on <= :day AND (x.ends_on IS NULL OR x.ends_on >= :day)) AS running_measures
            FROM monitoring.resettlement_sites s
            WHERE (CAST(:prefix AS text) IS NULL OR s.village_code LIKE :prefix || '%')
              AND (CAST(:town AS text) IS NULL OR s.town_code = :town)
            ORDER BY s.town_code, s.village_code, s.name
            """
        ),
        {"day": day, "next_day": day + timedelta(days=1), "age_min": age_min, "age_max": age_max, **scope},
    )
    return [dict(r) for r in rows.mappings()]
