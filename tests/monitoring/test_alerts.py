"""Finding people: self-declarations, department batches, cadre visits and system screening."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
from sqlalchemy import text

from services.monitoring.alerts.events import AlertRaised
from tests.conftest import Stack
from tests.helpers import KEJING_OTHER_VILLAGE, WANGWU, WANGWU_VILLAGE, auth, new_id
from tests.monitoring.factories import HOUSEHOLDS, create_household, id_number, include, member

ALERTS = "/api/monitoring/v1/alerts"
BATCHES = f"{ALERTS}/department-batches"
VISITS = "/api/monitoring/v1/visits"
SCREENINGS = "/api/monitoring/v1/screenings"


async def count(stack: Stack, sql: str) -> int:
    async with stack.db("monitoring").engine.connect() as conn:
        return int(await conn.scalar(text(sql)) or 0)


async def raised_events(stack: Stack) -> list[AlertRaised]:
    async with stack.db("monitoring").engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT envelope FROM monitoring.outbox WHERE envelope->>'type' = 'cn.xianjie.monitoring.alert.raised.v1'"
            )
        )
        return [AlertRaised.model_validate(r[0]["data"]) for r in rows]


async def test_self_declaration(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    household = await create_household(api, tokens["admin"])
    resp = await api.post(
        ALERTS,
        json={
            "household_id": household["id"],
            "reason": "家中遭遇冰雹，作物绝收",
            "risk_causes": ["disaster"],
        },
        headers=auth(tokens["village_beidahe"]),
    )
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert body["source_label"] == "农户自主申报" and body["risk_cause_labels"] == ["因灾"]
    # Other sources have their own doors.
    system = await api.post(
        ALERTS,
        json={"household_id": household["id"], "reason": "x", "source": "system"},
        headers=auth(tokens["admin"]),
    )
    assert system.status_code == 422 and system.json()["errors"][0]["field"] == "body.source"
    for who in ("auditor", "integrator_hrss"):
        denied = await api.post(
            ALERTS, json={"household_id": household["id"], "reason": "x"}, headers=auth(tokens[who])
        )
        assert denied.status_code == 403, who
    wangwu = await create_household(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE)
    foreign = await api.post(
        ALERTS, json={"household_id": wangwu["id"], "reason": "x"}, headers=auth(tokens["town_kejing"])
    )
    assert foreign.status_code == 404
    assert [e.alert_id.hex for e in await raised_events(stack)] == [body["id"].replace("-", "")]
    listed = (
        await api.get(ALERTS, params={"source": "self_declared"}, headers=auth(tokens["town_kejing"]))
    ).json()
    assert [a["id"] for a in listed["items"]] == [body["id"]]


async def test_department_batch_matches_by_id_number(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    numbers = [id_number() for _ in range(3)]
    households = [
        await create_household(api, tokens["admin"], members=[member(id_number=n)]) for n in numbers
    ]
    stranger = id_number()
    records: list[dict[str, Any]] = [
        {
            "record_id": f"YB-{i}",
            "id_number": n,
            "risk_cause": "illness",
            "reason": "个人自付医疗费用超过 2 万元",
        }
        for i, n in enumerate(numbers)
    ]
    records += [
        {"record_id": "YB-x", "id_number": stranger, "risk_cause": "illness", "reason": "高额医疗费用"},
        {"record_id": "YB-bad", "id_number": "123456", "risk_cause": "illness", "reason": "高额医疗费用"},
    ]
    batch = {"batch_id": "2025-11-医保-001", "records": records}
    first = await api.post(BATCHES, json=batch, headers=auth(tokens["integrator_hrss"]))
    assert first.status_code == 200, first.text
    report = first.json()
    assert report["department"] == "人社局"
    assert (report["received"], report["raised"], report["already_received"]) == (5, 3, 0)
    assert {u["record_id"] for u in report["unmatched"]} == {"YB-x", "YB-bad"}
    assert stranger not in first.text
    again = (await api.post(BATCHES, json=batch, headers=auth(tokens["integrator_hrss"]))).json()
    assert (again["raised"], again["already_received"]) == (0, 3)
    alerts = (await api.get(ALERTS, params={"source": "department"}, headers=auth(tokens["admin"]))).json()[
        "items"
    ]
    assert sorted(a["household_id"] for a in alerts) == sorted(h["id"] for h in households)
    assert all(a["department"] == "人社局" and a["risk_causes"] == ["illness"] for a in alerts)
    seen_by_department = (await api.get(ALERTS, headers=auth(tokens["dept_hrss"]))).json()["items"]
    assert {a["id"] for a in seen_by_department} == {a["id"] for a in alerts}
    assert len(await raised_events(stack)) == 3
    # Only integrator accounts push batches; people and other roles are refused.
    for who in ("admin", "dept_hrss", "town_kejing", "auditor", "helper_wang"):
        denied = await api.post(BATCHES, json=batch, headers=auth(tokens[who]))
        assert denied.status_code == 403, who
    repeated = {"batch_id": "b2", "records": [records[0], records[0]]}
    bad = await api.post(BATCHES, json=repeated, headers=auth(tokens["integrator_hrss"]))
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "body.records.1.record_id"
    empty = await api.post(
        BATCHES, json={"batch_id": "b3", "records": []}, headers=auth(tokens["integrator_hrss"])
    )
    assert empty.status_code == 422
    assert await count(stack, "SELECT count(*) FROM monitoring.alerts") == 3


async def test_visits_with_gps_and_findings(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    me = (await api.get("/auth/me", headers=auth(tokens["helper_wang"]))).json()
    household = await create_household(api, tokens["admin"], helper_user_id=me["id"])
    other = await create_household(api, tokens["admin"], village_code=KEJING_OTHER_VILLAGE)
    visit = {
        "household_id": household["id"],
        "visited_at": "2026-11-20T09:30:00+08:00",
        "latitude": "35.123456",
        "longitude": "112.456789",
        "findings": "家中老人患慢性病，药费开支较大",
        "risk_causes": ["illness"],
    }
    by_helper = await api.post(VISITS, json=visit, headers=auth(tokens["helper_wang"]))
    assert by_helper.status_code == 201, by_helper.text
    body = by_helper.json()
    assert body["visitor_kind"] == "responsible_helper" and body["latitude"] == "35.123456"
    assert body["alert_id"] is not None
    alert = (await api.get(f"{ALERTS}/{body['alert_id']}", headers=auth(tokens["admin"]))).json()
    assert alert["source"] == "cadre_visit" and alert["risk_causes"] == ["illness"]
    secretary = await api.post(
        VISITS,
        json={**visit, "risk_causes": [], "findings": "遍访：生活正常", "as_town_secretary": True},
        headers=auth(tokens["town_kejing"]),
    )
    assert secretary.status_code == 201 and secretary.json()["visitor_kind_label"] == "镇党委书记遍访"
    assert secretary.json()["alert_id"] is None
    not_town = await api.post(
        VISITS, json={**visit, "as_town_secretary": True}, headers=auth(tokens["village_beidahe"])
    )
    assert not_town.status_code == 422
    # A helper may only visit assigned households; the auditor and department officers do not visit.
    unassigned = await api.post(
        VISITS, json={**visit, "household_id": other["id"]}, headers=auth(tokens["helper_wang"])
    )
    assert unassigned.status_code == 404
    for who in ("auditor", "dept_hrss", "integrator_hrss"):
        assert (await api.post(VISITS, json=visit, headers=auth(tokens[who]))).status_code == 403, who
    for bad in ({"latitude": "95"}, {"longitude": "-181"}, {"findings": ""}, {"visited_at": "昨天"}):
        resp = await api.post(VISITS, json={**visit, **bad}, headers=auth(tokens["village_beidahe"]))
        assert resp.status_code == 422, bad
    assert await count(stack, "SELECT count(*) FROM monitoring.visits") == 2
    assert await count(stack, "SELECT count(*) FROM monitoring.alerts") == 1
    secretaries = (
        await api.get(VISITS, params={"visitor_kind": "town_secretary"}, headers=auth(tokens["admin"]))
    ).json()["items"]
    assert len(secretaries) == 1
    assert (await api.get(VISITS, headers=auth(tokens["dept_hrss"]))).status_code == 403
    assert len((await api.get(VISITS, headers=auth(tokens["auditor"]))).json()["items"]) == 2
    mine = (await api.get(VISITS, headers=auth(tokens["helper_wang"]))).json()["items"]
    assert [v["id"] for v in mine] == [body["id"]]


async def put_income(
    api: httpx.AsyncClient, token: str, household_id: str, year: int, **amounts: str
) -> None:
    body = {
        "wages": "0",
        "business": "0",
        "property": "0",
        "transfers": "0",
        "business_costs": "0",
        **amounts,
    }
    resp = await api.put(f"{HOUSEHOLDS}/{household_id}/incomes/{year}", json=body, headers=auth(token))
    assert resp.status_code == 201, resp.text


async def test_screening_is_one_pass_and_raises_new_crossings_only(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    poor = await create_household(api, admin, member_count=2)
    await put_income(api, admin, poor["id"], 2025, wages="16000.00")  # 8000 per head < 8600
    comfortable = await create_household(api, admin, member_count=2)
    await put_income(api, admin, comfortable["id"], 2025, wages="30000.00")
    spending = await create_household(api, admin, member_count=2)
    await put_income(api, admin, spending["id"], 2025, wages="20000.00", rigid_expenses="5000.00")
    kid = date.today().replace(year=date.today().year - 12)
    dropout = await create_household(
        api,
        admin,
        members=[member(name="小明", relation="child", id_number=id_number(kid), schooling="out_of_school")],
    )
    uninsured = await create_household(api, admin, members=[member(medical_insured=False)])
    house = await create_household(api, admin, housing_safe=False, water_safe=False)
    already = await create_household(api, admin, housing_safe=False)
    await api.post(ALERTS, json={"household_id": already["id"], "reason": "自主申报"}, headers=auth(admin))
    wangwu = await create_household(
        api, admin, town_code=WANGWU, village_code=WANGWU_VILLAGE, housing_safe=False
    )

    # A town official screens only the town.
    town_run = await api.post(SCREENINGS, json={"year": 2025}, headers=auth(tokens["town_kejing"]))
    assert town_run.status_code == 200, town_run.text
    assert town_run.json() == {"year": 2025, "monitoring_line": "8600.00", "raised": 5}
    alerts = {
        a["household_id"]: a
        for a in (await api.get(ALERTS, params={"source": "system"}, headers=auth(admin))).json()["items"]
    }
    assert set(alerts) == {poor["id"], spending["id"], dropout["id"], uninsured["id"], house["id"]}
    assert "人均纯收入低于2025年监测线" in alerts[poor["id"]]["reason"]
    assert "扣除大额刚性支出" in alerts[spending["id"]]["reason"]
    assert alerts[dropout["id"]]["risk_causes"] == ["schooling"]
    assert alerts[uninsured["id"]]["risk_causes"] == ["illness"]
    assert alerts[house["id"]]["risk_causes"] == ["housing", "drinking_water"]
    # Running again raises nothing new; the district run adds only the other town's household.
    district = await api.post(SCREENINGS, json={"year": 2025}, headers=auth(admin))
    assert district.json()["raised"] == 1
    again = await api.post(SCREENINGS, json={"year": 2025}, headers=auth(admin))
    assert again.json()["raised"] == 0
    assert await count(stack, "SELECT count(*) FROM monitoring.alerts WHERE source = 'system'") == 6
    events = await raised_events(stack)
    assert len(events) == 1 + 6 and {e.source for e in events} == {"self_declared", "system"}
    assert wangwu["id"] in {str(e.household_id) for e in events}
    # Included households are already being helped: screening leaves them alone.
    await include(api, tokens, poor["id"], stack)
    await api.post(SCREENINGS, json={"year": 2025}, headers=auth(admin))
    assert await count(stack, "SELECT count(*) FROM monitoring.alerts WHERE source = 'system'") == 6
    no_line = await api.post(SCREENINGS, json={"year": 2031}, headers=auth(admin))
    assert no_line.status_code == 422 and no_line.json()["errors"][0]["field"] == "body.year"
    for who in ("village_beidahe", "helper_wang", "auditor", "dept_hrss", "integrator_hrss"):
        assert (
            await api.post(SCREENINGS, json={"year": 2025}, headers=auth(tokens[who]))
        ).status_code == 403, who


async def test_job_loss_event_twice_is_one_alert(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    """The employment event may arrive twice (redelivery, re-publish): one alert."""
    import nats

    household = await create_household(api, tokens["admin"])
    envelope = {
        "specversion": "1.0",
        "id": new_id(),
        "source": "/xianjie/employment",
        "type": "cn.xianjie.employment.worker.unemployed.v1",
        "subject": new_id(),
        "time": "2026-11-20T08:00:00Z",
        "datacontenttype": "application/json",
        "data": {
            "worker_id": new_id(),
            "household_id": household["id"],
            "town_code": household["town_code"],
            "village_code": household["village_code"],
            "ended_on": "2026-11-19",
        },
    }
    import json

    nc = await nats.connect(stack.infra.nats_url)
    try:
        js = nc.jetstream()
        for _ in range(2):
            # Past the stream's duplicate window the event id is the only guard left: the inbox.
            await js.publish(
                "xianjie.employment.worker.unemployed",
                json.dumps(envelope).encode(),
                headers={"Nats-Msg-Id": new_id()},
            )
    finally:
        await nc.close()

    async def alerts() -> list[dict[str, Any]]:
        resp = await api.get(ALERTS, params={"household_id": household["id"]}, headers=auth(tokens["admin"]))
        return resp.json()["items"]  # type: ignore[no-any-return]

    from tests.helpers import eventually

    [alert] = await eventually(alerts)
    assert alert["risk_causes"] == ["unstable_work"]

    async def drained() -> bool:
        nc = await nats.connect(stack.infra.nats_url)
        try:
            info = await nc.jetstream().consumer_info("XIANJIE_EMPLOYMENT", "monitoring")
            return info.num_pending == 0 and info.num_ack_pending == 0
        finally:
            await nc.close()

    await eventually(drained, timeout=30)
    assert len(await alerts()) == 1
