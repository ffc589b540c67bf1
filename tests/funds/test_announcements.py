"""公告公示: officials announce plans and results; anyone lists them without a token, rate-limited."""

from __future__ import annotations

from datetime import date, timedelta

import httpx

from tests.conftest import Stack
from tests.funds.factories import PROJECTS, count, new_project, planned_project
from tests.helpers import KEJING, WANGWU_VILLAGE, auth

PUBLIC = "/api/funds/v1/public/announcements"
TODAY = date.today()


def period(start: date = TODAY, days: int = 7) -> dict[str, str]:
    return {"starts_on": start.isoformat(), "ends_on": (start + timedelta(days=days)).isoformat()}


async def test_announce_and_list_publicly(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin, town = tokens["admin"], tokens["town_kejing"]
    project = await planned_project(api, admin)
    url = f"{PROJECTS}/{project['id']}/announcements"
    plan = await api.post(url, json={"kind": "plan", **period()}, headers=auth(town))
    assert plan.status_code == 201, plan.text
    assert plan.json()["kind_label"] == "项目计划公示"
    future = await api.post(
        url, json={"kind": "plan", **period(TODAY + timedelta(days=30))}, headers=auth(admin)
    )
    assert future.status_code == 201
    result = await api.post(url, json={"kind": "result", **period()}, headers=auth(admin))
    assert result.status_code == 409 and result.json()["code"] == "invalid_transition"

    listed = await api.get(PUBLIC)  # no token at all
    assert listed.status_code == 200, listed.text
    [item] = listed.json()["items"]  # the future one is not shown ahead of its period
    assert item["id"] == plan.json()["id"] and item["starts_on"] == TODAY.isoformat()
    assert set(item["project"]) == {
        "id",
        "name",
        "town_code",
        "town_name",
        "village_code",
        "village_name",
        "category",
        "category_label",
        "year",
        "planned_amount",
        "allocated",
        "status",
        "status_label",
        "accepted_on",
    }
    assert item["project"]["town_name"] == "克井镇" and item["project"]["planned_amount"] == "1200000.00"
    assert (await api.get(PUBLIC, params={"town_code": "419001109"})).json()["items"] == []
    assert (await api.get(PUBLIC, params={"kind": "result"})).json()["items"] == []
    assert len((await api.get(PUBLIC, params={"year": 2025, "kind": "plan"})).json()["items"]) == 1
    assert (await api.get(PUBLIC, params={"year": "x"})).status_code == 422
    assert await count(stack, "audit_log", "action = 'announce'") == 2


async def test_announce_scope_and_bad_input(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    project = await planned_project(api, admin)
    url = f"{PROJECTS}/{project['id']}/announcements"
    for token in ("village_beidahe", "dept_hrss", "auditor", "integrator_hrss", "helper_wang"):
        assert (
            await api.post(url, json={"kind": "plan", **period()}, headers=auth(tokens[token]))
        ).status_code == 403
    wangwu = await new_project(api, admin, town_code="419001109", village_code=WANGWU_VILLAGE)
    other = await api.post(
        f"{PROJECTS}/{wangwu['id']}/announcements",
        json={"kind": "plan", **period()},
        headers=auth(tokens["town_kejing"]),
    )
    assert other.status_code == 404
    proposed = await api.post(
        f"{PROJECTS}/{wangwu['id']}/announcements", json={"kind": "plan", **period()}, headers=auth(admin)
    )
    assert proposed.status_code == 409
    backwards = {"kind": "plan", "starts_on": "2025-05-10", "ends_on": "2025-05-01"}
    resp = await api.post(url, json=backwards, headers=auth(admin))
    assert resp.status_code == 422 and resp.json()["errors"][0]["field"] == "ends_on"
    resp = await api.post(url, json={"kind": "rumour", **period()}, headers=auth(admin))
    assert resp.status_code == 422
    assert await count(stack, "announcements") == 0
    assert project["town_code"] == KEJING


async def test_public_listing_is_rate_limited(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    settings = stack.apps["funds"].state.component.settings
    before = settings.public_rate_limit
    settings.public_rate_limit = "3/hour"  # a fresh window for this test alone
    try:
        for _ in range(3):
            assert (await api.get(PUBLIC)).status_code == 200
        limited = await api.get(PUBLIC)
        assert limited.status_code == 429 and limited.json()["code"] == "rate_limited"
        assert int(limited.headers["retry-after"]) >= 1
        assert limited.headers["content-type"].startswith("application/problem+json")
        # Another caller (as the gateway saw it) has an allowance of its own.
        assert (await api.get(PUBLIC, headers={"X-Forwarded-For": "203.0.113.9"})).status_code == 200
    finally:
        settings.public_rate_limit = before
