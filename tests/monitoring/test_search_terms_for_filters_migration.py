"""Migration 5c0d18s0e0m1 (the side table serves every list filter): households already there get
the new terms and columns (a monitored status, the category, ``<digit>组``; no ``村<digit>``), the
triggers keep them, and down again restores 5c0d17s0e0m1's table and terms."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime

from alembic import command

from shared.migrations import alembic_config, upgrade
from tests.helpers import KEJING, KEJING_VILLAGE
from tests.monitoring.test_identity_migration import MIGRATIONS, scratch, sql

__all__ = ["scratch"]  # the fixture, shared with the identity migration's test

BEFORE = "5c0d17s0e0m1"


async def test_existing_households_get_the_new_terms_and_down_restores_the_old(scratch: str) -> None:
    await asyncio.to_thread(upgrade, MIGRATIONS, "monitoring", scratch, BEFORE)
    household = uuid.uuid4()
    await sql(
        scratch,
        "INSERT INTO monitoring.households (id, town_code, village_code, head_name, address, kind, member_count,"
        " version, status, subtype, risk_causes, included_on, created_at, updated_at)"
        " VALUES (:id, :town, :village, '王国', '河村3组', 'lifted_out', 2, 1, 'included', 'unstable',"
        " '{illness}', '2025-06-01', :at, :at)",
        id=household,
        town=KEJING,
        village=KEJING_VILLAGE,
        at=datetime(2025, 6, 1, 9, tzinfo=UTC),
    )
    await asyncio.to_thread(upgrade, MIGRATIONS, "monitoring", scratch, "5c0d18s0e0m1")
    held = await sql(
        scratch,
        "SELECT term, household_id, village_code, cancelled, status::text, kind::text, subtype::text"
        " FROM monitoring.household_search_terms ORDER BY 1",
    )
    terms = ["王", "国", "王国", "河", "河村", "3组", "#illness", "$included", "&unstable"]
    assert [tuple(r) for r in held] == [
        (term, household, KEJING_VILLAGE, False, "included", "lifted_out", "unstable")
        for term in sorted(terms)
    ]
    # The triggers: a status change rewrites the terms (the status's own and every row's column).
    await sql(
        scratch,
        "UPDATE monitoring.households SET status = 'risk_eliminated', closed_on = '2025-07-01',"
        " address = '河村12组', kind = 'ordinary'",
    )
    held = await sql(scratch, "SELECT term, status::text, kind::text FROM monitoring.household_search_terms")
    assert sorted(tuple(r) for r in held) == sorted(
        (term, "risk_eliminated", "ordinary")
        for term in ["王", "国", "王国", "河", "河村", "2组", "#illness", "$risk_eliminated", "&unstable"]
    )
    await asyncio.to_thread(command.downgrade, alembic_config(MIGRATIONS, "monitoring", scratch), BEFORE)
    held = await sql(scratch, "SELECT term FROM monitoring.household_search_terms ORDER BY 1")
    assert [r.term for r in held] == sorted(["王", "国", "王国", "河", "河村", "#illness"])
    # The old triggers are back.
    await sql(scratch, "UPDATE monitoring.households SET head_name = '李'")
    held = await sql(scratch, "SELECT term FROM monitoring.household_search_terms ORDER BY 1")
    assert [r.term for r in held] == sorted(["李", "河", "河村", "#illness"])
