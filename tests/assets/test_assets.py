"""Asset ledger (帮扶项目资产) through the gateway: registration, scope, idempotency, versions, bad input."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import text

from tests.assets.factories import asset_body, known_project
from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_OTHER_VILLAGE, KEJING_VILLAGE, WANGWU, WANGWU_VILLAGE, auth, new_id

URL = "/api/assets/v1/assets"
READERS = ("dept_hrss", "integrator_hrss", "auditor")


async def create(api: httpx.AsyncClient, token: str, **overrides: Any) -> httpx.Response:
    resp = await api.post(URL, json=asset_body(**overrides), headers=auth(token))
    assert resp.status_code == 201, resp.text
    return resp


async def from_project(api: httpx.AsyncClient, token: str, project_id: str) -> httpx.Response:
    return await create(
        api,
        token,
        source_project_id=project_id,
        latitude="35.123456",
        longitude="112.543210",
        manager_name="北大河村股份经济合作社",
    )


async def counts(stack: Stack) -> tuple[int, int]:
    async with stack.db("assets").engine.connect() as conn:
        assets = await conn.scalar(text("SELECT count(*) FROM assets.assets"))
        events = await conn.scalar(text("SELECT count(*) FROM assets.outbox"))
    return assets, events


# -- registration ------------------------------------------------------------------------------


async def test_registration_answers_the_asset_with_labels_etag_and_location(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    resp = await from_project(api, tokens["admin"], await known_project(stack))
    created = resp.json()
    assert resp.headers["etag"] == '"1"' and resp.headers["location"] == f"/v1/assets/{created['id']}"
    assert created["value"] == "860000.00"
    assert created["status"] == "formed" and created["status_label"] == "已形成（待确权）"
    assert created["kind_label"] == "经营性" and created["owner_kind_label"] == "村集体"
    assert created["category"] == "光伏电站" and created["formed_on"] == "2025-06-30"
    assert created["latitude"] == "35.123456" and created["source_asset_ref"] is None


async def test_a_registered_asset_reads_back_and_is_listed(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    created = (await from_project(api, tokens["admin"], await known_project(stack))).json()

    got = await api.get(f"{URL}/{created['id']}", headers=auth(tokens["admin"]))
    assert got.status_code == 200 and got.headers["etag"] == '"1"' and got.json() == created
    listed = (await api.get(URL, headers=auth(tokens["admin"]))).json()
    assert [a["id"] for a in listed["items"]] == [created["id"]]
    by_project = await api.get(
        URL, params={"source_project_id": created["source_project_id"]}, headers=auth(tokens["admin"])
    )
    assert [a["id"] for a in by_project.json()["items"]] == [created["id"]]


async def test_registration_is_audited_and_announced_with_ids_and_codes_only(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    project_id = await known_project(stack)
    created = (await from_project(api, tokens["admin"], project_id)).json()

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


async def test_a_household_asset_needs_no_project(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
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


# -- corrections --------------------------------------------------------------------------------


async def test_a_correction_needs_if_match(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    town = tokens["town_kejing"]
    created = (await create(api, town)).json()
    missing = await api.patch(f"{URL}/{created['id']}", json={"value": "900000.00"}, headers=auth(town))
    assert missing.status_code == 428 and missing.json()["code"] == "if_match_required"


async def test_a_correction_of_the_current_version_applies_and_is_audited(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    town = tokens["town_kejing"]
    url = f"{URL}/{(await create(api, town)).json()['id']}"
    ok = await api.patch(
        url, json={"value": "900000.00", "kind": "public_welfare"}, headers=auth(town, **{"If-Match": '"1"'})
    )
    assert ok.status_code == 200, ok.text
    assert ok.headers["etag"] == '"2"' and ok.json()["value"] == "900000.00"
    assert ok.json()["kind_label"] == "公益性"
    async with stack.db("assets").engine.connect() as conn:
        actions = (
            (await conn.execute(text("SELECT action FROM assets.audit_log ORDER BY id"))).scalars().all()
        )
    assert actions == ["create", "update"]


async def test_a_correction_of_a_stale_version_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    town = tokens["town_kejing"]
    url = f"{URL}/{(await create(api, town)).json()['id']}"
    await api.patch(url, json={"value": "900000.00"}, headers=auth(town, **{"If-Match": '"1"'}))
    stale = await api.patch(url, json={"value": "1.00"}, headers=auth(town, **{"If-Match": '"1"'}))
    assert stale.status_code == 412 and stale.json()["code"] == "stale_version"
    assert (await api.get(url, headers=auth(town))).json()["value"] == "900000.00"


async def test_a_correction_is_validated_like_a_registration(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    town = tokens["town_kejing"]
    url = f"{URL}/{(await create(api, town)).json()['id']}"
    negative = await api.patch(url, json={"value": "-1.00"}, headers=auth(town, **{"If-Match": '"1"'}))
    assert negative.status_code == 422
    assert (await api.get(url, headers=auth(town))).json()["value"] == "860000.00"


# -- lists --------------------------------------------------------------------------------------


async def test_the_list_pages_by_cursor_in_order_of_change(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
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


async def test_updated_since_lists_only_what_changed(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    ids = [(await create(api, tokens["admin"], name=f"资产{i}")).json()["id"] for i in range(3)]
    since = (await api.get(f"{URL}/{ids[-1]}", headers=auth(tokens["admin"]))).json()["updated_at"]
    fixed = await api.patch(
        f"{URL}/{ids[0]}", json={"name": "资产二号"}, headers=auth(tokens["admin"], **{"If-Match": '"1"'})
    )
    assert fixed.status_code == 200
    delta = (await api.get(URL, params={"updated_since": since}, headers=auth(tokens["admin"]))).json()
    assert [a["id"] for a in delta["items"]] == [ids[0]]


# -- territory and roles ------------------------------------------------------------------------


async def three_assets(api: httpx.AsyncClient, admin: str) -> dict[str, dict[str, Any]]:
    """One in 北大河村 (克井镇), one in another village of 克井镇, one in 王屋镇."""
    return {
        "kejing": (await create(api, admin)).json(),
        "other_village": (await create(api, admin, village_code=KEJING_OTHER_VILLAGE)).json(),
        "wangwu": (await create(api, admin, town_code=WANGWU, village_code=WANGWU_VILLAGE)).json(),
    }


async def test_a_town_official_sees_and_corrects_only_their_town(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    assets = await three_assets(api, tokens["admin"])
    town = tokens["town_kejing"]
    listed = {a["id"] for a in (await api.get(URL, headers=auth(town))).json()["items"]}
    assert listed == {assets["kejing"]["id"], assets["other_village"]["id"]}
    wangwu = f"{URL}/{assets['wangwu']['id']}"
    assert (await api.get(wangwu, headers=auth(town))).status_code == 404
    patched = await api.patch(wangwu, json={"name": "x"}, headers=auth(town, **{"If-Match": '"1"'}))
    assert patched.status_code == 404


async def test_a_village_cadre_sees_only_their_village(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    assets = await three_assets(api, tokens["admin"])
    village = tokens["village_beidahe"]
    listed = {a["id"] for a in (await api.get(URL, headers=auth(village))).json()["items"]}
    assert listed == {assets["kejing"]["id"]}
    other = await api.get(f"{URL}/{assets['other_village']['id']}", headers=auth(village))
    assert other.status_code == 404


async def test_registering_outside_ones_territory_is_forbidden(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    denied = await api.post(
        URL,
        json=asset_body(town_code=WANGWU, village_code=WANGWU_VILLAGE),
        headers=auth(tokens["town_kejing"]),
    )
    assert denied.status_code == 403 and denied.json()["code"] == "forbidden"
    neighbour = await api.post(
        URL, json=asset_body(village_code=KEJING_OTHER_VILLAGE), headers=auth(tokens["village_beidahe"])
    )
    assert neighbour.status_code == 403
    assert await counts(stack) == (0, 0)


async def test_readers_see_every_asset_but_may_not_write(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    kejing = (await three_assets(api, tokens["admin"]))["kejing"]
    for reader in READERS:
        assert len((await api.get(URL, headers=auth(tokens[reader]))).json()["items"]) == 3, reader
        refused = await api.post(URL, json=asset_body(), headers=auth(tokens[reader]))
        assert refused.status_code == 403 and refused.json()["code"] == "forbidden", reader
        patched = await api.patch(
            f"{URL}/{kejing['id']}", json={"name": "x"}, headers=auth(tokens[reader], **{"If-Match": '"1"'})
        )
        assert patched.status_code == 403, reader
    assert await counts(stack) == (3, 3)


async def test_helpers_have_no_access_to_the_ledger(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    assert (await api.get(URL, headers=auth(tokens["helper_wang"]))).status_code == 403


# -- retries ------------------------------------------------------------------------------------


async def test_a_retried_registration_gets_the_stored_answer(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    headers = auth(tokens["admin"], **{"Idempotency-Key": new_id()})
    first = await api.post(URL, json=asset_body(), headers=headers)
    again = await api.post(URL, json=asset_body(), headers=headers)
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"] and again.headers.get("idempotent-replayed") == "true"
    assert await counts(stack) == (1, 1)


async def test_a_key_reused_with_another_body_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    headers = auth(tokens["admin"], **{"Idempotency-Key": new_id()})
    assert (await api.post(URL, json=asset_body(), headers=headers)).status_code == 201
    different = await api.post(URL, json=asset_body(value="1.00"), headers=headers)
    assert different.status_code == 422 and different.json()["code"] == "idempotency_key_reused"
    assert await counts(stack) == (1, 1)


# -- bad input ----------------------------------------------------------------------------------


async def test_an_invalid_registration_is_refused_naming_the_field(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
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
    assert await counts(stack) == (0, 0)


async def test_a_registration_naming_an_unknown_project_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    unknown = await api.post(URL, json=asset_body(source_project_id=new_id()), headers=auth(tokens["admin"]))
    assert unknown.status_code == 422 and unknown.json()["code"] == "unknown_reference", unknown.text
    assert [e["field"] for e in unknown.json()["errors"]] == ["source_project_id"]
    assert await counts(stack) == (0, 0)


async def test_an_unknown_asset_is_not_found(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    assert (await api.get(f"{URL}/{new_id()}", headers=auth(tokens["admin"]))).status_code == 404


async def test_an_unknown_filter_value_is_refused(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    assert (await api.get(URL, params={"kind": "nope"}, headers=auth(tokens["admin"]))).status_code == 422
