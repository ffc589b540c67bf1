"""Small factories for monitoring tests: valid ID numbers, households with members."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

import httpx
from sqlalchemy import text

from services.monitoring.households.id_numbers import check_char
from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_VILLAGE, auth

HOUSEHOLDS = "/api/monitoring/v1/households"
_serial = itertools.count(100)


def id_number(birth: date = date(1980, 5, 17), region: str = "419001") -> str:
    """A valid 18-digit number (checksum right), different on every call."""
    first17 = f"{region}{birth:%Y%m%d}{next(_serial) % 1000:03d}"
    return first17 + check_char(first17)


def member(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "王建国",
        "id_number": id_number(),
        "relation": "head",
        "labour": "ordinary",
    }
    body.update(overrides)
    return body


def household(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "head_name": "王建国",
        "address": "北大河村三组",
        "kind": "lifted_out",
        "member_count": 3,
    }
    body.update(overrides)
    return body


async def create_household(api: httpx.AsyncClient, token: str, **overrides: Any) -> dict[str, Any]:
    resp = await api.post(HOUSEHOLDS, json=household(**overrides), headers=auth(token))
    assert resp.status_code == 201, resp.text
    return resp.json()  # type: ignore[no-any-return]


async def step(
    api: httpx.AsyncClient, token: str, household_id: str, action: str, **body: Any
) -> httpx.Response:
    """One workflow step with the household's current ETag."""
    url = f"{HOUSEHOLDS}/{household_id}"
    etag = (await api.get(url, headers=auth(token))).headers["etag"]
    return await api.post(
        f"{url}/transitions",
        json={"action": action, "reason": body.pop("reason", "依据核实情况"), **body},
        headers=auth(token, **{"If-Match": etag}),
    )


async def backdate_alerts(stack: Stack, household_id: str, days: int) -> None:
    """Alerts raised ``days`` ago (so a public notice can have run its course without waiting)."""
    async with stack.db("monitoring").engine.begin() as conn:
        await conn.execute(
            text(
                "UPDATE monitoring.alerts SET created_at = now() - make_interval(days => :d) WHERE household_id = :h"
            ),
            {"d": days, "h": household_id},
        )


async def include(
    api: httpx.AsyncClient, tokens: dict[str, str], household_id: str, stack: Stack
) -> dict[str, Any]:
    """Drive a household from a self-declaration (a week old) to inclusion, each step by its role."""
    village, town, admin = tokens["village_beidahe"], tokens["town_kejing"], tokens["admin"]
    alert = await api.post(
        "/api/monitoring/v1/alerts",
        json={"household_id": household_id, "reason": "户主住院，医疗支出大", "risk_causes": ["illness"]},
        headers=auth(village),
    )
    assert alert.status_code == 201, alert.text
    await backdate_alerts(stack, household_id, 7)
    posted = date.today() - timedelta(days=6)
    for token, action, extra in (
        (village, "start_verification", {}),
        (village, "submit_village_review", {"subtype": "sudden_hardship", "risk_causes": ["illness"]}),
        (village, "village_approve", {"notice_posted_on": posted.isoformat()}),
        (village, "close_notice", {}),
        (town, "town_approve", {}),
        (admin, "approve", {}),
    ):
        resp = await step(api, token, household_id, action, **extra)
        assert resp.status_code == 200, (action, resp.text)
    return resp.json()  # type: ignore[no-any-return]
