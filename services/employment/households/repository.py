"""Monitoring's households and members as employment keeps them: the projection's rows, each
household's 脱贫户 identity over time (whom the floor counts, and since when), and the reads a
write naming them needs."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal, NamedTuple, cast

from sqlalchemy import Table, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from services.employment.models import ProjectedHousehold, ProjectedMember

HOUSEHOLDS = cast(Table, ProjectedHousehold.__table__)
MEMBERS = cast(Table, ProjectedMember.__table__)


class MemberClaim(NamedTuple):
    """A projected member and the village of the household it belongs to (None: not projected)."""

    member: ProjectedMember
    village_code: str | None


async def household_for_share(session: AsyncSession, household_id: uuid.UUID) -> ProjectedHousehold | None:
    """The household, held against a change of its identity until commit: a worker registered
    meanwhile is counted with the identity that change brings, or recounted by it."""
    return await session.scalar(
        select(ProjectedHousehold).where(ProjectedHousehold.id == household_id).with_for_update(read=True)
    )


async def member_claim(session: AsyncSession, member_id: uuid.UUID) -> MemberClaim | None:
    row = (
        await session.execute(
            select(ProjectedMember, ProjectedHousehold.village_code)
            .outerjoin(ProjectedHousehold, ProjectedHousehold.id == ProjectedMember.household_id)
            .where(ProjectedMember.id == member_id)
        )
    ).first()
    return MemberClaim(*row) if row else None


# The household's identity as of a version, in one statement: the first one known holds for every
# earlier day; a newer version with the same identity only moves the version on (so a replay of the
# stream never finds a version it has not seen); a newer one with the other identity starts a new
# period on the day monitoring made the change (a second change that day replaces the first).
_IDENTITY = text("""
    WITH latest AS (
        SELECT since, lifted_out, version FROM employment.household_identities
        WHERE household_id = :household ORDER BY since DESC LIMIT 1 FOR UPDATE
    ),
    kept AS (
        UPDATE employment.household_identities i SET version = :version
        FROM latest
        WHERE i.household_id = :household AND i.since = latest.since
          AND latest.lifted_out = :lifted_out AND latest.version < :version
        RETURNING i.version
    ),
    changed AS (
        INSERT INTO employment.household_identities (household_id, since, lifted_out, version)
        SELECT :household,
               CASE WHEN latest.since IS NULL THEN DATE '-infinity'
                    ELSE CAST(CAST(:at AS timestamptz) AS date) END,
               :lifted_out, :version
        FROM (SELECT 1) AS one LEFT JOIN latest ON true
        WHERE latest.since IS NULL OR (latest.lifted_out <> :lifted_out AND latest.version < :version)
        ON CONFLICT (household_id, since) DO UPDATE
        SET lifted_out = excluded.lifted_out, version = excluded.version
        RETURNING since
    )
    SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM changed) THEN 'none'
                WHEN (SELECT since FROM changed) = DATE '-infinity' THEN 'first'
                ELSE 'changed' END
""")
_RECOUNT = text(
    "SELECT employment.recount(ARRAY(SELECT id FROM employment.workers WHERE household_id = :household))"
)


IdentityNews = Literal["none", "first", "changed"]


async def record_identity(
    session: AsyncSession, household_id: uuid.UUID, lifted_out: bool, version: int, at: datetime
) -> IdentityNews:
    """Record the household's identity as of ``version`` (announced ``at``): whether it is the first
    one known, a change, or nothing new."""
    params = {"household": household_id, "lifted_out": lifted_out, "version": version, "at": at}
    return cast(IdentityNews, await session.scalar(_IDENTITY, params))


async def recount_household(session: AsyncSession, household_id: uuid.UUID) -> None:
    """Recount the household's workers (their counted days follow its identity)."""
    await session.execute(_RECOUNT, {"household": household_id})


# First departure wins: monitoring records a member leaving once; a replay of the stream finds it
# recorded and changes nothing.
_DEPARTURE = text("""
    INSERT INTO employment.member_departures (member_id, left_on, version)
    VALUES (:member, :left_on, :version)
    ON CONFLICT (member_id) DO NOTHING
    RETURNING member_id
""")
_RECOUNT_MEMBER = text(
    "SELECT employment.recount(ARRAY(SELECT id FROM employment.workers WHERE member_id = :member))"
)


async def record_departure(session: AsyncSession, member_id: uuid.UUID, left_on: date, version: int) -> bool:
    """Record the day the member left; True if it is news (then their worker is recounted)."""
    params = {"member": member_id, "left_on": left_on, "version": version}
    if await session.scalar(_DEPARTURE, params) is None:
        return False
    await session.execute(_RECOUNT_MEMBER, {"member": member_id})
    return True
