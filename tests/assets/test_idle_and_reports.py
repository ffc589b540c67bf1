"""低效闲置 screening (rules from settings), proposals per town, and the reports in JSON and XLSX."""

from __future__ import annotations

import io
from typing import Any

import httpx
from openpyxl import load_workbook
from sqlalchemy import text

from tests.assets.factories import ASSETS, create_asset, operating_asset
from tests.conftest import Stack
from tests.helpers import KEJING, WANGWU, WANGWU_VILLAGE, assert_excel_report, auth

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


async def screen(api: httpx.AsyncClient, token: str, **body: Any) -> dict[str, Any]:
    resp = await api.post(f"{IDLE}/screenings", json={"as_of": "2025-12-15", **body}, headers=auth(token))
    assert resp.status_code == 200, resp.text
    return dict(resp.json())


async def idle_flag(api: httpx.AsyncClient, admin: str, **overrides: Any) -> dict[str, Any]:
    """The flag of an operating cold store without any revenue since January 2025 (连续无收益)."""
    asset = await operating_asset(
        api, admin, **{"name": "闲置冷库", "category": "冷库", "formed_on": "2025-01-15", **overrides}
    )
    await screen(api, admin)
    flags = (await api.get(IDLE, headers=auth(admin))).json()["items"]
    [flag] = [f for f in flags if f["asset_id"] == asset["id"]]
    return dict(flag)


PROPOSAL = {"proposed_action": "revitalise", "action_note": "对外招租"}


# -- screening ----------------------------------------------------------------------------------


async def test_a_town_screening_flags_its_idle_and_low_use_assets(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    admin, town = tokens["admin"], tokens["town_kejing"]
    await ledger(api, admin)
    await create_asset(api, admin, name="未移交资产", formed_on="2025-01-15")  # not yet anyone's to run

    assert await screen(api, town) == {"as_of": "2025-12-15", "flagged": 2, "cleared": 0, "open": 2}
    flags = (await api.get(IDLE, headers=auth(town))).json()["items"]
    by_asset = {f["asset_name"]: f for f in flags}
    assert set(by_asset) == {"闲置冷库", "低效光伏电站"}
    assert by_asset["闲置冷库"]["rule"] == "no_revenue" and by_asset["闲置冷库"]["rule_label"] == "连续无收益"
    assert by_asset["闲置冷库"]["measure"] == "10.0000"  # February to November: no revenue
    assert by_asset["低效光伏电站"]["rule"] == "low_utilisation"
    assert by_asset["低效光伏电站"]["measure"] == "0.3273"
    assert all(f["town_code"] == KEJING and f["proposed_action"] is None for f in flags)


async def test_a_repeated_screening_flags_nothing_twice(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    await ledger(api, tokens["admin"])
    await screen(api, tokens["town_kejing"])
    assert (await screen(api, tokens["town_kejing"]))["flagged"] == 0


async def test_a_district_screening_covers_every_town(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    admin = tokens["admin"]
    await ledger(api, admin)
    await screen(api, tokens["town_kejing"])
    assert await screen(api, admin) == {"as_of": "2025-12-15", "flagged": 1, "cleared": 0, "open": 3}
    per_town = (await api.get(IDLE, params={"town_code": WANGWU}, headers=auth(admin))).json()["items"]
    assert [f["asset_name"] for f in per_town] == ["王屋镇大棚"]


async def test_returning_revenue_clears_the_flag(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    admin, town = tokens["admin"], tokens["town_kejing"]
    assets = await ledger(api, admin)
    await screen(api, admin)

    await month(api, admin, assets["idle"], month="2025-11-01", revenue="500.00")
    cleared = await screen(api, admin, town_code=KEJING)
    assert cleared == {"as_of": "2025-12-15", "flagged": 0, "cleared": 1, "open": 1}
    open_names = {f["asset_name"] for f in (await api.get(IDLE, headers=auth(town))).json()["items"]}
    assert open_names == {"低效光伏电站"}
    history = (await api.get(IDLE, params={"include_cleared": True}, headers=auth(town))).json()["items"]
    assert {f["asset_name"]: f["cleared_on"] for f in history}["闲置冷库"] == "2025-12-15"


async def test_the_asset_card_shows_its_open_flags(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    assets = await ledger(api, tokens["admin"])
    await screen(api, tokens["admin"])
    card = (
        await api.get(f"{ASSETS}/{assets['weak']['id']}/card", headers=auth(tokens["town_kejing"]))
    ).json()
    assert [f["rule"] for f in card["open_idle_flags"]] == ["low_utilisation"]


# -- proposals ----------------------------------------------------------------------------------


async def test_a_proposal_is_recorded_under_if_match(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    town = tokens["town_kejing"]
    url = f"{IDLE}/{(await idle_flag(api, tokens['admin']))['id']}"
    assert (await api.patch(url, json=PROPOSAL, headers=auth(town))).status_code == 428
    proposed = await api.patch(url, json=PROPOSAL, headers=auth(town, **{"If-Match": '"1"'}))
    assert proposed.status_code == 200, proposed.text
    assert proposed.json()["proposed_action_label"] == "盘活" and proposed.headers["etag"] == '"2"'
    stale = await api.patch(url, json=PROPOSAL, headers=auth(town, **{"If-Match": '"1"'}))
    assert stale.status_code == 412


async def test_flags_are_listed_by_proposed_action(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    admin = tokens["admin"]
    flag = await idle_flag(api, admin)
    await idle_flag(api, admin, name="闲置厂房")  # flagged, no proposal
    proposed = await api.patch(
        f"{IDLE}/{flag['id']}", json=PROPOSAL, headers=auth(tokens["town_kejing"], **{"If-Match": '"1"'})
    )
    assert proposed.status_code == 200
    by_action = (await api.get(IDLE, params={"proposed_action": "revitalise"}, headers=auth(admin))).json()
    assert [f["id"] for f in by_action["items"]] == [flag["id"]]


async def test_an_unknown_proposed_action_is_refused(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    url = f"{IDLE}/{(await idle_flag(api, tokens['admin']))['id']}"
    bad = await api.patch(
        url, json={"proposed_action": "forget"}, headers=auth(tokens["town_kejing"], **{"If-Match": '"1"'})
    )
    assert bad.status_code == 422


async def test_another_towns_flag_is_not_found(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    flag = await idle_flag(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE)
    other = await api.patch(
        f"{IDLE}/{flag['id']}", json=PROPOSAL, headers=auth(tokens["town_kejing"], **{"If-Match": '"1"'})
    )
    assert other.status_code == 404


async def test_a_cleared_flag_takes_no_proposal(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    admin = tokens["admin"]
    flag = await idle_flag(api, admin)
    await month(api, admin, {"id": flag["asset_id"]}, month="2025-11-01", revenue="500.00")
    assert (await screen(api, admin))["cleared"] == 1
    late = await api.patch(
        f"{IDLE}/{flag['id']}", json=PROPOSAL, headers=auth(tokens["town_kejing"], **{"If-Match": '"2"'})
    )
    assert late.status_code == 409


# -- who may screen -----------------------------------------------------------------------------


async def test_a_town_official_may_not_screen_another_town(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    refused = await api.post(
        f"{IDLE}/screenings",
        json={"as_of": "2025-12-15", "town_code": WANGWU},
        headers=auth(tokens["town_kejing"]),
    )
    assert refused.status_code == 403
    assert await flag_count(stack) == 0


async def test_only_district_and_town_officials_screen(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    for who in ("village_beidahe", "auditor", "dept_hrss", "integrator_hrss", "helper_wang"):
        refused = await api.post(
            f"{IDLE}/screenings", json={"as_of": "2025-12-15"}, headers=auth(tokens[who])
        )
        assert refused.status_code == 403, who
    assert await flag_count(stack) == 0


async def test_screening_an_unknown_town_is_refused(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    unknown = await api.post(
        f"{IDLE}/screenings",
        json={"as_of": "2025-12-15", "town_code": "419001999"},
        headers=auth(tokens["admin"]),
    )
    assert unknown.status_code == 422


async def test_helpers_may_not_list_idle_assets(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    assert (await api.get(IDLE, headers=auth(tokens["helper_wang"]))).status_code == 403


async def flag_count(stack: Stack) -> int:
    async with stack.db("assets").engine.connect() as conn:
        return int(await conn.scalar(text("SELECT count(*) FROM assets.idle_flags")) or 0)


# -- reports ------------------------------------------------------------------------------------


async def with_a_road_of_2024(api: httpx.AsyncClient, admin: str) -> dict[str, dict[str, Any]]:
    """The ledger, and a public-welfare road formed in 2024."""
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
    return assets


async def with_upkeep_and_a_distribution(api: httpx.AsyncClient, admin: str) -> None:
    """The ledger, with the workshop's repair and its revenue shared among two uses."""
    healthy = (await ledger(api, admin))["healthy"]
    distribution = {
        "asset_id": healthy["id"],
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
        await api.post(f"{ASSETS}/{healthy['id']}/maintenance", json=maintenance, headers=auth(admin))
    ).status_code == 201


async def test_the_summary_counts_assets_by_town_kind_and_status(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    admin = tokens["admin"]
    await with_a_road_of_2024(api, admin)
    summary = (await api.get(f"{REPORTS}/assets-summary", headers=auth(admin))).json()
    rows = {(r["town_code"], r["kind"], r["status"]): r for r in summary["rows"]}
    kejing_running = rows[(KEJING, "经营性", "管护运营中")]
    assert kejing_running["count"] == 3 and kejing_running["value"] == "1660000.00"
    assert kejing_running["town_name"] == "克井镇"
    assert rows[(WANGWU, "经营性", "管护运营中")]["count"] == 1


async def test_the_value_formed_is_reported_per_year_and_kind(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    admin = tokens["admin"]
    await with_a_road_of_2024(api, admin)
    by_year = (await api.get(f"{REPORTS}/value-by-year", headers=auth(admin))).json()["rows"]
    assert by_year == [
        {"year": 2024, "kind": "公益性", "count": 1, "value": "99.50"},
        {"year": 2025, "kind": "经营性", "count": 4, "value": "2520000.00"},
    ]


async def test_revenue_upkeep_and_distribution_are_reported_per_town_and_use(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    admin = tokens["admin"]
    await with_upkeep_and_a_distribution(api, admin)
    revenue = (await api.get(f"{REPORTS}/revenue", params={"year": 2025}, headers=auth(admin))).json()
    [kejing] = [r for r in revenue["rows"] if r["town_code"] == KEJING]
    assert kejing["revenue"] == "27600.00" and kejing["generation_kwh"] == "9000.00"
    assert kejing["maintenance_cost"] == "700.00" and kejing["distributions"] == 1
    assert kejing["distributed"] == "10000.00" and kejing["public_welfare_posts"] == "6000.00"
    assert kejing["collective_reinvestment"] == "4000.00" and kejing["small_public_works"] == "0.00"
    assert (await api.get(f"{REPORTS}/revenue", params={"year": 2024}, headers=auth(admin))).json()[
        "rows"
    ] == []


async def test_the_revenue_report_needs_a_year(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    assert (await api.get(f"{REPORTS}/revenue", headers=auth(tokens["admin"]))).status_code == 422


async def test_the_idle_report_lists_open_flags_by_town_and_village(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    admin = tokens["admin"]
    await ledger(api, admin)
    await screen(api, admin)
    idle = (await api.get(f"{REPORTS}/idle", headers=auth(admin))).json()
    assert [(r["town_name"], r["asset_name"], r["rule"]) for r in idle["rows"]] == [
        ("克井镇", "低效光伏电站", "利用率偏低"),
        ("克井镇", "闲置冷库", "连续无收益"),
        ("王屋镇", "王屋镇大棚", "连续无收益"),
    ]


async def test_a_town_official_reports_on_their_town_only(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    await ledger(api, tokens["admin"])
    await screen(api, tokens["admin"])
    town_summary = (await api.get(f"{REPORTS}/assets-summary", headers=auth(tokens["town_kejing"]))).json()
    assert {r["town_code"] for r in town_summary["rows"]} == {KEJING}
    # The XLSX carries the same rows under Chinese headers.
    xlsx = await api.get(f"{REPORTS}/idle", params={"format": "xlsx"}, headers=auth(tokens["town_kejing"]))
    assert xlsx.status_code == 200 and xlsx.headers["content-type"].startswith(
        "application/vnd.openxmlformats"
    )
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:3] == ("乡镇", "村（社区）", "资产名称")
    assert [v[2] for v in values[1:]] == ["低效光伏电站", "闲置冷库"]


async def test_every_report_downloads_as_xlsx(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    await with_a_road_of_2024(api, tokens["admin"])
    for name in ("assets-summary", "value-by-year"):
        download = await api.get(
            f"{REPORTS}/{name}", params={"format": "xlsx"}, headers=auth(tokens["auditor"])
        )
        assert download.status_code == 200 and download.content[:2] == b"PK"
        report = (await api.get(f"{REPORTS}/{name}", headers=auth(tokens["auditor"]))).json()
        assert_excel_report(report, download.content)


async def test_reports_refuse_helpers_and_unknown_formats(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    assert (await api.get(f"{REPORTS}/idle", headers=auth(tokens["helper_wang"]))).status_code == 403
    assert (
        await api.get(f"{REPORTS}/idle", params={"format": "pdf"}, headers=auth(tokens["admin"]))
    ).status_code == 422
