"""光伏收益与收益分配（按月）: the console's monthly view of PV revenue and distributions, scoped."""

from __future__ import annotations

import io

import httpx
from openpyxl import load_workbook

from tests.assets.factories import ASSETS, operating_asset
from tests.assets.test_distributions import URL as DISTRIBUTIONS
from tests.assets.test_distributions import decision
from tests.helpers import WANGWU, WANGWU_VILLAGE, auth

REPORT = "/api/assets/v1/reports/revenue-by-month"


async def pv_asset(api: httpx.AsyncClient, token: str, revenue: str, **overrides: str) -> str:
    asset = await operating_asset(api, token, **overrides)
    resp = await api.put(
        f"{ASSETS}/{asset['id']}/pv-station", json={"capacity_kw": "100.00"}, headers=auth(token)
    )
    assert resp.status_code == 201, resp.text
    resp = await api.post(
        f"{ASSETS}/{asset['id']}/monthly-records",
        json={"month": "2025-11-01", "revenue": revenue, "generation_kwh": "1000.00", "utilisation": "0.9"},
        headers=auth(token),
    )
    assert resp.status_code == 201, resp.text
    return str(asset["id"])


async def test_pv_revenue_and_distributions_by_month_in_the_callers_territory(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    admin, town = tokens["admin"], tokens["town_kejing"]
    kejing_pv = await pv_asset(api, admin, "1200.50")
    await pv_asset(api, admin, "800.00", town_code=WANGWU, village_code=WANGWU_VILLAGE)
    # Revenue of an asset without a PV profile is not PV revenue.
    plain = await operating_asset(api, admin, name="扶贫车间", category="厂房")
    resp = await api.post(
        f"{ASSETS}/{plain['id']}/monthly-records",
        json={"month": "2025-11-01", "revenue": "5000.00", "utilisation": "0.9"},
        headers=auth(admin),
    )
    assert resp.status_code == 201, resp.text
    shares = [
        {"use": "small_public_works", "beneficiary": "村内道路", "beneficiary_count": 0, "amount": "1000.00"}
    ]
    made = await api.post(
        DISTRIBUTIONS,
        json=decision(kejing_pv, total_amount="1000.00", shares=shares),
        headers=auth(admin),
    )
    assert made.status_code == 201, made.text

    district = (await api.get(REPORT, params={"year": 2025}, headers=auth(admin))).json()
    assert [r["month"] for r in district["rows"]] == [f"2025-{m:02d}" for m in range(1, 13)]
    november, december = district["rows"][10], district["rows"][11]
    assert november["pv_revenue"] == "2000.50" and november["generation_kwh"] == "2000.00"
    assert december["distributed"] == "1000.00" and december["distributions"] == 1
    assert district["rows"][0]["pv_revenue"] == "0.00"

    kejing = (await api.get(REPORT, params={"year": 2025}, headers=auth(town))).json()
    assert kejing["rows"][10]["pv_revenue"] == "1200.50"  # 王屋镇's station is not theirs to see

    xlsx = await api.get(REPORT, params={"year": 2025, "format": "xlsx"}, headers=auth(town))
    assert xlsx.status_code == 200, xlsx.text
    sheet = load_workbook(io.BytesIO(xlsx.content)).worksheets[0]
    assert [c.value for c in sheet[1]][:2] == ["月份", "光伏电站收益（元）"]
    assert sheet.max_row == 13

    missing_year = await api.get(REPORT, headers=auth(admin))
    assert missing_year.status_code == 422
