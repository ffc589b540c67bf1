"""低效闲置 screening (rules from settings), proposals per town, and the reports in JSON and XLSX."""

from __future__ import annotations

import io
from typing import Any

import httpx
from openpyxl import load_workbook
from sqlalchemy import text

from tests.assets.factories import ASSETS, create_asset, operating_asset
from tests.conftest import Stack
from tests.helpers import KEJING, WANGWU, WANGWU_VILLAGE, auth

IDLE = "/api/assets/v1/idle-assets"
REPORTS = "/api/assets/v1/reports"


async def month(api: httpx.AsyncClient, token: str, asset: dict[str, Any], **body: Any) -> None:
    resp = await api.post(f"{ASSETS}/{asset['id']}/monthly-records", json=body, headers=auth(token))
    assert resp.status_code == 201, resp.text


async def ledger(api: httpx.AsyncClient, admin: str) -> dict[str, dict[str, Any]]:
    """Four operating assets formed in January 2025: idle, weak PV, healthy, and one in Wangwu."""
    formed = {"formed_on": "2025-01-15"}
    idle = await operating_asset(api, admin, name="闲置冷库", category="冷库", value="300000.00", **formed)
    weak = await operating_asset(api, admin, name="低效光伏电站", **formed)
    healthy = await operating_asset(api, admin, name="出租厂房", category="厂房", value="500000.00", **formed)
    far = await operating_asset(
        api,
        admin,
        name="王屋镇大棚",
        category="大棚",
        town_code=WANGWU,
        village_code=WANGWU_VILLAGE,
        **formed,
    )
    station = await api.put(
        f"{ASSETS}/{weak['id']}/pv-station", json={"capacity_kw": "100.00"}, headers=auth(admin)
    )
    assert station.status_code == 201
    for m in ("2025-09-01", "2025-10-01", "2025-11-01"):
        # 3000 kWh of an expected 100 kW × 1100 / 12 ≈ 9167 kWh: utilisation ≈ 0.33.
        await month(api, admin, weak, month=m, revenue="1200.00", generation_kwh="3000.00")
        await month(api, admin, healthy, month=m, revenue="8000.00", utilisation="0.9000")
    return {"idle": idle, "weak": weak, "healthy": healthy, "far": far}


async def test_screening_flags_lists_proposes_and_clears(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin, town = tokens["admin"], tokens["town_kejing"]
    assets = await ledger(api, admin)
    await create_asset(api, admin, name="未移交资产", formed_on="2025-01-15")  # not yet anyone's to run

    kejing = await api.post(f"{IDLE}/screenings", json={"as_of": "2025-12-15"}, headers=auth(town))
    assert kejing.status_code == 200, kejing.text
    assert kejing.json() == {"as_of": "2025-12-15", "flagged": 2, "cleared": 0, "open": 2}
    flags = (await api.get(IDLE, headers=auth(town))).json()["items"]
    by_asset = {f["asset_name"]: f for f in flags}
    assert set(by_asset) == {"闲置冷库", "低效光伏电站"}
    assert by_asset["闲置冷库"]["rule"] == "no_revenue" and by_asset["闲置冷库"]["rule_label"] == "连续无收益"
    assert by_asset["闲置冷库"]["measure"] == "10.0000"  # February to November: no revenue
    assert by_asset["低效光伏电站"]["rule"] == "low_utilisation"
    assert by_asset["低效光伏电站"]["measure"] == "0.3273"
    assert all(f["town_code"] == KEJING and f["proposed_action"] is None for f in flags)

    again = await api.post(f"{IDLE}/screenings", json={"as_of": "2025-12-15"}, headers=auth(town))
    assert again.json()["flagged"] == 0  # flagged once, not twice
    everywhere = await api.post(f"{IDLE}/screenings", json={"as_of": "2025-12-15"}, headers=auth(admin))
    assert everywhere.json() == {"as_of": "2025-12-15", "flagged": 1, "cleared": 0, "open": 3}
    per_town = (await api.get(IDLE, params={"town_code": WANGWU}, headers=auth(admin))).json()["items"]
    assert [f["asset_name"] for f in per_town] == ["王屋镇大棚"]

    flag = by_asset["闲置冷库"]
    url = f"{IDLE}/{flag['id']}"
    proposal = {"proposed_action": "revitalise", "action_note": "对外招租"}
    assert (await api.patch(url, json=proposal, headers=auth(town))).status_code == 428
    proposed = await api.patch(url, json=proposal, headers=auth(town, **{"If-Match": '"1"'}))
    assert proposed.status_code == 200, proposed.text
    assert proposed.json()["proposed_action_label"] == "盘活" and proposed.headers["etag"] == '"2"'
    stale = await api.patch(url, json=proposal, headers=auth(town, **{"If-Match": '"1"'}))
    assert stale.status_code == 412
    bad = await api.patch(url, json={"proposed_action": "forget"}, headers=auth(town, **{"If-Match": '"2"'}))
    assert bad.status_code == 422
    wangwu_flag = per_town[0]
    assert (
        await api.patch(
            f"{IDLE}/{wangwu_flag['id']}", json=proposal, headers=auth(town, **{"If-Match": '"1"'})
        )
    ).status_code == 404
    by_action = (await api.get(IDLE, params={"proposed_action": "revitalise"}, headers=auth(admin))).json()
    assert [f["id"] for f in by_action["items"]] == [flag["id"]]

    # Revenue returns: the next screening clears the flag, and it leaves the open list.
    await month(api, admin, assets["idle"], month="2025-11-01", revenue="500.00")
    cleared = await api.post(
        f"{IDLE}/screenings", json={"as_of": "2025-12-15", "town_code": KEJING}, headers=auth(admin)
    )
    assert cleared.json() == {"as_of": "2025-12-15", "flagged": 0, "cleared": 1, "open": 1}
    open_names = {f["asset_name"] for f in (await api.get(IDLE, headers=auth(town))).json()["items"]}
    assert open_names == {"低效光伏电站"}
    history = (await api.get(IDLE, params={"include_cleared": True}, headers=auth(town))).json()["items"]
    assert {f["asset_name"]: f["cleared_on"] for f in history}["闲置冷库"] == "2025-12-15"
    late = await api.patch(url, json=proposal, headers=auth(town, **{"If-Match": '"3"'}))
    assert late.status_code == 409
    card = (await api.get(f"{ASSETS}/{assets['weak']['id']}/card", headers=auth(town))).json()
    assert [f["rule"] for f in card["open_idle_flags"]] == ["low_utilisation"]


async def test_screening_rights(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    body = {"as_of": "2025-12-15"}
    assert (
        await api.post(
            f"{IDLE}/screenings", json={**body, "town_code": WANGWU}, headers=auth(tokens["town_kejing"])
        )
    ).status_code == 403
    for who in ("village_beidahe", "auditor", "dept_hrss", "integrator_hrss", "helper_wang"):
        assert (
            await api.post(f"{IDLE}/screenings", json=body, headers=auth(tokens[who]))
        ).status_code == 403, who
    unknown = await api.post(
        f"{IDLE}/screenings", json={**body, "town_code": "419001999"}, headers=auth(tokens["admin"])
    )
    assert unknown.status_code == 422
    assert (await api.get(IDLE, headers=auth(tokens["helper_wang"]))).status_code == 403
    async with stack.db("assets").engine.connect() as conn:
        assert await conn.scalar(text("SELECT count(*) FROM assets.idle_flags")) == 0


async def test_reports_json_and_xlsx(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    admin = tokens["admin"]
    assets = await ledger(api, admin)
    await create_asset(
        api,
        admin,
        name="2024年道路",
        kind="public_welfare",
        category="道路",
        value="99.50",
        formed_on="2024-05-01",
    )
    distribution = {
        "asset_id": assets["healthy"]["id"],
        "decided_on": "2025-12-20",
        "procedure": "villagers_assembly",
        "approving_body": "村民代表大会",
        "total_amount": "10000.00",
        "shares": [
            {
                "use": "public_welfare_posts",
                "beneficiary": "公益岗位",
                "beneficiary_count": 3,
                "amount": "6000.00",
            },
            {
                "use": "collective_reinvestment",
                "beneficiary": "村集体",
                "beneficiary_count": 0,
                "amount": "4000.00",
            },
        ],
    }
    assert (
        await api.post("/api/assets/v1/distributions", json=distribution, headers=auth(admin))
    ).status_code == 201
    maintenance = {
        "kind": "repair",
        "performed_on": "2025-10-05",
        "description": "屋顶修补",
        "cost": "700.00",
    }
    assert (
        await api.post(
            f"{ASSETS}/{assets['healthy']['id']}/maintenance", json=maintenance, headers=auth(admin)
        )
    ).status_code == 201
    await api.post(f"{IDLE}/screenings", json={"as_of": "2025-12-15"}, headers=auth(admin))

    summary = (await api.get(f"{REPORTS}/assets-summary", headers=auth(admin))).json()
    rows = {(r["town_code"], r["kind"], r["status"]): r for r in summary["rows"]}
    kejing_running = rows[(KEJING, "经营性", "管护运营中")]
    assert kejing_running["count"] == 3 and kejing_running["value"] == "1660000.00"
    assert kejing_running["town_name"] == "克井镇"
    assert rows[(WANGWU, "经营性", "管护运营中")]["count"] == 1

    by_year = (await api.get(f"{REPORTS}/value-by-year", headers=auth(admin))).json()["rows"]
    assert by_year == [
        {"year": 2024, "kind": "公益性", "count": 1, "value": "99.50"},
        {"year": 2025, "kind": "经营性", "count": 4, "value": "2520000.00"},
    ]

    revenue = (await api.get(f"{REPORTS}/revenue", params={"year": 2025}, headers=auth(admin))).json()
    [kejing] = [r for r in revenue["rows"] if r["town_code"] == KEJING]
    assert kejing["revenue"] == "27600.00" and kejing["generation_kwh"] == "9000.00"
    assert kejing["maintenance_cost"] == "700.00" and kejing["distributions"] == 1
    assert kejing["distributed"] == "10000.00" and kejing["public_welfare_posts"] == "6000.00"
    assert kejing["collective_reinvestment"] == "4000.00" and kejing["small_public_works"] == "0.00"
    assert (await api.get(f"{REPORTS}/revenue", params={"year": 2024}, headers=auth(admin))).json()[
        "rows"
    ] == []
    assert (await api.get(f"{REPORTS}/revenue", headers=auth(admin))).status_code == 422

    idle = (await api.get(f"{REPORTS}/idle", headers=auth(admin))).json()
    assert [(r["town_name"], r["asset_name"], r["rule"]) for r in idle["rows"]] == [
        ("克井镇", "低效光伏电站", "利用率偏低"),
        ("克井镇", "闲置冷库", "连续无收益"),
        ("王屋镇", "王屋镇大棚", "连续无收益"),
    ]

    # Town officials see their town only; the XLSX carries the same rows under Chinese headers.
    town_summary = (await api.get(f"{REPORTS}/assets-summary", headers=auth(tokens["town_kejing"]))).json()
    assert {r["town_code"] for r in town_summary["rows"]} == {KEJING}
    xlsx = await api.get(f"{REPORTS}/idle", params={"format": "xlsx"}, headers=auth(tokens["town_kejing"]))
    assert xlsx.status_code == 200 and xlsx.headers["content-type"].startswith(
        "application/vnd.openxmlformats"
    )
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:3] == ("乡镇", "村（社区）", "资产名称")
    assert [v[2] for v in values[1:]] == ["低效光伏电站", "闲置冷库"]
    for name in ("assets-summary", "value-by-year"):
        download = await api.get(
            f"{REPORTS}/{name}", params={"format": "xlsx"}, headers=auth(tokens["auditor"])
        )
        assert download.status_code == 200 and download.content[:2] == b"PK"
    assert (await api.get(f"{REPORTS}/idle", headers=auth(tokens["helper_wang"]))).status_code == 403
    assert (
        await api.get(f"{REPORTS}/idle", params={"format": "pdf"}, headers=auth(admin))
    ).status_code == 422
