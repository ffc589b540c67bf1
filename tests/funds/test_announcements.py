"""公告公示: officials announce plans and results; anyone lists them without a token, rate-limited."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx

from shared import clock
from tests.conftest import Stack
from tests.funds.factories import PROJECTS, count, new_project, planned_project
from tests.helpers import WANGWU_VILLAGE, auth

PUBLIC = "/api/funds/v1/public/announcements"


def period(start: date | None = None, days: int = 7) -> dict[str, str]:
    start = start or clock.today()  # the day the call is made, as the service counts it
    return {"starts_on": start.isoformat(), "ends_on": (start + timedelta(days=days)).isoformat()}


async def announce(
    api: httpx.AsyncClient, token: str, project_id: str, kind: str = "plan", **dates: str
) -> httpx.Response:
    body = {"kind": kind, **(dates or period())}
    return await api.post(f"{PROJECTS}/{project_id}/announcements", json=body, headers=auth(token))


async def announced_plan(api: httpx.AsyncClient, tokens: dict[str, str]) -> dict[str, Any]:
    """A planned project whose plan the town announced today, and another from a month on."""
    project = await planned_project(api, tokens["admin"])
    plan = await announce(api, tokens["town_kejing"], project["id"])
    assert plan.status_code == 201, plan.text
    future = await announce(api, tokens["admin"], project["id"], **period(clock.today() + timedelta(days=30)))
    assert future.status_code == 201, future.text
    return plan.json()  # type: ignore[no-any-return]


async def public_items(api: httpx.AsyncClient, **params: Any) -> list[dict[str, Any]]:
    listed = await api.get(PUBLIC, params=params)  # no token at all
    assert listed.status_code == 200, listed.text
    return listed.json()["items"]  # type: ignore[no-any-return]


async def test_a_town_announces_the_plan_of_a_planned_project(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    project = await planned_project(api, tokens["admin"])
    plan = await announce(api, tokens["town_kejing"], project["id"])
    assert plan.status_code == 201, plan.text
    assert plan.json()["kind_label"] == "项目计划公示"
    assert await count(stack, "audit_log", "action = 'announce'") == 1


async def test_a_result_is_announced_only_after_acceptance(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    project = await planned_project(api, tokens["admin"])
    result = await announce(api, tokens["admin"], project["id"], "result")
    assert result.status_code == 409 and result.json()["code"] == "invalid_transition"


async def test_the_public_lists_announcements_without_a_token_from_their_first_day(
    api: httpx.AsyncClient, tokens: dict[str, str], today: date
) -> None:
    plan = await announced_plan(api, tokens)
    [item] = await public_items(api)  # the future one is not shown ahead of its period
    assert item["id"] == plan["id"] and item["starts_on"] == today.isoformat()
    assert item["kind_label"] == "项目计划公示"


async def test_the_public_sees_the_project_and_its_money_but_no_people(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    await announced_plan(api, tokens)
    [item] = await public_items(api)
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


async def test_the_public_listing_filters_by_town_kind_and_year(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    await announced_plan(api, tokens)
    assert await public_items(api, town_code="419001109") == []
    assert await public_items(api, kind="result") == []
    assert len(await public_items(api, year=2025, kind="plan")) == 1
    assert (await api.get(PUBLIC, params={"year": "x"})).status_code == 422


async def test_only_the_district_and_the_town_announce(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    project = await planned_project(api, tokens["admin"])
    for token in ("village_beidahe", "dept_hrss", "auditor", "integrator_hrss", "helper_wang"):
        assert (await announce(api, tokens[token], project["id"])).status_code == 403, token
    assert await count(stack, "announcements") == 0


async def test_announcing_another_towns_project_is_not_found(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    wangwu = await new_project(api, tokens["admin"], town_code="419001109", village_code=WANGWU_VILLAGE)
    assert (await announce(api, tokens["town_kejing"], wangwu["id"])).status_code == 404
    assert await count(stack, "announcements") == 0


async def test_the_plan_of_a_project_not_yet_planned_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    proposed = await new_project(api, tokens["admin"])
    assert (await announce(api, tokens["admin"], proposed["id"])).status_code == 409
    assert await count(stack, "announcements") == 0


async def test_a_period_ending_before_it_starts_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    project = await planned_project(api, tokens["admin"])
    resp = await announce(api, tokens["admin"], project["id"], starts_on="2025-05-10", ends_on="2025-05-01")
    assert resp.status_code == 422 and resp.json()["errors"][0]["field"] == "ends_on"
    assert await count(stack, "announcements") == 0


async def test_an_unknown_kind_of_announcement_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    project = await planned_project(api, tokens["admin"])
    assert (await announce(api, tokens["admin"], project["id"], "rumour")).status_code == 422
    assert await count(stack, "announcements") == 0


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
