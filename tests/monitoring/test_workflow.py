"""识别纳入 → 帮扶 → 风险消除/兜底: every step by its role, illegal steps refused, history kept."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from services.monitoring.workflow.events import HOUSEHOLD_INCLUDED, RISK_ELIMINATED, SAFETY_NET_MARKED
from shared import clock
from tests.conftest import Stack
from tests.helpers import WANGWU, WANGWU_VILLAGE, auth
from tests.monitoring.factories import (
    ALERTS,
    HOUSEHOLDS,
    advance,
    announced,
    count,
    create_household,
    declare,
    id_number,
    include,
    member,
    step,
)
from tests.monitoring.measures import deliver, eligible_household, plan_measures, sql


async def alerts_of(
    api: httpx.AsyncClient, tokens: dict[str, str], household_id: str
) -> list[dict[str, Any]]:
    resp = await api.get(ALERTS, params={"household_id": household_id}, headers=auth(tokens["admin"]))
    return resp.json()["items"]  # type: ignore[no-any-return]


async def take(
    api: httpx.AsyncClient, token: str, household_id: str, action: str, if_match: str = "*"
) -> httpx.Response:
    """A step asked for without looking the household up first (as a caller who cannot see it would)."""
    return await api.post(
        f"{HOUSEHOLDS}/{household_id}/transitions",
        json={"action": action, "reason": "x"},
        headers=auth(token, **{"If-Match": if_match}),
    )


# --- inclusion ------------------------------------------------------------------------------------


async def test_inclusion_makes_the_household_monitored_with_its_case(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await create_household(api, tokens["village_beidahe"], kind="ordinary")
    included = await include(api, tokens, household["id"], stack, subtype="sudden_hardship")
    assert included["status"] == "included" and included["kind"] == "ordinary"
    assert included["subtype_label"] == "突发严重困难户" and included["risk_causes"] == ["illness"]
    assert included["included_on"] == clock.today().isoformat()


async def test_inclusion_announces_only_able_bodied_working_age_members(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    today = clock.today()
    able = member(id_number=id_number(today.replace(year=today.year - 30)), labour="skilled")
    too_old = member(
        name="王老汉",
        relation="parent",
        id_number=id_number(today.replace(year=today.year - 60)),
        labour="ordinary",
    )
    weak = member(name="李秀英", relation="spouse", id_number=id_number(date(1985, 1, 1)), labour="weak")
    child = member(name="王小明", relation="child", id_number=id_number(today.replace(year=today.year - 15)))
    household = await create_household(api, tokens["village_beidahe"], members=[able, too_old, weak, child])
    members = (await api.get(f"{HOUSEHOLDS}/{household['id']}/members", headers=auth(tokens["admin"]))).json()
    able_id = next(m["id"] for m in members if m["id_number"] == able["id_number"])
    await include(api, tokens, household["id"], stack)
    [(event, payload)] = await announced(stack, HOUSEHOLD_INCLUDED)
    assert event["subject"] == household["id"]
    assert [str(m) for m in payload.able_bodied_member_ids] == [able_id]
    assert payload.subtype == "unstable" and payload.risk_causes == ["illness"]
    assert "王" not in str(event) and able["id_number"] not in str(event)


async def test_inclusion_confirms_the_households_alert(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await create_household(api, tokens["admin"])
    await include(api, tokens, household["id"], stack)
    [alert] = await alerts_of(api, tokens, household["id"])
    assert alert["status"] == "confirmed"


async def test_history_keeps_every_step_with_actor_and_reason(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await create_household(api, tokens["admin"])
    await include(api, tokens, household["id"], stack)
    history = (
        await api.get(f"{HOUSEHOLDS}/{household['id']}/transitions", headers=auth(tokens["auditor"]))
    ).json()
    assert [h["action"] for h in history] == [
        "start_verification",
        "submit_village_review",
        "village_approve",
        "close_notice",
        "town_approve",
        "approve",
    ]
    assert (
        history[-1]["actor_role"] == "district_admin"
        and history[-1]["to_status_label"] == "已纳入监测（帮扶中）"
    )
    assert all(h["reason"] and h["at"] for h in history)


async def test_risk_elimination_is_earned_through_the_procedure_and_announced(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    """No longer a click from 已纳入 (issue 11): the conditions hold, then the democratic procedure
    (tests/monitoring/test_elimination.py covers each condition and stage)."""
    household = await eligible_household(api, tokens, stack)
    click = await step(api, tokens["admin"], household["id"], "eliminate_risk", reason="收入稳定")
    assert click.status_code == 409
    posted = (clock.today() - timedelta(days=6)).isoformat()
    for who, action, extra in [
        ("village_beidahe", "start_elimination", {}),
        ("village_beidahe", "submit_elimination_review", {}),
        ("village_beidahe", "post_elimination_notice", {"notice_posted_on": posted}),
        ("village_beidahe", "close_elimination_notice", {}),
        ("town_kejing", "town_approve_elimination", {}),
        ("admin", "eliminate_risk", {}),
    ]:
        if action == "post_elimination_notice":
            await sql(
                stack,
                "UPDATE monitoring.transitions SET at = now() - interval '7 days' WHERE household_id = :h",
                h=household["id"],
            )
        done = await step(api, tokens[who], household["id"], action, **extra)
        assert done.status_code == 200, (action, done.text)
    assert done.json()["status"] == "risk_eliminated"
    [(_, gone)] = await announced(stack, RISK_ELIMINATED)
    assert gone.eliminated_on == clock.today()


# --- steps refused --------------------------------------------------------------------------------


async def test_verification_needs_an_open_alert(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    household = await create_household(api, tokens["admin"])
    none = await step(api, tokens["village_beidahe"], household["id"], "start_verification")
    assert none.status_code == 409 and none.json()["code"] == "invalid_transition"


async def test_step_from_the_wrong_state_is_409_naming_the_state(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    household = await create_household(api, tokens["admin"])
    wrong = await step(api, tokens["admin"], household["id"], "approve")
    assert wrong.status_code == 409 and wrong.json()["current_status"] == "not_monitored"
    assert "未纳入监测" in wrong.json()["detail"]


async def test_village_review_needs_subtype(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await create_household(api, tokens["admin"])
    await advance(api, tokens, household["id"], stack, through="start_verification")
    missing = await step(api, tokens["village_beidahe"], household["id"], "submit_village_review")
    assert missing.status_code == 422 and missing.json()["errors"][0]["field"] == "body.subtype"


async def notice_posted_today(
    api: httpx.AsyncClient, tokens: dict[str, str], household_id: str, stack: Stack
) -> None:
    await advance(api, tokens, household_id, stack, through="submit_village_review")
    assert (await step(api, tokens["village_beidahe"], household_id, "village_approve")).status_code == 200


async def test_notice_cannot_close_within_the_objection_window(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await create_household(api, tokens["admin"])
    await notice_posted_today(api, tokens, household["id"], stack)
    early = await step(api, tokens["village_beidahe"], household["id"], "close_notice")
    assert early.status_code == 409 and "公示期至" in early.json()["detail"]


async def test_objection_reopens_the_case(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    """An objection is a record (tests/monitoring/test_objections.py); found upheld, it reopens the
    case, and the case goes round again."""
    hid = (await create_household(api, tokens["admin"]))["id"]
    await notice_posted_today(api, tokens, hid, stack)
    direct = await step(api, tokens["village_beidahe"], hid, "object", reason="村民反映家中有营运车辆")
    assert direct.status_code == 422 and direct.json()["code"] == "objection_required"
    lodged = await api.post(
        f"{HOUSEHOLDS}/{hid}/objections",
        json={"content": "村民反映家中有营运车辆"},
        headers=auth(tokens["village_beidahe"]),
    )
    assert lodged.status_code == 201, lodged.text
    upheld = await api.post(
        f"{HOUSEHOLDS}/{hid}/objections/{lodged.json()['id']}/finding",
        json={"finding": "upheld", "note": "核实确有营运车辆，重新核实收入"},
        headers=auth(tokens["village_beidahe"], **{"If-Match": lodged.headers["etag"]}),
    )
    assert upheld.status_code == 200, upheld.text
    reopened = (await api.get(f"{HOUSEHOLDS}/{hid}", headers=auth(tokens["admin"]))).json()
    assert reopened["status"] == "verifying" and reopened["notice_posted_on"] is None
    await step(
        api,
        tokens["village_beidahe"],
        hid,
        "submit_village_review",
        subtype="unstable",
        risk_causes=["other"],
    )
    posted = (clock.today() - timedelta(days=5)).isoformat()
    resubmitted = await step(api, tokens["village_beidahe"], hid, "village_approve", notice_posted_on=posted)
    assert resubmitted.status_code == 200, resubmitted.text
    assert (await step(api, tokens["village_beidahe"], hid, "close_notice")).status_code == 200


async def test_town_review_is_the_towns(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    """The village cadre may not take it (the step table); department, auditor, integrator and
    helper take no workflow step at all (the endpoint's roles)."""
    household = await create_household(api, tokens["admin"])
    await advance(api, tokens, household["id"], stack, through="close_notice")
    for who in ("village_beidahe", "dept_hrss", "auditor", "integrator_hrss", "helper_wang"):
        resp = await take(api, tokens[who], household["id"], "town_approve")
        assert resp.status_code == 403, (who, resp.text)
    assert (await step(api, tokens["town_kejing"], household["id"], "town_approve")).status_code == 200


async def test_district_approval_is_the_districts(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await create_household(api, tokens["admin"])
    await advance(api, tokens, household["id"], stack, through="town_approve")
    assert (await step(api, tokens["town_kejing"], household["id"], "approve")).status_code == 403
    assert await announced(stack, HOUSEHOLD_INCLUDED) == []


async def test_refusal_is_decided_by_the_level_holding_the_case(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = (await create_household(api, tokens["admin"]))["id"]
    await advance(api, tokens, hid, stack, through="town_approve")
    assert (await step(api, tokens["village_beidahe"], hid, "reject")).status_code == 403
    rejected = await step(api, tokens["admin"], hid, "reject", reason="经审批不符合纳入条件")
    assert rejected.status_code == 200


async def test_refused_case_returns_the_household_to_rest_and_dismisses_its_alert(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = (await create_household(api, tokens["admin"]))["id"]
    await advance(api, tokens, hid, stack, through="town_approve")
    body = (await step(api, tokens["admin"], hid, "reject", reason="经审批不符合纳入条件")).json()
    assert body["status"] == "not_monitored" and body["subtype"] is None and body["risk_causes"] == []
    [alert] = await alerts_of(api, tokens, hid)
    assert alert["status"] == "dismissed"
    assert await announced(stack, HOUSEHOLD_INCLUDED) == []


async def test_step_with_a_stale_etag_is_412_and_moves_nothing(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = (await create_household(api, tokens["admin"]))["id"]
    await declare(api, tokens["admin"], hid)
    assert (await step(api, tokens["admin"], hid, "start_verification")).status_code == 200
    stale = await take(api, tokens["admin"], hid, "submit_village_review", if_match='"1"')
    assert stale.status_code == 412 and stale.json()["code"] == "stale_version"
    assert (await api.get(f"{HOUSEHOLDS}/{hid}", headers=auth(tokens["admin"]))).json()[
        "status"
    ] == "verifying"


async def test_step_on_another_towns_household_is_404(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    wangwu = await create_household(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE)
    await declare(api, tokens["admin"], wangwu["id"])
    foreign = await take(api, tokens["town_kejing"], wangwu["id"], "start_verification")
    assert foreign.status_code == 404
    assert await count(stack, "SELECT count(*) FROM monitoring.transitions") == 0


# --- after inclusion ------------------------------------------------------------------------------


# 兜底保障户 only once 低保 or 特困供养 is fully in place (seed §一(一)): delivered and still running.


async def marking(api: httpx.AsyncClient, tokens: dict[str, str], household_id: str) -> httpx.Response:
    return await step(api, tokens["town_kejing"], household_id, "mark_safety_net", reason="低保已足额落实")


async def without_labour(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> str:
    household = await create_household(api, tokens["admin"], members=[member(labour="lost")])
    await include(api, tokens, household["id"], stack)
    return household["id"]  # type: ignore[no-any-return]


async def test_safety_net_needs_a_subsistence_measure(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = await without_labour(api, tokens, stack)
    refused = await marking(api, tokens, hid)
    assert refused.status_code == 409 and refused.json()["code"] == "safety_net_not_in_place"
    assert "没有低保或特困供养措施" in refused.json()["detail"]


@pytest.mark.parametrize(
    "policy",
    [
        "medical_assistance",
        "dangerous_house_renovation",
        "drinking_water_project",
        "education_aid",
        "insurance_subsidy",
    ],
)
async def test_other_safety_net_aid_does_not_make_a_safety_net_household(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, policy: str
) -> None:
    hid = await without_labour(api, tokens, stack)
    [measure] = await plan_measures(api, tokens["town_kejing"], hid, policy)
    assert measure["kind"] == "safety_net"
    await deliver(stack, measure["id"])
    refused = await marking(api, tokens, hid)
    assert refused.status_code == 409 and refused.json()["code"] == "safety_net_not_in_place"
    assert await announced(stack, SAFETY_NET_MARKED) == []


async def test_a_planned_subsistence_measure_is_not_yet_in_place(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = await without_labour(api, tokens, stack)
    today = clock.today()
    [measure] = await plan_measures(
        api, tokens["town_kejing"], hid, "dibao", ends_on=today + timedelta(days=1)
    )
    undelivered = await marking(api, tokens, hid)
    assert undelivered.status_code == 409 and "尚未落实" in undelivered.json()["detail"]
    await deliver(stack, measure["id"], today + timedelta(days=1))  # delivered from tomorrow
    assert (await marking(api, tokens, hid)).status_code == 409


async def test_an_ended_subsistence_measure_is_no_longer_in_place(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = await without_labour(api, tokens, stack)
    yesterday = clock.today() - timedelta(days=1)
    [measure] = await plan_measures(
        api, tokens["town_kejing"], hid, "dibao", starts_on=yesterday, ends_on=yesterday
    )
    await deliver(stack, measure["id"], yesterday)
    ended = await marking(api, tokens, hid)
    assert ended.status_code == 409 and "已到期" in ended.json()["detail"]


@pytest.mark.parametrize("policy", ["dibao", "tekun"])
async def test_safety_net_marking_with_subsistence_in_place_is_announced_and_final(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, policy: str
) -> None:
    """Running through today (ends_on = today) is still in place."""
    hid = await without_labour(api, tokens, stack)
    [measure] = await plan_measures(api, tokens["town_kejing"], hid, policy)
    await deliver(stack, measure["id"])
    marked = await marking(api, tokens, hid)
    assert marked.status_code == 200 and marked.json()["status_label"] == "兜底保障户"
    [(_, event)] = await announced(stack, SAFETY_NET_MARKED)
    assert str(event.household_id) == hid
    again = await step(api, tokens["admin"], hid, "start_elimination")
    assert again.status_code == 409


async def test_a_retried_step_is_taken_once(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await create_household(api, tokens["admin"])
    await declare(api, tokens["admin"], household["id"], reason="申报")
    headers = auth(tokens["village_beidahe"], **{"If-Match": '"1"', "Idempotency-Key": "field-app-42"})
    body = {"action": "start_verification", "reason": "入户核实"}
    url = f"{HOUSEHOLDS}/{household['id']}/transitions"
    first = await api.post(url, json=body, headers=headers)
    again = await api.post(url, json=body, headers=headers)
    assert first.status_code == again.status_code == 200
    assert again.headers.get("idempotent-replayed") == "true" and again.json() == first.json()
    assert await count(stack, "SELECT count(*) FROM monitoring.transitions") == 1
