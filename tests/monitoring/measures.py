"""Measures delivered, and a household that meets every risk-elimination condition.

Here a delivery is a precondition, not the subject: the plan is made through the API and
``measures.delivered_on`` set with one SQL UPDATE, so a test of 风险消除 or 兜底 need not act as the
civil-affairs department. Who may record a delivery, and how, is tests/monitoring/test_delivery.py's
subject; tests/e2e/test_policy_true_monitoring.py records it through the API end to end."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
from sqlalchemy import text

from services.monitoring.workflow.elimination import months_after
from shared import clock
from tests.conftest import Stack
from tests.helpers import auth
from tests.monitoring.factories import HOUSEHOLDS, create_household, id_number, include, member, step

PLANS = "/api/monitoring/v1/assistance-plans"
LINES = "/api/monitoring/v1/monitoring-lines"
# Two consecutive income years against their lines (2025 = 8600 is seeded; 2024 is put by the tests).
INCOME_YEARS = (2024, 2025)


async def sql(stack: Stack, statement: str, **params: object) -> None:
    async with stack.db("monitoring").engine.begin() as conn:
        await conn.execute(text(statement), params)


async def plan_measures(
    api: httpx.AsyncClient,
    token: str,
    household_id: str,
    *policy_codes: str,
    starts_on: date | None = None,
    ends_on: date | None = None,
) -> list[dict[str, Any]]:
    """A plan for this year with one measure per policy code (through the API); its measures."""
    today = clock.today()
    plan = await api.post(
        PLANS,
        json={
            "household_id": household_id,
            "year": today.year,
            "goal": "稳定增收，消除风险",
            "measures": [
                {
                    "policy_code": code,
                    "description": f"落实{code}",
                    "owner": "克井镇",
                    "starts_on": (starts_on or today).isoformat(),
                    "ends_on": (ends_on or today).isoformat(),
                }
                for code in policy_codes
            ],
        },
        headers=auth(token),
    )
    assert plan.status_code == 201, plan.text
    return plan.json()["measures"]  # type: ignore[no-any-return]


async def deliver(stack: Stack, measure_id: str, on: date | None = None) -> None:
    """Record the measure delivered (落实) on ``on`` (today by default)."""
    await sql(
        stack,
        "UPDATE monitoring.measures SET delivered_on = :on WHERE id = :id",
        on=on or clock.today(),
        id=measure_id,
    )


async def put_line(api: httpx.AsyncClient, admin: str, year: int, amount: str) -> None:
    url = f"{LINES}/{year}"
    current = await api.get(LINES, headers=auth(admin))
    version = next((line["version"] for line in current.json() if line["year"] == year), None)
    headers = auth(admin, **({"If-Match": f'"{version}"'} if version else {}))
    resp = await api.put(url, json={"amount": amount}, headers=headers)
    assert resp.status_code in (200, 201), resp.text


async def put_income(
    api: httpx.AsyncClient, token: str, household_id: str, year: int, wages: str, transfers: str = "0"
) -> None:
    url = f"{HOUSEHOLDS}/{household_id}/incomes/{year}"
    existing = await api.get(f"{HOUSEHOLDS}/{household_id}/incomes", headers=auth(token))
    version = next((i["version"] for i in existing.json() if i["year"] == year), None)
    headers = auth(token, **({"If-Match": f'"{version}"'} if version else {}))
    body = {"wages": wages, "business": "0", "property": "0", "transfers": transfers, "business_costs": "0"}
    resp = await api.put(url, json=body, headers=headers)
    assert resp.status_code in (200, 201), resp.text


async def included_months_ago(stack: Stack, household_id: str, months: int) -> date:
    """Backdate the inclusion (and the case) by ``months``; the new inclusion date."""
    included = months_after(clock.today(), -months)
    await sql(
        stack,
        "UPDATE monitoring.households SET included_on = :d, case_started_on = least(case_started_on, :d) "
        "WHERE id = :id",
        d=included,
        id=household_id,
    )
    return included


async def resolve(
    api: httpx.AsyncClient, token: str, household_id: str, cause: str = "illness", on: date | None = None
) -> httpx.Response:
    return await api.post(
        f"{HOUSEHOLDS}/{household_id}/risk-resolutions",
        json={
            "cause": cause,
            "resolved_on": (on or clock.today()).isoformat(),
            "how": "医疗救助后已康复务工",
        },
        headers=auth(token),
    )


async def eligible_household(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, **overrides: Any
) -> dict[str, Any]:
    """A 脱贫户 of one working member, included six months ago for illness, with its illness
    resolved, a delivered job-training measure, and 9000 a head in 2024 and 2025 (lines 8600):
    it meets every condition. ``overrides`` go to the household factory."""
    admin = tokens["admin"]
    body: dict[str, Any] = {"member_count": 1, "members": [member(id_number=id_number(date(1985, 3, 1)))]}
    household = await create_household(api, admin, **{**body, **overrides})
    hid = household["id"]
    await include(api, tokens, hid, stack)
    await included_months_ago(stack, hid, 6)
    await put_line(api, admin, 2024, "8300.00")
    for year in INCOME_YEARS:
        await put_income(api, admin, hid, year, "9000.00")
    [measure] = await plan_measures(api, tokens["town_kejing"], hid, "skills_training")
    await deliver(stack, measure["id"])
    resolved = await resolve(api, tokens["village_beidahe"], hid)
    assert resolved.status_code == 201, resolved.text
    return household


# --- the 风险消除 procedure ---


async def backdate_start(stack: Stack, household_id: str, days: int) -> None:
    """The household check began ``days`` ago (so its notice can have run its course)."""
    await sql(
        stack,
        "UPDATE monitoring.transitions SET at = now() - make_interval(days => :d) "
        "WHERE household_id = :h AND action = 'start_elimination'",
        d=days,
        h=household_id,
    )


def procedure_to(last: str) -> list[tuple[str, str, dict[str, Any]]]:
    posted = (clock.today() - timedelta(days=6)).isoformat()
    steps = [
        ("village_beidahe", "start_elimination", {}),
        ("village_beidahe", "submit_elimination_review", {}),
        ("village_beidahe", "post_elimination_notice", {"notice_posted_on": posted}),
        ("village_beidahe", "close_elimination_notice", {}),
        ("town_kejing", "town_approve_elimination", {}),
        ("admin", "eliminate_risk", {}),
    ]
    return steps[: [s[1] for s in steps].index(last) + 1]


async def run_procedure(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, household_id: str, through: str
) -> dict[str, Any]:
    body: dict[str, Any] = {}
    for who, action, extra in procedure_to(through):
        resp = await step(api, tokens[who], household_id, action, reason=f"{action} 依据", **extra)
        assert resp.status_code == 200, (action, resp.text)
        body = resp.json()
        if action == "start_elimination":
            await backdate_start(stack, household_id, 7)
    return body
