"""识别纳入 → 帮扶 → 风险消除/兜底: every step by its role, illegal steps refused, history kept."""

from __future__ import annotations

from datetime import date, timedelta

import httpx
from sqlalchemy import text

from services.monitoring.workflow.events import HouseholdIncluded, RiskEliminated, SafetyNetMarked
from tests.conftest import Stack
from tests.helpers import WANGWU, WANGWU_VILLAGE, auth
from tests.monitoring.factories import (
    HOUSEHOLDS,
    backdate_alerts,
    create_household,
    id_number,
    include,
    member,
    step,
)

ALERTS = "/api/monitoring/v1/alerts"


async def outbox(stack: Stack, event_type: str) -> list[dict[str, object]]:
    async with stack.db("monitoring").engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT envelope FROM monitoring.outbox WHERE envelope->>'type' = :t ORDER BY position"),
            {"t": event_type},
        )
        return [r[0] for r in rows]


async def test_inclusion_flow_publishes_able_bodied_members(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    today = date.today()
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

    included = await include(api, tokens, household["id"], stack)
    assert included["status"] == "included" and included["kind"] == "monitored"
    assert included["subtype_label"] == "突发严重困难户" and included["risk_causes"] == ["illness"]
    assert included["included_on"] == today.isoformat()

    [event] = await outbox(stack, "cn.xianjie.monitoring.household.included.v1")
    assert event["subject"] == household["id"]
    payload = HouseholdIncluded.model_validate(event["data"])
    assert [str(m) for m in payload.able_bodied_member_ids] == [able_id]
    assert payload.subtype == "sudden_hardship" and payload.risk_causes == ["illness"]
    assert "王" not in str(event) and able["id_number"] not in str(event)

    [alert] = (
        await api.get(ALERTS, params={"household_id": household["id"]}, headers=auth(tokens["admin"]))
    ).json()["items"]
    assert alert["status"] == "confirmed"
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

    # Risk eliminated: announced; the household may be screened again later.
    done = await step(
        api, tokens["town_kejing"], household["id"], "eliminate_risk", reason="收入稳定超过监测线"
    )
    assert done.status_code == 200 and done.json()["status"] == "risk_eliminated"
    [gone] = await outbox(stack, "cn.xianjie.monitoring.household.risk_eliminated.v1")
    assert RiskEliminated.model_validate(gone["data"]).eliminated_on == today


async def test_illegal_steps_and_roles_are_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await create_household(api, tokens["admin"])
    hid = household["id"]
    # No alert yet: nothing to verify.
    none = await step(api, tokens["village_beidahe"], hid, "start_verification")
    assert none.status_code == 409 and none.json()["code"] == "invalid_transition"
    wrong = await step(api, tokens["admin"], hid, "approve")
    assert wrong.status_code == 409 and wrong.json()["current_status"] == "not_monitored"
    assert "未纳入监测" in wrong.json()["detail"]
    await api.post(ALERTS, json={"household_id": hid, "reason": "自主申报"}, headers=auth(tokens["admin"]))
    await backdate_alerts(stack, hid, 10)
    assert (await step(api, tokens["village_beidahe"], hid, "start_verification")).status_code == 200
    # Proposal needs subtype and causes.
    missing = await step(api, tokens["village_beidahe"], hid, "submit_village_review")
    assert missing.status_code == 422 and missing.json()["errors"][0]["field"] == "body.subtype"
    ok = await step(
        api,
        tokens["village_beidahe"],
        hid,
        "submit_village_review",
        subtype="marginal",
        risk_causes=["disability"],
    )
    assert ok.status_code == 200
    # Public notice posted today: the objection window is still open.
    assert (await step(api, tokens["village_beidahe"], hid, "village_approve")).status_code == 200
    early = await step(api, tokens["village_beidahe"], hid, "close_notice")
    assert early.status_code == 409 and "公示期至" in early.json()["detail"]
    # An objection reopens the case.
    objected = await step(api, tokens["village_beidahe"], hid, "object", reason="村民反映家中有营运车辆")
    assert objected.json()["status"] == "verifying" and objected.json()["notice_posted_on"] is None
    await step(
        api,
        tokens["village_beidahe"],
        hid,
        "submit_village_review",
        subtype="marginal",
        risk_causes=["other"],
    )
    posted = (date.today() - timedelta(days=5)).isoformat()
    resubmitted = await step(api, tokens["village_beidahe"], hid, "village_approve", notice_posted_on=posted)
    assert resubmitted.status_code == 200, resubmitted.text
    assert (await step(api, tokens["village_beidahe"], hid, "close_notice")).status_code == 200
    # Town review is the town's; the village cadre may not take it, nor approve at district level.
    # Town review is the town's: the village cadre, department, auditor and integrator are refused;
    # the helper is not assigned to this household, so for them it does not exist.
    for who, status in (
        ("village_beidahe", 403),
        ("dept_hrss", 403),
        ("auditor", 403),
        ("integrator_hrss", 403),
        ("helper_wang", 404),
    ):
        resp = await api.post(
            f"{HOUSEHOLDS}/{hid}/transitions",
            json={"action": "town_approve", "reason": "x"},
            headers=auth(tokens[who], **{"If-Match": "*"}),
        )
        assert resp.status_code == status, (who, resp.text)
    assert (await step(api, tokens["town_kejing"], hid, "town_approve")).status_code == 200
    town_approve = await step(api, tokens["town_kejing"], hid, "approve")
    assert town_approve.status_code == 403
    village_reject = await step(api, tokens["village_beidahe"], hid, "reject")
    assert village_reject.status_code == 403
    rejected = await step(api, tokens["admin"], hid, "reject", reason="经审批不符合纳入条件")
    assert rejected.status_code == 200
    body = rejected.json()
    assert body["status"] == "not_monitored" and body["subtype"] is None and body["risk_causes"] == []
    [alert] = (await api.get(ALERTS, params={"household_id": hid}, headers=auth(tokens["admin"]))).json()[
        "items"
    ]
    assert alert["status"] == "dismissed"
    # A stale ETag is 412, and the state did not move.
    stale = await api.post(
        f"{HOUSEHOLDS}/{hid}/transitions",
        json={"action": "start_verification", "reason": "x"},
        headers=auth(tokens["admin"], **{"If-Match": '"1"'}),
    )
    assert stale.status_code == 412 and stale.json()["code"] == "stale_version"
    # Another town's official asking for this household: 404.
    wangwu = await create_household(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE)
    foreign = await step(api, tokens["admin"], wangwu["id"], "start_verification")
    assert foreign.status_code == 409
    foreign = await api.post(
        f"{HOUSEHOLDS}/{wangwu['id']}/transitions",
        json={"action": "start_verification", "reason": "x"},
        headers=auth(tokens["town_kejing"], **{"If-Match": "*"}),
    )
    assert foreign.status_code == 404
    assert await outbox(stack, "cn.xianjie.monitoring.household.included.v1") == []


async def test_safety_net_needs_a_safety_net_measure(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await create_household(api, tokens["admin"], members=[member(labour="lost")])
    await include(api, tokens, household["id"], stack)
    refused = await step(api, tokens["admin"], household["id"], "mark_safety_net")
    assert refused.status_code == 409 and "兜底保障措施" in refused.json()["detail"]
    plan = await api.post(
        "/api/monitoring/v1/assistance-plans",
        json={
            "household_id": household["id"],
            "year": date.today().year,
            "goal": "落实低保，稳定基本生活",
            "measures": [
                {
                    "policy_code": "dibao",
                    "description": "纳入农村低保",
                    "owner": "克井镇民政所",
                    "starts_on": date.today().isoformat(),
                    "ends_on": date.today().isoformat(),
                }
            ],
        },
        headers=auth(tokens["town_kejing"]),
    )
    assert plan.status_code == 201, plan.text
    assert plan.json()["measures"][0]["kind"] == "safety_net"
    marked = await step(api, tokens["admin"], household["id"], "mark_safety_net", reason="低保已足额落实")
    assert marked.status_code == 200 and marked.json()["status_label"] == "兜底保障户"
    [event] = await outbox(stack, "cn.xianjie.monitoring.household.safety_net_marked.v1")
    assert SafetyNetMarked.model_validate(event["data"]).household_id.hex == household["id"].replace("-", "")
    again = await step(api, tokens["admin"], household["id"], "eliminate_risk")
    assert again.status_code == 409


async def test_a_retried_step_is_taken_once(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await create_household(api, tokens["admin"])
    await api.post(
        ALERTS, json={"household_id": household["id"], "reason": "申报"}, headers=auth(tokens["admin"])
    )
    headers = auth(tokens["village_beidahe"], **{"If-Match": '"1"', "Idempotency-Key": "field-app-42"})
    body = {"action": "start_verification", "reason": "入户核实"}
    url = f"{HOUSEHOLDS}/{household['id']}/transitions"
    first = await api.post(url, json=body, headers=headers)
    again = await api.post(url, json=body, headers=headers)
    assert first.status_code == again.status_code == 200
    assert again.headers.get("idempotent-replayed") == "true" and again.json() == first.json()
    async with stack.db("monitoring").engine.connect() as conn:
        assert await conn.scalar(text("SELECT count(*) FROM monitoring.transitions")) == 1
