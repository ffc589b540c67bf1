"""Helpers of the assistance-plan tests: households with named people, plans, amendments, delivery."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx

from shared import clock
from tests.conftest import Stack
from tests.helpers import auth
from tests.monitoring.factories import HOUSEHOLDS, create_household, id_number, include, member

PLANS = "/api/monitoring/v1/assistance-plans"
# No constant for today or this year: each helper asks the clock when called (a module imported
# before Beijing's midnight and used after it would send yesterday; see the `today` fixture).


def people() -> list[dict[str, Any]]:
    """A working-age head (普通劳动力), his spouse (弱劳动力) and a schoolchild: two people owed
    developmental measures, one not."""
    return [
        member(name="王建国", id_number=id_number(date(1980, 5, 17)), labour="ordinary"),
        member(name="李桂兰", id_number=id_number(date(1982, 3, 2)), relation="spouse", labour="weak"),
        member(
            name="王浩然",
            id_number=id_number(date(clock.today().year - 10, 1, 1)),
            relation="child",
            labour="none",
            schooling="compulsory",
        ),
    ]


async def household_with_people(
    api: httpx.AsyncClient,
    tokens: dict[str, str],
    *,
    stack: Stack | None = None,
    members: list[dict[str, Any]] | None = None,
    **overrides: Any,
) -> tuple[str, dict[str, str]]:
    """A household (a 脱贫户 of 北大河村 unless told otherwise; included if ``stack`` is given), its
    id and its members' ids by name."""
    body_members = people() if members is None else members
    subtype = overrides.pop("subtype", "unstable")
    household = await create_household(
        api, tokens["admin"], member_count=max(1, len(body_members)), members=body_members, **overrides
    )
    if stack is not None:
        await include(api, tokens, household["id"], stack, subtype=subtype)
    listed = await api.get(f"{HOUSEHOLDS}/{household['id']}/members", headers=auth(tokens["admin"]))
    return household["id"], {m["name"]: m["id"] for m in listed.json()}


def measure_body(**overrides: Any) -> dict[str, Any]:
    """A developmental measure running this year (a public-welfare post unless told otherwise)."""
    today = clock.today()
    body: dict[str, Any] = {
        "policy_code": "public_welfare_post",
        "description": "安排村保洁公益性岗位",
        "owner": "北大河村委",
        "starts_on": (today - timedelta(days=30)).isoformat(),
        "ends_on": date(today.year, 12, 31).isoformat(),
    }
    body.update(overrides)
    return body


async def post_plan(
    api: httpx.AsyncClient, token: str, household_id: str, *measures: dict[str, Any], year: int | None = None
) -> httpx.Response:
    return await api.post(
        PLANS,
        json={
            "household_id": household_id,
            "year": year or clock.today().year,
            "goal": "稳定就业增收",
            "measures": list(measures) or [measure_body()],
        },
        headers=auth(token),
    )


async def make_plan(
    api: httpx.AsyncClient, token: str, household_id: str, *measures: dict[str, Any]
) -> dict[str, Any]:
    created = await post_plan(api, token, household_id, *measures)
    assert created.status_code == 201, created.text
    return created.json()  # type: ignore[no-any-return]


async def etag(api: httpx.AsyncClient, token: str, plan_id: str) -> str:
    got = await api.get(f"{PLANS}/{plan_id}", headers=auth(token))
    assert got.status_code == 200, got.text
    return got.headers["etag"]


async def amend(
    api: httpx.AsyncClient, token: str, plan_id: str, body: dict[str, Any], *, if_match: str | None = None
) -> httpx.Response:
    """One amendment with the plan's current ETag (or the one given)."""
    tag = if_match if if_match is not None else await etag(api, token, plan_id)
    return await api.post(
        f"{PLANS}/{plan_id}/amendments", json=body, headers=auth(token, **{"If-Match": tag})
    )


async def deliver(
    api: httpx.AsyncClient,
    token: str,
    plan_id: str,
    measure_id: str,
    *,
    delivered_on: date | None = None,
    note: str = "已上岗",
    reader: str | None = None,
) -> httpx.Response:
    """Record a delivery with the plan's current ETag (read with the token ``reader``, the caller's by default)."""
    tag = await etag(api, reader or token, plan_id)
    return await api.post(
        f"{PLANS}/{plan_id}/measures/{measure_id}/delivery",
        # Today when called, not when the module was imported: a run crossing midnight (UTC) would
        # otherwise deliver a measure that starts today on the day before.
        json={"delivered_on": (delivered_on or clock.today()).isoformat(), "note": note},
        headers=auth(token, **{"If-Match": tag}),
    )


async def plan_of(api: httpx.AsyncClient, token: str, plan_id: str) -> dict[str, Any]:
    got = await api.get(f"{PLANS}/{plan_id}", headers=auth(token))
    assert got.status_code == 200, got.text
    return got.json()  # type: ignore[no-any-return]


async def history(api: httpx.AsyncClient, token: str, plan_id: str) -> list[dict[str, Any]]:
    got = await api.get(f"{PLANS}/{plan_id}/amendments", headers=auth(token))
    assert got.status_code == 200, got.text
    return got.json()  # type: ignore[no-any-return]
