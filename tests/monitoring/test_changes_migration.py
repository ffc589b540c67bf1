"""Migration 5c0d11a0e0c1 (household and member changes): existing households are formed, and
existing members joined, on the day their record was created (a member recorded as left earlier
joined then); the ID number becomes unique among active members only; down again restores the
old uniqueness. Rows are written at the previous revision of a scratch database."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, date, datetime

import pytest
from alembic import command
from sqlalchemy.exc import IntegrityError

from shared.migrations import alembic_config, upgrade
from tests.helpers import KEJING, KEJING_VILLAGE
from tests.monitoring.test_identity_migration import MIGRATIONS, scratch, sql

__all__ = ["scratch"]  # the fixture, shared with the identity migration's test

BEFORE = "5c0d11a0e001"
MEMBER = (
    "INSERT INTO monitoring.members (id, household_id, name, id_number_hash, id_number_cipher,"
    " id_number_masked, birth_date, relation, health, labour, schooling, version, created_at, left_on)"
    " VALUES (:id, :household, '成员', :digest, '\\x00', '410881********0011', DATE '1980-01-01',"
    " 'head', 'healthy', 'ordinary', 'not_applicable', 1, :created, :left_on)"
)


async def test_existing_records_are_dated_by_their_creation_and_numbers_unique_among_the_active(
    scratch: str,
) -> None:
    await asyncio.to_thread(upgrade, MIGRATIONS, "monitoring", scratch, BEFORE)
    household, present, departed = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    await sql(
        scratch,
        "INSERT INTO monitoring.households (id, town_code, village_code, head_name, kind, member_count,"
        " version, created_at) VALUES (:id, :town, :village, '户主', 'lifted_out', 2, 1, :created)",
        id=household,
        town=KEJING,
        village=KEJING_VILLAGE,
        created=datetime(2025, 6, 1, 9, tzinfo=UTC),
    )
    digest = uuid.uuid4().bytes * 2
    await sql(
        scratch,
        MEMBER,
        id=present,
        household=household,
        digest=uuid.uuid4().bytes * 2,
        created=datetime(2025, 6, 2, 9, tzinfo=UTC),
        left_on=None,
    )
    await sql(
        scratch,
        MEMBER,
        id=departed,
        household=household,
        digest=digest,
        created=datetime(2025, 6, 2, 9, tzinfo=UTC),
        left_on=date(2025, 1, 1),
    )

    await asyncio.to_thread(upgrade, MIGRATIONS, "monitoring", scratch)

    assert await sql(scratch, "SELECT formed_on, cancelled_on FROM monitoring.households") == [
        (date(2025, 6, 1), None)
    ]
    joined = dict(await sql(scratch, "SELECT id, joined_on FROM monitoring.members"))
    assert joined == {present: date(2025, 6, 2), departed: date(2025, 1, 1)}
    # The departed person may be registered again as an active member; twice active may not.
    again = uuid.uuid4()
    await sql(
        scratch, MEMBER, id=again, household=household, digest=digest, created=datetime.now(UTC), left_on=None
    )
    with pytest.raises(IntegrityError, match="uq_members_active_id_number_hash"):
        await sql(
            scratch,
            MEMBER,
            id=uuid.uuid4(),
            household=household,
            digest=digest,
            created=datetime.now(UTC),
            left_on=None,
        )

    await sql(scratch, "DELETE FROM monitoring.members WHERE id = :id", id=again)
    await asyncio.to_thread(command.downgrade, alembic_config(MIGRATIONS, "monitoring", scratch), BEFORE)
    with pytest.raises(IntegrityError, match="uq_members_id_number_hash"):
        await sql(
            scratch,
            MEMBER,
            id=uuid.uuid4(),
            household=household,
            digest=digest,
            created=datetime.now(UTC),
            left_on=None,
        )
