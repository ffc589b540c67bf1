"""Households through the gateway: writes, scope, idempotency, versions and bad input."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
from sqlalchemy import text

from services.monitoring.households.events import HOUSEHOLD_REGISTERED
from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_OTHER_VILLAGE, KEJING_VILLAGE, WANGWU, WANGWU_VILLAGE, auth, new_id
from tests.monitoring.factories import announced, count, helper_id

URL = "/api/monitoring/v1/households"
TOO_LARGE = b"x" * (33 * 1024 * 1024)  # over the service's 32 MiB (ledger uploads) limit
HOUSEHOLD_COUNT = "SELECT count(*) FROM monitoring.households"


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


async def listed_ids(api: httpx.AsyncClient, token: str) -> set[str]:
    resp = await api.get(URL, headers=auth(token))
    assert resp.status_code == 200, resp.text
    return {h["id"] for h in resp.json()["items"]}


async def test_registered_household_is_got_and_listed(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    created = await create(api, tokens["admin"])
    assert created["kind_label"] == "脱贫户"
    got = await api.get(f"{URL}/{created['id']}", headers=auth(tokens["admin"]))
    assert got.status_code == 200
    assert got.headers["etag"] == '"1"'
    assert got.json()["head_name"] == "王建国"
    assert await listed_ids(api, tokens["admin"]) == {created["id"]}


async def test_registration_commits_its_audit_record_and_event(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    created = await create(api, tokens["admin"])
    async with stack.db("monitoring").engine.connect() as conn:
        audit = (await conn.execute(text("SELECT actor_role, action FROM monitoring.audit_log"))).all()
    assert ("district_admin", "create") in [tuple(r) for r in audit]
    [(envelope, payload)] = await announced(stack, HOUSEHOLD_REGISTERED)
    assert envelope["type"] == "cn.xianjie.monitoring.household.registered.v1"
    assert str(payload.household_id) == created["id"]
    assert "head_name" not in str(envelope["data"]) and "王建国" not in str(envelope)


async def test_cursor_pages_walk_every_household_once(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
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


async def test_updated_since_lists_only_changed_households(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    ids = [(await create(api, tokens["admin"], head_name=f"户主{i}"))["id"] for i in range(3)]
    since = (await api.get(f"{URL}/{ids[-1]}", headers=auth(tokens["admin"]))).json()["updated_at"]
    resp = await api.patch(
        f"{URL}/{ids[0]}", json={"member_count": 5}, headers=auth(tokens["admin"], **{"If-Match": '"1"'})
    )
    assert resp.status_code == 200, resp.text
    delta = (await api.get(URL, params={"updated_since": since}, headers=auth(tokens["admin"]))).json()
    assert [h["id"] for h in delta["items"]] == [ids[0]]


async def test_town_official_sees_only_the_town(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    kejing = await create(api, tokens["admin"])
    wangwu = await create(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE)
    other_village = await create(api, tokens["admin"], village_code=KEJING_OTHER_VILLAGE)
    town = tokens["town_kejing"]
    assert await listed_ids(api, town) == {kejing["id"], other_village["id"]}
    assert (await api.get(f"{URL}/{wangwu['id']}", headers=auth(town))).status_code == 404


async def test_town_official_may_not_register_in_another_town(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    elsewhere = await api.post(
        URL,
        json=household(town_code=WANGWU, village_code=WANGWU_VILLAGE),
        headers=auth(tokens["town_kejing"]),
    )
    assert elsewhere.status_code == 403 and elsewhere.json()["code"] == "forbidden"
    assert await count(stack, HOUSEHOLD_COUNT) == 0


async def test_village_cadre_sees_only_the_village(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    kejing = await create(api, tokens["admin"])
    other_village = await create(api, tokens["admin"], village_code=KEJING_OTHER_VILLAGE)
    village = tokens["village_beidahe"]
    assert await listed_ids(api, village) == {kejing["id"]}
    assert (await api.get(f"{URL}/{other_village['id']}", headers=auth(village))).status_code == 404


async def test_helper_sees_only_assigned_households(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    await create(api, tokens["admin"])
    assert await listed_ids(api, tokens["helper_wang"]) == set()
    assigned = await create(api, tokens["admin"], helper_user_id=await helper_id(api, tokens))
    assert await listed_ids(api, tokens["helper_wang"]) == {assigned["id"]}


async def test_auditor_reads_every_household_but_may_not_register(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    await create(api, tokens["admin"])
    await create(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE)
    assert len(await listed_ids(api, tokens["auditor"])) == 2
    denied = await api.post(URL, json=household(), headers=auth(tokens["auditor"]))
    assert denied.status_code == 403 and denied.json()["code"] == "forbidden"


async def test_integrator_may_not_read_households(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    assert (await api.get(URL, headers=auth(tokens["integrator_hrss"]))).status_code == 403


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


async def test_retry_with_the_same_key_replays_the_answer(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    headers = auth(tokens["admin"], **{"Idempotency-Key": new_id()})
    first = await api.post(URL, json=household(), headers=headers)
    again = await api.post(URL, json=household(), headers=headers)
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    assert again.headers.get("idempotent-replayed") == "true"
    assert await count(stack, HOUSEHOLD_COUNT) == 1
    # Announced once: household.registered and household.changed (it has no members).
    assert await count(stack, "SELECT count(*) FROM monitoring.outbox") == 2


async def test_same_key_with_another_body_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    headers = auth(tokens["admin"], **{"Idempotency-Key": new_id()})
    assert (await api.post(URL, json=household(), headers=headers)).status_code == 201
    different = await api.post(URL, json=household(member_count=9), headers=headers)
    assert different.status_code == 422 and different.json()["code"] == "idempotency_key_reused"
    assert await count(stack, HOUSEHOLD_COUNT) == 1


async def test_concurrent_retries_with_one_key_create_one_household(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    headers = auth(tokens["admin"], **{"Idempotency-Key": new_id()})
    answers = await asyncio.gather(*(api.post(URL, json=household(), headers=headers) for _ in range(6)))
    assert {a.status_code for a in answers} == {201}
    assert len({a.json()["id"] for a in answers}) == 1
    assert await count(stack, HOUSEHOLD_COUNT) == 1


async def test_update_without_if_match_is_428(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    created = await create(api, tokens["admin"])
    missing = await api.patch(
        f"{URL}/{created['id']}", json={"member_count": 3}, headers=auth(tokens["admin"])
    )
    assert missing.status_code == 428 and missing.json()["code"] == "if_match_required"


async def test_update_with_a_stale_version_is_412_and_changes_nothing(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    created = await create(api, tokens["admin"])
    url = f"{URL}/{created['id']}"
    ok = await api.patch(url, json={"member_count": 3}, headers=auth(tokens["admin"], **{"If-Match": '"1"'}))
    assert ok.status_code == 200 and ok.headers["etag"] == '"2"'
    stale = await api.patch(
        url, json={"member_count": 2}, headers=auth(tokens["admin"], **{"If-Match": '"1"'})
    )
    assert stale.status_code == 412 and stale.json()["code"] == "stale_version"
    assert (await api.get(url, headers=auth(tokens["admin"]))).json()["member_count"] == 3


Request = Callable[[httpx.AsyncClient, dict[str, str]], Awaitable[httpx.Response]]
BAD_REQUESTS: list[tuple[str, Request, int, str]] = [
    (
        "malformed json",
        lambda api, h: api.post(
            URL, content=b'{"town_code": ', headers={**h, "Content-Type": "application/json"}
        ),
        400,
        "malformed_json",
    ),
    (
        "unknown field",
        lambda api, h: api.post(URL, json={**household(), "id_number": "x"}, headers=h),
        422,
        "validation_failed",
    ),
    (
        "wrong type",
        lambda api, h: api.post(URL, json=household(member_count="many"), headers=h),
        422,
        "validation_failed",
    ),
    (
        "out of range",
        lambda api, h: api.post(URL, json=household(member_count=0), headers=h),
        422,
        "validation_failed",
    ),
    (
        "unknown town",
        lambda api, h: api.post(
            URL, json=household(town_code="419001999", village_code="419001999201"), headers=h
        ),
        422,
        "validation_failed",
    ),
    (
        "village of another town",
        lambda api, h: api.post(URL, json=household(village_code=WANGWU_VILLAGE), headers=h),
        422,
        "validation_failed",
    ),
    (
        "unknown kind",
        lambda api, h: api.post(URL, json=household(kind="rich"), headers=h),
        422,
        "validation_failed",
    ),
    (
        "too large",
        lambda api, h: api.post(URL, content=TOO_LARGE, headers={**h, "Content-Type": "application/json"}),
        413,
        "payload_too_large",
    ),
    ("bad id", lambda api, h: api.get(f"{URL}/not-a-uuid", headers=h), 422, "validation_failed"),
    (
        "bad cursor",
        lambda api, h: api.get(URL, params={"cursor": "garbage!"}, headers=h),
        422,
        "validation_failed",
    ),
    ("missing", lambda api, h: api.get(f"{URL}/{new_id()}", headers=h), 404, "not_found"),
    ("no token", lambda api, h: api.get(URL), 401, "unauthorized"),
    (
        "bad token",
        lambda api, h: api.get(URL, headers={"Authorization": "Bearer not.a.token"}),
        401,
        "unauthorized",
    ),
    ("wrong method", lambda api, h: api.delete(URL, headers=h), 405, "method_not_allowed"),
]


async def test_bad_request_is_a_problem_document_and_writes_nothing(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    for case, send, status, code in BAD_REQUESTS:
        resp = await send(api, auth(tokens["admin"]))
        assert resp.status_code == status, (case, resp.text)
        assert resp.headers["content-type"].startswith("application/problem+json"), case
        body = resp.json()
        assert body["code"] == code and body["status"] == status and body["title"], case
        assert "Traceback" not in resp.text
    assert await count(stack, HOUSEHOLD_COUNT) == 0


async def test_unknown_field_is_named_in_the_problem(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    resp = await api.post(URL, json={**household(), "id_number": "x"}, headers=auth(tokens["admin"]))
    assert resp.json()["errors"][0]["field"] == "body.id_number"
    assert resp.json()["errors"][0]["message"] == "不允许的字段"


async def test_problem_title_in_english_on_request(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    english = await api.post(
        URL, json=household(member_count=0), headers={**auth(tokens["admin"]), "Accept-Language": "en"}
    )
    assert english.json()["title"] == "Validation failed"
