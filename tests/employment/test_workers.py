"""Workers (稳岗就业) through the gateway: writes, job loss, scope, idempotency, versions, bad input."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from typing import Any

import httpx
from sqlalchemy import text

from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_OTHER_VILLAGE, KEJING_VILLAGE, WANGWU, WANGWU_VILLAGE, auth, new_id

URL = "/api/employment/v1/workers"


def worker(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "household_id": new_id(),
        "member_id": new_id(),
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "status": "employed",
        "employer": "济源市某钢铁公司",
        "place": "in_county",
        "monthly_wage": "3200.50",
        "employed_since": "2025-03-01",
    }
    body.update(overrides)
    return body


async def create(api: httpx.AsyncClient, token: str, **overrides: Any) -> httpx.Response:
    resp = await api.post(URL, json=worker(**overrides), headers=auth(token))
    assert resp.status_code == 201, resp.text
    return resp


async def outbox(stack: Stack, aggregate: str = "worker") -> list[dict[str, Any]]:
    """Events about one aggregate (a first worker also moves the floor, which is announced too)."""
    async with stack.db("employment").engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT envelope FROM employment.outbox WHERE nats_subject LIKE :s ORDER BY position"),
            {"s": f"xianjie.employment.{aggregate}.%"},
        )
        return list(rows.scalars().all())


async def test_register_get_list(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    resp = await create(api, tokens["admin"])
    created = resp.json()
    assert resp.headers["etag"] == '"1"'
    assert resp.headers["location"] == f"/v1/workers/{created['id']}"
    assert created["monthly_wage"] == "3200.50"  # money is a decimal string in yuan
    assert created["status_label"] == "务工就业" and created["place_label"] == "县内"
    assert created["version"] == 1

    got = await api.get(f"{URL}/{created['id']}", headers=auth(tokens["admin"]))
    assert got.status_code == 200 and got.headers["etag"] == '"1"'
    assert got.json() == created

    listed = (await api.get(URL, headers=auth(tokens["admin"]))).json()
    assert [w["id"] for w in listed["items"]] == [created["id"]] and listed["next_cursor"] is None

    async with stack.db("employment").engine.connect() as conn:
        wage = await conn.scalar(text("SELECT monthly_wage FROM employment.workers"))
        audit = (
            await conn.execute(text("SELECT actor_role, action, entity FROM employment.audit_log"))
        ).all()
    assert str(wage) == "3200.50"
    assert ("district_admin", "create", "worker") in [tuple(r) for r in audit]

    [event] = await outbox(stack)
    assert event["type"] == "cn.xianjie.employment.worker.registered.v1"
    assert event["source"] == "/xianjie/employment" and event["subject"] == created["id"]
    assert event["data"]["worker_id"] == created["id"] and event["data"]["status"] == "employed"
    assert "employer" not in event["data"] and "钢铁" not in str(event)


async def test_unemployed_registration_needs_no_place(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    created = (
        await create(api, tokens["admin"], status="unemployed", place=None, employer=None, monthly_wage=None)
    ).json()
    assert created["status_label"] == "未就业"
    assert created["place"] is None and created["monthly_wage"] is None
    employed_without_place = await api.post(URL, json=worker(place=None), headers=auth(tokens["admin"]))
    assert employed_without_place.status_code == 422


async def test_job_loss_publishes_worker_unemployed(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    resp = await create(api, tokens["town_kejing"])
    created = resp.json()
    url = f"{URL}/{created['id']}/job-loss"
    body = {"ended_on": (date.today() - timedelta(days=3)).isoformat(), "reason": "企业减员"}

    missing = await api.post(url, json=body, headers=auth(tokens["town_kejing"]))
    assert missing.status_code == 428 and missing.json()["code"] == "if_match_required"
    stale = await api.post(url, json=body, headers=auth(tokens["town_kejing"], **{"If-Match": '"7"'}))
    assert stale.status_code == 412 and stale.json()["code"] == "stale_version"
    assert stale.headers["etag"] == '"1"'

    lost = await api.post(
        url, json=body, headers=auth(tokens["town_kejing"], **{"If-Match": resp.headers["etag"]})
    )
    assert lost.status_code == 200, lost.text
    assert lost.headers["etag"] == '"2"'
    after = lost.json()
    assert after["status"] == "unemployed" and after["status_label"] == "未就业"
    assert after["ended_on"] == body["ended_on"] and after["end_reason"] == "企业减员"

    again = await api.post(url, json=body, headers=auth(tokens["town_kejing"], **{"If-Match": '"2"'}))
    assert again.status_code == 409 and again.json()["code"] == "invalid_transition"

    events = await outbox(stack)
    assert [e["type"] for e in events] == [
        "cn.xianjie.employment.worker.registered.v1",
        "cn.xianjie.employment.worker.unemployed.v1",
    ]
    unemployed = events[1]
    assert unemployed["data"] == {
        "worker_id": created["id"],
        "household_id": created["household_id"],
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "ended_on": body["ended_on"],
    }
    async with stack.db("employment").engine.connect() as conn:
        subject = await conn.scalar(
            text("SELECT nats_subject FROM employment.outbox WHERE envelope->>'type' LIKE '%unemployed%'")
        )
        actions = (
            (await conn.execute(text("SELECT entity || ':' || action FROM employment.audit_log ORDER BY id")))
            .scalars()
            .all()
        )
    assert subject == "xianjie.employment.worker.unemployed"
    assert actions == ["worker:create", "spell:create", "worker:job_loss"]


async def test_job_loss_bad_dates(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    created = (await create(api, tokens["admin"], employed_since="2025-03-01")).json()
    url = f"{URL}/{created['id']}/job-loss"
    h = auth(tokens["admin"], **{"If-Match": '"1"'})
    future = (date.today() + timedelta(days=10)).isoformat()
    for body in (
        {"ended_on": future, "reason": "x"},
        {"ended_on": "2025-01-01", "reason": "x"},
        {"ended_on": "2025-05-01"},
        {"ended_on": "2025-05-01", "reason": "x", "extra": 1},
    ):
        resp = await api.post(url, json=body, headers=h)
        assert resp.status_code == 422, (body, resp.text)
    got = (await api.get(f"{URL}/{created['id']}", headers=auth(tokens["admin"]))).json()
    assert got["status"] == "employed" and got["version"] == 1


async def test_cursor_pagination_and_delta_sync(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    ids = [(await create(api, tokens["admin"])).json()["id"] for _ in range(5)]
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        page = (await api.get(URL, params=params, headers=auth(tokens["admin"]))).json()
        seen += [w["id"] for w in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert pages == 3 and seen == ids  # oldest change first, nothing lost or repeated

    since = (await api.get(f"{URL}/{ids[-1]}", headers=auth(tokens["admin"]))).json()["updated_at"]
    lost = await api.post(
        f"{URL}/{ids[0]}/job-loss",
        json={"ended_on": date.today().isoformat(), "reason": "合同到期"},
        headers=auth(tokens["admin"], **{"If-Match": '"1"'}),
    )
    assert lost.status_code == 200, lost.text
    delta = (await api.get(URL, params={"updated_since": since}, headers=auth(tokens["admin"]))).json()
    assert [w["id"] for w in delta["items"]] == [ids[0]]
    unemployed = (await api.get(URL, params={"status": "unemployed"}, headers=auth(tokens["admin"]))).json()
    assert [w["id"] for w in unemployed["items"]] == [ids[0]]


async def test_territorial_scope_and_roles(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    kejing = (await create(api, tokens["admin"])).json()
    wangwu = (await create(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE)).json()
    other_village = (await create(api, tokens["admin"], village_code=KEJING_OTHER_VILLAGE)).json()

    town = tokens["town_kejing"]
    listed = {w["id"] for w in (await api.get(URL, headers=auth(town))).json()["items"]}
    assert listed == {kejing["id"], other_village["id"]}
    assert (await api.get(f"{URL}/{wangwu['id']}", headers=auth(town))).status_code == 404
    elsewhere = await api.post(
        URL, json=worker(town_code=WANGWU, village_code=WANGWU_VILLAGE), headers=auth(town)
    )
    assert elsewhere.status_code == 403 and elsewhere.json()["code"] == "forbidden"
    other_town_loss = await api.post(
        f"{URL}/{wangwu['id']}/job-loss",
        json={"ended_on": date.today().isoformat(), "reason": "x"},
        headers=auth(town, **{"If-Match": '"1"'}),
    )
    assert other_town_loss.status_code == 404

    village = tokens["village_beidahe"]
    listed = {w["id"] for w in (await api.get(URL, headers=auth(village))).json()["items"]}
    assert listed == {kejing["id"]}
    assert (await api.get(f"{URL}/{other_village['id']}", headers=auth(village))).status_code == 404
    assert (
        await api.post(URL, json=worker(village_code=KEJING_OTHER_VILLAGE), headers=auth(village))
    ).status_code == 403
    assert (await api.post(URL, json=worker(), headers=auth(village))).status_code == 201

    # The HR department reads everything; it does not register (its system does, as integrator).
    assert len((await api.get(URL, headers=auth(tokens["dept_hrss"]))).json()["items"]) == 4
    assert (await api.post(URL, json=worker(), headers=auth(tokens["dept_hrss"]))).status_code == 403
    assert len((await api.get(URL, headers=auth(tokens["integrator_hrss"]))).json()["items"]) == 4
    assert (await api.post(URL, json=worker(), headers=auth(tokens["integrator_hrss"]))).status_code == 201

    # Auditors read all but never write; helpers have no scope here.
    assert len((await api.get(URL, headers=auth(tokens["auditor"]))).json()["items"]) == 5
    denied = await api.post(URL, json=worker(), headers=auth(tokens["auditor"]))
    assert denied.status_code == 403 and denied.json()["code"] == "forbidden"
    denied_loss = await api.post(
        f"{URL}/{kejing['id']}/job-loss",
        json={"ended_on": date.today().isoformat(), "reason": "x"},
        headers=auth(tokens["auditor"], **{"If-Match": '"1"'}),
    )
    assert denied_loss.status_code == 403
    assert (await api.get(URL, headers=auth(tokens["helper_wang"]))).status_code == 403


async def test_member_is_one_worker(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    member = new_id()
    await create(api, tokens["admin"], member_id=member)
    dup = await api.post(URL, json=worker(member_id=member), headers=auth(tokens["admin"]))
    assert dup.status_code == 409 and dup.json()["code"] == "conflict"


async def test_idempotent_register(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    headers = auth(tokens["admin"], **{"Idempotency-Key": new_id()})
    body = worker()
    first = await api.post(URL, json=body, headers=headers)
    again = await api.post(URL, json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    assert again.headers.get("idempotent-replayed") == "true" and again.headers["etag"] == '"1"'
    different = await api.post(URL, json={**body, "monthly_wage": "1.00"}, headers=headers)
    assert different.status_code == 422 and different.json()["code"] == "idempotency_key_reused"
    async with stack.db("employment").engine.connect() as conn:
        assert await conn.scalar(text("SELECT count(*) FROM employment.workers")) == 1
    assert len(await outbox(stack)) == 1


async def test_bad_input(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    h = auth(tokens["admin"])
    cases = [
        (await api.post(URL, json={**worker(), "name": "张三"}, headers=h), "body.name"),
        (await api.post(URL, json=worker(monthly_wage="lots"), headers=h), "body.monthly_wage"),
        (await api.post(URL, json=worker(monthly_wage="-1.00"), headers=h), "body.monthly_wage"),
        (await api.post(URL, json=worker(monthly_wage="3200.555"), headers=h), "body.monthly_wage"),
        (await api.post(URL, json=worker(household_id="nope"), headers=h), "body.household_id"),
        (await api.post(URL, json=worker(place="abroad"), headers=h), "body.place"),
        (
            await api.post(URL, json=worker(town_code="419001999", village_code="419001999201"), headers=h),
            "town_code",
        ),
        (await api.post(URL, json=worker(village_code="419001100999"), headers=h), "village_code"),
        (await api.post(URL, json=worker(village_code=WANGWU_VILLAGE), headers=h), "village_code"),
        (
            await api.post(
                URL, json=worker(employed_since=(date.today() + timedelta(days=5)).isoformat()), headers=h
            ),
            "employed_since",
        ),
    ]
    for resp, field in cases:
        assert resp.status_code == 422, (field, resp.text)
        body = resp.json()
        assert body["code"] == "validation_failed"
        assert resp.headers["content-type"].startswith("application/problem+json")
        assert any(e["field"] == field for e in body["errors"]), (field, body)
    assert cases[0][0].json()["errors"][0]["message"] == "不允许的字段"
    assert (await api.get(f"{URL}/{new_id()}", headers=h)).status_code == 404
    assert (await api.get(URL, params={"cursor": "garbage!"}, headers=h)).status_code == 422
    async with stack.db("employment").engine.connect() as conn:
        assert await conn.scalar(text("SELECT count(*) FROM employment.workers")) == 0
        assert await conn.scalar(text("SELECT count(*) FROM employment.outbox")) == 0


async def test_concurrent_job_loss_reports_have_one_effect(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    created = (await create(api, tokens["admin"])).json()
    url = f"{URL}/{created['id']}/job-loss"
    body = {"ended_on": date.today().isoformat(), "reason": "企业停产"}
    answers = await asyncio.gather(
        *(api.post(url, json=body, headers=auth(tokens["admin"], **{"If-Match": '"1"'})) for _ in range(4))
    )
    assert sorted(a.status_code for a in answers) == [200, 412, 412, 412]
    types = [e["type"] for e in await outbox(stack)]
    assert types.count("cn.xianjie.employment.worker.unemployed.v1") == 1
