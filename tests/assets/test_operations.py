"""管护运营: maintenance and O&M incidents, photovoltaic stations, monthly revenue and generation."""

from __future__ import annotations

import httpx
from sqlalchemy import text

from tests.assets.factories import ASSETS, create_asset, operating_asset, step
from tests.conftest import Stack
from tests.helpers import WANGWU, WANGWU_VILLAGE, auth


async def table_counts(stack: Stack) -> tuple[int, int, int]:
    async with stack.db("assets").engine.connect() as conn:
        return (
            await conn.scalar(text("SELECT count(*) FROM assets.maintenance_records")),
            await conn.scalar(text("SELECT count(*) FROM assets.monthly_operations")),
            await conn.scalar(text("SELECT count(*) FROM assets.pv_stations")),
        )


async def test_maintenance_starts_with_the_handover(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    village = tokens["village_beidahe"]
    asset = await create_asset(api, village)
    url = f"{ASSETS}/{asset['id']}/maintenance"
    record = {"kind": "repair", "performed_on": "2025-09-03", "description": "逆变器更换", "cost": "3200.50"}
    early = await api.post(url, json=record, headers=auth(village))
    assert early.status_code == 409 and early.json()["code"] == "invalid_transition"

    asset = (
        await step(
            api,
            village,
            asset,
            {"action": "confirm_ownership", "owner_kind": "village_collective", "owner_name": "北大河村"},
        )
    ).json()
    asset = (await step(api, village, asset, {"action": "hand_over", "manager_name": "北大河村"})).json()
    created = await api.post(url, json=record, headers=auth(village))
    assert created.status_code == 201, created.text
    assert created.json()["cost"] == "3200.50" and created.json()["kind_label"] == "维修"
    incident = await api.post(
        url,
        json={"kind": "incident", "performed_on": "2025-10-01", "description": "组件被冰雹击碎", "cost": "0"},
        headers=auth(village),
    )
    assert incident.status_code == 201

    for bad in (
        {**record, "cost": "-1"},
        {**record, "kind": "party"},
        {**record, "resolved_on": "2025-09-01"},
        {**record, "cost": "1.001"},
    ):
        resp = await api.post(url, json=bad, headers=auth(village))
        assert resp.status_code == 422, bad
    assert (await api.post(url, json=record, headers=auth(tokens["auditor"]))).status_code == 403

    listed = (await api.get(url, params={"limit": 1}, headers=auth(tokens["dept_hrss"]))).json()
    assert len(listed["items"]) == 1 and listed["next_cursor"]
    rest = (await api.get(url, params={"cursor": listed["next_cursor"]}, headers=auth(village))).json()
    assert {listed["items"][0]["id"], rest["items"][0]["id"]} == {created.json()["id"], incident.json()["id"]}

    card = (await api.get(f"{ASSETS}/{asset['id']}/card", headers=auth(village))).json()
    assert card["operation_totals"]["maintenance_count"] == 2
    assert card["operation_totals"]["maintenance_cost"] == "3200.50"
    assert card["operation_totals"]["open_incidents"] == 1
    assert await table_counts(stack) == (2, 0, 0)


async def test_photovoltaic_station_and_monthly_records(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    town = tokens["town_kejing"]
    asset = await operating_asset(api, town)
    pv_url = f"{ASSETS}/{asset['id']}/pv-station"
    months_url = f"{ASSETS}/{asset['id']}/monthly-records"

    # Without a PV profile, generation is not this asset's business.
    plain = await api.post(
        months_url,
        json={"month": "2025-09-01", "revenue": "100.00", "generation_kwh": "5"},
        headers=auth(town),
    )
    assert plain.status_code == 422 and plain.json()["errors"][0]["field"] == "generation_kwh"

    created = await api.put(
        pv_url, json={"capacity_kw": "100.00", "grid_connected_on": "2025-07-01"}, headers=auth(town)
    )
    assert created.status_code == 201 and created.headers["etag"] == '"1"'
    no_match = await api.put(pv_url, json={"capacity_kw": "120.00"}, headers=auth(town))
    assert no_match.status_code == 428
    changed = await api.put(pv_url, json={"capacity_kw": "120.00"}, headers=auth(town, **{"If-Match": '"1"'}))
    assert changed.status_code == 200 and changed.json()["capacity_kw"] == "120.00"
    assert (
        await api.put(pv_url, json={"capacity_kw": "0"}, headers=auth(town, **{"If-Match": '"2"'}))
    ).status_code == 422

    missing_kwh = await api.post(
        months_url, json={"month": "2025-09-01", "revenue": "100.00"}, headers=auth(town)
    )
    assert missing_kwh.status_code == 422 and missing_kwh.json()["errors"][0]["field"] == "generation_kwh"
    september = await api.post(
        months_url,
        json={"month": "2025-09-01", "revenue": "9800.40", "generation_kwh": "11200.00"},
        headers=auth(town),
    )
    assert september.status_code == 201, september.text
    twice = await api.post(
        months_url, json={"month": "2025-09-01", "revenue": "1.00", "generation_kwh": "1"}, headers=auth(town)
    )
    assert twice.status_code == 409 and "已有运营记录" in twice.json()["detail"]
    mid_month = await api.post(
        months_url, json={"month": "2025-10-15", "revenue": "1.00", "generation_kwh": "1"}, headers=auth(town)
    )
    assert mid_month.status_code == 422 and mid_month.json()["errors"][0]["field"] == "body.month"
    negative = await api.post(
        months_url, json={"month": "2025-10-01", "revenue": "-5", "generation_kwh": "1"}, headers=auth(town)
    )
    assert negative.status_code == 422

    card = (await api.get(f"{ASSETS}/{asset['id']}/card", headers=auth(town))).json()
    assert card["pv_station"]["capacity_kw"] == "120.00"
    assert card["operation_totals"]["revenue"] == "9800.40"
    assert card["operation_totals"]["generation_kwh"] == "11200.00"
    assert [m["month"] for m in card["recent_months"]] == ["2025-09-01"]
    assert await table_counts(stack) == (0, 1, 1)


async def test_operations_scope(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    wangwu = await operating_asset(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE)
    town = tokens["town_kejing"]
    for method, path, body in (
        (
            "POST",
            "maintenance",
            {"kind": "routine", "performed_on": "2025-09-01", "description": "巡检", "cost": "0"},
        ),
        ("GET", "maintenance", None),
        ("PUT", "pv-station", {"capacity_kw": "10"}),
        ("GET", "pv-station", None),
        ("POST", "monthly-records", {"month": "2025-09-01", "revenue": "1"}),
        ("GET", "monthly-records", None),
    ):
        resp = await api.request(method, f"{ASSETS}/{wangwu['id']}/{path}", json=body, headers=auth(town))
        assert resp.status_code == 404, (method, path)
    helper = await api.get(f"{ASSETS}/{wangwu['id']}/maintenance", headers=auth(tokens["helper_wang"]))
    assert helper.status_code == 403
