"""资金、项目、资产一体化 end to end: a project accepted in funds opens its assets in the asset
registry (pending ownership), whose asset.registered events link each asset back to the project."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import text

from tests.conftest import Stack
from tests.funds.factories import PROJECTS, funded_project, must_step, new_fund, pay, settled, version
from tests.helpers import KEJING, KEJING_OTHER_VILLAGE, KEJING_VILLAGE, auth, eventually

ASSETS = "/api/assets/v1/assets"
FORMED = [
    {
        "asset_ref": "1",
        "name": "食用菌大棚",
        "kind": "operating",
        "category": "农业设施",
        "value": "800000.00",
        "village_code": KEJING_VILLAGE,
        "owner_kind": "village_collective",
    },
    {
        "asset_ref": "2",
        "name": "产业路",
        "kind": "public_welfare",
        "category": "道路",
        "value": "200000.00",
        "village_code": KEJING_OTHER_VILLAGE,
        "owner_kind": "village_collective",
    },
]


async def accepted_project(api: httpx.AsyncClient, tokens: dict[str, str]) -> tuple[dict[str, Any], str]:
    """A project driven through the funds API: funded, paid, completed, evaluated and accepted."""
    admin, town = tokens["admin"], tokens["town_kejing"]
    fund = await new_fund(api, admin, amount="1000000.00")
    project, allocation = await funded_project(api, admin, fund["id"], "1000000.00")
    assert (await pay(api, town, allocation["id"], "1000000.00")).status_code == 201
    await must_step(api, town, project["id"], "completed")
    dossier = (await api.get(f"{PROJECTS}/{project['id']}/dossier", headers=auth(town))).json()
    evaluation = {
        "evaluated_on": "2025-11-20",
        "conclusion": "绩效目标全部完成",
        "actuals": [{"indicator_id": i["id"], "actual": i["target"]} for i in dossier["indicators"]],
    }
    evaluated = await api.post(
        f"{PROJECTS}/{project['id']}/performance-evaluation",
        json=evaluation,
        headers=auth(town, **{"If-Match": await version(api, town, project["id"])}),
    )
    assert evaluated.status_code == 200, evaluated.text
    acceptance = {
        "accepted_on": "2025-11-28",
        "reason": "验收合格",
        "documents": ["验收报告"],
        "assets": FORMED,
    }
    accepted = await api.post(
        f"{PROJECTS}/{project['id']}/acceptance",
        json=acceptance,
        headers=auth(admin, **{"If-Match": await version(api, admin, project["id"])}),
    )
    assert accepted.status_code == 200, accepted.text
    return accepted.json(), fund["id"]


async def test_accepted_project_opens_assets_that_link_back(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    project, fund_id = await accepted_project(api, tokens)
    admin = tokens["admin"]

    async def opened() -> list[dict[str, Any]] | None:
        resp = await api.get(ASSETS, params={"source_project_id": project["id"]}, headers=auth(admin))
        items = resp.json()["items"]
        return items if len(items) == len(FORMED) else None

    by_ref = {a["source_asset_ref"]: a for a in await eventually(opened, timeout=30)}
    for line in FORMED:
        asset = by_ref[line["asset_ref"]]
        assert asset["status"] == "formed"  # pending 确权
        assert (asset["name"], asset["kind"], asset["category"], asset["value"]) == (
            line["name"],
            line["kind"],
            line["category"],
            line["value"],
        )
        assert asset["village_code"] == line["village_code"] and asset["town_code"] == KEJING
        assert asset["formed_on"] == "2025-11-28"
    card = (await api.get(f"{ASSETS}/{by_ref['1']['id']}/card", headers=auth(admin))).json()
    assert card["source_project"]["year"] == project["year"]
    assert [s["fund_id"] for s in card["source_project"]["fund_shares"]] == [fund_id]

    async def linked() -> dict[str, Any] | None:
        dossier = (await api.get(f"{PROJECTS}/{project['id']}/dossier", headers=auth(admin))).json()
        return dossier if all(a["asset_id"] for a in dossier["assets"]) else None

    dossier = await eventually(linked, timeout=30)
    assert {a["asset_ref"]: a["asset_id"] for a in dossier["assets"]} == {
        ref: asset["id"] for ref, asset in by_ref.items()
    }
    got = (await api.get(f"{PROJECTS}/{project['id']}", headers=auth(admin))).json()
    assert got["status"] == "handed_over"

    # Once everything has come to rest: exactly one asset per announced line, each announced once.
    await settled(stack)
    async with stack.db("assets").engine.connect() as conn:
        assets = await conn.scalar(text("SELECT count(*) FROM assets.assets"))
        announced = await conn.scalar(
            text("SELECT count(*) FROM assets.outbox WHERE nats_subject = 'xianjie.assets.asset.registered'")
        )
    assert (assets, announced) == (2, 2)
