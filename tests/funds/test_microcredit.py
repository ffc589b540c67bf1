"""小额信贷: loans, repayments, overdue detection and the overdue ratio by town against its bound,
the 5 万 ceiling per household (issue 11, contradiction 6) and 应贷尽贷 coverage by town."""

from __future__ import annotations

import asyncio
import io
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook

from tests.conftest import Stack
from tests.funds.factories import API, Borrower, count, known_borrower, loan, record_loan, scalar
from tests.helpers import KEJING, KEJING_OTHER_VILLAGE, WANGWU_VILLAGE, auth

LOANS = f"{API}/loans"
# A 24-month loan of 2025 to a monitored household: within its term.
YOUNG = {"borrower_kind": "monitored", "amount": "40000.00", "term_months": 24, "issued_on": "2025-03-01"}


# As monitoring files a household that may borrow as each kind.
HOUSEHOLD_OF_KIND = {
    "lifted_out": {"lifted_out": True, "status": "not_monitored"},
    "monitored": {"lifted_out": False, "status": "included", "subtype": "marginal"},
}


async def grant(
    api: httpx.AsyncClient, stack: Stack, token: str, borrower: Borrower | None = None, **overrides: Any
) -> dict[str, Any]:
    """A loan to ``borrower``, or to a household monitoring announced of the kind and in the village
    the loan states."""
    body = loan(**overrides)
    if borrower is None:
        kind = HOUSEHOLD_OF_KIND[body["borrower_kind"]]
        borrower = await known_borrower(stack, body["village_code"], **kind)
    resp = await api.post(LOANS, json={**body, **borrower._asdict()}, headers=auth(token))
    assert resp.status_code == 201, resp.text
    return resp.json()  # type: ignore[no-any-return]


async def repay(api: httpx.AsyncClient, token: str, loan_id: str, amount: str, on: str) -> httpx.Response:
    return await api.post(
        f"{LOANS}/{loan_id}/repayments", json={"amount": amount, "repaid_on": on}, headers=auth(token)
    )


async def two_loans(
    api: httpx.AsyncClient, stack: Stack, tokens: dict[str, str]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """An old loan of 北大河村, overdue, 20,000 of its 50,000 repaid; a young one of the other village."""
    old = await grant(api, stack, tokens["town_kejing"])
    young = await grant(api, stack, tokens["admin"], **YOUNG, village_code=KEJING_OTHER_VILLAGE)
    assert (await repay(api, tokens["town_kejing"], old["id"], "20000.00", "2025-06-01")).status_code == 201
    return old, young


async def test_a_loan_is_due_after_its_term_and_overdue_past_it(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    old = await grant(api, stack, tokens["town_kejing"])
    assert (old["town_code"], old["due_on"], old["status"], old["status_label"]) == (
        KEJING,
        "2026-01-10",
        "overdue",
        "逾期",
    )


async def test_a_loan_within_its_term_is_active(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    young = await grant(api, stack, tokens["admin"], **YOUNG)
    assert young["status"] == "active" and young["due_on"] == "2027-03-01"


async def test_a_repayment_beyond_the_balance_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    old, _ = await two_loans(api, stack, tokens)
    too_much = await repay(api, tokens["town_kejing"], old["id"], "30000.01", "2025-06-02")
    assert too_much.status_code == 409 and too_much.json()["code"] == "repayment_exceeds_balance"
    assert await count(stack, "repayments") == 1
    assert (
        str(await scalar(stack, "SELECT repaid FROM funds.loans WHERE id = :id", id=old["id"])) == "20000.00"
    )


async def test_loans_and_repayments_are_audited(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await two_loans(api, stack, tokens)
    assert await count(stack, "audit_log", "entity = 'loan'") == 3


async def test_overdue_ratio_by_town_is_flagged_over_the_bound(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await two_loans(api, stack, tokens)
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


async def test_overdue_ratio_as_of_an_earlier_day(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await two_loans(api, stack, tokens)
    earlier = (
        await api.get(f"{LOANS}/overdue", params={"as_of": "2025-05-31"}, headers=auth(tokens["town_kejing"]))
    ).json()
    assert (
        earlier["towns"][0]["outstanding"] == "90000.00" and earlier["towns"][0]["overdue_ratio"] == "0.0000"
    )


async def test_loans_list_by_status(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    old, _ = await two_loans(api, stack, tokens)
    overdue = (await api.get(LOANS, params={"status": "overdue"}, headers=auth(tokens["auditor"]))).json()
    assert [x["id"] for x in overdue["items"]] == [old["id"]]


async def test_a_village_cadre_sees_its_villages_loans_only(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    old, young = await two_loans(api, stack, tokens)
    village = auth(tokens["village_beidahe"])
    assert [x["id"] for x in (await api.get(LOANS, headers=village)).json()["items"]] == [old["id"]]
    assert (await api.get(f"{LOANS}/{young['id']}", headers=village)).status_code == 404


async def test_a_loans_repayments_are_listed(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    old, _ = await two_loans(api, stack, tokens)
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
    made = await grant(api, stack, tokens["admin"], village_code=WANGWU_VILLAGE)
    other = await repay(api, tokens["town_kejing"], made["id"], "1.00", "2025-01-01")
    assert other.status_code == 404
    assert await count(stack, "repayments") == 0


async def test_a_repayment_before_the_loan_was_issued_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    made = await grant(api, stack, tokens["admin"], village_code=WANGWU_VILLAGE)
    before_issue = await repay(api, tokens["admin"], made["id"], "1.00", "2022-01-01")
    assert before_issue.status_code == 422 and before_issue.json()["errors"][0]["field"] == "repaid_on"
    assert await count(stack, "repayments") == 0


# -- 5 万 per household: what it owes on all its loans together --------------------------------------


async def test_a_household_owing_part_of_the_ceiling_borrows_only_the_rest(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    borrower = await known_borrower(stack)
    town = tokens["town_kejing"]
    assert (await record_loan(api, town, borrower, amount="30000.00")).status_code == 201
    over = await record_loan(api, town, borrower, amount="20000.01")
    assert over.status_code == 409 and over.json()["code"] == "household_ceiling_exceeded", over.text
    assert (await record_loan(api, town, borrower, amount="20000.00")).status_code == 201
    assert await count(stack, "loans") == 2


async def test_what_a_household_repaid_is_room_to_borrow_again(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    borrower = await known_borrower(stack)
    town = tokens["town_kejing"]
    first = await grant(api, stack, town, borrower)
    assert (await repay(api, town, first["id"], "10000.00", "2024-01-10")).status_code == 201
    assert (await record_loan(api, town, borrower, amount="10000.00")).status_code == 201
    assert (await record_loan(api, town, borrower, amount="0.01")).status_code == 409


async def test_the_ceiling_is_each_households_own(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await grant(api, stack, tokens["town_kejing"])
    await grant(api, stack, tokens["town_kejing"])
    assert await count(stack, "loans") == 2


async def test_loans_recorded_at_once_for_one_household_never_exceed_the_ceiling(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    borrower = await known_borrower(stack)
    answers = await asyncio.gather(
        *(record_loan(api, tokens["town_kejing"], borrower, amount="10000.00") for _ in range(8))
    )
    assert sorted(r.status_code for r in answers) == [201] * 5 + [409] * 3
    owed = await scalar(
        stack, "SELECT sum(amount) FROM funds.loans WHERE household_id = :h", h=borrower.household_id
    )
    assert str(owed) == "50000.00"


# -- 应贷尽贷: of the households that may borrow, those with a loan in the year ------------------------


async def coverage_population(api: httpx.AsyncClient, stack: Stack, tokens: dict[str, str]) -> None:
    """克井镇: four households that may borrow — one borrowing in 2025, one that repaid in 2025, one
    that repaid in 2024, one that never borrowed — and one that may not; 王屋镇: one borrowing."""
    admin = tokens["admin"]
    await grant(api, stack, admin, **YOUNG)
    repaid_2025 = await grant(api, stack, admin, issued_on="2023-01-10")
    assert (await repay(api, admin, repaid_2025["id"], "50000.00", "2025-02-01")).status_code == 201
    repaid_2024 = await grant(api, stack, admin, issued_on="2022-01-10", term_months=24)
    assert (await repay(api, admin, repaid_2024["id"], "50000.00", "2024-06-01")).status_code == 201
    await known_borrower(stack)
    await known_borrower(stack, lifted_out=False, status="risk_eliminated")
    await grant(api, stack, admin, village_code=WANGWU_VILLAGE, issued_on="2025-04-01")


COVERAGE = f"{API}/reports/microcredit-coverage"


async def test_coverage_counts_households_with_a_loan_owed_in_the_year_by_town(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await coverage_population(api, stack, tokens)
    report = (await api.get(COVERAGE, params={"year": 2025}, headers=auth(tokens["admin"]))).json()
    rows = [(r["town_name"], r["eligible"], r["borrowing"], r["coverage"]) for r in report["rows"]]
    assert rows == [("克井镇", 4, 2, "0.5000"), ("王屋镇", 1, 1, "1.0000"), ("合计", 5, 3, "0.6000")]


async def test_coverage_of_an_earlier_year_counts_the_loans_owed_then(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await coverage_population(api, stack, tokens)
    report = (await api.get(COVERAGE, params={"year": 2024}, headers=auth(tokens["town_kejing"]))).json()
    rows = [(r["town_name"], r["eligible"], r["borrowing"]) for r in report["rows"]]
    assert rows == [("克井镇", 4, 2), ("合计", 4, 2)]


async def test_coverage_keeps_to_the_callers_territory_and_loan_readers(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await coverage_population(api, stack, tokens)
    town = (await api.get(COVERAGE, params={"year": 2025}, headers=auth(tokens["town_kejing"]))).json()
    assert [r["town_name"] for r in town["rows"]] == ["克井镇", "合计"]
    for token in ("dept_hrss", "integrator_hrss", "helper_wang"):
        resp = await api.get(COVERAGE, params={"year": 2025}, headers=auth(tokens[token]))
        assert resp.status_code == 403, token
    generic = await api.get(f"{API}/reports/pipeline", headers=auth(tokens["dept_hrss"]))
    assert generic.status_code == 200  # the other reports keep their readers


async def test_coverage_needs_a_year(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    resp = await api.get(COVERAGE, headers=auth(tokens["admin"]))
    assert resp.status_code == 422 and resp.json()["errors"][0]["field"] == "year"


async def test_coverage_downloads_as_xlsx_with_chinese_headers(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await known_borrower(stack)
    resp = await api.get(COVERAGE, params={"year": 2025, "format": "xlsx"}, headers=auth(tokens["admin"]))
    assert resp.status_code == 200, resp.text
    sheet = load_workbook(io.BytesIO(resp.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("乡镇代码", "乡镇（街道）", "脱贫户和监测户（户）", "其中年内有贷款（户）", "覆盖率")
    assert rows[1][1:4] == ("克井镇", 1, 0)
