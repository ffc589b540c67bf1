"""``xianjie projections rebuild <service>``: the operator's way to refill a service's projections
from the owners' streams — run as a separate process against the servers the suite uses."""

from __future__ import annotations

import asyncio
import os
import sys
from datetime import date

import httpx
from sqlalchemy import text

from services.monitoring.demo import fake_id_number
from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_VILLAGE, auth, eventually

ROWS = "SELECT id, town_code, village_code, lifted_out, status, version FROM funds.projected_households ORDER BY id"


async def _rows(stack: Stack) -> list[tuple[object, ...]]:
    async with stack.db("funds").engine.connect() as conn:
        return [tuple(r) for r in await conn.execute(text(ROWS))]


async def test_the_command_refills_a_services_projections_to_the_same_rows(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    created = await api.post(
        "/api/monitoring/v1/households",
        json={
            "town_code": KEJING,
            "village_code": KEJING_VILLAGE,
            "head_name": "赵春生",
            "kind": "lifted_out",
            "member_count": 1,
            "members": [
                {
                    "name": "赵春生",
                    "id_number": fake_id_number(date(1979, 2, 3), 11),
                    "relation": "head",
                    "labour": "ordinary",
                }
            ],
        },
        headers=auth(tokens["admin"]),
    )
    assert created.status_code == 201, created.text
    household_id = created.json()["id"]
    await eventually(lambda: _has(stack, household_id), timeout=20)
    live = [row for row in await _rows(stack) if str(row[0]) == household_id]
    async with stack.db("funds").engine.begin() as conn:
        await conn.execute(text("DELETE FROM funds.projected_households"))

    env = {
        **os.environ,
        "XIANJIE_DATABASE_URL": stack.infra.database_url,
        "XIANJIE_NATS_URL": stack.infra.nats_url,
        "XIANJIE_JWKS_URL": f"{stack.gateway_url}/.well-known/jwks.json",
        "XIANJIE_LOG_LEVEL": "WARNING",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "xianjie.cli", "projections", "rebuild", "funds",
        env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await asyncio.wait_for(process.communicate(), timeout=120)
    assert process.returncode == 0, err.decode()
    assert "funds: households rebuilt from" in out.decode()
    # The stream also holds earlier tests' households (tables are emptied between tests, streams
    # are not): this test's row must come back exactly as it was.
    assert [row for row in await _rows(stack) if str(row[0]) == household_id] == live


async def _has(stack: Stack, household_id: str) -> bool:
    return any(str(row[0]) == household_id for row in await _rows(stack))
