"""Reads of the national work file: workers found by the ID-number match hash, and their state."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import date

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from services.employment.models import Spell

# One worker per hash inside the caller's area: a person who moved household has an old (inactive)
# member row with the same hash, so the active member's worker wins.
_WORKERS_BY_HASH = text("""
    SELECT DISTINCT ON (m.id_number_match_hash) m.id_number_match_hash, w.id
    FROM employment.projected_members m
    JOIN employment.workers w ON w.member_id = m.id
    WHERE m.id_number_match_hash = ANY(:hashes) AND w.village_code LIKE :scope
    ORDER BY m.id_number_match_hash, m.active DESC, w.created_at DESC
""")


async def workers_by_match_hash(
    session: AsyncSession, hashes: Collection[str], scope: str
) -> dict[str, uuid.UUID]:
    rows = await session.execute(_WORKERS_BY_HASH, {"hashes": list(hashes), "scope": scope})
    return {digest: worker_id for digest, worker_id in rows}


# The main spell that covers the day, else the last one that ended before it.
_STATE_ON = text("""
    SELECT DISTINCT ON (s.worker_id) s.id
    FROM employment.spells s
    WHERE s.worker_id = ANY(:workers) AND s.is_main AND s.started_on <= :day
    ORDER BY s.worker_id, (s.ended_on IS NULL OR s.ended_on >= :day) DESC, s.started_on DESC
""")


async def main_spells_on(
    session: AsyncSession, worker_ids: Collection[uuid.UUID], day: date
) -> dict[uuid.UUID, Spell]:
    ids = list((await session.execute(_STATE_ON, {"workers": list(worker_ids), "day": day})).scalars())
    if not ids:
        return {}
    spells = (await session.scalars(select(Spell).where(Spell.id.in_(ids)))).all()
    return {s.worker_id: s for s in spells}
