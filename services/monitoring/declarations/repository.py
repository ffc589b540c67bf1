from __future__ import annotations

import uuid
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import Select, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from services.monitoring.models import (
    Alert,
    AlertStatus,
    DeclarationStatus,
    Household,
    Member,
    SelfDeclaration,
)
from shared.auth import Principal
from shared.db import in_territory


def scoped(principal: Principal) -> Select[SelfDeclaration]:
    return select(SelfDeclaration).where(in_territory(principal, SelfDeclaration.village_code))


def filtered(
    principal: Principal,
    *,
    status: DeclarationStatus | None,
    town_code: str | None,
    village_code: str | None,
    updated_since: datetime | None,
) -> Select[SelfDeclaration]:
    query = scoped(principal)
    if status:
        query = query.where(SelfDeclaration.status == status)
    if town_code:
        query = query.where(SelfDeclaration.town_code == town_code)
    if village_code:
        query = query.where(SelfDeclaration.village_code == village_code)
    if updated_since:
        query = query.where(SelfDeclaration.updated_at > updated_since)
    return query


async def get(
    session: AsyncSession, principal: Principal, declaration_id: uuid.UUID, *, for_update: bool = False
) -> SelfDeclaration | None:
    query = scoped(principal).where(SelfDeclaration.id == declaration_id)
    if for_update:
        query = query.with_for_update()
    return (await session.execute(query)).scalar_one_or_none()


async def household_in_village(session: AsyncSession, digest: bytes, village_code: str) -> Household | None:
    """The household of the current member with this ID number, if it lives in ``village_code``."""
    query = (
        select(Household)
        .join(Member, Member.household_id == Household.id)
        .where(
            Member.id_number_hash == digest,
            Member.left_on.is_(None),
            Household.village_code == village_code,
        )
    )
    return (await session.execute(query)).scalar_one_or_none()


async def tracking_code_taken(session: AsyncSession, code: str) -> bool:
    found = await session.scalar(select(SelfDeclaration.id).where(SelfDeclaration.tracking_code == code))
    return found is not None


class Tracked(NamedTuple):
    declaration: SelfDeclaration
    alert_status: AlertStatus | None


async def by_tracking_code(session: AsyncSession, code: str) -> Tracked | None:
    query = (
        select(SelfDeclaration, Alert.status)
        .outerjoin(Alert, Alert.id == SelfDeclaration.alert_id)
        .where(SelfDeclaration.tracking_code == code)
    )
    row = (await session.execute(query)).one_or_none()
    return None if row is None else Tracked(row[0], row[1])


class Hit(NamedTuple):
    hits: int
    seconds_left: float


# One hit of a caller in the current fixed window, counted atomically whichever replica serves it.
_HIT = """
    WITH clock AS (
        SELECT COALESCE(CAST(:now AS timestamptz), clock_timestamp()) AS now,
               CAST(:window AS integer) AS width
    )
    INSERT INTO monitoring.public_rate_counters AS c (bucket, window_start, hits)
    SELECT :bucket, to_timestamp(floor(extract(epoch FROM now) / width) * width), 1 FROM clock
    ON CONFLICT (bucket, window_start) DO UPDATE SET hits = c.hits + 1
    RETURNING c.hits,
              (SELECT extract(epoch FROM c.window_start) + width - extract(epoch FROM now) FROM clock)
                  AS seconds_left
"""
# Windows long past are dropped as callers come (a bounded batch; rows another purge holds are
# skipped, so two purges never wait on each other).
_PURGE = """
    DELETE FROM monitoring.public_rate_counters WHERE ctid IN (
        SELECT ctid FROM monitoring.public_rate_counters
        WHERE window_start < COALESCE(CAST(:now AS timestamptz), clock_timestamp())
                             - make_interval(secs => CAST(:keep AS integer))
        LIMIT 500 FOR UPDATE SKIP LOCKED)
"""


async def hit(
    session: AsyncSession, bucket: str, window_seconds: int, *, keep_seconds: int, now: datetime | None = None
) -> Hit:
    await session.execute(text(_PURGE), {"now": now, "keep": keep_seconds})
    row = (await session.execute(text(_HIT), {"bucket": bucket, "window": window_seconds, "now": now})).one()
    return Hit(hits=row.hits, seconds_left=float(row.seconds_left))
