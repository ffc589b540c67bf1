"""Assistance plans for 脱贫户 and monitored households, measures for a person, and amendments
(add, end, replace) with their history — seed §二(五), issue 11 contradiction 4."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from services.monitoring.assistance.service import plannable
from services.monitoring.models import Household, HouseholdKind, HouseholdStatus
from tests.conftest import Stack
from tests.helpers import WANGWU, WANGWU_VILLAGE, auth
from tests.monitoring.factories import count, helper_id, town_official
from tests.monitoring.plans import (
    PLANS,
    amend,
    etag,
    history,
    household_with_people,
    make_plan,
    measure_body,
    plan_of,
    post_plan,
)

S = HouseholdStatus
K = HouseholdKind
MEASURES = "SELECT count(*) FROM monitoring.measures"
AMENDMENTS = "SELECT count(*) FROM monitoring.plan_amendments"


async def sql(stack: Stack, statement: str, **params: object) -> None:
    async with stack.db("monitoring").engine.begin() as conn:
        await conn.execute(text(statement), params)


# --- who gets a plan (pure rule) -----------------------------------------------------------------


def household(kind: K, status: S, included_on: date | None) -> Household:
    return Household(kind=kind, status=status, included_on=included_on)


ONCE = date(2024, 3, 1)


@pytest.mark.parametrize(
    ("kind", "status", "included_on", "expected"),
    [
        (K.LIFTED_OUT, S.NOT_MONITORED, None, True),  # a 脱贫户 whether or not it is monitored
        (K.LIFTED_OUT, S.RISK_ELIMINATED, ONCE, True),
        (K.ORDINARY, S.INCLUDED, ONCE, True),  # a monitored household
        (K.LOW_INCOME, S.SAFETY_NET, ONCE, True),
        (K.ORDINARY, S.VERIFYING, ONCE, True),  # once included, in a new case
        (K.ORDINARY, S.TOWN_REVIEW, ONCE, True),
        (K.ORDINARY, S.VERIFYING, None, False),  # in a case, never included
        (K.ORDINARY, S.NOT_MONITORED, None, False),
        (K.ORDINARY, S.RISK_ELIMINATED, ONCE, False),  # back at rest
        (K.LOW_INCOME, S.NOT_MONITORED, None, False),
    ],
)
def test_who_gets_a_plan(kind: K, status: S, included_on: date | None, expected: bool) -> None:
    assert plannable(household(kind, status, included_on)) is expected


# --- plans through the API -----------------------------------------------------------------------


async def test_a_lifted_out_household_gets_a_plan_unmonitored(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid, people = await household_with_people(api, tokens)
    plan = await make_plan(api, tokens["village_beidahe"], hid, measure_body(member_id=people["王建国"]))
    assert plan["measures"][0]["member_id"] == people["王建国"]
    assert plan["measures"][0]["delivered_on"] is None and plan["measures"][0]["ended_on"] is None
    [created] = await history(api, tokens["admin"], plan["id"])
    assert (created["action"], created["action_label"]) == ("create", "制定计划")
    assert created["measure_id"] == plan["measures"][0]["id"] and created["actor_role"] == "village_cadre"


async def test_a_monitored_household_that_is_not_lifted_out_gets_a_plan(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid, _ = await household_with_people(api, tokens, stack=stack, kind="ordinary", subtype="marginal")
    assert (await post_plan(api, tokens["admin"], hid)).status_code == 201


@pytest.mark.parametrize(
    "setting",
    [
        "status = 'not_monitored'",
        "status = 'verifying', case_started_on = current_date",
        "status = 'risk_eliminated', subtype = 'marginal', risk_causes = '{illness}', "
        "included_on = current_date - 400, closed_on = current_date - 10",
    ],
    ids=["at rest", "in a first case", "risk eliminated"],
)
async def test_an_ordinary_household_not_monitored_gets_no_plan(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, setting: str
) -> None:
    hid, _ = await household_with_people(api, tokens, kind="ordinary")
    await sql(stack, f"UPDATE monitoring.households SET {setting} WHERE id = :id", id=hid)
    refused = await post_plan(api, tokens["admin"], hid)
    assert refused.status_code == 409, refused.text
    assert refused.json()["code"] == "household_not_plannable" and refused.json()["kind"] == "ordinary"
    assert await count(stack, "SELECT count(*) FROM monitoring.assistance_plans") == 0


async def test_a_measure_names_a_current_member_of_the_household(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid, people = await household_with_people(api, tokens)
    _, others = await household_with_people(api, tokens)
    await sql(
        stack, "UPDATE monitoring.members SET left_on = current_date WHERE id = :id", id=people["李桂兰"]
    )
    for stranger in (others["王建国"], people["李桂兰"], str(uuid.uuid4())):
        refused = await post_plan(api, tokens["admin"], hid, measure_body(member_id=stranger))
        assert refused.status_code == 422, refused.text
        assert refused.json()["errors"][0]["field"] == "body.measures.0.member_id"
    assert await count(stack, MEASURES) == 0


# --- amendments ----------------------------------------------------------------------------------


async def planned(api: httpx.AsyncClient, tokens: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """A 脱贫户 assigned to the demo helper with a plan of one measure for its head."""
    hid, people = await household_with_people(api, tokens, helper_user_id=await helper_id(api, tokens))
    plan = await make_plan(api, tokens["admin"], hid, measure_body(member_id=people["王建国"]))
    return plan, people


async def test_adding_a_measure_is_recorded(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    plan, people = await planned(api, tokens)
    added = await amend(
        api,
        tokens["helper_wang"],
        plan["id"],
        {
            "action": "add",
            "measure": measure_body(policy_code="skills_training", member_id=people["李桂兰"]),
            "reason": "妻子有意学习家政技能",
        },
    )
    assert added.status_code == 200, added.text
    after = added.json()
    assert after["version"] == plan["version"] + 1 and added.headers["etag"] == f'"{after["version"]}"'
    assert after["updated_at"] > plan["updated_at"]
    new = next(m for m in after["measures"] if m["member_id"] == people["李桂兰"])
    last = (await history(api, tokens["auditor"], plan["id"]))[-1]
    assert (last["action"], last["measure_id"], last["reason"]) == ("add", new["id"], "妻子有意学习家政技能")
    assert last["actor_role"] == "helper" and last["successor_id"] is None


async def test_an_amendment_needs_the_plans_current_version(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    plan, _ = await planned(api, tokens)
    body = {"action": "add", "measure": measure_body(), "reason": "增加"}
    stale = await amend(api, tokens["admin"], plan["id"], body, if_match=f'"{plan["version"] + 1}"')
    assert stale.status_code == 412 and stale.json()["code"] == "stale_version"
    missing = await api.post(f"{PLANS}/{plan['id']}/amendments", json=body, headers=auth(tokens["admin"]))
    assert missing.status_code == 428
    assert await count(stack, MEASURES) == 1 and await count(stack, AMENDMENTS) == 1


async def test_an_amendment_is_idempotent(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    plan, _ = await planned(api, tokens)
    tag = await etag(api, tokens["admin"], plan["id"])
    headers = auth(tokens["admin"], **{"If-Match": tag, "Idempotency-Key": "amend-1"})
    body = {"action": "add", "measure": measure_body(), "reason": "增加"}
    first = await api.post(f"{PLANS}/{plan['id']}/amendments", json=body, headers=headers)
    again = await api.post(f"{PLANS}/{plan['id']}/amendments", json=body, headers=headers)
    assert first.status_code == again.status_code == 200 and again.headers["idempotent-replayed"] == "true"
    assert await count(stack, MEASURES) == 2


async def test_ending_a_measure_keeps_it_with_its_reason(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    plan, _ = await planned(api, tokens)
    measure_id = plan["measures"][0]["id"]
    body = {"action": "end", "measure_id": measure_id, "ended_on": today.isoformat(), "reason": "已外出务工"}
    ended = await amend(api, tokens["village_beidahe"], plan["id"], body)
    assert ended.status_code == 200, ended.text
    [measure] = ended.json()["measures"]
    assert (measure["ended_on"], measure["end_reason"]) == (today.isoformat(), "已外出务工")
    again = await amend(api, tokens["village_beidahe"], plan["id"], body)
    assert again.status_code == 409 and again.json()["code"] == "measure_ended"
    assert [h["action"] for h in await history(api, tokens["admin"], plan["id"])] == ["create", "end"]


async def test_a_measure_ends_within_its_term_and_after_its_delivery(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    plan, _ = await planned(api, tokens)
    measure = plan["measures"][0]
    delivered_on = today - timedelta(days=5)
    await sql(
        stack,
        "UPDATE monitoring.measures SET delivered_on = :d WHERE id = :id",
        d=delivered_on,
        id=measure["id"],
    )

    def end(on: date) -> dict[str, str]:
        return {"action": "end", "measure_id": measure["id"], "ended_on": on.isoformat(), "reason": "x"}

    ends_on = date.fromisoformat(measure["ends_on"])
    for refused in (delivered_on - timedelta(days=1), ends_on + timedelta(days=1)):
        answer = await amend(api, tokens["admin"], plan["id"], end(refused))
        assert answer.status_code == 422 and answer.json()["errors"][0]["field"] == "body.ended_on", refused
    assert (await amend(api, tokens["admin"], plan["id"], end(delivered_on))).status_code == 200


async def test_the_last_day_of_the_term_may_end_a_measure(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    plan, _ = await planned(api, tokens)
    measure = plan["measures"][0]
    body = {"action": "end", "measure_id": measure["id"], "ended_on": measure["ends_on"], "reason": "到期"}
    assert (await amend(api, tokens["admin"], plan["id"], body)).status_code == 200


async def test_replacing_a_measure_links_its_successor(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    plan, people = await planned(api, tokens)
    old = plan["measures"][0]
    replaced = await amend(
        api,
        tokens["admin"],
        plan["id"],
        {
            "action": "replace",
            "measure_id": old["id"],
            "ended_on": today.isoformat(),
            "successor": measure_body(
                policy_code="job_transport_subsidy",
                description="介绍到县内企业务工",
                member_id=people["王建国"],
            ),
            "reason": "由公益岗位转为企业务工",
        },
    )
    assert replaced.status_code == 200, replaced.text
    measures = {m["id"]: m for m in replaced.json()["measures"]}
    [successor] = [m for m in measures.values() if m["replaces_id"] == old["id"]]
    assert measures[old["id"]]["ended_on"] == today.isoformat()
    last = (await history(api, tokens["admin"], plan["id"]))[-1]
    assert (last["action"], last["measure_id"], last["successor_id"]) == (
        "replace",
        old["id"],
        successor["id"],
    )
    again = await amend(
        api,
        tokens["admin"],
        plan["id"],
        {
            "action": "replace",
            "measure_id": old["id"],
            "ended_on": today.isoformat(),
            "successor": measure_body(),
            "reason": "again",
        },
    )
    assert again.status_code == 409 and again.json()["code"] == "measure_ended"


async def test_a_bad_amendment_writes_nothing(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    plan, _ = await planned(api, tokens)
    other, _ = await planned(api, tokens)
    cases: list[tuple[dict[str, Any], int]] = [
        (
            {
                "action": "end",
                "measure_id": other["measures"][0]["id"],
                "ended_on": today.isoformat(),
                "reason": "x",
            },
            404,
        ),
        ({"action": "add", "measure": measure_body(member_id=str(uuid.uuid4())), "reason": "x"}, 422),
        ({"action": "add", "measure": measure_body(policy_code="nope"), "reason": "x"}, 422),
        ({"action": "delete", "measure_id": plan["measures"][0]["id"], "reason": "x"}, 422),
        ({"action": "end", "measure_id": plan["measures"][0]["id"], "ended_on": today.isoformat()}, 422),
    ]
    for body, status in cases:
        answer = await amend(api, tokens["admin"], plan["id"], body)
        assert answer.status_code == status, (body, answer.text)
    assert await count(stack, MEASURES) == 2 and await count(stack, AMENDMENTS) == 2
    assert (await plan_of(api, tokens["admin"], plan["id"]))["version"] == plan["version"]


async def test_a_successor_for_someone_else_is_refused_on_its_field(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    plan, _ = await planned(api, tokens)
    answer = await amend(
        api,
        tokens["admin"],
        plan["id"],
        {
            "action": "replace",
            "measure_id": plan["measures"][0]["id"],
            "ended_on": today.isoformat(),
            "successor": measure_body(member_id=str(uuid.uuid4())),
            "reason": "x",
        },
    )
    assert answer.status_code == 422 and answer.json()["errors"][0]["field"] == "body.successor.member_id"
    assert (await plan_of(api, tokens["admin"], plan["id"]))["measures"][0]["ended_on"] is None


async def test_a_plan_holds_at_most_the_configured_measures(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    plan, _ = await planned(api, tokens)
    # 98 more: 99 in all, one below the limit of 100.
    await sql(
        stack,
        "INSERT INTO monitoring.measures (id, plan_id, household_id, kind, description, owner, starts_on, ends_on) "
        "SELECT gen_random_uuid(), p.id, p.household_id, 'developmental', 'x', 'y', current_date, current_date "
        "FROM monitoring.assistance_plans p, generate_series(1, 98) WHERE p.id = :id",
        id=plan["id"],
    )
    body = {"action": "add", "measure": measure_body(), "reason": "x"}
    assert (await amend(api, tokens["admin"], plan["id"], body)).status_code == 200
    full = await amend(api, tokens["admin"], plan["id"], body)
    assert full.status_code == 409 and full.json()["code"] == "plan_full"


async def test_roles_that_do_not_help_may_not_amend(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    plan, _ = await planned(api, tokens)
    body = {"action": "add", "measure": measure_body(), "reason": "x"}
    for who in ("auditor", "dept_hrss", "integrator_hrss"):
        answer = await amend(api, tokens[who], plan["id"], body, if_match="*")
        assert answer.status_code == 403, who
    assert await count(stack, MEASURES) == 1


async def test_a_plan_outside_ones_scope_does_not_exist(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    far_id, _ = await household_with_people(api, tokens, town_code=WANGWU, village_code=WANGWU_VILLAGE)
    far = await make_plan(api, tokens["admin"], far_id)
    unassigned_id, _ = await household_with_people(api, tokens)
    unassigned = await make_plan(api, tokens["admin"], unassigned_id)
    wangwu = await town_official(api, tokens["admin"], WANGWU)
    for who, plan in (("town_kejing", far), ("village_beidahe", far), ("helper_wang", unassigned)):
        token = tokens[who]
        assert (await api.get(f"{PLANS}/{plan['id']}", headers=auth(token))).status_code == 404, who
        assert (await api.get(f"{PLANS}/{plan['id']}/amendments", headers=auth(token))).status_code == 404
        body = {"action": "add", "measure": measure_body(), "reason": "x"}
        assert (await amend(api, token, plan["id"], body, if_match="*")).status_code == 404, who
        listed = (await api.get(PLANS, headers=auth(token))).json()["items"]
        assert plan["id"] not in {p["id"] for p in listed}
    assert (await api.get(f"{PLANS}/{far['id']}", headers=auth(wangwu))).status_code == 200
    assert await count(stack, MEASURES) == 2


# --- guards held by the database -----------------------------------------------------------------


async def refused_by(stack: Stack, statement: str, **params: object) -> str:
    """The constraint the database names when it refuses ``statement``."""
    with pytest.raises(IntegrityError) as refused:
        await sql(stack, statement, **params)
    return str(refused.value.orig.__cause__.constraint_name)  # type: ignore[union-attr]


async def test_the_database_keeps_measures_and_their_history(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    plan, _ = await planned(api, tokens)
    mid = plan["measures"][0]["id"]
    measure = "UPDATE monitoring.measures SET {} WHERE id = :id"
    cases = {
        "DELETE FROM monitoring.measures WHERE id = :id": "fk_plan_amendments_measure_id_measures",
        measure.format("ended_on = starts_on"): "ck_measures_ended_with_reason",
        measure.format("end_reason = 'x'"): "ck_measures_ended_with_reason",
        measure.format("ended_on = ends_on + 1, end_reason = 'x'"): "ck_measures_ended_within_term",
        measure.format(
            "delivered_on = starts_on + 1, ended_on = starts_on, end_reason = 'x'"
        ): "ck_measures_ended_after_delivery",
        measure.format("replaces_id = id"): "ck_measures_replaces_another",
        "INSERT INTO monitoring.plan_amendments (plan_id, action, measure_id, reason, actor, actor_role) "
        "SELECT plan_id, 'replace', id, 'x', 'x', 'x' FROM monitoring.measures WHERE id = :id": (
            "ck_plan_amendments_successor_only_on_replace"
        ),
    }
    for statement, constraint in cases.items():
        assert await refused_by(stack, statement, id=mid) == constraint, statement
    # One measure replaces another once.
    twins = (
        "INSERT INTO monitoring.measures (id, plan_id, household_id, kind, description, owner, starts_on, "
        "ends_on, replaces_id) SELECT gen_random_uuid(), plan_id, household_id, kind, 'x', 'y', starts_on, "
        "ends_on, id FROM monitoring.measures, generate_series(1, 2) WHERE id = :id"
    )
    assert await refused_by(stack, twins, id=mid) == "uq_measures_replaces_id"
