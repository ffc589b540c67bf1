"""Workers (稳岗就业) through the gateway: registration, reading, job loss, paging, idempotency, bad input."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import httpx
from sqlalchemy import text

from services.employment.workers.events import WORKER_REGISTERED, WORKER_UNEMPLOYED
from shared import clock
from tests.conftest import Stack
from tests.employment.factories import URL, count, create, enrol, outbox, worker
from tests.helpers import KEJING, KEJING_VILLAGE, WANGWU_VILLAGE, auth, new_id


async def test_register_answers_with_version_location_and_labels(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    resp = await create(api, tokens["admin"], stack)
    created = resp.json()
    assert resp.headers["etag"] == '"1"'
    assert resp.headers["location"] == f"/v1/workers/{created['id']}"
    assert created["monthly_wage"] == "3200.50"  # money is a decimal string in yuan
    assert created["status_label"] == "务工就业" and created["place_label"] == "县内"
    assert created["version"] == 1


async def test_a_registered_worker_reads_back_as_registered(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    created = (await create(api, tokens["admin"], stack)).json()
    got = await api.get(f"{URL}/{created['id']}", headers=auth(tokens["admin"]))
    assert got.status_code == 200 and got.headers["etag"] == '"1"'
    assert got.json() == created
    listed = (await api.get(URL, headers=auth(tokens["admin"]))).json()
    assert [w["id"] for w in listed["items"]] == [created["id"]] and listed["next_cursor"] is None


async def test_register_stores_the_wage_exactly_and_is_audited(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await create(api, tokens["admin"], stack)
    async with stack.db("employment").engine.connect() as conn:
        wage = await conn.scalar(text("SELECT monthly_wage FROM employment.workers"))
        audit = (
            await conn.execute(text("SELECT actor_role, action, entity FROM employment.audit_log"))
        ).all()
    assert str(wage) == "3200.50"
    assert ("district_admin", "create", "worker") in [tuple(r) for r in audit]


async def test_register_announces_ids_and_codes_only(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    created = (await create(api, tokens["admin"], stack)).json()
    [event] = await outbox(stack)
    assert event["type"] == "cn.xianjie.employment.worker.registered.v1"
    assert event["source"] == "/xianjie/employment" and event["subject"] == created["id"]
    assert event["data"]["worker_id"] == created["id"] and event["data"]["status"] == "employed"
    assert "employer" not in event["data"] and "钢铁" not in str(event)
    WORKER_REGISTERED.payload.model_validate(event["data"])


async def test_an_unemployed_worker_registers_without_a_place(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    created = (
        await create(
            api, tokens["admin"], stack, status="unemployed", place=None, employer=None, monthly_wage=None
        )
    ).json()
    assert created["status_label"] == "未就业"
    assert created["place"] is None and created["monthly_wage"] is None


async def test_an_employed_worker_needs_a_place(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    employed_without_place = await api.post(URL, json=worker(place=None), headers=auth(tokens["admin"]))
    assert employed_without_place.status_code == 422


async def test_a_member_is_one_worker(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    first = (await create(api, tokens["admin"], stack)).json()
    again = worker(household_id=first["household_id"], member_id=first["member_id"])
    dup = await api.post(URL, json=again, headers=auth(tokens["admin"]))
    assert dup.status_code == 409 and dup.json()["code"] == "conflict"


def _loss(days_ago: int = 3) -> dict[str, str]:
    return {"ended_on": (clock.today() - timedelta(days=days_ago)).isoformat(), "reason": "企业减员"}


async def _report_loss(
    api: httpx.AsyncClient,
    token: str,
    worker_id: str,
    if_match: str | None,
    body: dict[str, Any] | None = None,
) -> httpx.Response:
    headers = auth(token) if if_match is None else auth(token, **{"If-Match": if_match})
    return await api.post(f"{URL}/{worker_id}/job-loss", json=body or _loss(), headers=headers)


async def test_job_loss_needs_the_current_version_in_if_match(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    created = (await create(api, tokens["town_kejing"], stack)).json()
    missing = await _report_loss(api, tokens["town_kejing"], created["id"], None)
    assert missing.status_code == 428 and missing.json()["code"] == "if_match_required"
    stale = await _report_loss(api, tokens["town_kejing"], created["id"], '"7"')
    assert stale.status_code == 412 and stale.json()["code"] == "stale_version"
    assert stale.headers["etag"] == '"1"'


async def test_job_loss_makes_the_worker_unemployed(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    resp = await create(api, tokens["town_kejing"], stack)
    body = _loss()
    lost = await _report_loss(api, tokens["town_kejing"], resp.json()["id"], resp.headers["etag"], body)
    assert lost.status_code == 200, lost.text
    assert lost.headers["etag"] == '"2"'
    after = lost.json()
    assert after["status"] == "unemployed" and after["status_label"] == "未就业"
    assert after["ended_on"] == body["ended_on"] and after["end_reason"] == "企业减员"


async def test_a_second_job_loss_is_an_invalid_transition(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    created = (await create(api, tokens["town_kejing"], stack)).json()
    assert (await _report_loss(api, tokens["town_kejing"], created["id"], '"1"')).status_code == 200
    again = await _report_loss(api, tokens["town_kejing"], created["id"], '"2"')
    assert again.status_code == 409 and again.json()["code"] == "invalid_transition"


async def test_job_loss_publishes_worker_unemployed(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    created = (await create(api, tokens["town_kejing"], stack)).json()
    body = _loss()
    assert (await _report_loss(api, tokens["town_kejing"], created["id"], '"1"', body)).status_code == 200
    events = await outbox(stack)
    assert [e["type"] for e in events] == [
        "cn.xianjie.employment.worker.registered.v1",
        "cn.xianjie.employment.worker.unemployed.v1",
    ]
    assert events[1]["data"] == {
        "worker_id": created["id"],
        "household_id": created["household_id"],
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "ended_on": body["ended_on"],
    }
    WORKER_UNEMPLOYED.payload.model_validate(events[1]["data"])
    async with stack.db("employment").engine.connect() as conn:
        subject = await conn.scalar(
            text("SELECT nats_subject FROM employment.outbox WHERE envelope->>'type' LIKE '%unemployed%'")
        )
    assert subject == "xianjie.employment.worker.unemployed"


async def test_job_loss_is_audited_after_the_registration(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    created = (await create(api, tokens["town_kejing"], stack)).json()
    assert (await _report_loss(api, tokens["town_kejing"], created["id"], '"1"')).status_code == 200
    async with stack.db("employment").engine.connect() as conn:
        actions = (
            (await conn.execute(text("SELECT entity || ':' || action FROM employment.audit_log ORDER BY id")))
            .scalars()
            .all()
        )
    assert actions == ["worker:create", "spell:create", "worker:job_loss"]


async def test_job_loss_with_bad_dates_or_fields_changes_nothing(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    created = (await create(api, tokens["admin"], stack, employed_since="2025-03-01")).json()
    future = (clock.today() + timedelta(days=10)).isoformat()
    for body in (
        {"ended_on": future, "reason": "x"},
        {"ended_on": "2025-01-01", "reason": "x"},
        {"ended_on": "2025-05-01"},
        {"ended_on": "2025-05-01", "reason": "x", "extra": 1},
    ):
        resp = await _report_loss(api, tokens["admin"], created["id"], '"1"', body)
        assert resp.status_code == 422, (body, resp.text)
    got = (await api.get(f"{URL}/{created['id']}", headers=auth(tokens["admin"]))).json()
    assert got["status"] == "employed" and got["version"] == 1


async def test_concurrent_job_loss_reports_have_one_effect(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    created = (await create(api, tokens["admin"], stack)).json()
    body = {"ended_on": clock.today().isoformat(), "reason": "企业停产"}
    answers = await asyncio.gather(
        *(_report_loss(api, tokens["admin"], created["id"], '"1"', body) for _ in range(4))
    )
    assert sorted(a.status_code for a in answers) == [200, 412, 412, 412]
    types = [e["type"] for e in await outbox(stack)]
    assert types.count("cn.xianjie.employment.worker.unemployed.v1") == 1


async def test_cursor_pages_list_every_worker_once_oldest_change_first(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    ids = [(await create(api, tokens["admin"], stack)).json()["id"] for _ in range(5)]
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


async def test_updated_since_lists_only_what_changed_and_status_filters(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    ids = [(await create(api, tokens["admin"], stack)).json()["id"] for _ in range(3)]
    since = (await api.get(f"{URL}/{ids[-1]}", headers=auth(tokens["admin"]))).json()["updated_at"]
    lost = await _report_loss(
        api, tokens["admin"], ids[0], '"1"', {"ended_on": clock.today().isoformat(), "reason": "合同到期"}
    )
    assert lost.status_code == 200, lost.text
    delta = (await api.get(URL, params={"updated_since": since}, headers=auth(tokens["admin"]))).json()
    assert [w["id"] for w in delta["items"]] == [ids[0]]
    unemployed = (await api.get(URL, params={"status": "unemployed"}, headers=auth(tokens["admin"]))).json()
    assert [w["id"] for w in unemployed["items"]] == [ids[0]]


async def test_a_retried_registration_gets_the_first_answer(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    headers = auth(tokens["admin"], **{"Idempotency-Key": new_id()})
    body = await enrol(stack, worker())
    first = await api.post(URL, json=body, headers=headers)
    again = await api.post(URL, json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    assert again.headers.get("idempotent-replayed") == "true" and again.headers["etag"] == '"1"'
    assert await count(stack, "SELECT count(*) FROM employment.workers") == 1
    assert len(await outbox(stack)) == 1


async def test_an_idempotency_key_reused_with_another_body_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    headers = auth(tokens["admin"], **{"Idempotency-Key": new_id()})
    body = await enrol(stack, worker())
    assert (await api.post(URL, json=body, headers=headers)).status_code == 201
    different = await api.post(URL, json={**body, "monthly_wage": "1.00"}, headers=headers)
    assert different.status_code == 422 and different.json()["code"] == "idempotency_key_reused"
    assert await count(stack, "SELECT count(*) FROM employment.workers") == 1


async def test_bad_registrations_name_the_field_and_store_nothing(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
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
                URL, json=worker(employed_since=(clock.today() + timedelta(days=5)).isoformat()), headers=h
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
    assert await count(stack, "SELECT count(*) FROM employment.workers") == 0
    assert await count(stack, "SELECT count(*) FROM employment.outbox") == 0


async def test_an_unknown_worker_is_not_found(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    assert (await api.get(f"{URL}/{new_id()}", headers=auth(tokens["admin"]))).status_code == 404


async def test_a_garbled_cursor_is_refused(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    assert (
        await api.get(URL, params={"cursor": "garbage!"}, headers=auth(tokens["admin"]))
    ).status_code == 422
