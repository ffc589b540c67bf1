"""Migration 5c0d17s0e0m1 (the search terms in list order): households already there get their
terms (the key built after them), later writes keep them by the triggers, and down again drops the
table, its triggers and functions. Rows are written at the previous revision of a scratch
database."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime

from alembic import command

from shared.migrations import alembic_config, upgrade
from tests.helpers import KEJING, KEJING_VILLAGE
from tests.monitoring.test_identity_migration import MIGRATIONS, scratch, sql

__all__ = ["scratch"]  # the fixture, shared with the identity migration's test

BEFORE = "5c0d17o0e0m1"
TERMS = (
    "SELECT term, household_id, village_code, cancelled FROM monitoring.household_search_terms ORDER BY 1, 2"
)


async def test_existing_households_get_their_terms_and_down_drops_them(scratch: str) -> None:
    await asyncio.to_thread(upgrade, MIGRATIONS, "monitoring", scratch, BEFORE)
    household = uuid.uuid4()
    await sql(
        scratch,
        "INSERT INTO monitoring.households (id, town_code, village_code, head_name, address, kind, member_count,"
        " version, created_at, updated_at) VALUES (:id, :town, :village, '王国', '河村3组', 'ordinary', 2, 1,"
        " :at, :at)",
        id=household,
        town=KEJING,
        village=KEJING_VILLAGE,
        at=datetime(2025, 6, 1, 9, tzinfo=UTC),
    )
    await asyncio.to_thread(upgrade, MIGRATIONS, "monitoring", scratch, "5c0d17s0e0m1")
    held = await sql(scratch, TERMS)
    assert [(r.term, r.household_id, r.village_code, r.cancelled) for r in held] == [
        (term, household, KEJING_VILLAGE, False) for term in sorted(["王", "国", "王国", "河", "河村"])
    ]
    await sql(scratch, "UPDATE monitoring.households SET head_name = '李', cancelled_on = current_date")
    assert sorted((r.term, r.cancelled) for r in await sql(scratch, TERMS)) == [
        ("李", True),
        ("河", True),
        ("河村", True),
    ]
    await asyncio.to_thread(command.downgrade, alembic_config(MIGRATIONS, "monitoring", scratch), BEFORE)
    left = await sql(
        scratch,
        "SELECT (SELECT count(*) FROM pg_proc WHERE proname LIKE 'household_search_terms%')"
        " + (SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'household_search_terms%')"
        " + (SELECT count(*) FROM pg_class WHERE relname = 'household_search_terms') AS n",
    )
    assert left[0].n == 0
    # The households are untouched, and writable without the triggers.
    await sql(scratch, "UPDATE monitoring.households SET head_name = '张'")
