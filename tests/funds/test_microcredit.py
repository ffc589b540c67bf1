"""小额信贷: loans, repayments, overdue detection and the overdue ratio by town against its bound."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import Stack
from tests.funds.factories import API, count, scalar
from tests.helpers import KEJING, KEJING_OTHER_VILLAGE, KEJING_VILLAGE, WANGWU_VILLAGE, auth, new_id

LOANS = f"{API}/loans"


def loan(**overrides: Any) -> dict[str, Any]:
    body = {
        "household_id": new_id(),
        "member_id": new_id(),
        "borrower_kind": "lifted_out",
        "village_code": KEJING_VILLAGE,
        "lender": "济源农商银行",
        "amount": "50000.00",
        "term_months": 36,
        "issued_on": "2023-01-10",
    }
    return {**body, **overrides}


async def grant(api: httpx.AsyncClient, token: str, **overrides: Any) -> dict[str, Any]:
    resp = await api.post(LOANS, json=loan(**overrides), headers=auth(token))
    assert resp.status_code == 201, resp.text
    return resp.json()  # type: ignore[no-any-return]


async def test_loans_repayments_and_overdue_ratio(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    town = tokens["town_kejing"]
    old = await grant(api, town)
    assert (old["town_code"], old["due_on"], old["status"], old["status_label"]) == (
        KEJING,
        "2026-01-10",
        "overdue",
        "逾期",
    )
    young = await grant(
        api,
        tokens["admin"],
        borrower_kind="monitored",
        amount="40000.00",
        term_months=24,
        issued_on="2025-03-01",
        village_code=KEJING_OTHER_VILLAGE,
    )
    assert young["status"] == "active" and young["due_on"] == "2027-03-01"
    repaid = await api.post(
        f"{LOANS}/{old['id']}/repayments",
        json={"amount": "20000.00", "repaid_on": "2025-06-01"},
        headers=auth(town),
    )
    assert repaid.status_code == 201, repaid.text
    too_much = await api.post(
        f"{LOANS}/{old['id']}/repayments",
        json={"amount": "30000.01", "repaid_on": "2025-06-02"},
        headers=auth(town),
    )
    assert too_much.status_code == 409 and too_much.json()["code"] == "repayment_exceeds_balance"
    assert await count(stack, "repayments") == 1
    assert (
        str(await scalar(stack, "SELECT repaid FROM funds.loans WHERE id = :id", id=old["id"])) == "20000.00"
    )

    report = (await api.get(f"{LOANS}/overdue", headers=auth(town))).json()
    [kejing] = report["towns"]
    assert report["bound"] == "0.02"
    assert (kejing["loans"], kejing["outstanding"], kejing["overdue_loans"], kejing["overdue_balance"]) == (
        2,
        "70000.00",
        1,
        "30000.00",
    )
    assert (
        kejing["overdue_ratio"] == "0.4286"
        and kejing["over_bound"] is True
        and kejing["town_name"] == "克井镇"
    )
    assert report["total"]["overdue_ratio"] == "0.4286"
    earlier = (await api.get(f"{LOANS}/overdue", params={"as_of": "2025-05-31"}, headers=auth(town))).json()
    assert (
        earlier["towns"][0]["outstanding"] == "90000.00" and earlier["towns"][0]["overdue_ratio"] == "0.0000"
    )

    overdue = (await api.get(LOANS, params={"status": "overdue"}, headers=auth(tokens["auditor"]))).json()
    assert [x["id"] for x in overdue["items"]] == [old["id"]]
    village = (await api.get(LOANS, headers=auth(tokens["village_beidahe"]))).json()
    assert [x["id"] for x in village["items"]] == [old["id"]]
    assert (
        await api.get(f"{LOANS}/{young['id']}", headers=auth(tokens["village_beidahe"]))
    ).status_code == 404
    history = (await api.get(f"{LOANS}/{old['id']}/repayments", headers=auth(town))).json()
    assert [r["amount"] for r in history] == ["20000.00"]
    assert await count(stack, "audit_log", "entity = 'loan'") == 3


async def test_loan_bad_input_and_scope(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    town = tokens["town_kejing"]
    cases = [
        (loan(amount="50000.01"), 422, "amount"),
        (loan(amount="0"), 422, "body.amount"),
        (loan(amount="-100"), 422, "body.amount"),
        (loan(term_months=37), 422, "term_months"),
        (loan(term_months=0), 422, "body.term_months"),
        (loan(issued_on="2999-01-01"), 422, "issued_on"),
        (loan(village_code="419001100999"), 422, "village_code"),
        (loan(borrower_kind="ordinary"), 422, "body.borrower_kind"),
        (loan(household_id="x"), 422, "body.household_id"),
    ]
    for body, status, field in cases:
        resp = await api.post(LOANS, json=body, headers=auth(town))
        assert resp.status_code == status and resp.json()["errors"][0]["field"] == field, resp.text
    assert (
        await api.post(LOANS, json=loan(village_code=WANGWU_VILLAGE), headers=auth(town))
    ).status_code == 403
    for token in ("village_beidahe", "dept_hrss", "auditor", "integrator_hrss", "helper_wang"):
        assert (await api.post(LOANS, json=loan(), headers=auth(tokens[token]))).status_code == 403, token
    for token in ("dept_hrss", "integrator_hrss", "helper_wang"):
        assert (await api.get(LOANS, headers=auth(tokens[token]))).status_code == 403, token
    assert await count(stack, "loans") == 0
    made = await grant(api, tokens["admin"], village_code=WANGWU_VILLAGE)
    other = await api.post(
        f"{LOANS}/{made['id']}/repayments",
        json={"amount": "1.00", "repaid_on": "2025-01-01"},
        headers=auth(town),
    )
    assert other.status_code == 404
    before_issue = await api.post(
        f"{LOANS}/{made['id']}/repayments",
        json={"amount": "1.00", "repaid_on": "2022-01-01"},
        headers=auth(tokens["admin"]),
    )
    assert before_issue.status_code == 422 and before_issue.json()["errors"][0]["field"] == "repaid_on"
    assert await count(stack, "repayments") == 0
