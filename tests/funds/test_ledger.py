"""Funds, allocations and payments through the gateway: money rules held by the database."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import httpx
import pytest

from services.funds.ledger.events import IndustryShareAtRisk
from tests.conftest import Stack
from tests.funds.factories import (
    API,
    allocate,
    count,
    funded_project,
    new_fund,
    new_project,
    pay,
    planned_project,
    published_payloads,
    scalar,
)
from tests.helpers import KEJING_OTHER_VILLAGE, WANGWU, WANGWU_VILLAGE, auth, new_id

FUNDS = f"{API}/funds"


def fund_body(amount: str = "1.00") -> dict[str, Any]:
    return {"year": 2025, "source": "central", "name": "x", "amount": amount}


async def amend_fund(
    api: httpx.AsyncClient, token: str, fund_id: str, amount: str, etag: str
) -> httpx.Response:
    return await api.patch(
        f"{FUNDS}/{fund_id}", json={"amount": amount}, headers=auth(token, **{"If-Match": etag})
    )


async def industry_share(api: httpx.AsyncClient, token: str) -> dict[str, Any]:
    resp = await api.get(f"{FUNDS}/industry-share", params={"year": 2025}, headers=auth(token))
    assert resp.status_code == 200, resp.text
    return resp.json()  # type: ignore[no-any-return]


async def test_a_registered_fund_shows_its_source_label_and_empty_totals(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    fund = await new_fund(api, tokens["admin"], amount="5000000.00", source="central_lottery")
    assert fund["source_label"] == "中央专项彩票公益金（支持革命老区）"
    assert (fund["amount"], fund["allocated"], fund["paid"]) == ("5000000.00", "0.00", "0.00")


async def test_funds_list_by_year(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    admin = tokens["admin"]
    fund = await new_fund(api, admin)
    await new_fund(api, admin, source="provincial", year=2024)
    listed = (await api.get(FUNDS, params={"year": 2025}, headers=auth(admin))).json()
    assert [f["id"] for f in listed["items"]] == [fund["id"]]


async def test_amending_a_fund_needs_if_match(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    fund = await new_fund(api, tokens["admin"])
    missing = await api.patch(f"{FUNDS}/{fund['id']}", json={"amount": "6.00"}, headers=auth(tokens["admin"]))
    assert missing.status_code == 428


async def test_an_amended_fund_gets_a_new_version_and_is_audited(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    fund = await new_fund(api, tokens["admin"], amount="5000000.00")
    ok = await amend_fund(api, tokens["admin"], fund["id"], "6000000.00", '"1"')
    assert ok.status_code == 200 and ok.json()["amount"] == "6000000.00" and ok.headers["etag"] == '"2"'
    assert await count(stack, "audit_log", "entity = 'fund'") == 2


@pytest.mark.parametrize("reader", ["town_kejing", "dept_hrss", "auditor", "integrator_hrss"])
async def test_every_reader_reads_funds_but_only_the_district_registers_them(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, reader: str
) -> None:
    fund = await new_fund(api, tokens["admin"])
    assert (await api.get(f"{FUNDS}/{fund['id']}", headers=auth(tokens[reader]))).status_code == 200
    assert (await api.post(FUNDS, json=fund_body(), headers=auth(tokens[reader]))).status_code == 403
    assert await count(stack, "funds") == 1


async def test_helpers_cannot_read_funds(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    fund = await new_fund(api, tokens["admin"])
    assert (await api.get(f"{FUNDS}/{fund['id']}", headers=auth(tokens["helper_wang"]))).status_code == 403


async def test_a_fund_cannot_shrink_below_what_it_allocated(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    fund = await new_fund(api, admin, amount="6000000.00")
    project = await planned_project(api, admin)
    assert (await allocate(api, admin, fund["id"], project["id"], "1000000.00")).status_code == 201
    below = await amend_fund(api, admin, fund["id"], "999999.99", '"1"')
    assert below.status_code == 409 and below.json()["code"] == "fund_exceeded"
    assert (
        str(await scalar(stack, "SELECT amount FROM funds.funds WHERE id = :id", id=fund["id"]))
        == "6000000.00"
    )


async def test_payments_carry_into_the_fund_and_project_totals(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    admin = tokens["admin"]
    fund = await new_fund(api, admin, amount="1000000.00")
    project, allocation = await funded_project(api, admin, fund["id"], "600000.00")
    assert project["allocated"] == "600000.00" and project["status"] == "in_progress"
    first = await pay(api, tokens["town_kejing"], allocation["id"], "250000.00")
    assert first.status_code == 201, first.text
    assert first.json()["project_id"] == project["id"] and first.json()["fund_id"] == fund["id"]
    got_fund = (await api.get(f"{FUNDS}/{fund['id']}", headers=auth(admin))).json()
    assert (got_fund["allocated"], got_fund["paid"]) == ("600000.00", "250000.00")
    got = (await api.get(f"{API}/projects/{project['id']}", headers=auth(admin))).json()
    assert (got["allocated"], got["paid"]) == ("600000.00", "250000.00")


async def test_allocations_and_payments_list_for_the_projects_one_sees(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    admin, town, village = tokens["admin"], tokens["town_kejing"], tokens["village_beidahe"]
    fund = await new_fund(api, admin, amount="1000000.00")
    project, allocation = await funded_project(api, admin, fund["id"], "600000.00")
    assert (await pay(api, town, allocation["id"], "250000.00")).status_code == 201
    listed = (
        await api.get(f"{API}/allocations", params={"project_id": project["id"]}, headers=auth(town))
    ).json()
    assert [(a["amount"], a["paid"]) for a in listed["items"]] == [("600000.00", "250000.00")]
    payments = (await api.get(f"{API}/payments", params={"fund_id": fund["id"]}, headers=auth(town))).json()
    assert [p["amount"] for p in payments["items"]] == ["250000.00"]
    # The village's cadre sees its project's money; an unknown id filter matches nothing.
    assert len((await api.get(f"{API}/allocations", headers=auth(village))).json()["items"]) == 1
    assert (await api.get(f"{API}/payments", params={"project_id": new_id()}, headers=auth(village))).json()[
        "items"
    ] == []


async def test_two_payments_racing_for_the_last_yuan(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    fund = await new_fund(api, admin, amount="1000.00")
    _, allocation = await funded_project(api, admin, fund["id"], "1000.00")
    assert (await pay(api, admin, allocation["id"], "999.00")).status_code == 201
    results = await asyncio.gather(
        pay(api, admin, allocation["id"], "1.00"), pay(api, tokens["town_kejing"], allocation["id"], "1.00")
    )
    statuses = sorted(r.status_code for r in results)
    assert statuses == [201, 409], [r.text for r in results]
    refused = next(r for r in results if r.status_code == 409)
    assert refused.json()["code"] == "allocation_exceeded"
    assert await count(stack, "payments") == 2
    paid = await scalar(stack, "SELECT paid FROM funds.allocations WHERE id = :id", id=allocation["id"])
    assert str(paid) == "1000.00"
    assert str(await scalar(stack, "SELECT paid FROM funds.funds")) == "1000.00"
    assert str(await scalar(stack, "SELECT paid FROM funds.projects")) == "1000.00"
    assert str(await scalar(stack, "SELECT sum(amount) FROM funds.payments")) == "1000.00"


async def test_two_allocations_racing_for_the_rest_of_a_fund(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    fund = await new_fund(api, admin, amount="500000.00")
    a = await planned_project(api, admin)
    b = await planned_project(api, admin, village_code=KEJING_OTHER_VILLAGE)
    results = await asyncio.gather(
        allocate(api, admin, fund["id"], a["id"], "300000.00"),
        allocate(api, admin, fund["id"], b["id"], "300000.00"),
    )
    assert sorted(r.status_code for r in results) == [201, 409]
    assert next(r for r in results if r.status_code == 409).json()["code"] == "fund_exceeded"
    assert str(await scalar(stack, "SELECT allocated FROM funds.funds")) == "300000.00"
    assert str(await scalar(stack, "SELECT sum(allocated) FROM funds.projects")) == "300000.00"
    assert await count(stack, "allocations") == 1


async def test_central_funds_outside_industry_are_capped_at_the_complement_of_the_share(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    fund = await new_fund(api, admin, amount="1000000.00")
    road = await planned_project(api, admin, category="infrastructure", name="北大河村生产道路")
    # 30% of the central fund may go outside industry: 300,000 is fine, one yuan more is not.
    assert (await allocate(api, admin, fund["id"], road["id"], "300000.00")).status_code == 201
    refused = await allocate(api, admin, fund["id"], road["id"], "1.00")
    assert refused.status_code == 409 and refused.json()["code"] == "industry_share_rule"
    assert refused.json()["share"]["non_industry_limit"] == "300000.00"
    assert await count(stack, "allocations") == 1
    assert await count(stack, "outbox", "nats_subject = 'xianjie.funds.fund.industry_share_at_risk'") == 0


async def test_the_industry_share_report_is_live(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    admin = tokens["admin"]
    fund = await new_fund(api, admin, amount="1000000.00")
    road = await planned_project(api, admin, category="infrastructure", name="北大河村生产道路")
    assert (await allocate(api, admin, fund["id"], road["id"], "300000.00")).status_code == 201
    share = await industry_share(api, admin)
    assert share["non_industry_headroom"] == "0.00" and share["at_risk"] is False
    assert share["industry_share_of_allocated"] == "0.0000"
    industry = await planned_project(api, admin)
    assert (await allocate(api, admin, fund["id"], industry["id"], "700000.00")).status_code == 201
    share = await industry_share(api, admin)
    assert share["industry_share_of_allocated"] == "0.7000" and share["industry_allocated"] == "700000.00"


async def test_other_sources_are_not_bound_by_the_central_industry_share(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    central = await new_fund(api, admin, amount="1000000.00")
    road = await planned_project(api, admin, category="infrastructure", name="北大河村生产道路")
    assert (await allocate(api, admin, central["id"], road["id"], "300000.00")).status_code == 201
    district = await new_fund(api, admin, amount="100000.00", source="district")
    assert (await allocate(api, admin, district["id"], road["id"], "100000.00")).status_code == 201
    assert await count(stack, "allocations") == 2


@pytest.fixture
def flag_mode(stack: Stack) -> Iterator[None]:
    """The industry share enforced by flagging (recorded, announced) instead of refusing."""
    settings = stack.apps["funds"].state.component.settings
    settings.industry_share_enforcement = "flag"
    try:
        yield
    finally:
        settings.industry_share_enforcement = "refuse"


async def flagged_road(api: httpx.AsyncClient, admin: str) -> httpx.Response:
    fund = await new_fund(api, admin, amount="1000000.00")
    road = await planned_project(api, admin, category="infrastructure", planned_amount="500000.00")
    return await allocate(api, admin, fund["id"], road["id"], "400000.00")


@pytest.mark.usefixtures("flag_mode")
async def test_flag_mode_records_an_allocation_breaking_the_industry_share(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    flagged = await flagged_road(api, tokens["admin"])
    assert flagged.status_code == 201 and flagged.json()["industry_share_flagged"] is True
    share = await industry_share(api, tokens["admin"])
    assert share["at_risk"] is True and share["non_industry_allocated"] == "400000.00"


@pytest.mark.usefixtures("flag_mode")
async def test_flag_mode_announces_the_industry_share_at_risk(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    assert (await flagged_road(api, tokens["admin"])).status_code == 201
    envelope = await scalar(
        stack,
        "SELECT envelope FROM funds.outbox WHERE nats_subject = 'xianjie.funds.fund.industry_share_at_risk'",
    )
    assert (
        envelope["type"] == "cn.xianjie.funds.fund.industry_share_at_risk.v1"
        and envelope["subject"] == "2025"
    )
    assert envelope["data"]["non_industry_allocated"] == "400000.00"
    assert envelope["data"]["non_industry_limit"] == "300000.00"
    [at_risk] = [p for _, p in await published_payloads(stack) if isinstance(p, IndustryShareAtRisk)]
    assert at_risk.industry_share_min == Decimal("0.70")


def assert_problems(cases: list[tuple[httpx.Response, int, str]]) -> None:
    """Each answer is the problem+json of the expected status and code."""
    for resp, status, code in cases:
        assert resp.status_code == status and resp.json()["code"] == code, resp.text
        assert resp.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize("amount", ["0", "0.00", "-1.00", "1.001", "一万", "NaN"])
async def test_a_fund_amount_is_positive_money(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, amount: str
) -> None:
    resp = await api.post(FUNDS, json=fund_body(amount), headers=auth(tokens["admin"]))
    assert resp.status_code == 422 and resp.json()["code"] == "validation_failed", amount
    assert await count(stack, "funds") == 0


async def test_bad_allocations_are_refused_and_write_nothing(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    fund = await new_fund(api, admin, amount="100000.00")
    proposed = await new_project(api, admin)
    project, _ = await funded_project(api, admin, fund["id"], "50000.00")
    before = await count(stack, "audit_log")
    cases = [
        (await allocate(api, admin, fund["id"], project["id"], "-5.00"), 422, "validation_failed"),
        (await allocate(api, admin, fund["id"], project["id"], "0"), 422, "validation_failed"),
        (await allocate(api, admin, fund["id"], project["id"], "60000.00"), 409, "fund_exceeded"),
        (await allocate(api, admin, fund["id"], proposed["id"], "10.00"), 409, "invalid_transition"),
        (await allocate(api, admin, new_id(), project["id"], "10.00"), 404, "not_found"),
        (await allocate(api, admin, fund["id"], new_id(), "10.00"), 422, "validation_failed"),
    ]
    assert_problems(cases)
    assert await count(stack, "allocations") == 1
    assert await count(stack, "audit_log") == before


async def test_bad_payments_are_refused_and_write_nothing(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    fund = await new_fund(api, admin, amount="100000.00")
    _, allocation = await funded_project(api, admin, fund["id"], "50000.00")
    before = await count(stack, "audit_log")
    cases = [
        (await pay(api, admin, allocation["id"], "0"), 422, "validation_failed"),
        (await pay(api, admin, allocation["id"], "-1"), 422, "validation_failed"),
        (await pay(api, admin, allocation["id"], "50000.01"), 409, "allocation_exceeded"),
        (await pay(api, admin, allocation["id"], "1.00", paid_on="2999-01-01"), 422, "validation_failed"),
        (await pay(api, admin, new_id(), "1.00"), 422, "validation_failed"),
    ]
    assert_problems(cases)
    assert await count(stack, "payments") == 0
    assert await count(stack, "audit_log") == before


async def test_an_allocation_beyond_the_projects_plan_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    fund = await new_fund(api, admin, amount="100000.00")
    project, _ = await funded_project(api, admin, fund["id"], "50000.00")
    big = await new_fund(api, admin, amount="9000000.00", source="district")
    before = await count(stack, "audit_log")
    over_plan = await allocate(api, admin, big["id"], project["id"], "1150000.01")
    assert over_plan.status_code == 409 and over_plan.json()["code"] == "plan_exceeded"
    assert await count(stack, "allocations") == 1 and await count(stack, "audit_log") == before
    assert (
        str(await scalar(stack, "SELECT allocated FROM funds.funds WHERE id = :id", id=big["id"])) == "0.00"
    )


async def test_a_payment_waits_until_the_project_is_under_way(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    admin = tokens["admin"]
    fund = await new_fund(api, admin, amount="100000.00")
    planned = await planned_project(api, admin)
    allocation = (await allocate(api, admin, fund["id"], planned["id"], "10000.00")).json()
    early = await pay(api, admin, allocation["id"], "100.00")
    assert early.status_code == 409 and early.json()["code"] == "project_not_under_way"


async def wangwu_allocation(api: httpx.AsyncClient, admin: str) -> dict[str, Any]:
    fund = await new_fund(api, admin, amount="100000.00")
    _, allocation = await funded_project(
        api, admin, fund["id"], "10000.00", town_code=WANGWU, village_code=WANGWU_VILLAGE
    )
    return allocation


async def test_a_town_official_cannot_see_let_alone_pay_another_towns_allocation(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    allocation = await wangwu_allocation(api, tokens["admin"])
    other = await pay(api, tokens["town_kejing"], allocation["id"], "100.00")
    assert other.status_code == 422 and other.json()["errors"][0]["field"] == "allocation_id"
    assert await count(stack, "payments") == 0


async def test_only_the_district_and_towns_pay(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    allocation = await wangwu_allocation(api, tokens["admin"])
    for token in ("village_beidahe", "dept_hrss", "auditor", "integrator_hrss", "helper_wang"):
        assert (await pay(api, tokens[token], allocation["id"], "100.00")).status_code == 403, token
    assert await count(stack, "payments") == 0
    assert str(await scalar(stack, "SELECT paid FROM funds.funds")) == "0.00"


async def test_only_the_district_allocates(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    fund = await new_fund(api, admin, amount="100000.00")
    planned = await planned_project(api, admin)
    assert (await allocate(api, tokens["town_kejing"], fund["id"], planned["id"], "1.00")).status_code == 403
    assert await count(stack, "allocations") == 0


async def test_a_retried_payment_is_answered_once(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    fund = await new_fund(api, admin, amount="1000.00")
    _, allocation = await funded_project(api, admin, fund["id"], "1000.00")
    headers = auth(admin, **{"Idempotency-Key": new_id()})
    body = {"allocation_id": allocation["id"], "amount": "600.00", "paid_on": "2025-07-01", "voucher": "v1"}
    first = await api.post(f"{API}/payments", json=body, headers=headers)
    again = await api.post(f"{API}/payments", json=body, headers=headers)
    assert first.status_code == again.status_code == 201 and first.json()["id"] == again.json()["id"]
    assert again.headers["idempotent-replayed"] == "true"
    assert await count(stack, "payments") == 1
    assert str(await scalar(stack, "SELECT paid FROM funds.allocations")) == "600.00"
