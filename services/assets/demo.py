"""Demo records of assets (帮扶项目资产), created through the gateway's public API.

Two assets registered by hand — a PV station of 郑前庄村 taken through 确权 → 移交 → 管护运营 with
its station profile, ten months of generation and revenue and one revenue distribution, and a
workshop building of 坡西头村 with its ownership confirmed — and, once funds accepts a project, a
short wait for the assets the registry opens from that event. Run by ``xianjie/demo_data.py``;
every POST carries a fixed ``Idempotency-Key`` (``demo:asset:<key>:<step>``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from xianjie.demo_loader import KEJING, WANGWU, DemoLoader, gather

ASSETS = "/api/assets/v1"

HAND_ASSETS = [
    (
        "wangwu-pv",
        {
            "name": "郑前庄村光伏帮扶电站",
            "kind": "operating",
            "category": "光伏电站",
            "town_code": WANGWU,
            "village_code": "419001109201",
            "latitude": "35.183600",
            "longitude": "112.250900",
            "value": "450000.00",
            "formed_on": "2024-06-30",
            "owner_kind": "village_collective",
        },
    ),
    (
        "kejing-factory",
        {
            "name": "坡西头村扶贫车间厂房",
            "kind": "operating",
            "category": "厂房",
            "town_code": KEJING,
            "village_code": "419001100203",
            "value": "680000.00",
            "formed_on": "2023-10-15",
            "owner_kind": "village_collective",
        },
    ),
]

PV_LIFECYCLE: list[dict[str, Any]] = [
    {
        "action": "confirm_ownership",
        "occurred_on": "2024-08-01",
        "owner_kind": "village_collective",
        "owner_name": "郑前庄村股份经济合作社",
        "documents": [{"title": "资产确权登记表", "ref": "王屋确〔2024〕3号"}],
    },
    {"action": "hand_over", "occurred_on": "2024-08-15", "manager_name": "郑前庄村村民委员会"},
    {"action": "start_operation", "occurred_on": "2024-09-01"},
]
FACTORY_LIFECYCLE: list[dict[str, Any]] = [
    {
        "action": "confirm_ownership",
        "occurred_on": "2023-12-01",
        "owner_kind": "village_collective",
        "owner_name": "坡西头村股份经济合作社",
    }
]
# Monthly generation factors, January–October 2026 (~1,100 kWh/kW a year, 0.40 yuan/kWh).
PV_PROFILE = [0.55, 0.65, 0.85, 1.0, 1.15, 1.2, 1.15, 1.1, 1.0, 0.85]
PV_DISTRIBUTION: dict[str, Any] = {
    "decided_on": "2026-07-10",
    "procedure": "four_discussions_two_publications",
    "approving_body": "郑前庄村村民代表大会",
    "decision_ref": "郑前庄村〔2026〕2号",
    "total_amount": "30000.00",
    "shares": [
        {
            "use": "public_welfare_posts",
            "beneficiary": "公益性岗位人员",
            "beneficiary_count": 6,
            "amount": "12000.00",
        },
        {
            "use": "small_public_works",
            "beneficiary": "全体村民",
            "beneficiary_count": 312,
            "amount": "8000.00",
        },
        {
            "use": "monitored_household_assistance",
            "beneficiary": "监测户",
            "beneficiary_count": 4,
            "amount": "6000.00",
        },
        {
            "use": "collective_reinvestment",
            "beneficiary": "村集体",
            "beneficiary_count": 1,
            "amount": "4000.00",
        },
    ],
}


async def _lifecycle(loader: DemoLoader, key: str, asset_id: str, steps: list[dict[str, Any]]) -> bool:
    path = f"{ASSETS}/assets/{asset_id}"
    for step in steps:
        answer = await loader.create_if_match(
            "lifecycle_steps",
            f"{path}/lifecycle",
            "admin",
            f"demo:asset:{key}:{step['action']}",
            step,
            record=path,
            what=f"asset {key}",
        )
        if answer is None:
            return False
    return True


async def _pv_station(loader: DemoLoader, asset_id: str) -> None:
    path = f"{ASSETS}/assets/{asset_id}"
    if not await _lifecycle(loader, "wangwu-pv", asset_id, PV_LIFECYCLE):
        return
    if not await _pv_profile(loader, path):
        return
    records = []
    for month, factor in enumerate(PV_PROFILE, 1):
        kwh = round(300 * 1100 / 12 * factor)
        records.append(
            loader.create(
                "monthly_records",
                f"{path}/monthly-records",
                "admin",
                f"demo:asset:wangwu-pv:month:2026-{month:02d}",
                {"month": f"2026-{month:02d}-01", "revenue": f"{kwh * 0.4:.2f}", "generation_kwh": f"{kwh}"},
            )
        )
    await gather(*records)
    await loader.create(
        "distributions",
        f"{ASSETS}/distributions",
        "admin",
        "demo:distribution:wangwu-pv:2026-h1",
        {"asset_id": asset_id, **PV_DISTRIBUTION},
    )


async def _pv_profile(loader: DemoLoader, path: str) -> bool:
    """The station profile (a PUT), unless it is there already; False when refused."""
    station = await loader.call("GET", f"{path}/pv-station", "admin", "PV station", quiet=(404,))
    if station is None:
        station = await loader.call(
            "PUT",
            f"{path}/pv-station",
            "admin",
            "PV station",
            json={"capacity_kw": "300.00", "grid_connected_on": "2024-08-28"},
        )
        if station is None:
            return False
        loader.new["pv_stations"] += 1
    loader.counts["pv_stations"] += 1
    return True


async def create_records(loader: DemoLoader) -> None:
    """The assets registered by hand and what happens to them."""
    answers = await gather(
        *(
            loader.create("assets_registered", f"{ASSETS}/assets", "admin", f"demo:asset:{key}", body)
            for key, body in HAND_ASSETS
        )
    )
    ids = {key: a.body["id"] for (key, _), a in zip(HAND_ASSETS, answers, strict=True) if a is not None}
    jobs: list[Awaitable[Any]] = []
    if "wangwu-pv" in ids:
        jobs.append(_pv_station(loader, ids["wangwu-pv"]))
    if "kejing-factory" in ids:
        jobs.append(_lifecycle(loader, "kejing-factory", ids["kejing-factory"], FACTORY_LIFECYCLE))
    await gather(*jobs)


async def wait_for_opened_assets(loader: DemoLoader, project_id: str, expected: int, timeout: float) -> None:
    """Wait (briefly) for the asset registry to open the accepted project's assets from the event."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        answer = await loader.call(
            "GET",
            f"{ASSETS}/assets",
            "admin",
            "assets opened from the project",
            params={"source_project_id": project_id},
        )
        found = len(answer.body["items"]) if answer is not None else 0
        if found >= expected or answer is None:
            break
        if asyncio.get_running_loop().time() > deadline:
            loader.warn(
                "assets opened from the accepted project",
                f"{found} of {expected} after {timeout:.0f}s (still on their way)",
            )
            break
        await asyncio.sleep(0.1)
    loader.counts["assets_opened"] += found
