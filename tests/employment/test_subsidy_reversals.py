"""奖补 corrections through the gateway: 税收优惠 within its yearly cap, a reversal as a compensating
entry (never an edit) that the totals follow and that frees the period, and its guards."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from tests.conftest import Stack
from tests.employment.factories import API, count, create, outbox
from tests.helpers import WANGWU, WANGWU_VILLAGE, auth

URL = f"{API}/subsidies"


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


def tax(worker_id: str, start: str, end: str, amount: str) -> dict[str, Any]:
    return grant(worker_id, kind="tax_incentive", period_start=start, period_end=end, amount=amount)


async def _granted(api: httpx.AsyncClient, token: str, body: dict[str, Any]) -> dict[str, Any]:
    resp = await api.post(URL, json=body, headers=auth(token))
    assert resp.status_code == 201, resp.text
    created: dict[str, Any] = resp.json()
    return created


async def _reverse(api: httpx.AsyncClient, token: str, subsidy_id: str, **overrides: Any) -> httpx.Response:
    body = {"reason": "重复发放", "reversed_on": "2025-07-15", **overrides}
    return await api.post(f"{URL}/{subsidy_id}/reversal", json=body, headers=auth(token))


@pytest.fixture
async def worker(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> str:
    return str((await create(api, tokens["admin"], stack)).json()["id"])


async def test_tax_incentives_are_capped_per_worker_and_year(
    api: httpx.AsyncClient, tokens: dict[str, str], worker: str
) -> None:
    town = tokens["town_kejing"]
    first = await _granted(api, town, tax(worker, "2025-01-01", "2025-06-30", "19999.99"))
    assert first["kind_label"] == "税收优惠"
    # On the cap (20000.00 in the year) is allowed; one cent above is not.
    await _granted(api, town, tax(worker, "2025-07-01", "2025-07-31", "0.01"))
    above = await api.post(URL, json=tax(worker, "2025-08-01", "2025-08-31", "0.01"), headers=auth(town))
    assert above.status_code == 422 and above.json()["errors"][0]["field"] == "amount", above.text
    # Another year has its own cap; a period across two years is refused.
    await _granted(api, town, tax(worker, "2024-01-01", "2024-12-31", "20000.00"))
    across = await api.post(URL, json=tax(worker, "2022-07-01", "2023-06-30", "1.00"), headers=auth(town))
    assert across.status_code == 422, across.text


async def test_a_reversed_tax_incentive_frees_its_share_of_the_cap(
    api: httpx.AsyncClient, tokens: dict[str, str], worker: str
) -> None:
    town = tokens["town_kejing"]
    wrong = await _granted(api, town, tax(worker, "2025-01-01", "2025-12-31", "20000.00"))
    assert (await _reverse(api, town, wrong["id"])).status_code == 201
    await _granted(api, town, tax(worker, "2025-01-01", "2025-12-31", "14400.00"))


async def test_a_reversal_is_a_compensating_entry_that_the_totals_follow(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, worker: str
) -> None:
    town = tokens["town_kejing"]
    wrong = await _granted(api, town, grant(worker))
    reversed_ = await _reverse(api, town, wrong["id"], reason="  对象不符  ")
    assert reversed_.status_code == 201, reversed_.text
    body = reversed_.json()
    assert (body["amount"], body["reason"], body["subsidy_id"]) == ("600.00", "对象不符", wrong["id"])
    # The grant itself keeps its amount; only the flag says it was reversed.
    listed = (await api.get(URL, params={"worker_id": worker}, headers=auth(town))).json()["items"]
    assert [(s["amount"], s["reversed"]) for s in listed] == [("600.00", True)]
    got = await api.get(f"{URL}/{wrong['id']}/reversal", headers=auth(tokens["auditor"]))
    assert got.status_code == 200 and got.json()["id"] == body["id"]
    # The period is free for the correct grant; the totals net the reversal out.
    await _granted(api, town, grant(worker, amount="500.00"))
    totals = (await api.get(f"{URL}/totals", params={"year": 2025}, headers=auth(town))).json()
    assert [(r["count"], r["granted"], r["reversed"], r["amount"]) for r in totals["rows"]] == [
        (1, "1100.00", "600.00", "500.00")
    ]
    assert totals["amount"] == "500.00"
    # Announced for the finance side, ids and amounts only.
    [event] = await outbox(stack, "subsidy")
    assert event["type"] == "cn.xianjie.employment.subsidy.reversed.v1"
    assert event["data"]["amount"] == "600.00" and event["data"]["subsidy_id"] == wrong["id"]
    # Once only.
    again = await _reverse(api, town, wrong["id"])
    assert again.status_code == 409 and again.json()["code"] == "subsidy_already_reversed"
    assert await count(stack, "SELECT count(*) FROM employment.subsidy_reversals") == 1


async def test_bad_reversals_roles_and_other_towns_are_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, worker: str
) -> None:
    admin, town = tokens["admin"], tokens["town_kejing"]
    subsidy = await _granted(api, admin, grant(worker))
    elsewhere = (await create(api, admin, stack, town_code=WANGWU, village_code=WANGWU_VILLAGE)).json()["id"]
    theirs = await _granted(api, admin, grant(elsewhere))
    assert (await _reverse(api, town, subsidy["id"], reason="   ")).status_code == 422
    assert (await _reverse(api, town, subsidy["id"], reason="")).status_code == 422
    # Before the grant (2025-06-30) is refused; on its day is the first allowed.
    assert (await _reverse(api, town, subsidy["id"], reversed_on="2025-06-29")).status_code == 422
    assert (await _reverse(api, tokens["auditor"], subsidy["id"])).status_code == 403
    assert (await _reverse(api, town, theirs["id"])).status_code == 404
    assert (await api.get(f"{URL}/{theirs['id']}/reversal", headers=auth(town))).status_code == 404
    assert await count(stack, "SELECT count(*) FROM employment.subsidy_reversals") == 0
    assert (await _reverse(api, town, subsidy["id"], reversed_on="2025-06-30")).status_code == 201
    totals = (await api.get(f"{URL}/totals", params={"year": 2025}, headers=auth(town))).json()
    assert totals["amount"] == "0.00"  # the town official sees only their own town's row
    assert {r["town_code"] for r in totals["rows"]} == {subsidy["town_code"]}


@pytest.mark.parametrize(
    ("values", "constraint"),
    [
        ("0, 'x'", "ck_subsidy_reversals_amount_positive"),
        ("600, '  '", "ck_subsidy_reversals_reason_given"),
    ],
)
async def test_the_database_guards_reversals(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, worker: str, values: str, constraint: str
) -> None:
    subsidy = await _granted(api, tokens["admin"], grant(worker))
    insert = (
        "INSERT INTO employment.subsidy_reversals (id, subsidy_id, town_code, village_code, amount, reason,"
        f" reversed_on) SELECT gen_random_uuid(), id, town_code, village_code, {values}, DATE '2025-07-01'"
        " FROM employment.subsidies WHERE id = :id"
    )
    with pytest.raises(IntegrityError, match=constraint):
        async with stack.db("employment").engine.begin() as conn:
            await conn.execute(text(insert), {"id": subsidy["id"]})


async def test_the_database_allows_one_reversal_per_grant_and_no_double_live_grant(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, worker: str
) -> None:
    subsidy = await _granted(api, tokens["admin"], grant(worker))
    insert = (
        "INSERT INTO employment.subsidy_reversals (id, subsidy_id, town_code, village_code, amount, reason,"
        " reversed_on) SELECT gen_random_uuid(), id, town_code, village_code, amount, 'x', DATE '2025-07-01'"
        " FROM employment.subsidies WHERE id = :id"
    )
    async with stack.db("employment").engine.begin() as conn:
        await conn.execute(text(insert), {"id": subsidy["id"]})
    with pytest.raises(IntegrityError, match="uq_subsidy_reversals_subsidy_id"):
        async with stack.db("employment").engine.begin() as conn:
            await conn.execute(text(insert), {"id": subsidy["id"]})
    copy = (
        "INSERT INTO employment.subsidies (id, worker_id, town_code, village_code, kind, period_start,"
        " period_end, amount, granted_on) SELECT gen_random_uuid(), worker_id, town_code, village_code, kind,"
        " period_start, period_end, amount, granted_on FROM employment.subsidies WHERE id = :id"
    )
    # A reversal row alone does not free the period: only the reversed flag the API sets does.
    with pytest.raises(IntegrityError, match="no_double_subsidy"):
        async with stack.db("employment").engine.begin() as conn:
            await conn.execute(text(copy), {"id": subsidy["id"]})
    async with stack.db("employment").engine.begin() as conn:
        await conn.execute(
            text("UPDATE employment.subsidies SET reversed = true WHERE id = :id"), {"id": subsidy["id"]}
        )
        await conn.execute(text(copy), {"id": subsidy["id"]})
