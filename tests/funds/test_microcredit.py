"""小额信贷: loans, repayments, overdue detection and the overdue ratio by town against its bound."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import Stack
from tests.funds.factories import API, count, scalar
from tests.helpers import KEJING, KEJING_OTHER_VILLAGE, KEJING_VILLAGE, WANGWU_VILLAGE, auth, new_id

LOANS = f"{API}/loans"
# A 24-month loan of 2025 to a monitored household: within its term.
YOUNG = {"borrower_kind": "monitored", "amount": "40000.00", "term_months": 24, "issued_on": "2025-03-01"}


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


async def repay(api: httpx.AsyncClient, token: str, loan_id: str, amount: str, on: str) -> httpx.Response:
    return await api.post(
        f"{LOANS}/{loan_id}/repayments", json={"amount": amount, "repaid_on": on}, headers=auth(token)
    )


async def two_loans(api: httpx.AsyncClient, tokens: dict[str, str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """An old loan of 北大河村, overdue, 20,000 of its 50,000 repaid; a young one of the other village."""
    old = await grant(api, tokens["town_kejing"])
    young = await grant(api, tokens["admin"], **YOUNG, village_code=KEJING_OTHER_VILLAGE)
    assert (await repay(api, tokens["town_kejing"], old["id"], "20000.00", "2025-06-01")).status_code == 201
    return old, young


async def test_a_loan_is_due_after_its_term_and_overdue_past_it(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    old = await grant(api, tokens["town_kejing"])
    assert (old["town_code"], old["due_on"], old["status"], old["status_label"]) == (
        KEJING,
        "2026-01-10",
        "overdue",
        "逾期",
    )


async def test_a_loan_within_its_term_is_active(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    young = await grant(api, tokens["admin"], **YOUNG)
    assert young["status"] == "active" and young["due_on"] == "2027-03-01"


async def test_a_repayment_beyond_the_balance_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    old, _ = await two_loans(api, tokens)
    too_much = await repay(api, tokens["town_kejing"], old["id"], "30000.01", "2025-06-02")
    assert too_much.status_code == 409 and too_much.json()["code"] == "repayment_exceeds_balance"
    assert await count(stack, "repayments") == 1
    assert (
        str(await scalar(stack, "SELECT repaid FROM funds.loans WHERE id = :id", id=old["id"])) == "20000.00"
    )


async def test_loans_and_repayments_are_audited(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await two_loans(api, tokens)
    assert await count(stack, "audit_log", "entity = 'loan'") == 3


async def test_overdue_ratio_by_town_is_flagged_over_the_bound(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    await two_loans(api, tokens)
    report = (await api.get(f"{LOANS}/overdue", headers=auth(tokens["town_kejing"]))).json()
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


async def test_overdue_ratio_as_of_an_earlier_day(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    await two_loans(api, tokens)
    earlier = (
        await api.get(f"{LOANS}/overdue", params={"as_of": "2025-05-31"}, headers=auth(tokens["town_kejing"]))
    ).json()
    assert (
        earlier["towns"][0]["outstanding"] == "90000.00" and earlier["towns"][0]["overdue_ratio"] == "0.0000"
    )


async def test_loans_list_by_status(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    old, _ = await two_loans(api, tokens)
    overdue = (await api.get(LOANS, params={"status": "overdue"}, headers=auth(tokens["auditor"]))).json()
    assert [x["id"] for x in overdue["items"]] == [old["id"]]


async def test_a_village_cadre_sees_its_villages_loans_only(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    old, young = await two_loans(api, tokens)
    village = auth(tokens["village_beidahe"])
    assert [x["id"] for x in (await api.get(LOANS, headers=village)).json()["items"]] == [old["id"]]
    assert (await api.get(f"{LOANS}/{young['id']}", headers=village)).status_code == 404


async def test_a_loans_repayments_are_listed(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    old, _ = await two_loans(api, tokens)
    history = (await api.get(f"{LOANS}/{old['id']}/repayments", headers=auth(tokens["town_kejing"]))).json()
    assert [r["amount"] for r in history] == ["20000.00"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (loan(amount="50000.01"), "amount"),
        (loan(amount="0"), "body.amount"),
        (loan(amount="-100"), "body.amount"),
        (loan(term_months=37), "term_months"),
        (loan(term_months=0), "body.term_months"),
        (loan(issued_on="2999-01-01"), "issued_on"),
        (loan(village_code="419001100999"), "village_code"),
        (loan(borrower_kind="ordinary"), "body.borrower_kind"),
        (loan(household_id="x"), "body.household_id"),
    ],
)
async def test_a_bad_loan_is_refused_naming_the_field(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, body: dict[str, Any], field: str
) -> None:
    resp = await api.post(LOANS, json=body, headers=auth(tokens["town_kejing"]))
    assert resp.status_code == 422 and resp.json()["errors"][0]["field"] == field, resp.text
    assert await count(stack, "loans") == 0


async def test_a_loan_outside_ones_town_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    resp = await api.post(LOANS, json=loan(village_code=WANGWU_VILLAGE), headers=auth(tokens["town_kejing"]))
    assert resp.status_code == 403
    assert await count(stack, "loans") == 0


async def test_only_the_district_and_towns_record_loans(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    for token in ("village_beidahe", "dept_hrss", "auditor", "integrator_hrss", "helper_wang"):
        assert (await api.post(LOANS, json=loan(), headers=auth(tokens[token]))).status_code == 403, token
    assert await count(stack, "loans") == 0


async def test_departments_their_systems_and_helpers_cannot_read_loans(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    for token in ("dept_hrss", "integrator_hrss", "helper_wang"):
        assert (await api.get(LOANS, headers=auth(tokens[token]))).status_code == 403, token


async def test_a_repayment_of_another_towns_loan_is_not_found(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    made = await grant(api, tokens["admin"], village_code=WANGWU_VILLAGE)
    other = await repay(api, tokens["town_kejing"], made["id"], "1.00", "2025-01-01")
    assert other.status_code == 404
    assert await count(stack, "repayments") == 0


async def test_a_repayment_before_the_loan_was_issued_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    made = await grant(api, tokens["admin"], village_code=WANGWU_VILLAGE)
    before_issue = await repay(api, tokens["admin"], made["id"], "1.00", "2022-01-01")
    assert before_issue.status_code == 422 and before_issue.json()["errors"][0]["field"] == "repaid_on"
    assert await count(stack, "repayments") == 0
