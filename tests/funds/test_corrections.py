"""Corrections (冲正) through the gateway: compensating entries approved by a second person, the
totals and every figure following, the database guards on their own."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from services.funds.corrections.events import CorrectionChanged
from tests.conftest import Stack
from tests.funds.factories import (
    API,
    allocate,
    count,
    funded_project,
    new_fund,
    pay,
    planned_project,
    published_payloads,
    scalar,
)
from tests.gateway.helpers import create_user, password_login, unique_name
from tests.helpers import WANGWU, WANGWU_VILLAGE, auth

CORRECTIONS = f"{API}/corrections"
PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
async def second_admin(stack: Stack, tokens: dict[str, str]) -> str:
    """Another district administrator: the approver of what ``admin`` asks. Made once per module
    (password hashing is slow on purpose); its token stays valid whatever the tests truncate."""
    name = unique_name("admin2")
    async with httpx.AsyncClient(base_url=stack.gateway_url, timeout=15) as api:
        await create_user(
            api,
            tokens["admin"],
            username=name,
            password=PASSWORD,
            role="district_admin",
            display_name="复核人",
        )
        login = await password_login(api, name, PASSWORD)
    assert login.status_code == 200, login.text
    return login.json()["access_token"]  # type: ignore[no-any-return]


async def ask(
    api: httpx.AsyncClient, token: str, kind: str, target_id: str, amount: str, **extra: Any
) -> httpx.Response:
    body = {"kind": kind, "target_id": target_id, "amount": amount, "reason": "凭证金额录入错误", **extra}
    return await api.post(CORRECTIONS, json=body, headers=auth(token))


async def decide(
    api: httpx.AsyncClient, token: str, correction: dict[str, Any], approve: bool = True
) -> httpx.Response:
    return await api.post(
        f"{CORRECTIONS}/{correction['id']}/decision",
        json={"approve": approve, "note": "已核对凭证"},
        headers=auth(token, **{"If-Match": f'"{correction["version"]}"'}),
    )


async def asked(api: httpx.AsyncClient, token: str, kind: str, target_id: str, amount: str) -> dict[str, Any]:
    resp = await ask(api, token, kind, target_id, amount)
    assert resp.status_code == 201, resp.text
    return resp.json()  # type: ignore[no-any-return]


async def paid_project(api: httpx.AsyncClient, admin: str) -> dict[str, Any]:
    """A fund of 1,000,000; a 400,000 allocation; a 300,000 payment of 2025-07-15."""
    fund = await new_fund(api, admin)
    project, allocation = await funded_project(api, admin, fund["id"], "400000.00")
    payment = await pay(api, admin, allocation["id"], "300000.00", paid_on="2025-07-15")
    assert payment.status_code == 201, payment.text
    return {"fund": fund, "project": project, "allocation": allocation, "payment": payment.json()}


async def get(api: httpx.AsyncClient, token: str, path: str, **params: Any) -> Any:
    resp = await api.get(f"{API}/{path}", params=params, headers=auth(token))
    assert resp.status_code == 200, resp.text
    return resp.json()


async def test_an_approved_payment_reversal_writes_a_negative_entry_and_every_total_follows(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    made = await paid_project(api, tokens["admin"])
    town, admin = tokens["town_kejing"], tokens["admin"]
    correction = await asked(api, town, "payment", made["payment"]["id"], "100000.00")
    assert correction["status_label"] == "待审批" and correction["booked_on"]
    # Nothing moved before approval.
    assert (await get(api, admin, f"funds/{made['fund']['id']}"))["paid"] == "300000.00"

    approved = await decide(api, admin, correction)
    assert approved.status_code == 200, approved.text
    body = approved.json()
    assert body["status"] == "approved" and body["decided_by_name"] == "admin" and body["entry_id"]
    assert (await get(api, admin, f"funds/{made['fund']['id']}"))["paid"] == "200000.00"
    assert (await get(api, admin, f"projects/{made['project']['id']}"))["paid"] == "200000.00"
    [allocation] = (await get(api, admin, "allocations", project_id=made["project"]["id"]))["items"]
    assert allocation["paid"] == "200000.00"
    payments = {
        p["id"]: p for p in (await get(api, admin, "payments", project_id=made["project"]["id"]))["items"]
    }
    original, entry = payments[made["payment"]["id"]], payments[body["entry_id"]]
    assert original["amount"] == "300000.00" and original["reversed"] == "100000.00"  # never edited
    assert entry["amount"] == "-100000.00" and entry["corrects_id"] == original["id"]
    assert await count(stack, "audit_log", "entity = 'correction'") == 2
    events = [p for _, p in await published_payloads(stack) if isinstance(p, CorrectionChanged)]
    assert [e.status.value for e in events] == ["pending", "approved"]


async def test_a_reversal_booked_in_july_counts_in_the_july_checkpoint(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    made = await paid_project(api, tokens["admin"])
    resp = await ask(
        api, tokens["town_kejing"], "payment", made["payment"]["id"], "300000.00", booked_on="2025-07-20"
    )
    assert resp.status_code == 201, resp.text
    assert (await decide(api, tokens["admin"], resp.json())).status_code == 200
    july = await get(api, tokens["admin"], "checkpoints/progress", year=2025, month=7)
    assert july["total"]["paid"] == "0.00" and july["total"]["allocated"] == "400000.00"


async def test_a_reversal_booked_before_the_payment_or_in_the_future_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    made = await paid_project(api, tokens["admin"])
    for day in ("2025-07-14", "2999-01-01"):
        resp = await ask(api, tokens["town_kejing"], "payment", made["payment"]["id"], "1.00", booked_on=day)
        assert resp.status_code == 422 and resp.json()["errors"][0]["field"] == "booked_on"
    on_the_day = await ask(
        api, tokens["town_kejing"], "payment", made["payment"]["id"], "1.00", booked_on="2025-07-15"
    )
    assert on_the_day.status_code == 201


async def test_the_requester_may_not_approve_their_own_correction(
    api: httpx.AsyncClient, tokens: dict[str, str], second_admin: str
) -> None:
    made = await paid_project(api, tokens["admin"])
    correction = await asked(api, tokens["admin"], "payment", made["payment"]["id"], "1.00")
    own = await decide(api, tokens["admin"], correction)
    assert own.status_code == 403 and own.json()["code"] == "approver_is_requester"
    other = await decide(api, second_admin, correction)
    assert other.status_code == 200 and other.json()["status"] == "approved"


async def test_a_rejected_correction_writes_nothing_and_cannot_be_decided_again(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    made = await paid_project(api, tokens["admin"])
    correction = await asked(api, tokens["town_kejing"], "payment", made["payment"]["id"], "1.00")
    rejected = await decide(api, tokens["admin"], correction, approve=False)
    assert rejected.status_code == 200 and rejected.json()["status_label"] == "已驳回"
    assert await count(stack, "payments") == 1
    again = await decide(api, tokens["admin"], rejected.json())
    assert again.status_code == 409 and again.json()["code"] == "correction_decided"


async def test_a_payment_is_reversed_up_to_its_amount_and_no_further(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    made = await paid_project(api, tokens["admin"])
    town, admin, payment_id = tokens["town_kejing"], tokens["admin"], made["payment"]["id"]
    over = await ask(api, town, "payment", payment_id, "300000.01")
    assert over.status_code == 409 and over.json()["code"] == "correction_exceeded"
    first = await asked(api, town, "payment", payment_id, "299999.99")
    assert (await decide(api, admin, first)).status_code == 200
    over = await ask(api, town, "payment", payment_id, "0.02")
    assert over.status_code == 409 and over.json()["code"] == "correction_exceeded"
    last = await asked(api, town, "payment", payment_id, "0.01")
    assert (await decide(api, admin, last)).status_code == 200
    assert (await get(api, admin, f"funds/{made['fund']['id']}"))["paid"] == "0.00"


async def test_one_pending_correction_per_entry(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    made = await paid_project(api, tokens["admin"])
    await asked(api, tokens["town_kejing"], "payment", made["payment"]["id"], "1.00")
    second = await ask(api, tokens["admin"], "payment", made["payment"]["id"], "2.00")
    assert second.status_code == 409 and second.json()["code"] == "correction_pending"


async def test_two_approvals_racing_for_the_last_yuan_reverse_it_once(
    api: httpx.AsyncClient, tokens: dict[str, str], second_admin: str
) -> None:
    made = await paid_project(api, tokens["admin"])
    town, payment_id = tokens["town_kejing"], made["payment"]["id"]
    first = await asked(api, town, "payment", payment_id, "300000.00")
    # The same request decided by two approvers at once: one wins, the other finds it decided.
    results = await asyncio.gather(decide(api, tokens["admin"], first), decide(api, second_admin, first))
    assert sorted(r.status_code for r in results) in ([200, 409], [200, 412])
    assert (await get(api, tokens["admin"], f"funds/{made['fund']['id']}"))["paid"] == "0.00"


async def test_a_compensating_entry_is_not_corrected_again(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    made = await paid_project(api, tokens["admin"])
    correction = await asked(api, tokens["town_kejing"], "payment", made["payment"]["id"], "1.00")
    entry_id = (await decide(api, tokens["admin"], correction)).json()["entry_id"]
    again = await ask(api, tokens["town_kejing"], "payment", entry_id, "1.00")
    assert again.status_code == 409 and again.json()["code"] == "correction_of_correction"


async def test_an_allocation_is_reversed_only_in_its_unpaid_part_and_the_public_listing_follows(
    api: httpx.AsyncClient, tokens: dict[str, str], second_admin: str
) -> None:
    made = await paid_project(api, tokens["admin"])  # 400,000 allocated, 300,000 paid
    allocation_id = made["allocation"]["id"]
    over = await ask(api, tokens["admin"], "allocation", allocation_id, "100000.01")
    assert over.status_code == 409 and over.json()["code"] == "correction_exceeded"
    correction = await asked(api, tokens["admin"], "allocation", allocation_id, "100000.00")
    assert (await decide(api, second_admin, correction)).status_code == 200
    assert (await get(api, tokens["admin"], f"funds/{made['fund']['id']}"))["allocated"] == "300000.00"
    assert (await get(api, tokens["admin"], f"projects/{made['project']['id']}"))["allocated"] == "300000.00"
    # Nothing left to pay from it.
    no_more = await pay(api, tokens["admin"], allocation_id, "0.01")
    assert no_more.status_code == 409 and no_more.json()["code"] == "allocation_exceeded"


async def test_only_the_district_asks_to_reverse_an_allocation(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    made = await paid_project(api, tokens["admin"])
    resp = await ask(api, tokens["town_kejing"], "allocation", made["allocation"]["id"], "1.00")
    assert resp.status_code == 403


async def test_town_officials_approve_nothing_and_others_ask_nothing(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    made = await paid_project(api, tokens["admin"])
    correction = await asked(api, tokens["admin"], "payment", made["payment"]["id"], "1.00")
    assert (await decide(api, tokens["town_kejing"], correction)).status_code == 403
    for who in ("dept_hrss", "village_beidahe", "auditor"):
        assert (await ask(api, tokens[who], "payment", made["payment"]["id"], "1.00")).status_code == 403


async def test_out_of_scope_entries_and_corrections_do_not_exist(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    admin = tokens["admin"]
    fund = await new_fund(api, admin)
    _, allocation = await funded_project(
        api, admin, fund["id"], "1000.00", town_code=WANGWU, village_code=WANGWU_VILLAGE, name="王屋项目"
    )
    payment = (await pay(api, admin, allocation["id"], "10.00")).json()
    town = tokens["town_kejing"]
    assert (await ask(api, town, "payment", payment["id"], "1.00")).status_code == 404
    correction = await asked(api, admin, "payment", payment["id"], "1.00")
    assert (await api.get(f"{CORRECTIONS}/{correction['id']}", headers=auth(town))).status_code == 404
    assert (await get(api, town, "corrections"))["items"] == []
    assert [c["id"] for c in (await get(api, admin, "corrections"))["items"]] == [correction["id"]]


async def test_a_repayment_reversal_makes_the_loan_owe_it_again(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    from tests.funds.test_microcredit import grant, repay

    loan = await grant(api, stack, tokens["town_kejing"])
    repaid = await repay(api, tokens["town_kejing"], loan["id"], "50000.00", "2025-06-01")
    assert repaid.status_code == 201, repaid.text
    assert (await get(api, tokens["admin"], f"loans/{loan['id']}"))["status"] == "repaid"
    correction = await asked(api, tokens["town_kejing"], "repayment", repaid.json()["id"], "50000.00")
    assert (await decide(api, tokens["admin"], correction)).status_code == 200
    after = await get(api, tokens["admin"], f"loans/{loan['id']}")
    assert after["repaid"] == "0.00" and after["status"] != "repaid"
    listed = await get(api, tokens["admin"], f"loans/{loan['id']}/repayments")
    assert sorted(r["amount"] for r in listed) == ["-50000.00", "50000.00"]


async def test_lowering_a_central_fund_rechecks_the_industry_share(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    """Central 1,000,000 with 300,000 on a road: exactly at the 30 % cap. The cap is rounded to the
    cent, so 999,999.99 still allows 300,000.00 and 999,999.98 (cap 299,999.99) does not."""
    admin = tokens["admin"]
    fund = await new_fund(api, admin, amount="1000000.00")
    road = await planned_project(api, admin, category="infrastructure", name="道路")
    assert (await allocate(api, admin, fund["id"], road["id"], "300000.00")).status_code == 201

    async def lower(amount: str, etag: str) -> httpx.Response:
        return await api.patch(
            f"{API}/funds/{fund['id']}", json={"amount": amount}, headers=auth(admin, **{"If-Match": etag})
        )

    refused = await lower("999999.98", '"1"')
    assert refused.status_code == 409 and refused.json()["code"] == "industry_share_rule"
    assert (await lower("999999.99", '"1"')).status_code == 200


async def test_lowering_a_central_fund_is_flagged_when_so_configured(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    from services.funds.settings import ShareEnforcement

    settings = stack.apps["funds"].state.component.settings
    monkeypatch.setattr(settings, "industry_share_enforcement", ShareEnforcement.FLAG)
    admin = tokens["admin"]
    fund = await new_fund(api, admin, amount="1000000.00")
    road = await planned_project(api, admin, category="infrastructure", name="道路")
    assert (await allocate(api, admin, fund["id"], road["id"], "300000.00")).status_code == 201
    lowered = await api.patch(
        f"{API}/funds/{fund['id']}", json={"amount": "999999.98"}, headers=auth(admin, **{"If-Match": '"1"'})
    )
    assert lowered.status_code == 200
    assert [p for p in await published_payloads(stack) if type(p[1]).__name__ == "IndustryShareAtRisk"]


async def test_corrections_report_lists_the_decisions(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    made = await paid_project(api, tokens["admin"])
    correction = await asked(api, tokens["town_kejing"], "payment", made["payment"]["id"], "5.00")
    await decide(api, tokens["admin"], correction)
    report = await get(api, tokens["admin"], "corrections/report")
    [row] = report["rows"]
    assert row["kind"] == "资金支付" and row["amount"] == "5.00" and row["status"] == "已批准并冲正"
    assert row["requested_by"] == "town_kejing" and row["decided_by"] == "admin"
    xlsx = await api.get(f"{CORRECTIONS}/report", params={"format": "xlsx"}, headers=auth(tokens["auditor"]))
    assert xlsx.status_code == 200


GUARDS = [
    (
        "UPDATE funds.corrections SET status = 'approved', decided_by = requested_by, entry_id = id",
        "ck_corrections_approver_not_requester",
    ),
    ("UPDATE funds.payments SET amount = -amount", "ck_payments_negative_only_as_correction"),
    ("UPDATE funds.payments SET reversed = amount + 0.01", "ck_payments_reversed_within_amount"),
    (
        "UPDATE funds.allocations SET reversed = amount - paid + 0.01",
        "ck_allocations_paid_and_reversed_within_amount",
    ),
    ("UPDATE funds.corrections SET status = 'approved'", "ck_corrections_decided_iff_not_pending"),
]


async def test_database_guards_each_alone(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    made = await paid_project(api, tokens["admin"])
    await asked(api, tokens["town_kejing"], "payment", made["payment"]["id"], "1.00")
    # At the boundary the same columns are accepted: reversed = amount, reversed = amount - paid.
    async with stack.db("funds").engine.begin() as conn:
        await conn.execute(text("UPDATE funds.payments SET reversed = amount"))
        await conn.execute(text("UPDATE funds.allocations SET reversed = amount - paid"))
        await conn.execute(text("UPDATE funds.payments SET reversed = 0"))
        await conn.execute(text("UPDATE funds.allocations SET reversed = 0"))
    for sql, constraint in GUARDS:
        with pytest.raises(IntegrityError) as refused:
            async with stack.db("funds").engine.begin() as conn:
                await conn.execute(text(sql))
        assert constraint in str(refused.value), sql


async def test_a_second_pending_request_is_refused_by_the_database(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    made = await paid_project(api, tokens["admin"])
    await asked(api, tokens["town_kejing"], "payment", made["payment"]["id"], "1.00")
    with pytest.raises(IntegrityError) as refused:
        async with stack.db("funds").engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO funds.corrections (id, kind, target_id, project_id, division_code, amount,"
                    " booked_on, reason, status, requested_by, requested_by_name, version)"
                    " SELECT gen_random_uuid(), kind, target_id, project_id, division_code, amount,"
                    " booked_on, reason, status, 'x', 'x', 1 FROM funds.corrections"
                )
            )
    assert "uq_corrections_one_pending" in str(refused.value)
    assert await scalar(stack, "SELECT count(*) FROM funds.corrections") == 1
