"""The migration that introduced ``user.changed`` announces every account that already existed —
as it is, without ending the tokens it holds. Accounts are written at the previous revision of a
scratch database of the test server, then migrated up."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from gateway.users.events import USER_CHANGED
from shared.db import to_async_url
from shared.events.envelope import CloudEvent
from shared.migrations import upgrade
from tests.conftest import Infra, _create_scratch_database, _drop_scratch_database
from xianjie.components import by_name

MIGRATIONS = by_name("gateway").migrations
BEFORE = "9b350b8b21fb"


@pytest.fixture
async def scratch(migrated: Infra) -> AsyncIterator[str]:
    url = await asyncio.to_thread(_create_scratch_database, migrated.database_url)
    try:
        yield url
    finally:
        await asyncio.to_thread(_drop_scratch_database, migrated.database_url, url)


async def _sql(url: str, statement: str) -> list[Any]:
    engine = create_async_engine(to_async_url(url))
    try:
        async with engine.begin() as conn:
            result = await conn.execute(text(statement))
            return list(result.all()) if result.returns_rows else []
    finally:
        await engine.dispose()


async def test_existing_accounts_are_announced_once_as_they_are(scratch: str) -> None:
    await asyncio.to_thread(upgrade, MIGRATIONS, "gateway", scratch, BEFORE)
    await _sql(
        scratch,
        "INSERT INTO gateway.users (id, username, display_name, password_hash, role, division_code, active,"
        " version, created_at) VALUES"
        " (gen_random_uuid(), 'town_a', '甲', 'x', 'town_official', '419001100', true, 3, '2025-03-01T08:00:00Z'),"
        " (gen_random_uuid(), 'helper_b', '乙', 'x', 'helper', NULL, false, 2, '2025-04-01T08:00:00Z')",
    )
    await asyncio.to_thread(upgrade, MIGRATIONS, "gateway", scratch)

    rows = await _sql(scratch, "SELECT nats_subject, envelope FROM gateway.outbox ORDER BY position")
    users = {r.username: str(r.id) for r in await _sql(scratch, "SELECT username, id FROM gateway.users")}
    assert [r.nats_subject for r in rows] == [USER_CHANGED.nats_subject] * 2
    events = [CloudEvent.model_validate(r.envelope) for r in rows]
    payloads = {e.subject: USER_CHANGED.payload.model_validate(e.data) for e in events}
    assert {e.type for e in events} == {USER_CHANGED.type}
    town, helper = payloads[users["town_a"]], payloads[users["helper_b"]]
    assert (town.role, town.division_code, town.active, town.version) == (
        "town_official",
        "419001100",
        True,
        3,
    )
    assert (helper.role, helper.active, helper.version) == ("helper", False, 2)
    # Tokens issued since the account was created stay valid: the announcement is no change.
    assert town.changed_at.isoformat().startswith("2025-03-01T08:00:00")
