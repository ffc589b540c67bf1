"""Project library (项目库) through the gateway: proposals, scope, idempotency, versions, bad input."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import text

from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_OTHER_VILLAGE, KEJING_VILLAGE, WANGWU, WANGWU_VILLAGE, auth, new_id

URL = "/api/funds/v1/projects"


def project(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "北大河村食用菌大棚",
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "category": "industry",
        "year": 2025,
        "planned_amount": "1200000.00",
    }
    body.update(overrides)
    return {k: v for k, v in body.items() if v is not None}


async def create(api: httpx.AsyncClient, token: str, **overrides: Any) -> httpx.Response:
    resp = await api.post(URL, json=project(**overrides), headers=auth(token))
    assert resp.status_code == 201, resp.text
    return resp


async def test_propose_get_list(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    resp = await create(api, tokens["admin"])
    created = resp.json()
    assert resp.headers["etag"] == '"1"' and resp.headers["location"] == f"/v1/projects/{created['id']}"
    assert created["planned_amount"] == "1200000.00"
    assert created["status"] == "proposed" and created["status_label"] == "已申报"
    assert created["category_label"] == "产业"
    assert created["requires_elevated_review"] is False

    got = await api.get(f"{URL}/{created['id']}", headers=auth(tokens["admin"]))
    assert got.status_code == 200 and got.headers["etag"] == '"1"' and got.json() == created
    listed = (await api.get(URL, headers=auth(tokens["admin"]))).json()
    assert [p["id"] for p in listed["items"]] == [created["id"]]

    async with stack.db("funds").engine.connect() as conn:
        amount = await conn.scalar(text("SELECT planned_amount FROM funds.projects"))
        audit = (await conn.execute(text("SELECT actor_role, action, entity FROM funds.audit_log"))).all()
        envelopes = (await conn.execute(text("SELECT envelope FROM funds.outbox"))).scalars().all()
        subjects = (await conn.execute(text("SELECT nats_subject FROM funds.outbox"))).scalars().all()
    assert str(amount) == "1200000.00"
    assert [tuple(r) for r in audit] == [("district_admin", "create", "project")]
    [event] = envelopes
    assert event["type"] == "cn.xianjie.funds.project.proposed.v1" and event["subject"] == created["id"]
    assert subjects == ["xianjie.funds.project.proposed"]
    assert event["data"] == {
        "project_id": created["id"],
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "category": "industry",
        "year": 2025,
        "planned_amount": "1200000.00",
        "requires_elevated_review": False,
    }


async def test_town_wide_project_and_elevated_review(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    big = (
        await create(
            api,
            tokens["town_kejing"],
            village_code=None,
            category="infrastructure",
            planned_amount="10000000.00",
        )
    ).json()
    assert big["village_code"] is None and big["category_label"] == "小型公益性基础设施"
    assert big["requires_elevated_review"] is True  # 1000 万元及以上须省级提级论证
    small = (await create(api, tokens["admin"], planned_amount="9999999.99")).json()
    assert small["requires_elevated_review"] is False


async def test_amend_with_if_match(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    created = (await create(api, tokens["admin"])).json()
    url = f"{URL}/{created['id']}"
    body = {"planned_amount": "15000000.00", "name": "北大河村食用菌产业园"}
    missing = await api.patch(url, json=body, headers=auth(tokens["admin"]))
    assert missing.status_code == 428 and missing.json()["code"] == "if_match_required"
    ok = await api.patch(url, json=body, headers=auth(tokens["admin"], **{"If-Match": '"1"'}))
    assert ok.status_code == 200, ok.text
    assert ok.headers["etag"] == '"2"'
    assert ok.json()["planned_amount"] == "15000000.00" and ok.json()["requires_elevated_review"] is True
    stale = await api.patch(url, json={"year": 2026}, headers=auth(tokens["admin"], **{"If-Match": '"1"'}))
    assert stale.status_code == 412 and stale.json()["code"] == "stale_version"
    assert (await api.get(url, headers=auth(tokens["admin"]))).json()["year"] == 2025
    zero = await api.patch(
        url, json={"planned_amount": "0"}, headers=auth(tokens["admin"], **{"If-Match": '"2"'})
    )
    assert zero.status_code == 422
    async with stack.db("funds").engine.connect() as conn:
        actions = (await conn.execute(text("SELECT action FROM funds.audit_log ORDER BY id"))).scalars().all()
    assert actions == ["create", "update"]


async def test_cursor_pagination_and_filters(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    ids = [(await create(api, tokens["admin"], name=f"项目{i}")).json()["id"] for i in range(5)]
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        page = (await api.get(URL, params=params, headers=auth(tokens["admin"]))).json()
        assert len(page["items"]) <= 2
        seen += [p["id"] for p in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == ids

    since = (await api.get(f"{URL}/{ids[-1]}", headers=auth(tokens["admin"]))).json()["updated_at"]
    amended = await api.patch(
        f"{URL}/{ids[1]}",
        json={"category": "employment"},
        headers=auth(tokens["admin"], **{"If-Match": '"1"'}),
    )
    assert amended.status_code == 200
    delta = (await api.get(URL, params={"updated_since": since}, headers=auth(tokens["admin"]))).json()
    assert [p["id"] for p in delta["items"]] == [ids[1]]
    by_category = (
        await api.get(URL, params={"category": "employment"}, headers=auth(tokens["admin"]))
    ).json()
    assert [p["id"] for p in by_category["items"]] == [ids[1]]
    assert (await api.get(URL, params={"year": 2024}, headers=auth(tokens["admin"]))).json()["items"] == []


async def test_territorial_scope_and_roles(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    kejing = (await create(api, tokens["admin"])).json()
    kejing_town_wide = (await create(api, tokens["admin"], village_code=None)).json()
    other_village = (await create(api, tokens["admin"], village_code=KEJING_OTHER_VILLAGE)).json()
    wangwu = (await create(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE)).json()

    town = tokens["town_kejing"]
    listed = {p["id"] for p in (await api.get(URL, headers=auth(town))).json()["items"]}
    assert listed == {kejing["id"], kejing_town_wide["id"], other_village["id"]}
    assert (await api.get(f"{URL}/{wangwu['id']}", headers=auth(town))).status_code == 404
    denied = await api.post(
        URL, json=project(town_code=WANGWU, village_code=WANGWU_VILLAGE), headers=auth(town)
    )
    assert denied.status_code == 403 and denied.json()["code"] == "forbidden"
    assert (
        await api.patch(
            f"{URL}/{wangwu['id']}", json={"year": 2026}, headers=auth(town, **{"If-Match": '"1"'})
        )
    ).status_code == 404

    village = tokens["village_beidahe"]
    listed = {p["id"] for p in (await api.get(URL, headers=auth(village))).json()["items"]}
    assert listed == {kejing["id"], kejing_town_wide["id"]}  # its village's and the town-wide ones
    assert (await api.get(f"{URL}/{other_village['id']}", headers=auth(village))).status_code == 404
    # A village cadre proposes for its village only, and cannot amend the town's projects.
    assert (await api.post(URL, json=project(village_code=None), headers=auth(village))).status_code == 403
    assert (
        await api.patch(
            f"{URL}/{kejing_town_wide['id']}",
            json={"year": 2026},
            headers=auth(village, **{"If-Match": '"1"'}),
        )
    ).status_code == 403
    assert (await api.post(URL, json=project(), headers=auth(village))).status_code == 201

    # Departments propose anywhere and amend only their own proposals.
    dept = tokens["dept_hrss"]
    proposed = await api.post(
        URL,
        json=project(category="employment", town_code=WANGWU, village_code=WANGWU_VILLAGE),
        headers=auth(dept),
    )
    assert proposed.status_code == 201, proposed.text
    assert (
        await api.patch(
            f"{URL}/{proposed.json()['id']}", json={"year": 2026}, headers=auth(dept, **{"If-Match": '"1"'})
        )
    ).status_code == 200
    assert (
        await api.patch(
            f"{URL}/{kejing['id']}", json={"year": 2026}, headers=auth(dept, **{"If-Match": '"1"'})
        )
    ).status_code == 403
    assert len((await api.get(URL, headers=auth(dept))).json()["items"]) == 6

    # Auditors and integrators read everything and write nothing; helpers have no access.
    assert len((await api.get(URL, headers=auth(tokens["auditor"]))).json()["items"]) == 6
    denied = await api.post(URL, json=project(), headers=auth(tokens["auditor"]))
    assert denied.status_code == 403 and denied.json()["code"] == "forbidden"
    assert (
        await api.patch(
            f"{URL}/{kejing['id']}",
            json={"year": 2026},
            headers=auth(tokens["auditor"], **{"If-Match": '"1"'}),
        )
    ).status_code == 403
    assert len((await api.get(URL, headers=auth(tokens["integrator_hrss"]))).json()["items"]) == 6
    assert (await api.post(URL, json=project(), headers=auth(tokens["integrator_hrss"]))).status_code == 403
    assert (await api.get(URL, headers=auth(tokens["helper_wang"]))).status_code == 403


async def test_idempotent_proposal(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    headers = auth(tokens["admin"], **{"Idempotency-Key": new_id()})
    first = await api.post(URL, json=project(), headers=headers)
    again = await api.post(URL, json=project(), headers=headers)
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"] and again.headers.get("idempotent-replayed") == "true"
    different = await api.post(URL, json=project(year=2026), headers=headers)
    assert different.status_code == 422 and different.json()["code"] == "idempotency_key_reused"
    async with stack.db("funds").engine.connect() as conn:
        assert await conn.scalar(text("SELECT count(*) FROM funds.projects")) == 1
        assert await conn.scalar(text("SELECT count(*) FROM funds.outbox")) == 1


async def test_bad_input(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    h = auth(tokens["admin"])
    cases = [
        (await api.post(URL, json={**project(), "owner": "x"}, headers=h), "body.owner"),
        (await api.post(URL, json=project(planned_amount="0.00"), headers=h), "body.planned_amount"),
        (await api.post(URL, json=project(planned_amount="-5"), headers=h), "body.planned_amount"),
        (await api.post(URL, json=project(planned_amount="一百万"), headers=h), "body.planned_amount"),
        (await api.post(URL, json=project(year="今年"), headers=h), "body.year"),
        (await api.post(URL, json=project(year=1990), headers=h), "body.year"),
        (await api.post(URL, json=project(category="tourism"), headers=h), "body.category"),
        (await api.post(URL, json=project(name=""), headers=h), "body.name"),
        (await api.post(URL, json=project(town_code="419001999", village_code=None), headers=h), "town_code"),
        (await api.post(URL, json=project(village_code="419001100999"), headers=h), "village_code"),
        (await api.post(URL, json=project(village_code=WANGWU_VILLAGE), headers=h), "village_code"),
    ]
    for resp, field in cases:
        assert resp.status_code == 422, (field, resp.text)
        body = resp.json()
        assert body["code"] == "validation_failed"
        assert any(e["field"] == field for e in body["errors"]), (field, body)
    assert (await api.get(f"{URL}/{new_id()}", headers=h)).status_code == 404
    assert (await api.get(f"{URL}/not-a-uuid", headers=h)).status_code == 422
    async with stack.db("funds").engine.connect() as conn:
        assert await conn.scalar(text("SELECT count(*) FROM funds.projects")) == 0
        assert await conn.scalar(text("SELECT count(*) FROM funds.outbox")) == 0
