"""Spells, subsidies, stale records, trainings, public-welfare posts and the job-support list."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import nats
from sqlalchemy import text

from shared.events.envelope import CloudEvent
from tests.conftest import Stack
from tests.employment.test_workers import URL, create
from tests.helpers import KEJING, KEJING_VILLAGE, WANGWU, WANGWU_VILLAGE, auth, eventually, new_id


async def count(stack: Stack, sql: str) -> int:
    async with stack.db("employment").engine.connect() as conn:
        return int(await conn.scalar(text(sql)) or 0)


def job(**overrides: Any) -> dict[str, Any]:
    body = {
        "employer": "沁园春酒店",
        "place": "in_province",
        "sector": "住宿餐饮",
        "channel": "organised",
        "monthly_wage": "4100.00",
        "started_on": "2025-07-01",
    }
    body.update(overrides)
    return body


async def test_job_change_and_spell_rules(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    town = tokens["town_kejing"]
    worker = (await create(api, town, employed_since="2025-03-01")).json()
    spells_url = f"{URL}/{worker['id']}/spells"

    missing = await api.post(spells_url, json=job(), headers=auth(town))
    assert missing.status_code == 428
    changed = await api.post(spells_url, json=job(), headers=auth(town, **{"If-Match": '"1"'}))
    assert changed.status_code == 201, changed.text
    assert changed.headers["etag"] == '"2"' and changed.json()["channel_label"] == "有组织劳务输出"
    spells = (await api.get(spells_url, headers=auth(town))).json()
    assert [(s["started_on"], s["ended_on"], s["end_reason"]) for s in spells] == [
        ("2025-03-01", "2025-06-30", "更换工作"),
        ("2025-07-01", None, None),
    ]
    got = (await api.get(f"{URL}/{worker['id']}", headers=auth(town))).json()
    assert (got["status"], got["employer"], got["place"], got["employed_since"]) == (
        "employed",
        "沁园春酒店",
        "in_province",
        "2025-07-01",
    )

    h = auth(town, **{"If-Match": '"2"'})
    bad = [
        (job(started_on="2025-05-01"), 409, "overlapping_spell"),  # inside the first job
        (job(started_on="2025-01-01", ended_on="2025-03-05"), 409, "overlapping_spell"),
        (job(started_on="2024-05-01", ended_on="2024-04-01"), 422, "validation_failed"),  # end before start
        (job(monthly_wage="-1.00"), 422, "validation_failed"),
        (job(started_on=(date.today() + timedelta(days=2)).isoformat()), 422, "validation_failed"),
        (job(place="moon"), 422, "validation_failed"),
    ]
    for body, status, code in bad:
        resp = await api.post(spells_url, json=body, headers=h)
        assert (resp.status_code, resp.json()["code"]) == (status, code), (body, resp.text)
    assert await count(stack, "SELECT count(*) FROM employment.spells") == 2
    # An earlier, finished job fits before the first one; a side job does not count.
    earlier = await api.post(spells_url, json=job(started_on="2024-01-01", ended_on="2024-12-31"), headers=h)
    assert earlier.status_code == 201
    side = await api.post(
        spells_url,
        json=job(started_on="2025-08-01", is_main=False),
        headers=auth(town, **{"If-Match": '"2"'}),
    )
    assert side.status_code == 201
    floor = (
        await api.get("/api/employment/v1/floor", params={"as_of": "2024-06-01"}, headers=auth(town))
    ).json()
    assert floor["employed"] == 1
    assert (await api.get("/api/employment/v1/floor", headers=auth(town))).json()["employed"] == 1

    assert (await api.post(f"{URL}/{new_id()}/spells", json=job(), headers=h)).status_code == 404
    wangwu = (await create(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE)).json()
    other = await api.post(
        f"{URL}/{wangwu['id']}/spells", json=job(), headers=auth(town, **{"If-Match": '"1"'})
    )
    assert other.status_code == 404
    for role in ("auditor", "dept_hrss", "helper_wang"):
        denied = await api.post(spells_url, json=job(), headers=auth(tokens[role], **{"If-Match": '"2"'}))
        assert denied.status_code == 403, role
    assert await count(stack, "SELECT count(*) FROM employment.spells") == 5


async def test_subsidies_once_per_period_and_totals(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    worker = (await create(api, admin)).json()
    other = (await create(api, admin, town_code=WANGWU, village_code=WANGWU_VILLAGE)).json()
    url = "/api/employment/v1/subsidies"

    def grant(**overrides: Any) -> dict[str, Any]:
        body = {
            "worker_id": worker["id"],
            "kind": "transport",
            "period_start": "2025-01-01",
            "period_end": "2025-12-31",
            "amount": "600.00",
            "granted_on": "2025-06-30",
        }
        body.update(overrides)
        return body

    first = await api.post(url, json=grant(), headers=auth(tokens["town_kejing"]))
    assert first.status_code == 201, first.text
    assert first.json()["kind_label"] == "交通补贴" and first.json()["amount"] == "600.00"
    again = await api.post(
        url, json=grant(period_start="2025-06-01", period_end="2025-06-30"), headers=auth(admin)
    )
    assert again.status_code == 409 and again.json()["code"] == "duplicate_subsidy"
    assert (
        await api.post(url, json=grant(kind="social_security", amount="1200.00"), headers=auth(admin))
    ).status_code == 201
    assert (
        await api.post(
            url,
            json=grant(
                period_start="2026-01-01",
                period_end="2026-12-31",
                amount="650.00",
                granted_on=date.today().isoformat(),
            ),
            headers=auth(admin),
        )
    ).status_code == 201
    assert (await api.post(url, json=grant(worker_id=other["id"]), headers=auth(admin))).status_code == 201
    for body, status in [
        (grant(amount="-5.00", kind="training"), 422),
        (grant(amount="0", kind="training"), 422),
        (grant(kind="training", period_end="2024-01-01"), 422),
        (grant(kind="training", worker_id=new_id()), 404),
        (grant(kind="training", worker_id=other["id"]), 404),  # the town official cannot see Wangwu
    ]:
        resp = await api.post(url, json=body, headers=auth(tokens["town_kejing"]))
        assert resp.status_code == status, (body, resp.text)
    assert (
        await api.post(url, json=grant(kind="training"), headers=auth(tokens["auditor"]))
    ).status_code == 403
    assert await count(stack, "SELECT count(*) FROM employment.subsidies") == 4

    totals = (await api.get(f"{url}/totals", params={"year": 2025}, headers=auth(admin))).json()
    assert totals["amount"] == "2400.00"
    assert [(r["town_code"], r["kind"], r["count"], r["amount"]) for r in totals["rows"]] == [
        (KEJING, "transport", 1, "600.00"),
        (KEJING, "social_security", 1, "1200.00"),
        (WANGWU, "transport", 1, "600.00"),
    ]
    town_totals = (
        await api.get(f"{url}/totals", params={"year": 2025}, headers=auth(tokens["town_kejing"]))
    ).json()
    assert town_totals["amount"] == "1800.00"
    listed = (await api.get(url, params={"worker_id": worker["id"]}, headers=auth(admin))).json()
    assert len(listed["items"]) == 3


async def test_stale_records_and_verification(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    town = tokens["town_kejing"]
    fresh = (await create(api, town)).json()
    stale = (await create(api, town)).json()
    elsewhere = (await create(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE)).json()
    async with stack.db("employment").engine.begin() as conn:
        await conn.execute(
            text("UPDATE employment.workers SET verified_on = current_date - 40 WHERE id = ANY(:ids)"),
            {"ids": [uuid.UUID(stale["id"]), uuid.UUID(elsewhere["id"])]},
        )
    listed = (await api.get(f"{URL}/stale", headers=auth(town))).json()
    assert [w["id"] for w in listed["items"]] == [stale["id"]]
    everywhere = (await api.get(f"{URL}/stale", headers=auth(tokens["admin"]))).json()
    assert {w["id"] for w in everywhere["items"]} == {stale["id"], elsewhere["id"]}

    verified = await api.post(f"{URL}/{stale['id']}/verify", headers=auth(tokens["village_beidahe"]))
    assert verified.status_code == 200 and verified.json()["verified_on"] == date.today().isoformat()
    again = await api.post(f"{URL}/{stale['id']}/verify", headers=auth(town))
    assert again.json()["version"] == verified.json()["version"]  # nothing new to record
    assert (await api.get(f"{URL}/stale", headers=auth(town))).json()["items"] == []
    assert (await api.post(f"{URL}/{elsewhere['id']}/verify", headers=auth(town))).status_code == 404
    assert (await api.post(f"{URL}/{fresh['id']}/verify", headers=auth(tokens["auditor"]))).status_code == 403
    assert await count(stack, "SELECT count(*) FROM employment.audit_log WHERE action = 'verify'") == 1


async def test_trainings(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    worker = (await create(api, tokens["town_kejing"], skills=["电工"])).json()
    assert worker["skills"] == ["电工"]
    url = f"{URL}/{worker['id']}/trainings"
    body = {
        "program": "yulu_plus",
        "course": "数控车床",
        "started_on": "2025-03-01",
        "completed_on": "2025-04-30",
    }
    created = await api.post(url, json=body, headers=auth(tokens["town_kejing"]))
    assert created.status_code == 201 and created.json()["program_label"] == "雨露计划+"
    assert (await api.post(url, json=body, headers=auth(tokens["town_kejing"]))).status_code == 409
    backwards = {**body, "course": "焊工", "completed_on": "2025-01-01"}
    assert (await api.post(url, json=backwards, headers=auth(tokens["town_kejing"]))).status_code == 422
    assert [t["course"] for t in (await api.get(url, headers=auth(tokens["auditor"]))).json()] == ["数控车床"]


async def test_public_welfare_posts_and_headcount(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    town = tokens["town_kejing"]
    url = "/api/employment/v1/posts"
    body = {
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "title": "保洁员",
        "monthly_allowance": "500.00",
    }
    post = (await api.post(url, json=body, headers=auth(town))).json()
    second = (await api.post(url, json={**body, "title": "护林员"}, headers=auth(town))).json()
    elsewhere = await api.post(
        url, json={**body, "town_code": WANGWU, "village_code": WANGWU_VILLAGE}, headers=auth(town)
    )
    assert elsewhere.status_code == 403
    a = (await create(api, town)).json()
    b = (await create(api, town)).json()
    last_year = f"{date.today().year - 1}-12-01"
    held = await api.post(
        f"{url}/{post['id']}/holder", json={"worker_id": a["id"], "started_on": last_year}, headers=auth(town)
    )
    assert held.status_code == 201, held.text
    taken = await api.post(
        f"{url}/{post['id']}/holder", json={"worker_id": b["id"], "started_on": last_year}, headers=auth(town)
    )
    assert taken.status_code == 409 and taken.json()["code"] == "post_taken"
    twice = await api.post(
        f"{url}/{second['id']}/holder",
        json={"worker_id": a["id"], "started_on": last_year},
        headers=auth(town),
    )
    assert twice.status_code == 409
    assert (
        await api.post(
            f"{url}/{second['id']}/holder",
            json={"worker_id": b["id"], "started_on": date.today().isoformat()},
            headers=auth(town),
        )
    ).status_code == 201

    report = (await api.get(f"{url}/headcount", headers=auth(town))).json()
    assert (report["baseline"], report["holders"], report["stable"]) == (1, 2, False)
    assert report["towns"][0]["posts"] == 2 and report["towns"][0]["change_percent"] == 100.0
    released = await api.post(
        f"{url}/{second['id']}/holder/release",
        json={"ended_on": date.today().isoformat()},
        headers=auth(town),
    )
    assert released.status_code == 200
    # Released today: still on the post today, so the report moves tomorrow.
    again = await api.post(
        f"{url}/{second['id']}/holder/release",
        json={"ended_on": date.today().isoformat()},
        headers=auth(town),
    )
    assert again.status_code == 409 and again.json()["code"] == "invalid_transition"
    assert (await api.get(url, headers=auth(tokens["village_beidahe"]))).json()["items"][0][
        "title"
    ] == "保洁员"
    assert (await api.get(url, headers=auth(tokens["helper_wang"]))).status_code == 403
    assert await count(stack, "SELECT count(*) FROM employment.post_holdings") == 2


def household_included(household_id: uuid.UUID, members: list[uuid.UUID]) -> CloudEvent:
    return CloudEvent(
        id=uuid.uuid4(),
        source="/xianjie/monitoring",
        type="cn.xianjie.monitoring.household.included.v1",
        subject=str(household_id),
        time=datetime.now(UTC),
        data={
            "household_id": str(household_id),
            "town_code": KEJING,
            "village_code": KEJING_VILLAGE,
            "subtype": "边缘易致贫户",
            "risk_causes": ["因病"],
            "included_on": "2025-09-01",
            "able_bodied_member_ids": [str(m) for m in members],
            "future_field": "ignored",
        },
    )


async def test_household_included_lists_members_once(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household_id, members = uuid.uuid4(), [uuid.uuid4(), uuid.uuid4()]
    event = household_included(household_id, members)
    nc = await nats.connect(stack.infra.nats_url)
    try:
        js = nc.jetstream()
        for msg_id in (str(event.id), str(uuid.uuid4())):  # delivered twice: the second under a new id
            await js.publish(
                "xianjie.monitoring.household.included",
                event.model_dump_json().encode(),
                headers={"Nats-Msg-Id": msg_id},
            )
        # The same inclusion announced again as a new event: still one entry per member.
        again = event.model_copy(update={"id": uuid.uuid4()})
        await js.publish(
            "xianjie.monitoring.household.included",
            again.model_dump_json().encode(),
            headers={"Nats-Msg-Id": str(again.id)},
        )
    finally:
        await nc.close()

    async def drained() -> bool:
        return await count(stack, "SELECT count(*) FROM employment.inbox") == 2

    await eventually(drained, timeout=30)
    url = "/api/employment/v1/job-support"
    listed = await api.get(
        url,
        params={"household_id": str(household_id), "town_code": KEJING},
        headers=auth(tokens["town_kejing"]),
    )
    items = listed.json()["items"]
    assert sorted(i["member_id"] for i in items) == sorted(str(m) for m in members)
    assert all(i["household_id"] == str(household_id) and i["worker_id"] is None for i in items)
    assert await count(stack, "SELECT count(*) FROM employment.job_support") == 2
    assert (await api.get(url, params={"town_code": WANGWU}, headers=auth(tokens["admin"]))).json()[
        "items"
    ] == []
    other_village = await api.get(url, headers=auth(tokens["village_beidahe"]))
    assert len(other_village.json()["items"]) == 2
    assert (await api.get(url, headers=auth(tokens["helper_wang"]))).status_code == 403
