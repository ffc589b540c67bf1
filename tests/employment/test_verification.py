"""务工数据动态采集 in the field: records not verified for too long, and the one-tap verification."""

from __future__ import annotations

import uuid
from typing import NamedTuple

import httpx
import pytest
from sqlalchemy import text

from shared import clock
from tests.conftest import Stack
from tests.employment.factories import URL, count, create
from tests.helpers import WANGWU, WANGWU_VILLAGE, auth


class Workers(NamedTuple):
    fresh: str
    stale: str  # 克井镇, last verified 40 days ago
    elsewhere: str  # 王屋镇, last verified 40 days ago


@pytest.fixture
async def workers(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> Workers:
    town = tokens["town_kejing"]
    placed = Workers(
        fresh=(await create(api, town, stack)).json()["id"],
        stale=(await create(api, town, stack)).json()["id"],
        elsewhere=(
            await create(api, tokens["admin"], stack, town_code=WANGWU, village_code=WANGWU_VILLAGE)
        ).json()["id"],
    )
    async with stack.db("employment").engine.begin() as conn:
        await conn.execute(
            text(
                "UPDATE employment.worker_verifications SET verified_on = current_date - 40"
                " WHERE worker_id = ANY(:ids)"
            ),
            {"ids": [uuid.UUID(placed.stale), uuid.UUID(placed.elsewhere)]},
        )
    return placed


async def _stale(api: httpx.AsyncClient, token: str) -> list[str]:
    return [w["id"] for w in (await api.get(f"{URL}/stale", headers=auth(token))).json()["items"]]


async def test_stale_records_are_listed_within_the_callers_territory(
    api: httpx.AsyncClient, tokens: dict[str, str], workers: Workers
) -> None:
    assert await _stale(api, tokens["town_kejing"]) == [workers.stale]
    assert set(await _stale(api, tokens["admin"])) == {workers.stale, workers.elsewhere}


async def test_a_verified_record_is_no_longer_stale(
    api: httpx.AsyncClient, tokens: dict[str, str], workers: Workers
) -> None:
    verified = await api.post(f"{URL}/{workers.stale}/verify", headers=auth(tokens["village_beidahe"]))
    assert verified.status_code == 200 and verified.json()["verified_on"] == clock.today().isoformat()
    assert await _stale(api, tokens["town_kejing"]) == []


async def test_verifying_twice_a_day_records_nothing_new(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, workers: Workers
) -> None:
    verified = await api.post(f"{URL}/{workers.stale}/verify", headers=auth(tokens["village_beidahe"]))
    again = await api.post(f"{URL}/{workers.stale}/verify", headers=auth(tokens["town_kejing"]))
    assert again.json()["version"] == verified.json()["version"]
    assert await count(stack, "SELECT count(*) FROM employment.audit_log WHERE action = 'verify'") == 1


async def test_verifying_outside_ones_territory_or_as_auditor_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, workers: Workers
) -> None:
    assert (
        await api.post(f"{URL}/{workers.elsewhere}/verify", headers=auth(tokens["town_kejing"]))
    ).status_code == 404
    assert (
        await api.post(f"{URL}/{workers.fresh}/verify", headers=auth(tokens["auditor"]))
    ).status_code == 403
    assert await count(stack, "SELECT count(*) FROM employment.audit_log WHERE action = 'verify'") == 0


async def test_a_verification_changes_no_version_and_no_delta(
    api: httpx.AsyncClient, tokens: dict[str, str], workers: Workers
) -> None:
    """ADR 0016: a confirmation is not a change of the worker's data. Its ETag and ``updated_at``
    stay (an If-Match taken before still holds; a delta sync does not carry it); a read shows the day."""
    token = tokens["town_kejing"]
    before = await api.get(f"{URL}/{workers.stale}", headers=auth(token))
    verified = await api.post(f"{URL}/{workers.stale}/verify", headers=auth(token))
    after = await api.get(f"{URL}/{workers.stale}", headers=auth(token))
    assert after.json()["verified_on"] == clock.today().isoformat() != before.json()["verified_on"]
    assert before.headers["ETag"] == verified.headers["ETag"] == after.headers["ETag"]
    assert after.json()["updated_at"] == before.json()["updated_at"]
    since = await api.get(URL, params={"updated_since": before.json()["updated_at"]}, headers=auth(token))
    assert workers.stale not in [w["id"] for w in since.json()["items"]]
