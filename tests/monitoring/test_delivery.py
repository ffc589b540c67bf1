"""Delivery (落实) of measures: field workers record theirs; 低保 and 特困供养 only civil affairs (民政),
one by one or as its system's batch matched by ID number — issue 11 contradiction 3."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from services.monitoring import access
from services.monitoring.assistance.events import MEASURE_DELIVERED
from services.monitoring.settings import MonitoringSettings
from shared import clock
from shared.auth import Principal, Role
from shared.errors import Forbidden
from tests.conftest import Stack
from tests.gateway.helpers import create_user, password_login
from tests.helpers import WANGWU, WANGWU_VILLAGE, auth
from tests.monitoring.factories import PASSWORD, announced, count, helper_id, id_number, member
from tests.monitoring.plans import (
    PLANS,
    deliver,
    history,
    household_with_people,
    make_plan,
    measure_body,
    plan_of,
)

BATCHES = f"{PLANS}/safety-net-batches"
DELIVERED = "SELECT count(*) FROM monitoring.measures WHERE delivered_on IS NOT NULL"


@pytest.fixture(scope="module")
async def civil_affairs(stack: Stack, tokens: dict[str, str]) -> AsyncIterator[dict[str, str]]:
    """Tokens of a 民政局 officer (``officer``) and of the 民政局 system (``system``)."""
    async with httpx.AsyncClient(base_url=stack.gateway_url, timeout=15) as api:
        officer = await create_user(
            api, tokens["admin"], role="department_officer", department="民政局", password=PASSWORD
        )
        login = await password_login(api, officer["username"], PASSWORD)
        client_id = f"mz_{secrets.token_hex(4)}"
        made = await api.post(
            "/admin/clients",
            json={"client_id": client_id, "display_name": "民政局系统", "department": "民政局"},
            headers=auth(tokens["admin"]),
        )
        assert made.status_code == 201, made.text
        system = await api.post(
            "/auth/token",
            data={
                "grant_type": "client_credentials",
                "client_id": client_id,
                "client_secret": made.json()["client_secret"],
            },
        )
        yield {"officer": login.json()["access_token"], "system": system.json()["access_token"]}


def dibao(**overrides: Any) -> dict[str, Any]:
    return measure_body(policy_code="dibao", description="申请农村低保", owner="区民政局", **overrides)


async def planned(
    api: httpx.AsyncClient, tokens: dict[str, str], *measures: dict[str, Any], **household: Any
) -> tuple[dict[str, Any], dict[str, str]]:
    """A 脱贫户 helped by the demo helper, with a plan of these measures (a public-welfare post for
    its head by default)."""
    hid, people = await household_with_people(
        api, tokens, helper_user_id=await helper_id(api, tokens), **household
    )
    plan = await make_plan(api, tokens["admin"], hid, *(measures or (measure_body(),)))
    return plan, people


# --- one measure ---------------------------------------------------------------------------------


async def test_a_helper_records_a_delivery(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    plan, _ = await planned(api, tokens)
    measure = plan["measures"][0]
    done = await deliver(api, tokens["helper_wang"], plan["id"], measure["id"], note="已在村保洁岗位上岗")
    assert done.status_code == 200, done.text
    [after] = done.json()["measures"]
    assert after["delivered_on"] == today.isoformat() and after["delivery_note"] == "已在村保洁岗位上岗"
    assert after["delivered_by"] == await helper_id(api, tokens)
    assert done.json()["version"] == plan["version"] + 1
    last = (await history(api, tokens["admin"], plan["id"]))[-1]
    assert (last["action"], last["measure_id"], last["actor_role"]) == ("deliver", measure["id"], "helper")
    [(envelope, event)] = await announced(stack, MEASURE_DELIVERED)
    assert envelope["subject"] == measure["id"] and event.policy_code == "public_welfare_post"
    assert (event.qualifies_safety_net, event.kind, str(event.plan_id)) == (
        False,
        "developmental",
        plan["id"],
    )


async def test_a_delivery_falls_between_the_start_and_today(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    plan, _ = await planned(api, tokens)
    measure = plan["measures"][0]
    starts_on = date.fromisoformat(measure["starts_on"])
    for refused in (starts_on - timedelta(days=1), today + timedelta(days=1)):
        answer = await deliver(api, tokens["admin"], plan["id"], measure["id"], delivered_on=refused)
        assert answer.status_code == 422 and answer.json()["errors"][0]["field"] == "body.delivered_on"
    assert await count(stack, DELIVERED) == 0
    done = await deliver(api, tokens["admin"], plan["id"], measure["id"], delivered_on=starts_on)
    assert done.status_code == 200, done.text


async def test_an_ended_measure_is_delivered_by_its_end_only(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    plan, _ = await planned(api, tokens)
    measure = plan["measures"][0]
    ended_on = today - timedelta(days=3)
    tag = (await api.get(f"{PLANS}/{plan['id']}", headers=auth(tokens["admin"]))).headers["etag"]
    ended = await api.post(
        f"{PLANS}/{plan['id']}/amendments",
        json={
            "action": "end",
            "measure_id": measure["id"],
            "ended_on": ended_on.isoformat(),
            "reason": "停止",
        },
        headers=auth(tokens["admin"], **{"If-Match": tag}),
    )
    assert ended.status_code == 200, ended.text
    late = await deliver(
        api, tokens["admin"], plan["id"], measure["id"], delivered_on=ended_on + timedelta(days=1)
    )
    assert late.status_code == 422
    assert (
        await deliver(api, tokens["admin"], plan["id"], measure["id"], delivered_on=ended_on)
    ).status_code == 200


async def test_a_measure_is_delivered_once(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    plan, _ = await planned(api, tokens)
    measure_id = plan["measures"][0]["id"]
    assert (await deliver(api, tokens["admin"], plan["id"], measure_id)).status_code == 200
    again = await deliver(api, tokens["admin"], plan["id"], measure_id)
    assert again.status_code == 409 and again.json()["code"] == "measure_delivered"
    assert len(await announced(stack, MEASURE_DELIVERED)) == 1


async def test_a_delivery_needs_the_plans_current_version(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    plan, _ = await planned(api, tokens)
    url = f"{PLANS}/{plan['id']}/measures/{plan['measures'][0]['id']}/delivery"
    body = {"delivered_on": today.isoformat(), "note": "x"}
    assert (await api.post(url, json=body, headers=auth(tokens["admin"]))).status_code == 428
    stale = await api.post(url, json=body, headers=auth(tokens["admin"], **{"If-Match": '"99"'}))
    assert stale.status_code == 412
    assert await count(stack, DELIVERED) == 0


async def test_only_civil_affairs_records_dibao(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, civil_affairs: dict[str, str]
) -> None:
    plan, _ = await planned(api, tokens, dibao(), measure_body())
    dibao_id = next(m["id"] for m in plan["measures"] if m["kind"] == "safety_net")
    for who in ("helper_wang", "village_beidahe", "town_kejing", "admin"):
        refused = await deliver(api, tokens[who], plan["id"], dibao_id, reader=tokens["admin"])
        assert refused.status_code == 403 and refused.json()["code"] == "civil_affairs_only", who
    other_department = await deliver(api, tokens["dept_hrss"], plan["id"], dibao_id, reader=tokens["admin"])
    assert other_department.status_code == 403
    assert await count(stack, DELIVERED) == 0
    done = await deliver(api, civil_affairs["officer"], plan["id"], dibao_id, note="已审批，次月发放")
    assert done.status_code == 200, done.text
    [(_, event)] = await announced(stack, MEASURE_DELIVERED)
    assert (event.policy_code, event.qualifies_safety_net, event.kind) == ("dibao", True, "safety_net")
    last = (await history(api, tokens["admin"], plan["id"]))[-1]
    assert (last["actor_role"], last["actor_department"]) == ("department_officer", "民政局")


async def test_civil_affairs_records_only_its_own_measures(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, civil_affairs: dict[str, str]
) -> None:
    plan, _ = await planned(api, tokens)
    refused = await deliver(api, civil_affairs["officer"], plan["id"], plan["measures"][0]["id"])
    assert refused.status_code == 403 and refused.json()["code"] == "field_workers_only"


async def test_a_delivery_outside_ones_scope_finds_nothing(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    far, _ = await planned(api, tokens, town_code=WANGWU, village_code=WANGWU_VILLAGE)
    for who in ("village_beidahe", "town_kejing"):
        answer = await deliver(api, tokens[who], far["id"], far["measures"][0]["id"], reader=tokens["admin"])
        assert answer.status_code == 404, who
    unassigned_id, _ = await household_with_people(api, tokens)
    unassigned = await make_plan(api, tokens["admin"], unassigned_id)
    answer = await deliver(
        api, tokens["helper_wang"], unassigned["id"], unassigned["measures"][0]["id"], reader=tokens["admin"]
    )
    assert answer.status_code == 404
    for who in ("auditor", "integrator_hrss"):
        assert (
            await deliver(api, tokens[who], far["id"], far["measures"][0]["id"], reader=tokens["admin"])
        ).status_code == 403
    assert await count(stack, DELIVERED) == 0


# --- civil affairs' batch ------------------------------------------------------------------------


def record(record_id: str, number: str, **overrides: Any) -> dict[str, Any]:
    body = {
        "record_id": record_id,
        "id_number": number,
        "policy_code": "dibao",
        "delivered_on": clock.today().isoformat(),
        "note": "2025 年低保，按月发放",
    }
    body.update(overrides)
    return body


async def post_batch(
    api: httpx.AsyncClient, token: str, *records: dict[str, Any], batch_id: str = "MZ-1"
) -> httpx.Response:
    return await api.post(BATCHES, json={"batch_id": batch_id, "records": list(records)}, headers=auth(token))


async def test_the_civil_affairs_batch_records_in_place(
    api: httpx.AsyncClient,
    tokens: dict[str, str],
    stack: Stack,
    civil_affairs: dict[str, str],
    today: date,
) -> None:
    # A 脱贫户 without a plan; one with a 低保 measure planned; an ordinary household nobody monitors.
    bare = [member(name="赵大", id_number=id_number(date(1950, 1, 1)), labour="none")]
    bare_id, bare_people = await household_with_people(api, tokens, members=bare)
    planned_plan, _ = await planned(api, tokens, dibao())
    plain = [member(name="钱二", id_number=id_number(date(1960, 1, 1)))]
    await household_with_people(api, tokens, members=plain, kind="ordinary")
    left = [member(name="孙三", id_number=id_number(date(1961, 1, 1)))]
    _, left_people = await household_with_people(api, tokens, members=left)
    async with stack.db("monitoring").engine.begin() as conn:
        await conn.execute(
            text("UPDATE monitoring.members SET left_on = current_date WHERE id = :id"),
            {"id": left_people["孙三"]},
        )
    records = [
        record("R1", bare[0]["id_number"], policy_code="tekun"),
        record("R2", (await _number_of(api, tokens, planned_plan["household_id"], "王建国"))),
        record("R3", plain[0]["id_number"]),
        record("R4", id_number(date(1970, 1, 1))),  # nobody registered
        record("R5", "410881199001011234"),  # checksum wrong
        record("R6", bare[0]["id_number"], policy_code="public_welfare_post"),
        record("R7", bare[0]["id_number"], delivered_on=(today + timedelta(days=1)).isoformat()),
        record("R8", left[0]["id_number"]),
    ]
    answer = await post_batch(api, civil_affairs["system"], *records)
    assert answer.status_code == 200, answer.text
    report = answer.json()
    outcomes = {r["record_id"]: r["outcome"] for r in report["records"]}
    assert outcomes == {
        "R1": "delivered",
        "R2": "delivered",
        "R3": "refused",
        "R4": "refused",
        "R5": "refused",
        "R6": "refused",
        "R7": "refused",
        "R8": "refused",
    }
    assert (report["received"], report["delivered"], report["already_delivered"], report["refused"]) == (
        8,
        2,
        0,
        6,
    )
    assert report["department"] == "民政局" and [r["record_id"] for r in report["records"]] == [
        r["record_id"] for r in records
    ]
    # The planned 低保 measure is delivered where it stood; the bare household got this year's plan.
    in_place = await plan_of(api, tokens["admin"], planned_plan["id"])
    assert in_place["measures"][0]["id"] == report["records"][1]["measure_id"]
    assert in_place["measures"][0]["delivered_on"] == today.isoformat()
    made = (await api.get(PLANS, params={"household_id": bare_id}, headers=auth(tokens["admin"]))).json()[
        "items"
    ]
    [new_plan] = made
    [tekun] = new_plan["measures"]
    assert (new_plan["year"], tekun["member_id"], tekun["kind"]) == (
        today.year,
        bare_people["赵大"],
        "safety_net",
    )
    assert (
        tekun["delivered_on"] == today.isoformat()
        and tekun["ends_on"] == date(today.year, 12, 31).isoformat()
    )
    assert [h["action"] for h in await history(api, tokens["admin"], new_plan["id"])] == ["create", "deliver"]
    events = [e for _, e in await announced(stack, MEASURE_DELIVERED)]
    assert sorted(e.policy_code for e in events) == ["dibao", "tekun"]
    assert all(e.qualifies_safety_net for e in events)
    assert all("id_number" not in r for r in report["records"])  # the answer names records only


async def _number_of(api: httpx.AsyncClient, tokens: dict[str, str], household_id: str, name: str) -> str:
    listed = await api.get(
        f"/api/monitoring/v1/households/{household_id}/members", headers=auth(tokens["admin"])
    )
    return next(m["id_number"] for m in listed.json() if m["name"] == name)  # type: ignore[no-any-return]


async def test_the_batch_posted_again_records_nothing_new(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, civil_affairs: dict[str, str]
) -> None:
    people = [member(name="赵大", id_number=id_number(date(1950, 1, 1)), labour="none")]
    await household_with_people(api, tokens, members=people)
    first = await post_batch(api, civil_affairs["system"], record("R1", people[0]["id_number"]))
    assert first.json()["delivered"] == 1
    rows = {
        t: await count(stack, f"SELECT count(*) FROM monitoring.{t}")
        for t in ("assistance_plans", "measures", "plan_amendments", "outbox")
    }
    again = await post_batch(
        api,
        civil_affairs["system"],
        record("R1", people[0]["id_number"]),
        record("R2", people[0]["id_number"]),
    )
    assert again.status_code == 200
    assert [r["outcome"] for r in again.json()["records"]] == ["already_delivered", "already_delivered"]
    assert again.json()["records"][0]["measure_id"] == first.json()["records"][0]["measure_id"]
    for table, before in rows.items():
        assert await count(stack, f"SELECT count(*) FROM monitoring.{table}") == before, table


async def test_only_the_civil_affairs_system_posts_batches(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, civil_affairs: dict[str, str]
) -> None:
    people = [member(name="赵大", id_number=id_number(date(1950, 1, 1)), labour="none")]
    await household_with_people(api, tokens, members=people)
    for token in (
        tokens["integrator_hrss"],
        tokens["admin"],
        civil_affairs["officer"],
        tokens["village_beidahe"],
    ):
        assert (await post_batch(api, token, record("R1", people[0]["id_number"]))).status_code == 403
    assert await count(stack, DELIVERED) == 0


async def test_a_batch_repeating_a_record_id_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, civil_affairs: dict[str, str]
) -> None:
    people = [member(name="赵大", id_number=id_number(date(1950, 1, 1)), labour="none")]
    await household_with_people(api, tokens, members=people)
    number = people[0]["id_number"]
    answer = await post_batch(api, civil_affairs["system"], record("R1", number), record("R1", number))
    assert answer.status_code == 422 and answer.json()["errors"][0]["field"] == "body.records.1.record_id"
    assert await count(stack, DELIVERED) == 0


async def test_concurrent_batches_make_one_plan_and_one_measure(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, civil_affairs: dict[str, str]
) -> None:
    people = [member(name="赵大", id_number=id_number(date(1950, 1, 1)), labour="none")]
    await household_with_people(api, tokens, members=people)
    number = people[0]["id_number"]
    answers = await asyncio.gather(
        *(
            post_batch(api, civil_affairs["system"], record("R1", number), batch_id=f"MZ-{n}")
            for n in range(3)
        )
    )
    assert all(a.status_code == 200 for a in answers), [a.text for a in answers]
    outcomes = sorted(a.json()["records"][0]["outcome"] for a in answers)
    assert outcomes == ["already_delivered", "already_delivered", "delivered"]
    assert await count(stack, "SELECT count(*) FROM monitoring.assistance_plans") == 1
    assert await count(stack, DELIVERED) == 1


# --- who is civil affairs (pure rule) ------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "department", "civil"),
    [
        (Role.DEPARTMENT_OFFICER, "民政局", True),
        (Role.INTEGRATOR, "民政局", True),
        (Role.DEPARTMENT_OFFICER, "人社局", False),
        (Role.INTEGRATOR, None, False),
        (Role.DISTRICT_ADMIN, "民政局", False),  # a department in a token does not make a person 民政
    ],
)
def test_civil_affairs_is_a_department_role_of_a_listed_department(
    role: Role, department: str | None, civil: bool
) -> None:
    principal = Principal(subject="s", username="s", role=role, department=department)
    assert access.is_civil_affairs(principal, MonitoringSettings()) is civil


def test_the_civil_affairs_departments_are_a_setting() -> None:
    principal = Principal(subject="s", username="s", role=Role.INTEGRATOR, department="民政事务局")
    settings = MonitoringSettings(civil_affairs_departments=["民政事务局"])
    access.civil_affairs_only(principal, settings)
    with pytest.raises(Forbidden):
        access.civil_affairs_only(principal, MonitoringSettings())


async def test_a_batch_record_of_an_implausible_date_is_422(
    api: httpx.AsyncClient, tokens: dict[str, str], civil_affairs: dict[str, str]
) -> None:
    answer = await post_batch(
        api, civil_affairs["system"], record("R1", id_number(), delivered_on="1999-12-31")
    )
    assert answer.status_code == 422 and answer.json()["errors"][0]["field"] == "body.records.0.delivered_on"
