"""帮扶力量 (seed §三(九)): who answers for each 脱贫村 by term, work teams with rotation kept,
昼访夜谈 visits, training, social forces, consumption assistance, and the coverage gaps at a date."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from io import BytesIO
from typing import Any

import httpx
import openpyxl
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from services.monitoring.forces.events import COVERAGE_GAP_FOUND
from services.monitoring.scheduled import COVERAGE_CHECK
from shared import clock
from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_VILLAGE, WANGWU_VILLAGE, auth, new_id
from tests.monitoring.factories import announced, create_household, helper_id

FORCES = "/api/monitoring/v1/forces"
VISITS = "/api/monitoring/v1/visits"


async def designate(api: httpx.AsyncClient, admin: str, village: str, since: str = "2025-01-01") -> None:
    resp = await api.put(
        f"{FORCES}/villages/{village}", json={"lifted_out_village": True, "since": since}, headers=auth(admin)
    )
    assert resp.status_code == 200, resp.text


async def assign(api: httpx.AsyncClient, token: str, **body: Any) -> httpx.Response:
    payload = {
        "kind": "leader",
        "village_code": KEJING_VILLAGE,
        "responsible": "张副主任",
        "valid_from": "2025-01-01",
    }
    return await api.post(f"{FORCES}/assignments", json={**payload, **body}, headers=auth(token))


async def team(api: httpx.AsyncClient, token: str, **body: Any) -> httpx.Response:
    payload = {
        "village_code": KEJING_VILLAGE,
        "sending_unit": "示范区农业农村局",
        "valid_from": "2025-01-01",
        "members": [{"role": "first_secretary", "name": "李书记"}, {"role": "member", "name": "赵队员"}],
    }
    return await api.post(f"{FORCES}/teams", json={**payload, **body}, headers=auth(token))


async def report(api: httpx.AsyncClient, token: str, name: str, **params: str) -> list[dict[str, Any]]:
    resp = await api.get(f"{FORCES}/reports/{name}", params=params, headers=auth(token))
    assert resp.status_code == 200, resp.text
    return resp.json()["rows"]  # type: ignore[no-any-return]


async def me(api: httpx.AsyncClient, token: str) -> str:
    return (await api.get("/auth/me", headers=auth(token))).json()["id"]  # type: ignore[no-any-return]


async def test_gaps_at_any_date_follow_the_terms(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    admin = tokens["admin"]
    await designate(api, admin, KEJING_VILLAGE)
    assert (await assign(api, admin, valid_to="2025-06-30")).status_code == 201
    assert (await assign(api, admin, kind="department", responsible="示范区财政局")).status_code == 201
    assert (await team(api, admin)).status_code == 201

    def gaps_of(rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
        return [(r["requirement"], r["gap_from"]) for r in rows if r["village_code"] == KEJING_VILLAGE]

    assert gaps_of(await report(api, admin, "gaps", as_of="2025-06-30")) == []  # the leader's last day
    assert gaps_of(await report(api, admin, "gaps", as_of="2025-07-01")) == [("leader", "2025-07-01")]
    assert gaps_of(await report(api, admin, "gaps", as_of="2024-12-31")) == []  # not yet a 脱贫村

    [row] = [
        r
        for r in await report(api, admin, "coverage", as_of="2025-06-30")
        if r["village_code"] == KEJING_VILLAGE
    ]
    assert (row["leader"], row["department"], row["work_team"], row["first_secretary"], row["missing"]) == (
        "张副主任",
        "示范区财政局",
        "示范区农业农村局",
        "李书记",
        "",
    )
    [later] = [
        r
        for r in await report(api, admin, "coverage", as_of="2025-07-01")
        if r["village_code"] == KEJING_VILLAGE
    ]
    assert later["missing"] == "示范区领导包抓"
    # Helper coverage of the village's households, as the existing helper figures count it.
    await create_household(api, admin)
    await create_household(api, admin, helper_user_id=await helper_id(api, tokens))
    [now] = [r for r in await report(api, admin, "coverage") if r["village_code"] == KEJING_VILLAGE]
    assert (now["need_helper"], now["without_helper"]) == (2, 1)

    xlsx = await api.get(
        f"{FORCES}/reports/gaps", params={"as_of": "2025-07-01", "format": "xlsx"}, headers=auth(admin)
    )
    sheet = openpyxl.load_workbook(BytesIO(xlsx.content)).active
    assert sheet is not None and "缺位" in [c.value for c in sheet[1]]
    # Another town's official sees none of it; helpers read no reports.
    await designate(api, admin, WANGWU_VILLAGE)
    town = {r["village_code"] for r in await report(api, tokens["town_kejing"], "gaps", as_of="2025-07-01")}
    assert town == {KEJING_VILLAGE}
    assert (await api.get(f"{FORCES}/reports/gaps", headers=auth(tokens["helper_wang"]))).status_code == 403


async def test_one_of_each_kind_at_a_time(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    admin = tokens["admin"]
    first = await assign(api, admin, valid_to="2025-06-30")
    assert first.status_code == 201
    on_last_day = await assign(api, admin, responsible="王主任", valid_from="2025-06-30")
    assert on_last_day.status_code == 409
    assert on_last_day.json()["constraint"] == "one_of_each_kind_at_a_time"
    assert (await assign(api, admin, responsible="王主任", valid_from="2025-07-01")).status_code == 201
    assert (
        await assign(api, admin, kind="enterprise", responsible="某公司", valid_from="2025-06-30")
    ).status_code == 201
    # Extending the first term over its successor is refused the same way (If-Match required).
    url = f"{FORCES}/assignments/{first.json()['id']}"
    assert (await api.patch(url, json={"valid_to": None}, headers=auth(admin))).status_code == 428
    extended = await api.patch(
        url, json={"valid_to": None}, headers=auth(admin, **{"If-Match": first.headers["etag"]})
    )
    assert extended.status_code == 409
    ended = await api.patch(
        url, json={"valid_to": "2025-03-31"}, headers=auth(admin, **{"If-Match": first.headers["etag"]})
    )
    assert ended.status_code == 200 and ended.json()["valid_to"] == "2025-03-31"
    backwards = await assign(
        api, admin, kind="department", responsible="某局", valid_from="2025-05-01", valid_to="2025-04-30"
    )
    assert backwards.status_code == 422


async def test_accounts_named_are_real_people(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    admin = tokens["admin"]
    made_up = await assign(api, admin, user_id=new_id())
    assert made_up.status_code == 422 and made_up.json()["code"] == "unknown_reference"
    assert (await assign(api, admin, user_id=await me(api, tokens["town_kejing"]))).status_code == 201
    member = {"role": "member", "name": "钱队员", "user_id": new_id()}
    refused = await team(api, admin, members=[member])
    assert refused.status_code == 422
    assert [e["field"] for e in refused.json()["errors"]] == ["body.members.0.user_id"]


async def test_roles_and_territory(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    admin, town = tokens["admin"], tokens["town_kejing"]
    assert (await assign(api, tokens["village_beidahe"])).status_code == 403
    assert (await assign(api, tokens["auditor"])).status_code == 403
    assert (await assign(api, town, village_code=WANGWU_VILLAGE)).status_code == 403
    wangwu = await assign(api, admin, village_code=WANGWU_VILLAGE)
    mine = await assign(api, town)
    assert mine.status_code == 201
    listed = await api.get(f"{FORCES}/assignments", headers=auth(town))
    assert {a["id"] for a in listed.json()["items"]} == {mine.json()["id"]}
    other = await api.patch(
        f"{FORCES}/assignments/{wangwu.json()['id']}",
        json={"note": "x"},
        headers=auth(town, **{"If-Match": wangwu.headers["etag"]}),
    )
    assert other.status_code == 404
    wangwu_team = await team(api, admin, village_code=WANGWU_VILLAGE)
    assert (
        await api.get(f"{FORCES}/teams/{wangwu_team.json()['id']}", headers=auth(town))
    ).status_code == 404
    assert (await api.get(f"{FORCES}/teams", headers=auth(tokens["helper_wang"]))).status_code == 403


async def test_rotation_keeps_the_old_team(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    admin = tokens["admin"]
    old = (await team(api, admin)).json()
    overlapping = await team(api, admin, valid_from="2025-04-01")
    assert overlapping.status_code == 409 and overlapping.json()["constraint"] == "one_team_at_a_time"
    new = await team(
        api, admin, valid_from="2025-04-01", predecessor_id=old["id"], sending_unit="示范区财政局"
    )
    assert new.status_code == 201, new.text
    before = (await api.get(f"{FORCES}/teams/{old['id']}", headers=auth(admin))).json()
    assert before["valid_to"] == "2025-03-31"
    assert {m["valid_to"] for m in before["members"]} == {"2025-03-31"}
    on_day = await api.get(f"{FORCES}/teams", params={"on": "2025-03-31"}, headers=auth(admin))
    assert [t["id"] for t in on_day.json()["items"]] == [old["id"]]
    on_next = await api.get(f"{FORCES}/teams", params={"on": "2025-04-01"}, headers=auth(admin))
    assert [t["id"] for t in on_next.json()["items"]] == [new.json()["id"]]
    again = await team(api, admin, valid_from="2026-01-01", predecessor_id=old["id"])
    assert again.status_code == 409


async def test_one_first_secretary_at_a_time(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    admin = tokens["admin"]
    made = await team(api, admin)
    body = made.json()
    url = f"{FORCES}/teams/{body['id']}/members"
    secretary = next(m for m in body["members"] if m["role"] == "first_secretary")
    second = {"role": "first_secretary", "name": "周书记", "valid_from": "2025-06-01"}
    assert (await api.post(url, json=second, headers=auth(admin))).status_code == 428
    refused = await api.post(url, json=second, headers=auth(admin, **{"If-Match": made.headers["etag"]}))
    assert refused.status_code == 409 and refused.json()["constraint"] == "one_first_secretary_at_a_time"
    left = await api.post(
        f"{url}/{secretary['id']}/departure",
        json={"valid_to": "2025-05-31"},
        headers=auth(admin, **{"If-Match": made.headers["etag"]}),
    )
    assert left.status_code == 200
    etag = (await api.get(f"{FORCES}/teams/{body['id']}", headers=auth(admin))).headers["etag"]
    assert etag != made.headers["etag"]
    joined = await api.post(url, json=second, headers=auth(admin, **{"If-Match": etag}))
    assert joined.status_code == 201, joined.text


async def test_team_visits_and_activity(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    admin, cadre = tokens["admin"], tokens["village_beidahe"]
    start = clock.today() - timedelta(days=10)
    made = await team(
        api,
        admin,
        valid_from=start.isoformat(),
        members=[{"role": "first_secretary", "name": "李书记", "user_id": await me(api, cadre)}],
    )
    assert made.status_code == 201, made.text
    team_id, member_id = made.json()["id"], made.json()["members"][0]["id"]
    household = (await create_household(api, admin))["id"]

    def visit(day: date) -> dict[str, Any]:
        return {
            "household_id": household,
            # An evening visit (昼访夜谈) in the district's time: its day is the district's day.
            "visited_at": datetime.combine(day, time(20), clock.DISTRICT_ZONE).isoformat(),
            "latitude": "35.1",
            "longitude": "112.5",
            "findings": "昼访夜谈：了解务工需求",
            "work_team_id": team_id,
        }

    ok = await api.post(VISITS, json=visit(start), headers=auth(cadre))
    assert ok.status_code == 201, ok.text
    assert ok.json()["work_team_id"] == team_id
    before_term = await api.post(VISITS, json=visit(start - timedelta(days=1)), headers=auth(cadre))
    assert before_term.status_code == 422
    not_member = await api.post(VISITS, json=visit(start), headers=auth(tokens["town_kejing"]))
    assert not_member.status_code == 422
    assert [e["field"] for e in not_member.json()["errors"]] == ["body.work_team_id"]

    training = {
        "team_id": team_id,
        "member_id": member_id,
        "topic": "防返贫监测政策",
        "organiser": "党工委组织部",
        "held_on": start.isoformat(),
        "hours": "4.5",
    }
    assert (await api.post(f"{FORCES}/trainings", json=training, headers=auth(admin))).status_code == 201
    other_team = (await team(api, admin, village_code=WANGWU_VILLAGE)).json()
    wrong = await api.post(
        f"{FORCES}/trainings", json={**training, "team_id": other_team["id"]}, headers=auth(admin)
    )
    assert wrong.status_code == 422

    [row] = [
        r for r in await report(api, admin, "team-activity", year=str(start.year)) if r["team_id"] == team_id
    ]
    assert (row["visits"], row["households_visited"], row["trainings"], row["training_hours"]) == (
        1,
        1,
        1,
        "4.5",
    )
    assert row["first_secretary"] == "李书记"


async def test_social_forces_and_consumption(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    admin, officer = tokens["admin"], tokens["dept_hrss"]
    force = {
        "kind": "tech_commissioner",
        "name": "刘研究员",
        "village_code": KEJING_VILLAGE,
        "valid_from": "2025-03-01",
    }
    made = await api.post(f"{FORCES}/social-forces", json=force, headers=auth(admin))
    assert made.status_code == 201 and made.json()["kind_label"] == "科技特派员"
    purchase = {
        "village_code": KEJING_VILLAGE,
        "product": "冬凌草茶",
        "amount": "1200.50",
        "purchased_on": "2025-05-01",
    }
    own = await api.post(f"{FORCES}/purchases", json=purchase, headers=auth(officer))
    assert own.status_code == 201
    unit = own.json()["purchasing_unit"]
    other = await api.post(
        f"{FORCES}/purchases", json={**purchase, "purchasing_unit": "别的局"}, headers=auth(officer)
    )
    assert other.status_code == 403
    assert (
        await api.post(f"{FORCES}/purchases", json=purchase, headers=auth(admin))
    ).status_code == 422  # unit?
    zero = await api.post(
        f"{FORCES}/purchases",
        json={**purchase, "purchasing_unit": unit, "amount": "0.00"},
        headers=auth(admin),
    )
    assert zero.status_code == 422
    cent = {**purchase, "purchasing_unit": unit, "amount": "0.01"}
    assert (await api.post(f"{FORCES}/purchases", json=cent, headers=auth(admin))).status_code == 201
    last_year = {**purchase, "purchasing_unit": unit, "purchased_on": "2024-12-31"}
    assert (await api.post(f"{FORCES}/purchases", json=last_year, headers=auth(admin))).status_code == 201
    rows = await report(api, admin, "consumption", year="2025")
    assert [(r["purchasing_unit"], r["purchases"], r["amount"]) for r in rows] == [(unit, 2, "1200.51")]
    assert await report(api, tokens["town_kejing"], "consumption", year="2025") == rows
    wangwu = await api.post(
        f"{FORCES}/purchases",
        json={**purchase, "purchasing_unit": "甲", "village_code": WANGWU_VILLAGE},
        headers=auth(tokens["town_kejing"]),
    )
    assert wangwu.status_code == 403


async def test_periodic_check_announces_each_gap_once(
    stack: Stack, api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    admin = tokens["admin"]
    since = clock.today() - timedelta(days=30)
    await designate(api, admin, KEJING_VILLAGE, since=since.isoformat())
    ended = clock.today() - timedelta(days=1)
    await assign(api, admin, valid_from=since.isoformat(), valid_to=ended.isoformat())
    await assign(api, admin, kind="department", responsible="某局", valid_from=since.isoformat())
    runner = stack.apps["monitoring"].state.component.tasks[COVERAGE_CHECK.name]
    assert await runner.run_once()
    assert await runner.run_once()  # nothing new the second time
    found = {(e.requirement, e.gap_from) for _, e in await announced(stack, COVERAGE_GAP_FOUND)}
    assert found == {("leader", clock.today()), ("work_team", since)}
    assert all(
        e.village_code == KEJING_VILLAGE and e.town_code == KEJING
        for _, e in await announced(stack, COVERAGE_GAP_FOUND)
    )


@pytest.mark.parametrize(
    ("sql", "constraint"),
    [
        (
            "INSERT INTO monitoring.support_assignments (id, kind, town_code, village_code, responsible, valid_from,"
            " valid_to, version) VALUES (gen_random_uuid(), 'leader', '419001100', '419001100201', 'a',"
            " '2025-01-01', NULL, 1), (gen_random_uuid(), 'leader', '419001100', '419001100201', 'b',"
            " '2025-12-31', NULL, 1)",
            "one_of_each_kind_at_a_time",
        ),
        (
            "INSERT INTO monitoring.support_assignments (id, kind, town_code, village_code, responsible, valid_from,"
            " valid_to, version) VALUES (gen_random_uuid(), 'leader', '419001100', '419001100201', 'a',"
            " '2025-01-02', '2025-01-01', 1)",
            "ck_support_assignments_term_in_order",
        ),
        (
            "INSERT INTO monitoring.work_teams (id, town_code, village_code, sending_unit, valid_from, version)"
            " VALUES (gen_random_uuid(), '419001100', '419001100201', 'a', '2025-01-01', 1),"
            " (gen_random_uuid(), '419001100', '419001100201', 'b', '2026-01-01', 1)",
            "one_team_at_a_time",
        ),
        (
            "WITH t AS (INSERT INTO monitoring.work_teams (id, town_code, village_code, sending_unit, valid_from,"
            " version) VALUES (gen_random_uuid(), '419001100', '419001100201', 'a', '2025-01-01', 1) RETURNING id)"
            " INSERT INTO monitoring.work_team_members (id, team_id, role, name, valid_from)"
            " SELECT gen_random_uuid(), t.id, 'first_secretary', n, '2025-01-01' FROM t, (VALUES ('甲'), ('乙')) v(n)",
            "one_first_secretary_at_a_time",
        ),
        (
            "INSERT INTO monitoring.cadre_trainings (id, team_id, member_id, village_code, topic, organiser, held_on,"
            " hours) VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), '419001100201', 't', 'o',"
            " '2025-01-01', 1)",
            "fk_cadre_trainings_member_of_team",
        ),
        (
            "INSERT INTO monitoring.consumption_purchases (id, purchasing_unit, town_code, village_code, product,"
            " amount, purchased_on, recorded_by) VALUES (gen_random_uuid(), 'u', '419001100', '419001100201', 'p',"
            " 0, '2025-01-01', 'x')",
            "ck_consumption_purchases_amount_positive",
        ),
    ],
)
async def test_database_guards(stack: Stack, sql: str, constraint: str) -> None:
    with pytest.raises(IntegrityError, match=constraint):
        async with stack.db("monitoring").engine.begin() as conn:
            await conn.execute(text(sql))
