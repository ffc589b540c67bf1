from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.employment.models import JobSupportEntry, MemberDeparture, Worker
from shared.auth import Principal
from shared.db import in_territory


async def list_members(session: AsyncSession, rows: list[dict[str, Any]]) -> list[uuid.UUID]:
    """Insert the members; a member already listed keeps one entry, moved to the latest inclusion.
    Returns the members whose entry changed."""
    statement = insert(JobSupportEntry).values(rows)
    changed = await session.scalars(
        statement.on_conflict_do_update(
            index_elements=[JobSupportEntry.member_id],
            set_={
                "household_id": statement.excluded.household_id,
                "town_code": statement.excluded.town_code,
                "village_code": statement.excluded.village_code,
                "subtype": statement.excluded.subtype,
                "risk_causes": statement.excluded.risk_causes,
                "included_on": statement.excluded.included_on,
                "updated_at": func.now(),
            },
            where=JobSupportEntry.included_on < statement.excluded.included_on,
        ).returning(JobSupportEntry.member_id)
    )
    return list(changed)


def filtered(
    principal: Principal,
    *,
    household_id: uuid.UUID | None,
    town_code: str | None,
    village_code: str | None,
    updated_since: datetime | None,
) -> Select[JobSupportEntry]:
    query = select(JobSupportEntry).where(in_territory(principal, JobSupportEntry.village_code))
    # A member who died or left the household (monitoring's member.changed) needs no job support here.
    departed = select(MemberDeparture.member_id).where(MemberDeparture.member_id == JobSupportEntry.member_id)
    query = query.where(~departed.exists())
    if household_id:
        query = query.where(JobSupportEntry.household_id == household_id)
    if town_code:
        query = query.where(JobSupportEntry.town_code == town_code)
    if village_code:
        query = query.where(JobSupportEntry.village_code == village_code)
    if updated_since:
        query = query.where(JobSupportEntry.updated_at > updated_since)
    return query


async def workers_of(session: AsyncSession, member_ids: list[uuid.UUID]) -> dict[uuid.UUID, Worker]:
    """Members already registered as workers (to show who has been placed in a job)."""
    rows = await session.scalars(select(Worker).where(Worker.member_id.in_(member_ids)))
    return {w.member_id: w for w in rows}
