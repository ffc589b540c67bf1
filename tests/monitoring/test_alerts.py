"""Finding people: self-declarations, department batches, cadre visits and system screening."""

from __future__ import annotations

from typing import Any

import httpx

from services.monitoring.alerts.events import ALERT_RAISED, WORKER_UNEMPLOYED
from shared import clock
from tests.conftest import Stack
from tests.helpers import KEJING_OTHER_VILLAGE, WANGWU, WANGWU_VILLAGE, auth, eventually, new_id
from tests.monitoring.factories import (
    ALERTS,
    HOUSEHOLDS,
    announced,
    count,
    create_household,
    declare,
    drained,
    envelope_of,
    helper_id,
    id_number,
    include,
    member,
    publish,
)

BATCHES = f"{ALERTS}/department-batches"
VISITS = "/api/monitoring/v1/visits"
SCREENINGS = "/api/monitoring/v1/screenings"
ALERT_COUNT = "SELECT count(*) FROM monitoring.alerts"
SYSTEM_ALERT_COUNT = "SELECT count(*) FROM monitoring.alerts WHERE source = 'system'"


async def listed(api: httpx.AsyncClient, url: str, token: str, **params: str) -> list[dict[str, Any]]:
    resp = await api.get(url, params=params, headers=auth(token))
    assert resp.status_code == 200, resp.text
    return resp.json()["items"]  # type: ignore[no-any-return]


# --- self-declarations ----------------------------------------------------------------------------


async def test_self_declaration_is_recorded_labelled_and_announced(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await create_household(api, tokens["admin"])
    body = await declare(
        api,
        tokens["village_beidahe"],
        household["id"],
        reason="家中遭遇冰雹，作物绝收",
        risk_causes=["disaster"],
    )
    assert body["source_label"] == "农户自主申报" and body["risk_cause_labels"] == ["因灾"]
    [(envelope, payload)] = await announced(stack, ALERT_RAISED)
    assert str(payload.alert_id) == body["id"] and envelope["subject"] == body["id"]
    mine = await listed(api, ALERTS, tokens["town_kejing"], source="self_declared")
    assert [a["id"] for a in mine] == [body["id"]]


async def test_other_alert_sources_have_their_own_doors(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await create_household(api, tokens["admin"])
    system = await api.post(
        ALERTS,
        json={"household_id": household["id"], "reason": "x", "source": "system"},
        headers=auth(tokens["admin"]),
    )
    assert system.status_code == 422 and system.json()["errors"][0]["field"] == "body.source"
    assert await count(stack, ALERT_COUNT) == 0


async def test_auditor_and_systems_may_not_declare(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await create_household(api, tokens["admin"])
    for who in ("auditor", "integrator_hrss"):
        denied = await api.post(
            ALERTS, json={"household_id": household["id"], "reason": "x"}, headers=auth(tokens[who])
        )
        assert denied.status_code == 403, who
    assert await count(stack, ALERT_COUNT) == 0


async def test_declaring_for_another_towns_household_is_404(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    wangwu = await create_household(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE)
    foreign = await api.post(
        ALERTS, json={"household_id": wangwu["id"], "reason": "x"}, headers=auth(tokens["town_kejing"])
    )
    assert foreign.status_code == 404
    assert await count(stack, ALERT_COUNT) == 0


# --- department batches ---------------------------------------------------------------------------


def batch_of(numbers: list[str], batch_id: str = "2025-11-医保-001") -> dict[str, Any]:
    records: list[dict[str, Any]] = [
        {
            "record_id": f"YB-{i}",
            "id_number": n,
            "risk_cause": "illness",
            "reason": "个人自付医疗费用超过 2 万元",
        }
        for i, n in enumerate(numbers)
    ]
    return {"batch_id": batch_id, "records": records}


async def households_of(api: httpx.AsyncClient, token: str, numbers: list[str]) -> list[dict[str, Any]]:
    return [await create_household(api, token, members=[member(id_number=n)]) for n in numbers]


async def push(api: httpx.AsyncClient, tokens: dict[str, str], batch: dict[str, Any]) -> httpx.Response:
    return await api.post(BATCHES, json=batch, headers=auth(tokens["integrator_hrss"]))


async def test_batch_raises_one_alert_per_matched_record_and_lists_the_rest(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    numbers = [id_number() for _ in range(3)]
    households = await households_of(api, tokens["admin"], numbers)
    stranger = id_number()
    batch = batch_of(numbers)
    batch["records"] += [
        {"record_id": "YB-x", "id_number": stranger, "risk_cause": "illness", "reason": "高额医疗费用"},
        {"record_id": "YB-bad", "id_number": "123456", "risk_cause": "illness", "reason": "高额医疗费用"},
    ]
    first = await push(api, tokens, batch)
    assert first.status_code == 200, first.text
    report = first.json()
    assert report["department"] == "人社局"
    assert (report["received"], report["raised"], report["already_received"]) == (5, 3, 0)
    assert {u["record_id"] for u in report["unmatched"]} == {"YB-x", "YB-bad"}
    assert stranger not in first.text
    alerts = await listed(api, ALERTS, tokens["admin"], source="department")
    assert sorted(a["household_id"] for a in alerts) == sorted(h["id"] for h in households)
    assert all(a["department"] == "人社局" and a["risk_causes"] == ["illness"] for a in alerts)


async def test_batch_announces_each_alert_with_the_published_payload(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    numbers = [id_number() for _ in range(3)]
    households = await households_of(api, tokens["admin"], numbers)
    assert (await push(api, tokens, batch_of(numbers))).status_code == 200
    events = await announced(stack, ALERT_RAISED)
    assert sorted(str(p.household_id) for _, p in events) == sorted(h["id"] for h in households)
    assert {p.source for _, p in events} == {"department"}
    assert all(envelope["subject"] == str(p.alert_id) for envelope, p in events)


async def test_reposted_batch_raises_nothing_new(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    numbers = [id_number() for _ in range(3)]
    await households_of(api, tokens["admin"], numbers)
    batch = batch_of(numbers)
    assert (await push(api, tokens, batch)).status_code == 200
    again = (await push(api, tokens, batch)).json()
    assert (again["raised"], again["already_received"]) == (0, 3)
    assert await count(stack, ALERT_COUNT) == 3
    assert len(await announced(stack, ALERT_RAISED)) == 3


async def test_department_officer_sees_the_departments_alerts(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    numbers = [id_number() for _ in range(2)]
    households = await households_of(api, tokens["admin"], numbers)
    assert (await push(api, tokens, batch_of(numbers))).status_code == 200
    await declare(api, tokens["admin"], households[0]["id"])
    departments = await listed(api, ALERTS, tokens["admin"], source="department")
    seen_by_department = await listed(api, ALERTS, tokens["dept_hrss"])
    assert {a["id"] for a in seen_by_department} == {a["id"] for a in departments}


async def test_only_department_systems_push_batches(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    numbers = [id_number()]
    await households_of(api, tokens["admin"], numbers)
    for who in ("admin", "dept_hrss", "town_kejing", "auditor", "helper_wang"):
        denied = await api.post(BATCHES, json=batch_of(numbers), headers=auth(tokens[who]))
        assert denied.status_code == 403, who
    assert await count(stack, ALERT_COUNT) == 0


async def test_record_id_repeated_in_a_batch_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    numbers = [id_number()]
    await households_of(api, tokens["admin"], numbers)
    record = batch_of(numbers)["records"][0]
    bad = await push(api, tokens, {"batch_id": "b2", "records": [record, record]})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "body.records.1.record_id"
    assert await count(stack, ALERT_COUNT) == 0


async def test_empty_batch_is_refused(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    assert (await push(api, tokens, {"batch_id": "b3", "records": []})).status_code == 422


# --- visits ---------------------------------------------------------------------------------------


def visit_of(household_id: str, **overrides: Any) -> dict[str, Any]:
    return {
        "household_id": household_id,
        "visited_at": "2026-11-20T09:30:00+08:00",
        "latitude": "35.123456",
        "longitude": "112.456789",
        "findings": "家中老人患慢性病，药费开支较大",
        "risk_causes": ["illness"],
        **overrides,
    }


async def helpers_household(api: httpx.AsyncClient, tokens: dict[str, str]) -> dict[str, Any]:
    return await create_household(api, tokens["admin"], helper_user_id=await helper_id(api, tokens))


async def test_helper_visit_with_risks_raises_a_cadre_visit_alert(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    household = await helpers_household(api, tokens)
    by_helper = await api.post(VISITS, json=visit_of(household["id"]), headers=auth(tokens["helper_wang"]))
    assert by_helper.status_code == 201, by_helper.text
    body = by_helper.json()
    assert body["visitor_kind"] == "responsible_helper" and body["latitude"] == "35.123456"
    assert body["alert_id"] is not None
    alert = (await api.get(f"{ALERTS}/{body['alert_id']}", headers=auth(tokens["admin"]))).json()
    assert alert["source"] == "cadre_visit" and alert["risk_causes"] == ["illness"]


async def test_town_official_records_a_secretary_visit_without_alert(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await create_household(api, tokens["admin"])
    secretary = await api.post(
        VISITS,
        json=visit_of(household["id"], risk_causes=[], findings="遍访：生活正常", as_town_secretary=True),
        headers=auth(tokens["town_kejing"]),
    )
    assert secretary.status_code == 201 and secretary.json()["visitor_kind_label"] == "镇党委书记遍访"
    assert secretary.json()["alert_id"] is None
    assert await count(stack, ALERT_COUNT) == 0


async def test_only_town_officials_record_secretary_visits(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await create_household(api, tokens["admin"])
    not_town = await api.post(
        VISITS,
        json=visit_of(household["id"], as_town_secretary=True),
        headers=auth(tokens["village_beidahe"]),
    )
    assert not_town.status_code == 422
    assert await count(stack, "SELECT count(*) FROM monitoring.visits") == 0


async def test_helper_may_visit_only_assigned_households(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    other = await create_household(api, tokens["admin"], village_code=KEJING_OTHER_VILLAGE)
    unassigned = await api.post(VISITS, json=visit_of(other["id"]), headers=auth(tokens["helper_wang"]))
    assert unassigned.status_code == 404
    assert await count(stack, "SELECT count(*) FROM monitoring.visits") == 0


async def test_roles_that_do_not_visit_may_not_record_visits(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await helpers_household(api, tokens)
    for who in ("auditor", "dept_hrss", "integrator_hrss"):
        resp = await api.post(VISITS, json=visit_of(household["id"]), headers=auth(tokens[who]))
        assert resp.status_code == 403, who
    assert await count(stack, "SELECT count(*) FROM monitoring.visits") == 0


async def test_bad_visit_field_is_422(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    household = await create_household(api, tokens["admin"])
    for bad in ({"latitude": "95"}, {"longitude": "-181"}, {"findings": ""}, {"visited_at": "昨天"}):
        resp = await api.post(
            VISITS, json=visit_of(household["id"], **bad), headers=auth(tokens["village_beidahe"])
        )
        assert resp.status_code == 422, bad
    assert await count(stack, "SELECT count(*) FROM monitoring.visits") == 0


async def two_visits(api: httpx.AsyncClient, tokens: dict[str, str]) -> tuple[str, str]:
    """A helper's visit and a town secretary's visit, to the helper's household: their ids."""
    household = await helpers_household(api, tokens)
    by_helper = await api.post(VISITS, json=visit_of(household["id"]), headers=auth(tokens["helper_wang"]))
    secretary = await api.post(
        VISITS,
        json=visit_of(household["id"], risk_causes=[], as_town_secretary=True),
        headers=auth(tokens["town_kejing"]),
    )
    assert by_helper.status_code == secretary.status_code == 201
    return by_helper.json()["id"], secretary.json()["id"]


async def test_visits_filter_by_visitor_kind(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    _, secretary = await two_visits(api, tokens)
    secretaries = await listed(api, VISITS, tokens["admin"], visitor_kind="town_secretary")
    assert [v["id"] for v in secretaries] == [secretary]


async def test_helper_lists_only_own_visits(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    by_helper, _ = await two_visits(api, tokens)
    assert [v["id"] for v in await listed(api, VISITS, tokens["helper_wang"])] == [by_helper]


async def test_auditor_lists_every_visit_and_department_officers_none(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    await two_visits(api, tokens)
    assert len(await listed(api, VISITS, tokens["auditor"])) == 2
    assert (await api.get(VISITS, headers=auth(tokens["dept_hrss"]))).status_code == 403


# --- system screening -----------------------------------------------------------------------------


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


async def screening_households(api: httpx.AsyncClient, tokens: dict[str, str]) -> dict[str, str]:
    """One Kejing household per reason to raise an alert, one comfortable, one with an alert
    already pending, and one in Wangwu: their ids by name."""
    admin = tokens["admin"]
    ids: dict[str, str] = {}
    for name, wages, extra in (
        ("poor", "16000.00", {}),  # 8000 per head < 8600
        ("comfortable", "30000.00", {}),
        ("spending", "20000.00", {"rigid_expenses": "5000.00"}),
    ):
        ids[name] = (await create_household(api, admin, member_count=2))["id"]
        await put_income(api, admin, ids[name], 2025, wages=wages, **extra)
    kid = clock.today().replace(year=clock.today().year - 12)
    dropout = member(name="小明", relation="child", id_number=id_number(kid), schooling="out_of_school")
    ids["dropout"] = (await create_household(api, admin, members=[dropout]))["id"]
    ids["uninsured"] = (await create_household(api, admin, members=[member(medical_insured=False)]))["id"]
    ids["house"] = (await create_household(api, admin, housing_safe=False, water_safe=False))["id"]
    ids["already"] = (await create_household(api, admin, housing_safe=False))["id"]
    await declare(api, admin, ids["already"])
    wangwu = await create_household(
        api, admin, town_code=WANGWU, village_code=WANGWU_VILLAGE, housing_safe=False
    )
    ids["wangwu"] = wangwu["id"]
    return ids


async def screen(api: httpx.AsyncClient, token: str, year: int = 2025) -> httpx.Response:
    return await api.post(SCREENINGS, json={"year": year}, headers=auth(token))


async def test_town_screening_raises_one_alert_per_household_crossing_a_line(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    ids = await screening_households(api, tokens)
    town_run = await screen(api, tokens["town_kejing"])
    assert town_run.status_code == 200, town_run.text
    assert town_run.json() == {"year": 2025, "monitoring_line": "8600.00", "raised": 5}
    alerts = {a["household_id"]: a for a in await listed(api, ALERTS, tokens["admin"], source="system")}
    assert set(alerts) == {ids["poor"], ids["spending"], ids["dropout"], ids["uninsured"], ids["house"]}
    assert "人均纯收入低于2025年监测线" in alerts[ids["poor"]]["reason"]
    assert "扣除大额刚性支出" in alerts[ids["spending"]]["reason"]
    assert alerts[ids["dropout"]]["risk_causes"] == ["schooling"]
    # A 三保障 gap, not an illness (issue 11): the uninsured member may be healthy.
    assert alerts[ids["uninsured"]]["risk_causes"] == ["medical_insurance"]
    assert alerts[ids["house"]]["risk_causes"] == ["housing", "drinking_water"]


async def test_screening_again_raises_only_new_crossings(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await screening_households(api, tokens)
    assert (await screen(api, tokens["town_kejing"])).json()["raised"] == 5
    assert (await screen(api, tokens["admin"])).json()["raised"] == 1  # the other town's household
    assert (await screen(api, tokens["admin"])).json()["raised"] == 0
    assert await count(stack, SYSTEM_ALERT_COUNT) == 6


async def test_screening_announces_each_alert_with_the_published_payload(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    ids = await screening_households(api, tokens)
    await screen(api, tokens["admin"])
    events = await announced(stack, ALERT_RAISED)
    assert len(events) == 1 + 6 and {p.source for _, p in events} == {"self_declared", "system"}
    assert ids["wangwu"] in {str(p.household_id) for _, p in events}
    assert all(envelope["subject"] == str(p.alert_id) for envelope, p in events)


async def test_screening_leaves_included_households_alone(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    """Included households are already being helped."""
    poor = await create_household(api, tokens["admin"], member_count=2)
    await put_income(api, tokens["admin"], poor["id"], 2025, wages="16000.00")
    await include(api, tokens, poor["id"], stack)
    assert (await screen(api, tokens["admin"])).json()["raised"] == 0
    assert await count(stack, SYSTEM_ALERT_COUNT) == 0


async def test_screening_needs_the_years_monitoring_line(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    no_line = await screen(api, tokens["admin"], year=2031)
    assert no_line.status_code == 422 and no_line.json()["errors"][0]["field"] == "body.year"


async def test_only_district_and_town_screen(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    for who in ("village_beidahe", "helper_wang", "auditor", "dept_hrss", "integrator_hrss"):
        assert (await screen(api, tokens[who])).status_code == 403, who


# --- employment's events --------------------------------------------------------------------------


async def test_job_loss_event_twice_is_one_alert(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    """The employment event may arrive twice (redelivery, re-publish): one alert."""
    household = await create_household(api, tokens["admin"])
    job_loss = {
        "worker_id": new_id(),
        "household_id": household["id"],
        "town_code": household["town_code"],
        "village_code": household["village_code"],
        "ended_on": "2026-11-19",
    }
    event = envelope_of(WORKER_UNEMPLOYED, new_id(), job_loss)
    await publish(stack, WORKER_UNEMPLOYED, event, event)

    async def alerts() -> list[dict[str, Any]]:
        return await listed(api, ALERTS, tokens["admin"], household_id=household["id"])

    [alert] = await eventually(alerts)
    assert alert["risk_causes"] == ["unstable_work"]
    await eventually(lambda: drained(stack), timeout=30)
    assert len(await alerts()) == 1
