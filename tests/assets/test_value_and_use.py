"""Value and use: operating assets' book value over time, public-welfare assets' use status and
the idle screening's not_in_use rule, with the clearing of any flag announced."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from services.assets.idle.events import ASSET_IDLE_CLEARED
from tests.assets.factories import ASSETS, create_asset
from tests.assets.test_idle_and_reports import IDLE, screen
from tests.conftest import Stack
from tests.helpers import KEJING, WANGWU, WANGWU_VILLAGE, auth

REPORTS = "/api/assets/v1/reports"


def valuation(**overrides: Any) -> dict[str, Any]:
    body = {
        "kind": "depreciation",
        "valued_on": "2025-12-31",
        "book_value": "839575.00",
        "basis": "年限平均法，折旧年限20年，残值率5%，计提半年",
    }
    body.update(overrides)
    return body


async def test_book_value_goes_down_by_depreciation_and_moves_by_appraisal(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    village = tokens["village_beidahe"]
    asset = await create_asset(api, village)  # operating, 860000.00, formed 2025-06-30
    url = f"{ASSETS}/{asset['id']}/valuations"
    too_high = await api.post(url, json=valuation(book_value="860000.01"), headers=auth(village))
    assert too_high.status_code == 422 and too_high.json()["errors"][0]["field"] == "book_value"
    early = await api.post(url, json=valuation(valued_on="2025-06-29"), headers=auth(village))
    assert early.status_code == 422
    unchanged = await api.post(
        url, json=valuation(valued_on="2025-06-30", book_value="860000.00"), headers=auth(village)
    )
    assert unchanged.status_code == 201  # on the current value: allowed
    made = await api.post(url, json=valuation(), headers=auth(village))
    assert made.status_code == 201 and made.json()["book_value_before"] == "860000.00"
    same_day = await api.post(url, json=valuation(book_value="800000.00"), headers=auth(village))
    assert same_day.status_code == 409
    no_report = await api.post(
        url,
        json=valuation(kind="revaluation", valued_on="2026-06-30", book_value="900000.00"),
        headers=auth(village),
    )
    assert no_report.status_code == 422 and no_report.json()["errors"][0]["field"] == "appraisal_ref"
    appraised = await api.post(
        url,
        json=valuation(
            kind="revaluation",
            valued_on="2026-06-30",
            book_value="900000.00",
            appraisal_ref="豫评报字〔2026〕18号",
        ),
        headers=auth(village),
    )
    assert appraised.status_code == 201 and appraised.json()["kind_label"] == "资产评估（重估）"
    book = (await api.get(f"{ASSETS}/{asset['id']}/book-value", headers=auth(village))).json()
    assert book["original_value"] == "860000.00" and book["book_value"] == "900000.00"
    assert [v["book_value"] for v in book["valuations"]] == ["860000.00", "839575.00", "900000.00"]
    report = (await api.get(f"{REPORTS}/book-value", headers=auth(village))).json()
    [kejing] = report["rows"]
    assert (kejing["count"], kejing["valued"], kejing["book_value"], kejing["change"]) == (
        1,
        1,
        "900000.00",
        "40000.00",
    )


async def test_the_straight_line_schedule_starts_the_month_after_formation(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    admin = tokens["admin"]
    asset = await create_asset(api, admin)  # 860000.00, formed 2025-06-30
    url = f"{ASSETS}/{asset['id']}/depreciation-schedule"
    schedule = (await api.get(url, params={"useful_life_years": 20}, headers=auth(tokens["auditor"]))).json()
    years = schedule["years"]
    assert schedule["method"] == "年限平均法" and len(years) == 21
    assert (years[0]["year"], years[0]["months"], years[0]["depreciation"]) == (2025, 6, "20425.00")
    assert (years[1]["months"], years[1]["book_value"]) == (12, "798725.00")
    assert (years[-1]["year"], years[-1]["months"], years[-1]["accumulated"]) == (2045, 6, "817000.00")
    assert years[-1]["book_value"] == "43000.00"  # the 5 % residual
    for bad in ({"useful_life_years": 0}, {"useful_life_years": 20, "residual_rate": "1"}):
        assert (await api.get(url, params=bad, headers=auth(admin))).status_code == 422
    road = await create_asset(api, admin, kind="public_welfare", category="道路")
    refused = await api.get(
        f"{ASSETS}/{road['id']}/depreciation-schedule", params={"useful_life_years": 20}, headers=auth(admin)
    )
    assert refused.status_code == 409


async def test_only_operating_assets_have_a_book_value_and_only_writers_record_it(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    admin = tokens["admin"]
    road = await create_asset(api, admin, kind="public_welfare", category="道路")
    refused = await api.post(f"{ASSETS}/{road['id']}/valuations", json=valuation(), headers=auth(admin))
    assert refused.status_code == 409
    asset = await create_asset(api, admin)
    assert (
        await api.post(
            f"{ASSETS}/{asset['id']}/valuations", json=valuation(), headers=auth(tokens["auditor"])
        )
    ).status_code == 403
    far = await create_asset(api, admin, town_code=WANGWU, village_code=WANGWU_VILLAGE)
    for token in ("town_kejing", "village_beidahe"):
        outside = await api.post(
            f"{ASSETS}/{far['id']}/valuations", json=valuation(), headers=auth(tokens[token])
        )
        assert outside.status_code == 404
        assert (
            await api.get(f"{ASSETS}/{far['id']}/book-value", headers=auth(tokens[token]))
        ).status_code == 404


async def test_the_database_refuses_a_depreciation_that_raises_the_value(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    asset = await create_asset(api, tokens["admin"])
    with pytest.raises(IntegrityError, match="depreciation_lowers"):
        async with stack.db("assets").engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO assets.asset_valuations (id, asset_id, kind, valued_on, book_value_before,"
                    " book_value, basis, actor) VALUES (gen_random_uuid(), :id, 'depreciation', '2025-12-31',"
                    " 100.00, 100.01, '年限平均法', 'sql')"
                ),
                {"id": asset["id"]},
            )


async def check(
    api: httpx.AsyncClient, token: str, asset: dict[str, Any], status: str, on: str
) -> httpx.Response:
    return await api.post(
        f"{ASSETS}/{asset['id']}/use-checks",
        json={"checked_on": on, "use_status": status, "note": "镇村联合核查"},
        headers=auth(token, **{"If-Match": f'"{asset["version"]}"'}),
    )


async def use_events(stack: Stack, subject: str) -> list[dict[str, Any]]:
    async with stack.db("assets").engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT envelope->'data' AS data FROM assets.outbox WHERE nats_subject = :s ORDER BY position"
            ),
            {"s": subject},
        )
        return [r.data for r in rows]


async def test_public_welfare_use_is_checked_and_idle_ones_are_screened(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    town = tokens["town_kejing"]
    road = await create_asset(api, town, kind="public_welfare", category="道路", formed_on="2024-05-01")
    well = await create_asset(api, town, kind="public_welfare", category="饮水井", formed_on="2024-05-01")
    assert road["use_status"] == "in_use" and road["use_status_label"] == "正常使用"
    assert (await check(api, town, {**road, "version": 99}, "idle", "2025-09-01")).status_code == 412
    assert (await check(api, town, road, "idle", "2024-04-30")).status_code == 422  # before it was formed
    road_idle = await check(api, town, road, "idle", "2025-09-01")
    assert road_idle.status_code == 200, road_idle.text
    road = road_idle.json()
    assert road["use_status"] == "idle" and road["use_status_since"] == "2025-09-01"
    well = (await check(api, town, well, "damaged", "2025-09-02")).json()
    changed = await use_events(stack, "xianjie.assets.asset.use_status_changed")
    assert [(e["from_status"], e["to_status"]) for e in changed] == [
        ("in_use", "idle"),
        ("in_use", "damaged"),
    ]

    # As of 2025-12-15 with not_in_use_months = 3: idle since 1 September (three whole months) is
    # flagged, damaged since 2 September is not yet.
    result = await screen(api, town, town_code=KEJING)
    assert result["flagged"] == 1
    [flag] = [
        f for f in (await api.get(IDLE, headers=auth(town))).json()["items"] if f["rule"] == "not_in_use"
    ]
    assert (
        flag["asset_id"] == road["id"]
        and flag["measure"] == "3.0000"
        and flag["rule_label"] == "公益性资产闲置或损毁"
    )

    # Back in use: the next screening clears the flag and announces it.
    road = (await check(api, town, road, "in_use", "2025-12-01")).json()
    assert (await check(api, town, road, "in_use", "2025-12-05")).status_code == 200  # a check, no change
    result = await screen(api, town, town_code=KEJING)
    assert result["cleared"] == 1
    cleared = await use_events(stack, ASSET_IDLE_CLEARED.nats_subject)
    assert cleared == [
        {
            "flag_id": flag["id"],
            "asset_id": road["id"],
            "town_code": KEJING,
            "village_code": road["village_code"],
            "rule": "not_in_use",
            "flagged_on": "2025-12-15",
            "cleared_on": "2025-12-15",
        }
    ]
    assert len(await use_events(stack, "xianjie.assets.asset.use_status_changed")) == 3
    history = (await api.get(f"{ASSETS}/{road['id']}/use-checks", headers=auth(tokens["auditor"]))).json()
    assert [c["use_status"] for c in history] == ["in_use", "in_use", "idle"]
    report = (await api.get(f"{REPORTS}/public-welfare-use", headers=auth(town))).json()
    assert {r["use_status"]: r["count"] for r in report["rows"]} == {"正常使用": 1, "损毁": 1}


async def test_use_status_only_for_public_welfare_assets_and_writers(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    admin = tokens["admin"]
    plant = await create_asset(api, admin)
    assert (await check(api, admin, plant, "idle", "2025-09-01")).status_code == 409
    road = await create_asset(api, admin, kind="public_welfare", category="道路")
    assert (await check(api, tokens["auditor"], road, "idle", "2025-09-01")).status_code == 403
    far = await create_asset(
        api, admin, kind="public_welfare", category="道路", town_code=WANGWU, village_code=WANGWU_VILLAGE
    )
    assert (await check(api, tokens["town_kejing"], far, "idle", "2025-09-01")).status_code == 404
