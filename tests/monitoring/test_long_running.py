"""两年以上监测对象 (seed §一(一)): every household monitored ``long_running_years`` (2) or more
without risk elimination is routed — 风险消除, 兜底保障 or 完善帮扶计划 — by its town (or the
district), with history; the worklist shows per town how many are routed, carried out, unrouted."""

from __future__ import annotations

import io
import typing
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute
from openpyxl import load_workbook
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from services.monitoring import access
from services.monitoring.dates import years_before
from services.monitoring.worklists import endpoints as worklists
from shared import clock
from tests.conftest import Stack
from tests.helpers import WANGWU, auth
from tests.monitoring.factories import HOUSEHOLDS, count, create_household, include, town_official
from tests.monitoring.plans import amend, make_plan, measure_body

WORKLIST = "/api/monitoring/v1/worklists/long-running"
PLANS = "/api/monitoring/v1/assistance-plans"


def two_years_ago() -> date:
    """Two years before the district's today, asked when the test runs (not when it is imported)."""
    return years_before(clock.today(), 2)


def route_url(household_id: str) -> str:
    return f"{HOUSEHOLDS}/{household_id}/long-running-route"


async def sql(stack: Stack, statement: str, **params: object) -> None:
    async with stack.db("monitoring").engine.begin() as conn:
        await conn.execute(text(statement), params)


async def monitored_since(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, included_on: date, **where: Any
) -> str:
    """A household included (the whole procedure), then dated as included on ``included_on``."""
    household = await create_household(api, tokens["admin"], **where)
    await include(api, tokens, household["id"], stack)
    await sql(
        stack,
        "UPDATE monitoring.households SET included_on = CAST(:day AS date) WHERE id = :id",
        day=included_on,
        id=household["id"],
    )
    return household["id"]  # type: ignore[no-any-return]


async def decide(
    api: httpx.AsyncClient, token: str, household_id: str, route: str, version: int | None, **headers: str
) -> httpx.Response:
    if version is not None:
        headers["If-Match"] = f'"{version}"'
    return await api.post(
        route_url(household_id),
        json={"route": route, "reason": "经入户核实，按此路径处置"},
        headers=auth(token, **headers),
    )


async def progress(api: httpx.AsyncClient, token: str) -> dict[str, dict[str, Any]]:
    resp = await api.get(WORKLIST, headers=auth(token))
    assert resp.status_code == 200, resp.text
    return {row["town_name"]: row for row in resp.json()["rows"]}


async def households(api: httpx.AsyncClient, token: str, **params: str) -> list[dict[str, Any]]:
    resp = await api.get(f"{WORKLIST}/households", params=params, headers=auth(token))
    assert resp.status_code == 200, resp.text
    return resp.json()["rows"]  # type: ignore[no-any-return]


async def plan(api: httpx.AsyncClient, token: str, household_id: str) -> None:
    today = clock.today().isoformat()
    resp = await api.post(
        PLANS,
        json={
            "household_id": household_id,
            "year": clock.today().year,
            "goal": "逐户完善帮扶计划",
            "measures": [
                {
                    "policy_code": "public_welfare_post",
                    "description": "安排公益性岗位",
                    "owner": "克井镇",
                    "starts_on": today,
                    "ends_on": today,
                }
            ],
        },
        headers=auth(token),
    )
    assert resp.status_code == 201, resp.text


async def test_two_years_to_the_day_is_long_running_one_day_short_is_not(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    long = await monitored_since(api, tokens, stack, two_years_ago())
    await monitored_since(api, tokens, stack, two_years_ago() + timedelta(days=1))
    [row] = await households(api, tokens["town_kejing"])
    assert (row["household_id"], row["route_label"], row["route_done_label"]) == (long, "未确定路径", "—")
    assert (await progress(api, tokens["town_kejing"]))["克井镇"] == {
        "town_code": "419001100",
        "town_name": "克井镇",
        "households": 1,
        "eliminate_routed": 0,
        "eliminate_done": 0,
        "safety_net_routed": 0,
        "safety_net_done": 0,
        "refine_plan_routed": 0,
        "refine_plan_done": 0,
        "unrouted": 1,
    }
    pending = await api.get(
        "/api/monitoring/v1/worklists/pending",
        params={"kind": "long_running_unrouted"},
        headers=auth(tokens["town_kejing"]),
    )
    assert [(i["household_id"], i["days_over"]) for i in pending.json()["items"]] == [(long, 0)]


async def test_a_town_decides_a_route_and_a_change_keeps_the_history(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await monitored_since(api, tokens, stack, two_years_ago())
    town = tokens["town_kejing"]
    assert (await decide(api, town, household, "eliminate", None)).status_code == 428
    first = await decide(api, town, household, "eliminate", 0)
    assert first.status_code == 201, first.text
    assert first.headers["etag"] == '"1"'
    assert (first.json()["route"], first.json()["route_label"], first.json()["version"]) == (
        "eliminate",
        "风险消除",
        1,
    )
    assert (await decide(api, town, household, "refine_plan", 0)).status_code == 412
    changed = (await decide(api, tokens["admin"], household, "refine_plan", 1)).json()
    assert [(d["sequence"], d["route"], d["superseded_at"] is None) for d in changed["history"]] == [
        (2, "refine_plan", True),
        (1, "eliminate", False),
    ]
    read = await api.get(route_url(household), headers=auth(tokens["village_beidahe"]))
    assert read.headers["etag"] == '"2"' and read.json()["route"] == "refine_plan"
    assert read.json()["long_running"] is True and read.json()["route_done"] is False
    counts = (await progress(api, town))["克井镇"]
    assert (counts["refine_plan_routed"], counts["eliminate_routed"], counts["unrouted"]) == (1, 0, 0)
    assert await count(stack, "SELECT count(*) FROM monitoring.audit_log WHERE action = 'decide_route'") == 2


async def test_each_route_is_done_when_carried_out(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    town = tokens["town_kejing"]
    names = ("e", "s", "p", "early", "amended")
    ids = {name: await monitored_since(api, tokens, stack, two_years_ago()) for name in names}
    await plan(api, town, ids["early"])  # a plan made before the decision is no refined plan
    amended = await make_plan(api, town, ids["amended"])  # before the decision; amended after it
    for name, route in (
        ("e", "eliminate"),
        ("s", "safety_net"),
        ("p", "refine_plan"),
        ("early", "refine_plan"),
        ("amended", "refine_plan"),
    ):
        assert (await decide(api, town, ids[name], route, 0)).status_code == 201
    await plan(api, town, ids["p"])
    # Ending a measure after the decision refines nothing; adding one does.
    [measure] = amended["measures"]
    ending = {
        "action": "end",
        "measure_id": measure["id"],
        "ended_on": clock.today().isoformat(),
        "reason": "岗位调整",
    }
    ended = await amend(api, town, amended["id"], ending)
    assert ended.status_code == 200, ended.text
    assert (await progress(api, town))["克井镇"]["refine_plan_done"] == 1
    adding = {"action": "add", "measure": measure_body(), "reason": "增加产业帮扶"}
    added = await amend(api, town, amended["id"], adding)
    assert added.status_code == 200, added.text
    # The elimination and 兜底 procedures are their own (workflow); here only their outcome counts.
    await sql(
        stack,
        "UPDATE monitoring.households SET status = CAST(:status AS monitoring.household_status), "
        "closed_on = current_date WHERE id = :id",
        status="risk_eliminated",
        id=ids["e"],
    )
    counts = (await progress(api, town))["克井镇"]
    assert (counts["households"], counts["eliminate_done"], counts["safety_net_done"]) == (5, 1, 0)
    assert (counts["refine_plan_routed"], counts["refine_plan_done"]) == (3, 2)
    await sql(
        stack,
        "UPDATE monitoring.households SET status = 'safety_net', closed_on = current_date WHERE id = :id",
        id=ids["s"],
    )
    assert (await progress(api, town))["克井镇"]["safety_net_done"] == 1
    done = {r["household_id"]: r["route_done_label"] for r in await households(api, town)}
    assert done == {
        ids["e"]: "已完成",
        ids["s"]: "已完成",
        ids["p"]: "已完成",
        ids["early"]: "未完成",
        ids["amended"]: "已完成",
    }
    eliminated = (await api.get(route_url(ids["e"]), headers=auth(town))).json()
    assert (eliminated["long_running"], eliminated["route_done"]) == (False, True)


async def test_unrouted_households_are_listed_apart(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    routed = await monitored_since(api, tokens, stack, two_years_ago())
    unrouted = await monitored_since(api, tokens, stack, two_years_ago() - timedelta(days=400))
    assert (await decide(api, tokens["town_kejing"], routed, "safety_net", 0)).status_code == 201
    rows = await households(api, tokens["admin"], route="unrouted")
    assert [r["household_id"] for r in rows] == [unrouted]
    assert [r["household_id"] for r in await households(api, tokens["admin"], route="safety_net")] == [routed]
    report = await api.get("/api/monitoring/v1/reports/long-running", headers=auth(tokens["admin"]))
    dispositions = {r["household_id"]: r["disposition"] for r in report.json()["rows"]}
    assert dispositions == {routed: "兜底保障（未完成）", unrouted: "待处置"}


async def test_a_new_monitoring_period_needs_a_new_decision(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await monitored_since(api, tokens, stack, two_years_ago())
    assert (await decide(api, tokens["town_kejing"], household, "refine_plan", 0)).status_code == 201
    await sql(
        stack,
        "UPDATE monitoring.households SET included_on = included_on - 30 WHERE id = :id",
        id=household,
    )
    [row] = await households(api, tokens["admin"])
    assert row["route"] is None
    again = await decide(api, tokens["town_kejing"], household, "eliminate", 1)
    assert again.status_code == 201 and again.json()["version"] == 2


async def test_only_a_long_running_household_gets_a_route(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    young = await monitored_since(api, tokens, stack, two_years_ago() + timedelta(days=1))
    refused = await decide(api, tokens["town_kejing"], young, "eliminate", 0)
    assert refused.status_code == 409 and refused.json()["code"] == "not_long_running"
    closed = await monitored_since(api, tokens, stack, two_years_ago())
    await sql(
        stack,
        "UPDATE monitoring.households SET status = 'risk_eliminated', closed_on = current_date WHERE id = :id",
        id=closed,
    )
    assert (await decide(api, tokens["town_kejing"], closed, "eliminate", 0)).status_code == 409
    assert await count(stack, "SELECT count(*) FROM monitoring.long_running_decisions") == 0


@pytest.mark.parametrize("who", ["village_beidahe", "helper_wang", "dept_hrss", "auditor"])
async def test_only_towns_and_the_district_decide(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, who: str
) -> None:
    household = await monitored_since(api, tokens, stack, two_years_ago())
    assert (await decide(api, tokens[who], household, "eliminate", 0)).status_code == 403
    assert await count(stack, "SELECT count(*) FROM monitoring.long_running_decisions") == 0


async def test_another_towns_household_is_not_found_nor_counted(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await monitored_since(api, tokens, stack, two_years_ago())
    wangwu = await town_official(api, tokens["admin"], WANGWU)
    assert (await decide(api, wangwu, household, "eliminate", 0)).status_code == 404
    assert (await api.get(route_url(household), headers=auth(wangwu))).status_code == 404
    assert await progress(api, wangwu) == {} and await households(api, wangwu) == []


async def test_a_retried_decision_is_recorded_once(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await monitored_since(api, tokens, stack, two_years_ago())
    first = await decide(api, tokens["town_kejing"], household, "eliminate", 0, **{"Idempotency-Key": "r-1"})
    retry = await decide(api, tokens["town_kejing"], household, "eliminate", 0, **{"Idempotency-Key": "r-1"})
    assert first.status_code == retry.status_code == 201 and first.json() == retry.json()
    assert await count(stack, "SELECT count(*) FROM monitoring.long_running_decisions") == 1


async def test_an_unknown_route_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await monitored_since(api, tokens, stack, two_years_ago())
    assert (await decide(api, tokens["town_kejing"], household, "wait_and_see", 0)).status_code == 422


async def test_the_worklist_downloads_as_xlsx(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await monitored_since(api, tokens, stack, two_years_ago())
    download = await api.get(WORKLIST, params={"format": "xlsx"}, headers=auth(tokens["auditor"]))
    rows = list(load_workbook(io.BytesIO(download.content)).active.iter_rows(values_only=True))
    assert rows[0][:2] == ("乡镇（街道）", "两年以上监测对象户数") and rows[1][:2] == ("克井镇", 1)
    assert rows[0][-1] == "未确定路径" and rows[1][-1] == 1


# -- the database's own guards -------------------------------------------------------------------------

DECISION = (
    "INSERT INTO monitoring.long_running_decisions (id, household_id, town_code, village_code, included_on, "
    "sequence, route, reason, decided_by, decided_by_role, superseded_at) SELECT gen_random_uuid(), id, "
    "town_code, village_code, included_on, :sequence, 'eliminate', :reason, 'u', 'town_official', "
    "CAST(:superseded AS timestamptz) FROM monitoring.households WHERE id = :id"
)


async def test_the_database_keeps_one_current_decision(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await monitored_since(api, tokens, stack, two_years_ago())
    await sql(stack, DECISION, id=household, sequence=1, reason="核实", superseded=None)
    with pytest.raises(IntegrityError, match="uq_long_running_decisions_current"):
        await sql(stack, DECISION, id=household, sequence=2, reason="核实", superseded=None)


async def test_the_database_numbers_decisions_once(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await monitored_since(api, tokens, stack, two_years_ago())
    await sql(
        stack, DECISION, id=household, sequence=1, reason="核实", superseded=datetime(2999, 1, 1, tzinfo=UTC)
    )
    with pytest.raises(IntegrityError, match="uq_long_running_decisions_household_id_sequence"):
        await sql(stack, DECISION, id=household, sequence=1, reason="核实", superseded=None)


async def test_the_database_wants_a_reason(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await monitored_since(api, tokens, stack, two_years_ago())
    with pytest.raises(IntegrityError, match="ck_long_running_decisions_reason_given"):
        await sql(stack, DECISION, id=household, sequence=1, reason="  ", superseded=None)


@pytest.mark.parametrize(
    "route", [r for r in worklists.router.routes if isinstance(r, APIRoute)], ids=lambda r: r.path
)
def test_every_worklist_endpoint_declares_its_callers_in_the_signature(route: APIRoute) -> None:
    aliases = [access.ReaderCtx, access.ReportReaderCtx, access.RouteDeciderCtx, access.PendingReaderCtx]
    hints = typing.get_type_hints(route.endpoint, include_extras=True)
    assert [name for name, hint in hints.items() if hint in aliases] == ["ctx"]
