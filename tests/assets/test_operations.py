"""管护运营: maintenance and O&M incidents, photovoltaic stations, monthly revenue and generation."""

from __future__ import annotations

from typing import Any

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


RECORD = {"kind": "repair", "performed_on": "2025-09-03", "description": "逆变器更换", "cost": "3200.50"}
INCIDENT = {"kind": "incident", "performed_on": "2025-10-01", "description": "组件被冰雹击碎", "cost": "0"}


async def handed_over(api: httpx.AsyncClient, token: str, asset: dict[str, Any]) -> dict[str, Any]:
    """The asset after 确权 and 移交: someone now maintains it."""
    for body in (
        {"action": "confirm_ownership", "owner_kind": "village_collective", "owner_name": "北大河村"},
        {"action": "hand_over", "manager_name": "北大河村"},
    ):
        asset = (await step(api, token, asset, body)).json()
    return asset


async def maintained(api: httpx.AsyncClient, token: str) -> tuple[str, list[dict[str, Any]]]:
    """A handed-over asset's maintenance URL, with a repair and an open incident recorded."""
    asset = await handed_over(api, token, await create_asset(api, token))
    url = f"{ASSETS}/{asset['id']}/maintenance"
    records = [await api.post(url, json=body, headers=auth(token)) for body in (RECORD, INCIDENT)]
    assert [r.status_code for r in records] == [201, 201], records[-1].text
    return url, [r.json() for r in records]


async def test_maintenance_is_refused_before_the_handover(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    village = tokens["village_beidahe"]
    asset = await create_asset(api, village)
    early = await api.post(f"{ASSETS}/{asset['id']}/maintenance", json=RECORD, headers=auth(village))
    assert early.status_code == 409 and early.json()["code"] == "invalid_transition"
    assert await table_counts(stack) == (0, 0, 0)


async def test_maintenance_and_incidents_are_recorded_after_the_handover(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    _, (repair, incident) = await maintained(api, tokens["village_beidahe"])
    assert repair["cost"] == "3200.50" and repair["kind_label"] == "维修"
    assert incident["kind"] == "incident" and incident["resolved_on"] is None
    assert await table_counts(stack) == (2, 0, 0)


async def test_an_invalid_maintenance_record_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    village = tokens["village_beidahe"]
    asset = await handed_over(api, village, await create_asset(api, village))
    url = f"{ASSETS}/{asset['id']}/maintenance"
    for bad in (
        {**RECORD, "cost": "-1"},
        {**RECORD, "kind": "party"},
        {**RECORD, "resolved_on": "2025-09-01"},
        {**RECORD, "cost": "1.001"},
    ):
        resp = await api.post(url, json=bad, headers=auth(village))
        assert resp.status_code == 422, bad


async def test_auditors_may_not_record_maintenance(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    village = tokens["village_beidahe"]
    asset = await handed_over(api, village, await create_asset(api, village))
    refused = await api.post(
        f"{ASSETS}/{asset['id']}/maintenance", json=RECORD, headers=auth(tokens["auditor"])
    )
    assert refused.status_code == 403
    assert await table_counts(stack) == (0, 0, 0)


async def test_maintenance_records_page_for_every_reader(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    village = tokens["village_beidahe"]
    url, records = await maintained(api, village)
    listed = (await api.get(url, params={"limit": 1}, headers=auth(tokens["dept_hrss"]))).json()
    assert len(listed["items"]) == 1 and listed["next_cursor"]
    rest = (await api.get(url, params={"cursor": listed["next_cursor"]}, headers=auth(village))).json()
    assert {listed["items"][0]["id"], rest["items"][0]["id"]} == {r["id"] for r in records}


async def test_the_card_sums_upkeep_costs_and_open_incidents(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    village = tokens["village_beidahe"]
    url, _ = await maintained(api, village)
    card = (await api.get(url.replace("/maintenance", "/card"), headers=auth(village))).json()
    assert card["operation_totals"]["maintenance_count"] == 2
    assert card["operation_totals"]["maintenance_cost"] == "3200.50"
    assert card["operation_totals"]["open_incidents"] == 1


async def pv_station(api: httpx.AsyncClient, token: str) -> tuple[str, str]:
    """An operating asset with a 100 kW PV profile: its profile and monthly-records URLs."""
    asset = await operating_asset(api, token)
    pv_url = f"{ASSETS}/{asset['id']}/pv-station"
    created = await api.put(
        pv_url, json={"capacity_kw": "100.00", "grid_connected_on": "2025-07-01"}, headers=auth(token)
    )
    assert created.status_code == 201 and created.headers["etag"] == '"1"'
    return pv_url, f"{ASSETS}/{asset['id']}/monthly-records"


async def test_only_a_pv_station_reports_generation(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    town = tokens["town_kejing"]
    asset = await operating_asset(api, town)
    plain = await api.post(
        f"{ASSETS}/{asset['id']}/monthly-records",
        json={"month": "2025-09-01", "revenue": "100.00", "generation_kwh": "5"},
        headers=auth(town),
    )
    assert plain.status_code == 422 and plain.json()["errors"][0]["field"] == "generation_kwh"


async def test_a_capacity_with_more_digits_than_kept_is_a_422(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    """Ten digits, two after the point: above that, as a JSON number or a string, a 422 naming the
    field (the document says so too: below 10^8, at most eight whole digits); extra decimals round."""
    town = tokens["town_kejing"]
    asset = await operating_asset(api, town)
    url = f"{ASSETS}/{asset['id']}/pv-station"
    for too_big in (1e12, 123456789, "123456789.5", 100000000):
        resp = await api.put(url, json={"capacity_kw": too_big}, headers=auth(town))
        assert resp.status_code == 422, (too_big, resp.text)
        assert resp.json()["errors"][0]["field"] == "body.capacity_kw", too_big
    resp = await api.put(url, json={"capacity_kw": 99999999.994}, headers=auth(town))
    assert resp.status_code == 201 and resp.json()["capacity_kw"] == "99999999.99", resp.text
    # Rounding never carries a value sent below the bound over it (found by schemathesis).
    resp = await api.put(
        url, json={"capacity_kw": 99999999.99999999}, headers=auth(town, **{"If-Match": '"1"'})
    )
    assert resp.status_code == 200 and resp.json()["capacity_kw"] == "99999999.99", resp.text
    spec = (await api.get("/openapi.json")).json()["components"]["schemas"]["assets__PvStationIn"]
    number, text = spec["properties"]["capacity_kw"]["anyOf"]
    assert number["exclusiveMaximum"] == 1e8 and r"\d{1,8}" in text["pattern"]


async def test_a_pv_profile_is_changed_only_under_if_match(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    town = tokens["town_kejing"]
    pv_url, _ = await pv_station(api, town)
    no_match = await api.put(pv_url, json={"capacity_kw": "120.00"}, headers=auth(town))
    assert no_match.status_code == 428
    changed = await api.put(pv_url, json={"capacity_kw": "120.00"}, headers=auth(town, **{"If-Match": '"1"'}))
    assert changed.status_code == 200 and changed.json()["capacity_kw"] == "120.00"
    assert (
        await api.put(pv_url, json={"capacity_kw": "0"}, headers=auth(town, **{"If-Match": '"2"'}))
    ).status_code == 422


async def test_a_pv_station_must_report_its_generation(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    town = tokens["town_kejing"]
    _, months_url = await pv_station(api, town)
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


async def test_a_month_is_recorded_once(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    town = tokens["town_kejing"]
    _, months_url = await pv_station(api, town)
    first = {"month": "2025-09-01", "revenue": "9800.40", "generation_kwh": "11200.00"}
    assert (await api.post(months_url, json=first, headers=auth(town))).status_code == 201
    twice = await api.post(
        months_url, json={"month": "2025-09-01", "revenue": "1.00", "generation_kwh": "1"}, headers=auth(town)
    )
    assert twice.status_code == 409 and "已有运营记录" in twice.json()["detail"]
    assert await table_counts(stack) == (0, 1, 1)


async def test_an_invalid_monthly_record_is_refused(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    town = tokens["town_kejing"]
    _, months_url = await pv_station(api, town)
    mid_month = await api.post(
        months_url, json={"month": "2025-10-15", "revenue": "1.00", "generation_kwh": "1"}, headers=auth(town)
    )
    assert mid_month.status_code == 422 and mid_month.json()["errors"][0]["field"] == "body.month"
    negative = await api.post(
        months_url, json={"month": "2025-10-01", "revenue": "-5", "generation_kwh": "1"}, headers=auth(town)
    )
    assert negative.status_code == 422


async def test_the_card_shows_the_pv_profile_and_what_the_asset_earned(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    town = tokens["town_kejing"]
    pv_url, months_url = await pv_station(api, town)
    await api.put(pv_url, json={"capacity_kw": "120.00"}, headers=auth(town, **{"If-Match": '"1"'}))
    await api.post(
        months_url,
        json={"month": "2025-09-01", "revenue": "9800.40", "generation_kwh": "11200.00"},
        headers=auth(town),
    )
    card = (await api.get(pv_url.replace("/pv-station", "/card"), headers=auth(town))).json()
    assert card["pv_station"]["capacity_kw"] == "120.00"
    assert card["operation_totals"]["revenue"] == "9800.40"
    assert card["operation_totals"]["generation_kwh"] == "11200.00"
    assert [m["month"] for m in card["recent_months"]] == ["2025-09-01"]


async def test_another_towns_asset_is_not_found_for_upkeep_or_revenue(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
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


async def test_helpers_may_not_read_upkeep(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    wangwu = await operating_asset(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE)
    helper = await api.get(f"{ASSETS}/{wangwu['id']}/maintenance", headers=auth(tokens["helper_wang"]))
    assert helper.status_code == 403
