"""Reads of the national work file: workers found by the ID-number match hash, and their state."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import date
from typing import NamedTuple

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from services.employment.models import Spell
from services.employment.spells.repository import OpenJob

# One worker per hash inside the caller's area: a person who moved household has an old (inactive)
# member row with the same hash, so the active member's worker wins. Beside it, the worker's open
# main job in the words of a file's cells (spells.repository.OpenJob), read in the same statement so
# that the rows repeating it (most of a month's file) need no plan.
_WORKERS_BY_HASH = """
    SELECT f.hash, f.worker_id, o.employer, o.place::text, o.sector, o.channel::text,
           to_char(o.started_on, 'YYYY-MM-DD'), o.monthly_wage::text
    FROM (
        SELECT DISTINCT ON (m.id_number_match_hash) m.id_number_match_hash AS hash, w.id AS worker_id
        FROM employment.projected_members m
        JOIN employment.workers w ON w.member_id = m.id
        WHERE m.id_number_match_hash = ANY($1::text[]) AND w.village_code LIKE $2
        ORDER BY m.id_number_match_hash, m.active DESC, w.created_at DESC
    ) f
    LEFT JOIN employment.spells o ON o.worker_id = f.worker_id AND o.is_main AND o.ended_on IS NULL
"""


class Found(NamedTuple):
    worker_id: uuid.UUID
    open_job: OpenJob | None


async def workers_by_match_hash(
    session: AsyncSession, hashes: Collection[str], scope: str
) -> dict[str, Found]:
    # Straight through the driver: a file's 50 000 rows through SQLAlchemy's result processing cost
    # three times the statement itself (bench/BULK.md).
    raw = await (await session.connection()).get_raw_connection()
    rows = await raw.driver_connection.fetch(_WORKERS_BY_HASH, list(hashes), scope)  # type: ignore[union-attr]
    return {
        digest: Found(worker_id, None if job[0] is None else OpenJob(*job))
        for digest, worker_id, *job in rows
    }


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
