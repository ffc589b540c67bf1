"""Policy toolbox, suggestions by risk cause, and assistance plans with measures."""

from __future__ import annotations

from datetime import date

import httpx
from sqlalchemy import text

from tests.conftest import Stack
from tests.helpers import auth
from tests.monitoring.factories import HOUSEHOLDS, create_household, include

POLICIES = "/api/monitoring/v1/policies"
PLANS = "/api/monitoring/v1/assistance-plans"


def plan_body(household_id: str, **overrides: object) -> dict[str, object]:
    today = date.today().isoformat()
    body: dict[str, object] = {
        "household_id": household_id,
        "year": date.today().year,
        "goal": "稳定增收，年内人均纯收入超过监测线",
        "measures": [
            {
                "policy_code": "public_welfare_post",
                "description": "安排村保洁公益性岗位",
                "owner": "北大河村委",
                "starts_on": today,
                "ends_on": today,
            },
            {
                "policy_code": "medical_assistance",
                "description": "落实医疗救助",
                "owner": "区医保局",
                "starts_on": today,
                "ends_on": today,
            },
            {
                "kind": "developmental",
                "description": "发展中药材种植 2 亩",
                "owner": "帮扶责任人王",
                "starts_on": today,
                "ends_on": today,
            },
        ],
    }
    body.update(overrides)
    return body


async def test_toolbox_seeded_from_the_plan(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    items = (await api.get(POLICIES, headers=auth(tokens["helper_wang"]))).json()["items"]
    names = {p["name"] for p in items}
    assert {
        "雨露计划+",
        "脱贫人口小额信贷",
        "乡村公益性岗位",
        "农村最低生活保障（低保）",
        "医疗救助",
        "农村危房改造",
        "农村饮水安全工程",
    } <= names
    water = (
        await api.get(POLICIES, params={"risk_cause": "drinking_water"}, headers=auth(tokens["admin"]))
    ).json()
    assert [p["code"] for p in water["items"]] == ["drinking_water_project"]
    new = {
        "code": "tea_industry",
        "name": "茶产业到户奖补",
        "category": "industry",
        "measure_kind": "developmental",
        "risk_causes": ["business_failure"],
        "responsible_unit": "农业农村局",
    }
    created = await api.post(POLICIES, json=new, headers=auth(tokens["admin"]))
    assert created.status_code == 201 and created.json()["measure_kind_label"] == "开发式帮扶"
    dup = await api.post(POLICIES, json=new, headers=auth(tokens["admin"]))
    assert dup.status_code == 409
    for who in ("town_kejing", "village_beidahe", "helper_wang", "auditor", "dept_hrss", "integrator_hrss"):
        assert (
            await api.post(POLICIES, json={**new, "code": "x_y"}, headers=auth(tokens[who]))
        ).status_code == 403
    for bad in ({**new, "code": "X!"}, {**new, "risk_causes": []}, {**new, "measure_kind": "charity"}):
        assert (await api.post(POLICIES, json=bad, headers=auth(tokens["admin"]))).status_code == 422


async def test_suggestions_and_plans(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    me = (await api.get("/auth/me", headers=auth(tokens["helper_wang"]))).json()
    household = await create_household(api, tokens["admin"], helper_user_id=me["id"])
    hid = household["id"]
    assert (
        await api.get(f"{HOUSEHOLDS}/{hid}/policy-suggestions", headers=auth(tokens["admin"]))
    ).json() == []
    not_yet = await api.post(PLANS, json=plan_body(hid), headers=auth(tokens["helper_wang"]))
    assert not_yet.status_code == 409 and not_yet.json()["code"] == "invalid_transition"
    await include(api, tokens, hid, stack)  # included with risk cause 因病
    suggestions = (
        await api.get(f"{HOUSEHOLDS}/{hid}/policy-suggestions", headers=auth(tokens["helper_wang"]))
    ).json()
    codes = {s["code"] for s in suggestions}
    assert {
        "medical_assistance",
        "dibao",
        "insurance_subsidy",
    } <= codes and "drinking_water_project" not in codes
    assert all("illness" in s["matched_causes"] for s in suggestions)

    created = await api.post(PLANS, json=plan_body(hid), headers=auth(tokens["helper_wang"]))
    assert created.status_code == 201, created.text
    kinds = [m["kind"] for m in created.json()["measures"]]
    assert sorted(kinds) == ["developmental", "developmental", "safety_net"]
    again = await api.post(PLANS, json=plan_body(hid), headers=auth(tokens["helper_wang"]))
    assert again.status_code == 409 and again.json()["code"] == "plan_exists"
    today = date.today()
    bad_measures = [
        [{"description": "x", "owner": "y", "starts_on": today.isoformat(), "ends_on": today.isoformat()}],
        [
            {
                "policy_code": "nope",
                "description": "x",
                "owner": "y",
                "starts_on": today.isoformat(),
                "ends_on": today.isoformat(),
            }
        ],
        [
            {
                "kind": "developmental",
                "description": "x",
                "owner": "y",
                "starts_on": today.isoformat(),
                "ends_on": date(today.year - 1, 1, 1).isoformat(),
            }
        ],
    ]
    for measures in bad_measures:
        resp = await api.post(
            PLANS, json=plan_body(hid, year=today.year + 1, measures=measures), headers=auth(tokens["admin"])
        )
        assert resp.status_code == 422, resp.text
    for who in ("auditor", "dept_hrss", "integrator_hrss"):
        resp = await api.post(PLANS, json=plan_body(hid, year=today.year + 2), headers=auth(tokens[who]))
        assert resp.status_code == 403, who
    listed = (
        await api.get(PLANS, params={"household_id": hid}, headers=auth(tokens["village_beidahe"]))
    ).json()
    assert len(listed["items"]) == 1 and len(listed["items"][0]["measures"]) == 3
    async with stack.db("monitoring").engine.connect() as conn:
        assert await conn.scalar(text("SELECT count(*) FROM monitoring.assistance_plans")) == 1
        assert await conn.scalar(text("SELECT count(*) FROM monitoring.measures")) == 3
