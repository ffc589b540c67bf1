"""奖补 through the gateway: once per kind and period, totals by town and kind, scope and roles."""

from __future__ import annotations

from typing import Any, NamedTuple

import httpx
import pytest

from shared import clock
from tests.conftest import Stack
from tests.employment.factories import API, count, create
from tests.helpers import KEJING, WANGWU, WANGWU_VILLAGE, auth, new_id

URL = f"{API}/subsidies"


class Workers(NamedTuple):
    kejing: str
    wangwu: str


@pytest.fixture
async def workers(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> Workers:
    admin = tokens["admin"]
    return Workers(
        kejing=(await create(api, admin, stack)).json()["id"],
        wangwu=(await create(api, admin, stack, town_code=WANGWU, village_code=WANGWU_VILLAGE)).json()["id"],
    )


def grant(worker_id: str, **overrides: Any) -> dict[str, Any]:
    body = {
        "worker_id": worker_id,
        "kind": "transport",
        "period_start": "2025-01-01",
        "period_end": "2025-12-31",
        "amount": "600.00",
        "granted_on": "2025-06-30",
    }
    body.update(overrides)
    return body


async def _granted(api: httpx.AsyncClient, token: str, body: dict[str, Any]) -> dict[str, Any]:
    resp = await api.post(URL, json=body, headers=auth(token))
    assert resp.status_code == 201, resp.text
    created: dict[str, Any] = resp.json()
    return created


async def test_a_grant_answers_with_its_label_and_amount(
    api: httpx.AsyncClient, tokens: dict[str, str], workers: Workers
) -> None:
    first = await _granted(api, tokens["town_kejing"], grant(workers.kejing))
    assert first["kind_label"] == "交通补贴" and first["amount"] == "600.00"


async def test_the_same_kind_for_an_overlapping_period_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], workers: Workers
) -> None:
    await _granted(api, tokens["admin"], grant(workers.kejing))
    again = await api.post(
        URL,
        json=grant(workers.kejing, period_start="2025-06-01", period_end="2025-06-30"),
        headers=auth(tokens["admin"]),
    )
    assert again.status_code == 409 and again.json()["code"] == "duplicate_subsidy"


async def test_bad_grants_and_invisible_workers_are_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, workers: Workers
) -> None:
    for body, status in [
        (grant(workers.kejing, amount="-5.00", kind="training"), 422),
        (grant(workers.kejing, amount="0", kind="training"), 422),
        (grant(workers.kejing, kind="training", period_end="2024-01-01"), 422),
        (grant(new_id(), kind="training"), 404),
        (grant(workers.wangwu, kind="training"), 404),  # the town official cannot see Wangwu
    ]:
        resp = await api.post(URL, json=body, headers=auth(tokens["town_kejing"]))
        assert resp.status_code == status, (body, resp.text)
    assert await count(stack, "SELECT count(*) FROM employment.subsidies") == 0


async def test_auditors_may_not_grant(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, workers: Workers
) -> None:
    denied = await api.post(URL, json=grant(workers.kejing, kind="training"), headers=auth(tokens["auditor"]))
    assert denied.status_code == 403
    assert await count(stack, "SELECT count(*) FROM employment.subsidies") == 0


@pytest.fixture
async def granted(api: httpx.AsyncClient, tokens: dict[str, str], workers: Workers) -> Workers:
    """Granted in 2025: transport and social security in 克井镇, transport in 王屋镇; and today, 2026's
    transport in 克井镇."""
    admin = tokens["admin"]
    await _granted(api, admin, grant(workers.kejing))
    await _granted(api, admin, grant(workers.kejing, kind="social_security", amount="1200.00"))
    later = grant(
        workers.kejing,
        period_start="2026-01-01",
        period_end="2026-12-31",
        amount="650.00",
        granted_on=clock.today().isoformat(),
    )
    await _granted(api, admin, later)
    await _granted(api, admin, grant(workers.wangwu))
    return workers


async def test_another_kind_or_another_period_may_be_granted(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, granted: Workers
) -> None:
    listed = (await api.get(URL, params={"worker_id": granted.kejing}, headers=auth(tokens["admin"]))).json()
    assert sorted((s["kind"], s["period_start"]) for s in listed["items"]) == [
        ("social_security", "2025-01-01"),
        ("transport", "2025-01-01"),
        ("transport", "2026-01-01"),
    ]
    assert await count(stack, "SELECT count(*) FROM employment.subsidies") == 4


async def test_totals_are_by_town_and_kind_for_the_year_of_grant(
    api: httpx.AsyncClient, tokens: dict[str, str], granted: Workers
) -> None:
    totals = (await api.get(f"{URL}/totals", params={"year": 2025}, headers=auth(tokens["admin"]))).json()
    assert totals["amount"] == "2400.00"
    assert [(r["town_code"], r["kind"], r["count"], r["amount"]) for r in totals["rows"]] == [
        (KEJING, "transport", 1, "600.00"),
        (KEJING, "social_security", 1, "1200.00"),
        (WANGWU, "transport", 1, "600.00"),
    ]


async def test_a_town_officials_totals_are_their_towns(
    api: httpx.AsyncClient, tokens: dict[str, str], granted: Workers
) -> None:
    totals = (
        await api.get(f"{URL}/totals", params={"year": 2025}, headers=auth(tokens["town_kejing"]))
    ).json()
    assert totals["amount"] == "1800.00"
