"""Households through the gateway: writes, scope, idempotency, versions and bad input."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from sqlalchemy import text

from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_OTHER_VILLAGE, KEJING_VILLAGE, WANGWU, WANGWU_VILLAGE, auth, new_id

URL = "/api/monitoring/v1/households"
TOO_LARGE = b"x" * (33 * 1024 * 1024)  # over the service's 32 MiB (ledger uploads) limit


def household(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "head_name": "王建国",
        "address": "北大河村三组",
        "kind": "lifted_out",
        "member_count": 4,
    }
    body.update(overrides)
    return body


async def create(api: httpx.AsyncClient, token: str, **overrides: Any) -> dict[str, Any]:
    resp = await api.post(URL, json=household(**overrides), headers=auth(token))
    assert resp.status_code == 201, resp.text
    return resp.json()  # type: ignore[no-any-return]


async def test_create_get_list_through_gateway(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    created = await create(api, tokens["admin"])
    assert created["kind_label"] == "脱贫户"
    got = await api.get(f"{URL}/{created['id']}", headers=auth(tokens["admin"]))
    assert got.status_code == 200
    assert got.headers["etag"] == '"1"'
    assert got.json()["head_name"] == "王建国"
    listed = await api.get(URL, headers=auth(tokens["admin"]))
    assert [h["id"] for h in listed.json()["items"]] == [created["id"]]
    # The write, its audit record and its event were committed together.
    async with stack.db("monitoring").engine.connect() as conn:
        audit = (await conn.execute(text("SELECT actor_role, action FROM monitoring.audit_log"))).all()
        outbox = (await conn.execute(text("SELECT envelope FROM monitoring.outbox"))).scalars().all()
    assert ("district_admin", "create") in [tuple(r) for r in audit]
    assert [e["type"] for e in outbox] == ["cn.xianjie.monitoring.household.registered.v1"]
    assert "head_name" not in str(outbox[0]["data"]) and "王建国" not in str(outbox[0])


async def test_cursor_pagination_and_delta_sync(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    ids = [(await create(api, tokens["admin"], head_name=f"户主{i}"))["id"] for i in range(5)]
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        page = (await api.get(URL, params=params, headers=auth(tokens["admin"]))).json()
        seen += [h["id"] for h in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert pages == 3 and sorted(seen) == sorted(ids) and len(set(seen)) == 5

    last = (await api.get(f"{URL}/{ids[-1]}", headers=auth(tokens["admin"]))).json()
    since = last["updated_at"]
    changed = (await api.get(f"{URL}/{ids[0]}", headers=auth(tokens["admin"]))).json()
    resp = await api.patch(
        f"{URL}/{ids[0]}", json={"member_count": 5}, headers=auth(tokens["admin"], **{"If-Match": '"1"'})
    )
    assert resp.status_code == 200, resp.text
    delta = (await api.get(URL, params={"updated_since": since}, headers=auth(tokens["admin"]))).json()
    assert [h["id"] for h in delta["items"]] == [changed["id"]]


async def test_territorial_scope(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    kejing = await create(api, tokens["admin"])
    wangwu = await create(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE)
    other_village = await create(api, tokens["admin"], village_code=KEJING_OTHER_VILLAGE)

    town = tokens["town_kejing"]
    listed = {h["id"] for h in (await api.get(URL, headers=auth(town))).json()["items"]}
    assert listed == {kejing["id"], other_village["id"]}
    assert (await api.get(f"{URL}/{wangwu['id']}", headers=auth(town))).status_code == 404
    elsewhere = await api.post(
        URL, json=household(town_code=WANGWU, village_code=WANGWU_VILLAGE), headers=auth(town)
    )
    assert elsewhere.status_code == 403 and elsewhere.json()["code"] == "forbidden"

    village = tokens["village_beidahe"]
    listed = {h["id"] for h in (await api.get(URL, headers=auth(village))).json()["items"]}
    assert listed == {kejing["id"]}
    assert (await api.get(f"{URL}/{other_village['id']}", headers=auth(village))).status_code == 404

    # Helpers see only the households assigned to them.
    helper = tokens["helper_wang"]
    assert (await api.get(URL, headers=auth(helper))).json()["items"] == []

    # Auditors read everything but cannot write; integrators do not read households.
    assert len((await api.get(URL, headers=auth(tokens["auditor"]))).json()["items"]) == 3
    denied = await api.post(URL, json=household(), headers=auth(tokens["auditor"]))
    assert denied.status_code == 403 and denied.json()["code"] == "forbidden"
    assert (await api.get(URL, headers=auth(tokens["integrator_hrss"]))).status_code == 403


async def test_helper_sees_assigned_household(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    me = (await api.get("/auth/me", headers=auth(tokens["helper_wang"]))).json()
    assigned = await create(api, tokens["admin"], helper_user_id=me["id"])
    await create(api, tokens["admin"])
    items = (await api.get(URL, headers=auth(tokens["helper_wang"]))).json()["items"]
    assert [h["id"] for h in items] == [assigned["id"]]


async def test_auditor_reads_are_on_record(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    created = await create(api, tokens["admin"])
    assert (await api.get(f"{URL}/{created['id']}", headers=auth(tokens["auditor"]))).status_code == 200
    async with stack.db("monitoring").engine.connect() as conn:
        reads = (
            (
                await conn.execute(
                    text(
                        "SELECT entity_id FROM monitoring.audit_log WHERE actor_role = 'auditor' AND action = 'read'"
                    )
                )
            )
            .scalars()
            .all()
        )
    assert reads == [f"/v1/households/{created['id']}"]


async def test_idempotent_create(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    key = new_id()
    headers = auth(tokens["admin"], **{"Idempotency-Key": key})
    first = await api.post(URL, json=household(), headers=headers)
    again = await api.post(URL, json=household(), headers=headers)
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    assert again.headers.get("idempotent-replayed") == "true"
    different = await api.post(URL, json=household(member_count=9), headers=headers)
    assert different.status_code == 422 and different.json()["code"] == "idempotency_key_reused"
    async with stack.db("monitoring").engine.connect() as conn:
        assert await conn.scalar(text("SELECT count(*) FROM monitoring.households")) == 1
        assert await conn.scalar(text("SELECT count(*) FROM monitoring.outbox")) == 1


async def test_concurrent_retries_with_one_key_create_one_household(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    headers = auth(tokens["admin"], **{"Idempotency-Key": new_id()})
    answers = await asyncio.gather(*(api.post(URL, json=household(), headers=headers) for _ in range(6)))
    assert {a.status_code for a in answers} == {201}
    assert len({a.json()["id"] for a in answers}) == 1
    async with stack.db("monitoring").engine.connect() as conn:
        assert await conn.scalar(text("SELECT count(*) FROM monitoring.households")) == 1


async def test_versions_guard_updates(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    created = await create(api, tokens["admin"])
    url = f"{URL}/{created['id']}"
    missing = await api.patch(url, json={"member_count": 3}, headers=auth(tokens["admin"]))
    assert missing.status_code == 428 and missing.json()["code"] == "if_match_required"
    ok = await api.patch(url, json={"member_count": 3}, headers=auth(tokens["admin"], **{"If-Match": '"1"'}))
    assert ok.status_code == 200 and ok.headers["etag"] == '"2"'
    stale = await api.patch(
        url, json={"member_count": 2}, headers=auth(tokens["admin"], **{"If-Match": '"1"'})
    )
    assert stale.status_code == 412 and stale.json()["code"] == "stale_version"
    assert (await api.get(url, headers=auth(tokens["admin"]))).json()["member_count"] == 3


async def test_bad_input_is_a_clear_problem(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    h = auth(tokens["admin"])
    cases = [
        (
            await api.post(URL, content=b'{"town_code": ', headers={**h, "Content-Type": "application/json"}),
            400,
            "malformed_json",
        ),
        (await api.post(URL, json={**household(), "id_number": "x"}, headers=h), 422, "validation_failed"),
        (await api.post(URL, json=household(member_count="many"), headers=h), 422, "validation_failed"),
        (await api.post(URL, json=household(member_count=0), headers=h), 422, "validation_failed"),
        (
            await api.post(
                URL, json=household(town_code="419001999", village_code="419001999201"), headers=h
            ),
            422,
            "validation_failed",
        ),
        (
            await api.post(URL, json=household(village_code=WANGWU_VILLAGE), headers=h),
            422,
            "validation_failed",
        ),
        (await api.post(URL, json=household(kind="rich"), headers=h), 422, "validation_failed"),
        (
            await api.post(
                URL, content=b"x" * (33 * 1024 * 1024), headers={**h, "Content-Type": "application/json"}
            ),
            413,
            "payload_too_large",
        ),
        (await api.get(f"{URL}/not-a-uuid", headers=h), 422, "validation_failed"),
        (await api.get(URL, params={"cursor": "garbage!"}, headers=h), 422, "validation_failed"),
        (await api.get(f"{URL}/{new_id()}", headers=h), 404, "not_found"),
        (await api.get(URL), 401, "unauthorized"),
        (await api.get(URL, headers={"Authorization": "Bearer not.a.token"}), 401, "unauthorized"),
        (await api.delete(URL, headers=h), 405, "method_not_allowed"),
    ]
    for resp, status, code in cases:
        assert resp.status_code == status, (resp.request.url, resp.text)
        assert resp.headers["content-type"].startswith("application/problem+json")
        body = resp.json()
        assert body["code"] == code and body["status"] == status and body["title"]
        assert "Traceback" not in resp.text
    unknown_field = cases[1][0].json()
    assert unknown_field["errors"][0]["field"] == "body.id_number"
    assert unknown_field["errors"][0]["message"] == "不允许的字段"
    english = await api.post(URL, json=household(member_count=0), headers={**h, "Accept-Language": "en"})
    assert english.json()["title"] == "Validation failed"
    async with stack.db("monitoring").engine.connect() as conn:
        assert await conn.scalar(text("SELECT count(*) FROM monitoring.households")) == 0
