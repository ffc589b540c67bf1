"""Monitoring's reference data (the 2025 line, the policy toolbox) is seeded by its migration; the
suite truncates service tables before each test, so it is put back here from the same source.

The projection of the gateway's accounts is emptied too, while the demo accounts (and their
``user.changed`` events, consumed once at start) live for the whole session: it is put back as the
gateway's events made it, one row per account, so the demo helper is a known helper again."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import text

from tests.conftest import Stack

MIGRATION = next(
    (Path(__file__).parents[2] / "services/monitoring/migrations/versions").glob("a9a8636b4b69_*.py")
)


def _migration() -> ModuleType:
    spec = importlib.util.spec_from_file_location("monitoring_seed_migration", MIGRATION)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


POLICIES = _migration().POLICIES
# What ``accounts.service.on_user_changed`` made of the gateway's announcements (the live consumer
# may be applying a newer one meanwhile: it wins).
ACCOUNTS_AS_PROJECTED = """
    INSERT INTO monitoring.projected_users (user_id, role, division_code, active, version)
    SELECT id::text, role::text, division_code, active, version FROM gateway.users
    ON CONFLICT DO NOTHING
"""


@pytest.fixture(autouse=True)
async def reference_data(request: pytest.FixtureRequest, _clean_service_tables: None) -> None:
    if not {"stack", "api"} & set(request.fixturenames):
        return
    stack: Stack = request.getfixturevalue("stack")
    async with stack.db("monitoring").engine.begin() as conn:
        await conn.execute(
            text("INSERT INTO monitoring.monitoring_lines (year, amount, version) VALUES (2025, 8600, 1)")
        )
        await conn.execute(text(ACCOUNTS_AS_PROJECTED))
        for code, name, category, kind, causes, unit, description in POLICIES:
            await conn.execute(
                text(
                    "INSERT INTO monitoring.policies (id, code, name, category, measure_kind, risk_causes, "
                    "responsible_unit, description) VALUES (gen_random_uuid(), :code, :name, :category, "
                    "CAST(:kind AS monitoring.measure_kind), CAST(CAST(:causes AS text[]) AS monitoring.risk_cause[]), :unit, :d)"
                ),
                {
                    "code": code,
                    "name": name,
                    "category": category,
                    "kind": kind,
                    "causes": causes,
                    "unit": unit,
                    "d": description,
                },
            )
