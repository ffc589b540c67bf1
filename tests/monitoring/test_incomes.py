"""Yearly income, net and per-capita net, and the per-year monitoring line."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import Stack
from tests.helpers import WANGWU, WANGWU_VILLAGE, auth
from tests.monitoring.factories import HOUSEHOLDS, count, create_household

LINES = "/api/monitoring/v1/monitoring-lines"
INCOME = {
    "wages": "18000.00",
    "business": "6000.50",
    "property": "300.00",
    "transfers": "2400.00",
    "business_costs": "2000.00",
}
INCOME_COUNT = "SELECT count(*) FROM monitoring.incomes"


async def income_url(api: httpx.AsyncClient, tokens: dict[str, str], year: int = 2025) -> str:
    household = await create_household(api, tokens["admin"], member_count=3)
    return f"{HOUSEHOLDS}/{household['id']}/incomes/{year}"


async def test_income_gives_net_and_per_capita_against_the_line(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    created = await api.put(
        await income_url(api, tokens), json=INCOME, headers=auth(tokens["village_beidahe"])
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["net_income"] == "24700.50"  # 18000 + 6000.50 + 300 + 2400 − 2000
    assert body["per_capita_net_income"] == "8233.50"
    assert body["monitoring_line"] == "8600.00" and body["below_line"] is True


async def test_income_correction_needs_the_current_version(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    url = await income_url(api, tokens)
    village = tokens["village_beidahe"]
    assert (await api.put(url, json=INCOME, headers=auth(village))).status_code == 201
    missing = await api.put(url, json=INCOME, headers=auth(village))
    assert missing.status_code == 428
    fixed = await api.put(
        url, json={**INCOME, "wages": "20000.00"}, headers=auth(village, **{"If-Match": '"1"'})
    )
    assert fixed.status_code == 200 and fixed.json()["per_capita_net_income"] == "8900.17"
    assert fixed.json()["below_line"] is False
    stale = await api.put(url, json=INCOME, headers=auth(village, **{"If-Match": '"1"'}))
    assert stale.status_code == 412


async def test_year_without_a_line_has_figures_but_no_verdict(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    other = await api.put(await income_url(api, tokens, 2031), json=INCOME, headers=auth(tokens["admin"]))
    assert other.json()["monitoring_line"] is None and other.json()["below_line"] is None


async def test_incomes_are_listed_by_year(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    household = await create_household(api, tokens["admin"], member_count=3)
    for year in (2031, 2025):
        url = f"{HOUSEHOLDS}/{household['id']}/incomes/{year}"
        assert (await api.put(url, json=INCOME, headers=auth(tokens["admin"]))).status_code == 201
    listed = (
        await api.get(f"{HOUSEHOLDS}/{household['id']}/incomes", headers=auth(tokens["auditor"]))
    ).json()
    assert [i["year"] for i in listed] == [2025, 2031]


BAD_INCOMES: dict[str, dict[str, Any]] = {
    "negative": {**INCOME, "wages": "-1.00"},
    "three places": {**INCOME, "wages": "1.234"},
    "too large": {**INCOME, "wages": "99999999999999999.00"},
    "missing wages": {k: v for k, v in INCOME.items() if k != "wages"},
}


async def test_bad_income_is_a_422_problem(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    url = await income_url(api, tokens, 2026)
    for case, body in BAD_INCOMES.items():
        resp = await api.put(url, json=body, headers=auth(tokens["admin"]))
        assert resp.status_code == 422, case
        assert resp.headers["content-type"].startswith("application/problem+json")
    assert await count(stack, INCOME_COUNT) == 0


async def test_implausible_year_is_422(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    resp = await api.put(await income_url(api, tokens, 1990), json=INCOME, headers=auth(tokens["admin"]))
    assert resp.status_code == 422


async def test_roles_that_do_not_keep_records_may_not_record_income(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    url = await income_url(api, tokens, 2026)
    for who in ("helper_wang", "auditor", "dept_hrss", "integrator_hrss"):
        assert (await api.put(url, json=INCOME, headers=auth(tokens[who]))).status_code == 403, who
    assert await count(stack, INCOME_COUNT) == 0


async def test_income_of_another_towns_household_is_404(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    wangwu = await create_household(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE)
    foreign = await api.put(
        f"{HOUSEHOLDS}/{wangwu['id']}/incomes/2025", json=INCOME, headers=auth(tokens["town_kejing"])
    )
    assert foreign.status_code == 404
    assert await count(stack, INCOME_COUNT) == 0


async def test_monitoring_lines_are_read_by_year(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    lines = (await api.get(LINES, headers=auth(tokens["town_kejing"]))).json()
    assert [(line["year"], line["amount"]) for line in lines] == [(2025, "8600.00")]


async def test_district_admin_sets_a_new_line_and_changes_one_with_its_version(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    created = await api.put(f"{LINES}/2026", json={"amount": "8900.00"}, headers=auth(tokens["admin"]))
    assert created.status_code == 201 and created.json()["amount"] == "8900.00"
    changed = await api.put(
        f"{LINES}/2025", json={"amount": "8700.00"}, headers=auth(tokens["admin"], **{"If-Match": '"1"'})
    )
    assert changed.status_code == 200 and changed.headers["etag"] == '"2"'
    missing = await api.put(f"{LINES}/2025", json={"amount": "1"}, headers=auth(tokens["admin"]))
    assert missing.status_code == 428


async def line_years(api: httpx.AsyncClient, tokens: dict[str, str]) -> list[int]:
    return [line["year"] for line in (await api.get(LINES, headers=auth(tokens["admin"]))).json()]


async def test_only_the_district_admin_sets_lines(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    for who in ("town_kejing", "village_beidahe", "dept_hrss", "auditor", "helper_wang", "integrator_hrss"):
        resp = await api.put(f"{LINES}/2027", json={"amount": "9000.00"}, headers=auth(tokens[who]))
        assert resp.status_code == 403, who
    assert await line_years(api, tokens) == [2025]


async def test_bad_line_amount_is_422(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    for bad in ({"amount": "0"}, {"amount": "-8600"}, {"amount": "abc"}, {}):
        assert (await api.put(f"{LINES}/2027", json=bad, headers=auth(tokens["admin"]))).status_code == 422, (
            bad
        )
    assert await line_years(api, tokens) == [2025]
