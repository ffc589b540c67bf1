"""Issue 11: the migration that takes ``monitored`` out of the household's identity keeps every existing
household's identity (``monitored`` + 脱贫不稳定户 was a 脱贫户; any other ``monitored`` an ordinary
household), changes nothing else, and announces every household and member once for the other
services' projections. Rows are written in the old shape at the previous revision of a scratch
database of the test server, then migrated up (and down again)."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import create_async_engine

from services.monitoring.households.events import HOUSEHOLD_CHANGED, MEMBER_CHANGED
from shared.db import to_async_url
from shared.migrations import alembic_config, upgrade
from tests.conftest import Infra, _create_scratch_database, _drop_scratch_database
from tests.helpers import KEJING, KEJING_VILLAGE
from xianjie.components import by_name

MIGRATIONS = by_name("monitoring").migrations
BEFORE = "3b54b0409aa3"  # the last revision with kind = 'monitored'

# name → (old kind, status, subtype, included_on, closed_on, version, kind after the migration)
HOUSEHOLDS: dict[str, tuple[str, str, str | None, date | None, date | None, int, str]] = {
    "unstable_included": ("monitored", "included", "unstable", date(2024, 5, 1), None, 9, "lifted_out"),
    "marginal_cleared": (
        "monitored",
        "risk_eliminated",
        "marginal",
        date(2023, 4, 1),
        date(2024, 6, 1),
        12,
        "ordinary",
    ),
    "hardship_safety_net": (
        "monitored",
        "safety_net",
        "sudden_hardship",
        date(2023, 1, 5),
        date(2025, 1, 5),
        8,
        "ordinary",
    ),
    "registered_as_monitored": ("monitored", "not_monitored", None, None, None, 1, "ordinary"),
    "lifted_out": ("lifted_out", "not_monitored", None, None, None, 2, "lifted_out"),
    "low_income_in_review": ("low_income", "village_review", "marginal", None, None, 4, "low_income"),
    "ordinary": ("ordinary", "not_monitored", None, None, None, 1, "ordinary"),
}
KEPT = "id, town_code, village_code, head_name, status::text, subtype::text, risk_causes::text, included_on, closed_on, version"


@pytest.fixture
async def scratch(migrated: Infra) -> AsyncIterator[str]:
    """A database of its own on the test server (the suite's one stays at head)."""
    url = await asyncio.to_thread(_create_scratch_database, migrated.database_url)
    try:
        yield url
    finally:
        await asyncio.to_thread(_drop_scratch_database, migrated.database_url, url)


async def sql(url: str, statement: str, **params: Any) -> list[Any]:
    engine = create_async_engine(to_async_url(url))
    try:
        async with engine.begin() as conn:
            result = await conn.execute(text(statement), params)
            return list(result.all()) if result.returns_rows else []
    finally:
        await engine.dispose()


async def old_shape_rows(url: str) -> dict[str, uuid.UUID]:
    """Households as the old code left them (``_include`` set kind = 'monitored'), each with a member,
    and one employment record: the ids by name."""
    ids = {name: uuid.uuid4() for name in HOUSEHOLDS}
    for name, (kind, status, subtype, included_on, closed_on, version, _) in HOUSEHOLDS.items():
        await sql(
            url,
            "INSERT INTO monitoring.households (id, town_code, village_code, head_name, kind, member_count,"
            " status, subtype, risk_causes, included_on, closed_on, version) VALUES (:id, :town, :village,"
            " :name, CAST(:kind AS monitoring.household_kind), 1, CAST(:status AS monitoring.household_status),"
            " CAST(:subtype AS monitoring.household_subtype),"
            " CAST(CAST(:causes AS text[]) AS monitoring.risk_cause[]), :included_on, :closed_on, :version)",
            id=ids[name],
            town=KEJING,
            village=KEJING_VILLAGE,
            name=name,
            kind=kind,
            status=status,
            subtype=subtype,
            causes=["illness"] if subtype else [],
            included_on=included_on,
            closed_on=closed_on,
            version=version,
        )
        await sql(
            url,
            "INSERT INTO monitoring.members (id, household_id, name, id_number_hash, id_number_cipher,"
            " id_number_masked, birth_date, relation, health, labour, schooling, version) VALUES"
            " (gen_random_uuid(), :household, '户主', :digest, '\\x00', '410881********0011', DATE '1980-01-01',"
            " 'head', 'healthy', 'ordinary', 'not_applicable', 3)",
            household=ids[name],
            digest=uuid.uuid4().bytes * 2,
        )
    await sql(
        url,
        "INSERT INTO monitoring.member_employment_records (member_id, worker_id, household_id, registered_at)"
        " SELECT id, gen_random_uuid(), household_id, :at FROM monitoring.members LIMIT 1",
        at=datetime(2025, 3, 1, tzinfo=UTC),
    )
    return ids


async def test_existing_households_keep_their_identity_and_are_announced_once(scratch: str) -> None:
    await asyncio.to_thread(upgrade, MIGRATIONS, "monitoring", scratch, BEFORE)
    ids = await old_shape_rows(scratch)
    names = {household_id: name for name, household_id in ids.items()}
    kept_before = await sql(scratch, f"SELECT {KEPT} FROM monitoring.households ORDER BY id")
    records_before = await sql(
        scratch,
        "SELECT member_id, worker_id, household_id, registered_at FROM monitoring.member_employment_records",
    )

    await asyncio.to_thread(upgrade, MIGRATIONS, "monitoring", scratch)

    kinds = dict(await sql(scratch, "SELECT id, kind::text FROM monitoring.households"))
    assert {names[i]: kind for i, kind in kinds.items()} == {n: row[-1] for n, row in HOUSEHOLDS.items()}
    assert await sql(scratch, f"SELECT {KEPT} FROM monitoring.households ORDER BY id") == kept_before
    assert (
        await sql(
            scratch,
            "SELECT member_id, worker_id, household_id, registered_at FROM monitoring.member_employment_records",
        )
        == records_before
    )
    assert await sql(scratch, "SELECT count(*) FROM monitoring.projected_users") == [(0,)]

    # Every household and member announced once, in the kit's envelope, read by the contract's models.
    outbox = [
        row[0] for row in await sql(scratch, "SELECT envelope FROM monitoring.outbox ORDER BY position")
    ]
    households = [
        HOUSEHOLD_CHANGED.payload.model_validate(e["data"])
        for e in outbox
        if e["type"] == HOUSEHOLD_CHANGED.type
    ]
    members = [
        MEMBER_CHANGED.payload.model_validate(e["data"]) for e in outbox if e["type"] == MEMBER_CHANGED.type
    ]
    assert len(outbox) == len(households) + len(members) == 2 * len(HOUSEHOLDS)
    assert {names[h.household_id]: (h.lifted_out, h.status, h.subtype, h.version) for h in households} == {
        name: (after == "lifted_out", status, subtype, version)
        for name, (_, status, subtype, _, _, version, after) in HOUSEHOLDS.items()
    }
    assert {m.household_id for m in members} == set(ids.values())
    assert all((m.labour, m.active, m.version) == ("ordinary", True, 3) for m in members)
    for envelope in outbox:
        assert envelope["specversion"] == "1.0" and envelope["source"] == "/xianjie/monitoring"
        assert envelope["subject"] == str(
            envelope["data"].get("member_id") or envelope["data"]["household_id"]
        )
        assert envelope["dataschema"] == f"urn:xianjie:schema:{envelope['type']}"
        datetime.fromisoformat(envelope["time"])

    refused = "INSERT INTO monitoring.households (id, town_code, village_code, head_name, kind, member_count, version)"
    with pytest.raises(DBAPIError, match="household_kind"):
        await sql(
            scratch,
            f"{refused} VALUES (gen_random_uuid(), :t, :v, 'x', 'monitored', 1, 1)",
            t=KEJING,
            v=KEJING_VILLAGE,
        )

    # Down again: every household ever included is 'monitored' once more, as the old code had it.
    await asyncio.to_thread(command.downgrade, alembic_config(MIGRATIONS, "monitoring", scratch), BEFORE)
    kinds = dict(await sql(scratch, "SELECT id, kind::text FROM monitoring.households"))
    assert {names[i]: kind for i, kind in kinds.items()} == {
        name: "monitored" if included_on else (after if old == "monitored" else old)
        for name, (old, _, _, included_on, _, _, after) in HOUSEHOLDS.items()
    }
