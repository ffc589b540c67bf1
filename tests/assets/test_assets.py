"""Asset ledger (帮扶项目资产) through the gateway: registration, scope, idempotency, versions, bad input."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import text

from tests.assets.factories import asset_body, known_project
from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_OTHER_VILLAGE, KEJING_VILLAGE, WANGWU, WANGWU_VILLAGE, auth, new_id

URL = "/api/assets/v1/assets"


async def create(api: httpx.AsyncClient, token: str, **overrides: Any) -> httpx.Response:
    resp = await api.post(URL, json=asset_body(**overrides), headers=auth(token))
    assert resp.status_code == 201, resp.text
    return resp


async def test_register_get_list(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    project_id = await known_project(stack)
    resp = await create(
        api,
        tokens["admin"],
        source_project_id=project_id,
        latitude="35.123456",
        longitude="112.543210",
        manager_name="北大河村股份经济合作社",
    )
    created = resp.json()
    assert resp.headers["etag"] == '"1"' and resp.headers["location"] == f"/v1/assets/{created['id']}"
    assert created["value"] == "860000.00"
    assert created["status"] == "formed" and created["status_label"] == "已形成（待确权）"
    assert created["kind_label"] == "经营性" and created["owner_kind_label"] == "村集体"
    assert created["category"] == "光伏电站" and created["formed_on"] == "2025-06-30"
    assert created["latitude"] == "35.123456" and created["source_asset_ref"] is None

    got = await api.get(f"{URL}/{created['id']}", headers=auth(tokens["admin"]))
    assert got.status_code == 200 and got.headers["etag"] == '"1"' and got.json() == created
    listed = (await api.get(URL, headers=auth(tokens["admin"]))).json()
    assert [a["id"] for a in listed["items"]] == [created["id"]]
    by_project = await api.get(
        URL, params={"source_project_id": created["source_project_id"]}, headers=auth(tokens["admin"])
    )
    assert [a["id"] for a in by_project.json()["items"]] == [created["id"]]

    async with stack.db("assets").engine.connect() as conn:
        value = await conn.scalar(text("SELECT value FROM assets.assets"))
        audit = (await conn.execute(text("SELECT actor_role, action, entity FROM assets.audit_log"))).all()
        rows = (await conn.execute(text("SELECT nats_subject, envelope FROM assets.outbox"))).all()
    assert str(value) == "860000.00"
    assert [tuple(r) for r in audit] == [("district_admin", "create", "asset")]
    [(subject, event)] = [r for r in rows if r[0] == "xianjie.assets.asset.registered"]
    assert subject == "xianjie.assets.asset.registered"
    assert event["type"] == "cn.xianjie.assets.asset.registered.v1" and event["subject"] == created["id"]
    assert event["data"] == {
        "asset_id": created["id"],
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "kind": "operating",
        "owner_kind": "village_collective",
        "value": "860000.00",
        "source_project_id": project_id,
        "source_asset_ref": None,
    }
    assert "光伏" not in str(event)  # ids, codes and amounts only


async def test_household_asset_without_project(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    created = (
        await create(
            api,
            tokens["village_beidahe"],
            kind="household",
            owner_kind="household",
            value="0",
            source_project_id=None,
        )
    ).json()
    assert created["kind_label"] == "到户类" and created["owner_kind_label"] == "农户"
    assert created["value"] == "0.00" and created["source_project_id"] is None


async def test_correct_with_if_match(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    created = (await create(api, tokens["town_kejing"])).json()
    url = f"{URL}/{created['id']}"
    town = tokens["town_kejing"]
    missing = await api.patch(url, json={"value": "900000.00"}, headers=auth(town))
    assert missing.status_code == 428 and missing.json()["code"] == "if_match_required"
    ok = await api.patch(
        url, json={"value": "900000.00", "kind": "public_welfare"}, headers=auth(town, **{"If-Match": '"1"'})
    )
    assert ok.status_code == 200, ok.text
    assert ok.headers["etag"] == '"2"' and ok.json()["value"] == "900000.00"
    assert ok.json()["kind_label"] == "公益性"
    stale = await api.patch(url, json={"value": "1.00"}, headers=auth(town, **{"If-Match": '"1"'}))
    assert stale.status_code == 412 and stale.json()["code"] == "stale_version"
    negative = await api.patch(url, json={"value": "-1.00"}, headers=auth(town, **{"If-Match": '"2"'}))
    assert negative.status_code == 422
    assert (await api.get(url, headers=auth(town))).json()["value"] == "900000.00"
    async with stack.db("assets").engine.connect() as conn:
        actions = (
            (await conn.execute(text("SELECT action FROM assets.audit_log ORDER BY id"))).scalars().all()
        )
    assert actions == ["create", "update"]


async def test_cursor_pagination_and_delta_sync(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    ids = [(await create(api, tokens["admin"], name=f"资产{i}")).json()["id"] for i in range(5)]
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        page = (await api.get(URL, params=params, headers=auth(tokens["admin"]))).json()
        seen += [a["id"] for a in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert pages == 3 and seen == ids
    since = (await api.get(f"{URL}/{ids[-1]}", headers=auth(tokens["admin"]))).json()["updated_at"]
    fixed = await api.patch(
        f"{URL}/{ids[2]}", json={"name": "资产二号"}, headers=auth(tokens["admin"], **{"If-Match": '"1"'})
    )
    assert fixed.status_code == 200
    delta = (await api.get(URL, params={"updated_since": since}, headers=auth(tokens["admin"]))).json()
    assert [a["id"] for a in delta["items"]] == [ids[2]]


async def test_territorial_scope_and_roles(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    kejing = (await create(api, tokens["admin"])).json()
    other_village = (await create(api, tokens["admin"], village_code=KEJING_OTHER_VILLAGE)).json()
    wangwu = (await create(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE)).json()

    town = tokens["town_kejing"]
    listed = {a["id"] for a in (await api.get(URL, headers=auth(town))).json()["items"]}
    assert listed == {kejing["id"], other_village["id"]}
    assert (await api.get(f"{URL}/{wangwu['id']}", headers=auth(town))).status_code == 404
    denied = await api.post(
        URL, json=asset_body(town_code=WANGWU, village_code=WANGWU_VILLAGE), headers=auth(town)
    )
    assert denied.status_code == 403 and denied.json()["code"] == "forbidden"
    assert (
        await api.patch(
            f"{URL}/{wangwu['id']}", json={"name": "x"}, headers=auth(town, **{"If-Match": '"1"'})
        )
    ).status_code == 404

    village = tokens["village_beidahe"]
    listed = {a["id"] for a in (await api.get(URL, headers=auth(village))).json()["items"]}
    assert listed == {kejing["id"]}
    assert (await api.get(f"{URL}/{other_village['id']}", headers=auth(village))).status_code == 404
    assert (
        await api.post(URL, json=asset_body(village_code=KEJING_OTHER_VILLAGE), headers=auth(village))
    ).status_code == 403

    for reader in ("dept_hrss", "integrator_hrss", "auditor"):
        assert len((await api.get(URL, headers=auth(tokens[reader]))).json()["items"]) == 3, reader
        refused = await api.post(URL, json=asset_body(), headers=auth(tokens[reader]))
        assert refused.status_code == 403 and refused.json()["code"] == "forbidden", reader
        assert (
            await api.patch(
                f"{URL}/{kejing['id']}",
                json={"name": "x"},
                headers=auth(tokens[reader], **{"If-Match": '"1"'}),
            )
        ).status_code == 403
    assert (await api.get(URL, headers=auth(tokens["helper_wang"]))).status_code == 403


async def test_idempotent_registration(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    headers = auth(tokens["admin"], **{"Idempotency-Key": new_id()})
    body = asset_body()
    first = await api.post(URL, json=body, headers=headers)
    again = await api.post(URL, json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"] and again.headers.get("idempotent-replayed") == "true"
    different = await api.post(URL, json={**body, "value": "1.00"}, headers=headers)
    assert different.status_code == 422 and different.json()["code"] == "idempotency_key_reused"
    async with stack.db("assets").engine.connect() as conn:
        assert await conn.scalar(text("SELECT count(*) FROM assets.assets")) == 1
        assert await conn.scalar(text("SELECT count(*) FROM assets.outbox")) == 1


async def test_bad_input(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    h = auth(tokens["admin"])
    cases = [
        (await api.post(URL, json={**asset_body(), "manager": "李四"}, headers=h), "body.manager"),
        (await api.post(URL, json=asset_body(value="-0.01"), headers=h), "body.value"),
        (await api.post(URL, json=asset_body(value="many"), headers=h), "body.value"),
        (await api.post(URL, json=asset_body(value=[1]), headers=h), "body.value"),
        (await api.post(URL, json=asset_body(kind="private"), headers=h), "body.kind"),
        (await api.post(URL, json=asset_body(owner_kind="company"), headers=h), "body.owner_kind"),
        (await api.post(URL, json=asset_body(source_project_id="P-1"), headers=h), "body.source_project_id"),
        (await api.post(URL, json=asset_body(village_code="4190011002"), headers=h), "body.village_code"),
        (
            await api.post(
                URL, json=asset_body(town_code="419001999", village_code="419001999201"), headers=h
            ),
            "town_code",
        ),
        (await api.post(URL, json=asset_body(village_code=WANGWU_VILLAGE), headers=h), "village_code"),
        (await api.post(URL, json=asset_body(latitude="35.1"), headers=h), "body"),
        (await api.post(URL, json=asset_body(latitude="95", longitude="112"), headers=h), "body.latitude"),
        (
            await api.post(URL, json={k: v for k, v in asset_body().items() if k != "category"}, headers=h),
            "body.category",
        ),
    ]
    for resp, field in cases:
        assert resp.status_code == 422, (field, resp.text)
        body = resp.json()
        assert body["code"] == "validation_failed"
        assert any(e["field"] == field for e in body["errors"]), (field, body)
    unknown = await api.post(URL, json=asset_body(source_project_id=new_id()), headers=h)
    assert unknown.status_code == 422 and unknown.json()["code"] == "unknown_project", unknown.text
    assert (await api.get(f"{URL}/{new_id()}", headers=h)).status_code == 404
    assert (await api.get(URL, params={"kind": "nope"}, headers=h)).status_code == 422
    async with stack.db("assets").engine.connect() as conn:
        assert await conn.scalar(text("SELECT count(*) FROM assets.assets")) == 0
        assert await conn.scalar(text("SELECT count(*) FROM assets.outbox")) == 0
