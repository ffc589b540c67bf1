"""Project sites feeding the project's progress, funding stability year on year, and 防返贫保险
policies with their coverage — through the gateway."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from tests.conftest import Stack
from tests.funds.factories import API, Borrower, known_borrower, new_fund, planned_project
from tests.helpers import KEJING_OTHER_VILLAGE, WANGWU, WANGWU_VILLAGE, auth


async def add_site(api: httpx.AsyncClient, token: str, project_id: str, **body: Any) -> httpx.Response:
    return await api.post(f"{API}/projects/{project_id}/sites", json=body, headers=auth(token))


async def progress(api: httpx.AsyncClient, token: str, site: dict[str, Any], percent: int) -> httpx.Response:
    return await api.put(
        f"{API}/project-sites/{site['id']}/progress",
        json={"progress_percent": percent, "progress_on": "2025-08-01"},
        headers=auth(token, **{"If-Match": f'"{site["version"]}"'}),
    )


async def test_the_project_progress_is_the_weighted_mean_of_its_sites(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    admin, town = tokens["admin"], tokens["town_kejing"]
    project = await planned_project(api, admin, category="infrastructure", name="村级管网维修改造")
    small = (await add_site(api, town, project["id"], name="一号点位")).json()
    large = await add_site(
        api, town, project["id"], name="二号点位", weight="3", village_code=KEJING_OTHER_VILLAGE
    )
    assert large.status_code == 201, large.text
    assert (await progress(api, town, small, 100)).status_code == 200
    assert (await progress(api, town, large.json(), 20)).status_code == 200
    sites = (await api.get(f"{API}/projects/{project['id']}/sites", headers=auth(admin))).json()
    # (1 × 100 + 3 × 20) / 4 = 40
    assert sites["progress_percent"] == "40.00" and sites["completed"] == 1
    stale = await progress(api, town, small, 50)
    assert stale.status_code == 412
    over = await progress(api, town, {**small, "version": 2}, 101)
    assert over.status_code == 422


async def test_sites_keep_to_the_project_town_and_its_implementers(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    admin = tokens["admin"]
    project = await planned_project(api, admin)
    outside = await add_site(api, admin, project["id"], name="x", village_code=WANGWU_VILLAGE)
    assert outside.status_code == 422 and outside.json()["errors"][0]["field"] == "village_code"
    assert (await add_site(api, tokens["village_beidahe"], project["id"], name="y")).status_code == 403
    theirs = await planned_project(api, admin, town_code=WANGWU, village_code=WANGWU_VILLAGE, name="王屋")
    hidden = await api.get(f"{API}/projects/{theirs['id']}/sites", headers=auth(tokens["town_kejing"]))
    assert hidden.status_code == 404


async def test_a_source_whose_yearly_total_falls_is_flagged(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    admin = tokens["admin"]
    await new_fund(api, admin, amount="1000000.00", year=2024)
    await new_fund(api, admin, amount="999999.99", year=2025)  # one cent less: flagged
    await new_fund(api, admin, amount="500000.00", source="district", year=2024)
    await new_fund(api, admin, amount="500000.00", source="district", year=2025)  # level: not flagged
    resp = await api.get(
        f"{API}/funding-stability",
        params={"from_year": 2025, "to_year": 2025},
        headers=auth(tokens["dept_hrss"]),
    )
    assert resp.status_code == 200, resp.text
    rows = {r["source"]: r for r in resp.json()["rows"]}
    assert rows["中央财政衔接资金"]["falling"] is True and rows["中央财政衔接资金"]["change"] == "-0.01"
    assert rows["区级财政衔接资金"]["falling"] is False
    assert rows["合计"]["falling"] is True and rows["合计"]["amount"] == "1499999.99"


async def test_funding_stability_asks_for_an_ordered_range(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    resp = await api.get(
        f"{API}/funding-stability", params={"from_year": 2025, "to_year": 2024}, headers=auth(tokens["admin"])
    )
    assert resp.status_code == 422


def policy(borrower: Borrower, **overrides: Any) -> dict[str, Any]:
    body = {
        "household_id": borrower.household_id,
        "insurer": "中国人寿济源分公司",
        "policy_number": f"FPB-{borrower.household_id[:8]}",
        "starts_on": "2025-01-01",
        "ends_on": "2025-12-31",
        "premium": "100.00",
        "sum_insured": "50000.00",
    }
    return {**body, **overrides}


async def test_policies_count_in_the_coverage_of_eligible_households_while_in_force(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    town = tokens["town_kejing"]
    insured = await known_borrower(stack, lifted_out=True, status="not_monitored")
    await known_borrower(stack, lifted_out=False, status="included", subtype="marginal")
    await known_borrower(stack, lifted_out=False, status="not_monitored")  # not eligible: not counted
    resp = await api.post(f"{API}/insurance-policies", json=policy(insured), headers=auth(town))
    assert resp.status_code == 201, resp.text
    assert resp.json()["village_code"] == "419001100201"

    async def coverage(as_of: str) -> dict[str, Any]:
        got = await api.get(f"{API}/insurance-coverage", params={"as_of": as_of}, headers=auth(town))
        assert got.status_code == 200, got.text
        [row] = got.json()["rows"]
        return row  # type: ignore[no-any-return]

    assert await coverage("2025-12-31") == {
        "town_code": "419001100",
        "eligible": 2,
        "insured": 1,
        "coverage": "0.5000",
    }
    assert (await coverage("2026-01-01"))["insured"] == 0
    listed = await api.get(f"{API}/insurance-policies", headers=auth(tokens["village_beidahe"]))
    assert [p["household_id"] for p in listed.json()["items"]] == [insured.household_id]
    assert (await api.get(f"{API}/insurance-policies", headers=auth(tokens["dept_hrss"]))).status_code == 403


async def test_a_policy_names_a_known_household_in_territory_for_a_real_period(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    town = tokens["town_kejing"]
    wangwu = await known_borrower(stack, WANGWU_VILLAGE, lifted_out=True, status="not_monitored")
    outside = await api.post(f"{API}/insurance-policies", json=policy(wangwu), headers=auth(town))
    assert outside.status_code == 422 and outside.json()["code"] == "unknown_reference"
    ours = await known_borrower(stack, lifted_out=True, status="not_monitored")
    same_day = await api.post(
        f"{API}/insurance-policies", json=policy(ours, ends_on="2025-01-01"), headers=auth(town)
    )
    assert same_day.status_code == 422 and same_day.json()["errors"][0]["field"] == "ends_on"
    with pytest.raises(IntegrityError) as refused:
        async with stack.db("funds").engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO funds.insurance_policies (id, household_id, town_code, village_code, insurer,"
                    " policy_number, starts_on, ends_on, premium, sum_insured) VALUES (gen_random_uuid(),"
                    " gen_random_uuid(), '419001100', '419001100201', 'x', 'y', '2025-01-01', '2025-01-01', 0, 1)"
                )
            )
    assert "ck_insurance_policies_ends_after_start" in str(refused.value)
