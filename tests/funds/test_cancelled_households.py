"""Micro-credit follows monitoring's household and member changes (issue 11): a household
cancelled in monitoring (注销) and a member who died are no longer borrowers — through the real
events, from monitoring's API to funds' projection."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import text

from shared import clock
from tests.conftest import Stack
from tests.funds.factories import Borrower, record_loan
from tests.helpers import auth, eventually
from tests.monitoring.factories import HOUSEHOLDS, create_household, id_number, member


async def monitored_family(api: httpx.AsyncClient, token: str) -> tuple[dict[str, Any], list[str]]:
    """A 脱贫户 of two registered in monitoring, and its members' ids (head first)."""
    created = await create_household(
        api, token, member_count=2, members=[member(), member(relation="spouse", id_number=id_number())]
    )
    members = (await api.get(f"{HOUSEHOLDS}/{created['id']}/members", headers=auth(token))).json()
    return created, [m["id"] for m in members]


async def change(
    api: httpx.AsyncClient, token: str, household_id: str, what: str, body: dict[str, Any]
) -> None:
    url = f"{HOUSEHOLDS}/{household_id}"
    etag = (await api.get(url, headers=auth(token))).headers["etag"]
    resp = await api.post(
        f"{url}/{what}",
        json={"effective_on": clock.today().isoformat(), "reason": "村委会核实", **body},
        headers=auth(token, **{"If-Match": etag}),
    )
    assert resp.status_code == 200, resp.text


async def funds_sees(stack: Stack, sql: str, **params: object) -> bool:
    async with stack.db("funds").engine.connect() as conn:
        return bool(await conn.scalar(text(sql), params))


async def test_a_cancelled_household_is_no_longer_eligible(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    town = tokens["town_kejing"]
    household, (head, _) = await monitored_family(api, town)
    borrower = Borrower(household["id"], head)
    # Funds lends once monitoring's announcements of the household and its head have reached it.
    known = (
        "SELECT (SELECT count(*) FROM funds.projected_households WHERE id = :h)"
        " + (SELECT count(*) FROM funds.projected_members WHERE id = :m) = 2"
    )
    await eventually(lambda: funds_sees(stack, known, h=household["id"], m=head), timeout=30)
    before = await record_loan(api, town, borrower, amount="10000.00")
    assert before.status_code == 201, before.text

    await change(api, town, household["id"], "cancellation", {"cause": "moved_away"})
    cancelled = "SELECT cancelled_on IS NOT NULL FROM funds.projected_households WHERE id = :h"
    await eventually(lambda: funds_sees(stack, cancelled, h=household["id"]), timeout=30)
    after = await record_loan(api, town, borrower, amount="10000.00")
    assert after.status_code == 422, after.text
    assert [e["field"] for e in after.json()["errors"]] == ["household_id"]
    assert "注销" in after.json()["detail"]


async def test_a_member_who_died_is_no_longer_a_borrower(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    town = tokens["town_kejing"]
    household, (head, spouse) = await monitored_family(api, town)
    await change(api, town, household["id"], "departures", {"member_id": spouse, "kind": "death"})
    inactive = "SELECT NOT active FROM funds.projected_members WHERE id = :m"
    await eventually(lambda: funds_sees(stack, inactive, m=spouse), timeout=30)
    resp = await record_loan(api, town, Borrower(household["id"], spouse))
    assert resp.status_code == 422 and [e["field"] for e in resp.json()["errors"]] == ["member_id"]
    still = await record_loan(api, town, Borrower(household["id"], head), amount="10000.00")
    assert still.status_code == 201, still.text
