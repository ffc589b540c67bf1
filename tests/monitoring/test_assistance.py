"""Policy toolbox, suggestions by risk cause, and assistance plans with measures."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx

from shared import clock
from tests.conftest import Stack
from tests.helpers import auth
from tests.monitoring.factories import HOUSEHOLDS, count, create_household, helper_id, include

POLICIES = "/api/monitoring/v1/policies"
PLANS = "/api/monitoring/v1/assistance-plans"


def plan_body(household_id: str, **overrides: object) -> dict[str, object]:
    today = clock.today().isoformat()
    body: dict[str, object] = {
        "household_id": household_id,
        "year": clock.today().year,
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


NEW_POLICY = {
    "code": "tea_industry",
    "name": "茶产业到户奖补",
    "category": "industry",
    "measure_kind": "developmental",
    "risk_causes": ["business_failure"],
    "responsible_unit": "农业农村局",
}
PLAN_COUNT = "SELECT count(*) FROM monitoring.assistance_plans"


async def test_toolbox_is_seeded_from_the_work_plan(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
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


async def test_toolbox_filters_by_risk_cause(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    water = (
        await api.get(POLICIES, params={"risk_cause": "drinking_water"}, headers=auth(tokens["admin"]))
    ).json()
    assert [p["code"] for p in water["items"]] == ["drinking_water_project"]


async def test_an_uninsured_member_is_met_by_the_insurance_subsidy(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    """Being uninsured is a 三保障 gap of its own (not 因病); 分类资助参保 is the policy that closes it."""
    uninsured = (
        await api.get(POLICIES, params={"risk_cause": "medical_insurance"}, headers=auth(tokens["admin"]))
    ).json()
    assert [p["code"] for p in uninsured["items"]] == ["insurance_subsidy"]


async def test_district_admin_adds_a_policy_once(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    created = await api.post(POLICIES, json=NEW_POLICY, headers=auth(tokens["admin"]))
    assert created.status_code == 201 and created.json()["measure_kind_label"] == "开发式帮扶"
    dup = await api.post(POLICIES, json=NEW_POLICY, headers=auth(tokens["admin"]))
    assert dup.status_code == 409


async def test_only_the_district_admin_adds_policies(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    for who in ("town_kejing", "village_beidahe", "helper_wang", "auditor", "dept_hrss", "integrator_hrss"):
        resp = await api.post(POLICIES, json={**NEW_POLICY, "code": "x_y"}, headers=auth(tokens[who]))
        assert resp.status_code == 403, who


async def test_bad_policy_is_422(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    for bad in ({"code": "X!"}, {"risk_causes": []}, {"measure_kind": "charity"}):
        resp = await api.post(POLICIES, json={**NEW_POLICY, **bad}, headers=auth(tokens["admin"]))
        assert resp.status_code == 422, bad


async def helped_household(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, *, included: bool = True
) -> str:
    """A household assigned to the demo helper, included with risk cause 因病 unless asked otherwise."""
    household = await create_household(api, tokens["admin"], helper_user_id=await helper_id(api, tokens))
    if included:
        await include(api, tokens, household["id"], stack)
    return household["id"]  # type: ignore[no-any-return]


async def test_no_suggestions_without_risk_causes(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = await helped_household(api, tokens, stack, included=False)
    resp = await api.get(f"{HOUSEHOLDS}/{hid}/policy-suggestions", headers=auth(tokens["admin"]))
    assert resp.json() == []


async def test_suggestions_address_the_households_risks(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = await helped_household(api, tokens, stack)
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


async def test_plan_needs_a_lifted_out_or_monitored_household(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    """An ordinary household nobody monitors gets no plan (a 脱贫户 does: tests/monitoring/test_plans.py)."""
    household = await create_household(
        api, tokens["admin"], kind="ordinary", helper_user_id=await helper_id(api, tokens)
    )
    refused = await api.post(PLANS, json=plan_body(household["id"]), headers=auth(tokens["helper_wang"]))
    assert refused.status_code == 409 and refused.json()["code"] == "household_not_plannable"
    assert await count(stack, PLAN_COUNT) == 0


async def planned(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> tuple[str, dict[str, Any]]:
    """A helped household with this year's plan, made by its helper: its id and the plan."""
    hid = await helped_household(api, tokens, stack)
    created = await api.post(PLANS, json=plan_body(hid), headers=auth(tokens["helper_wang"]))
    assert created.status_code == 201, created.text
    return hid, created.json()


async def test_plan_measures_take_the_policys_kind(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    _, plan = await planned(api, tokens, stack)
    kinds = [m["kind"] for m in plan["measures"]]
    assert sorted(kinds) == ["developmental", "developmental", "safety_net"]


async def test_one_plan_per_household_and_year(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid, _ = await planned(api, tokens, stack)
    again = await api.post(PLANS, json=plan_body(hid), headers=auth(tokens["helper_wang"]))
    assert again.status_code == 409 and again.json()["code"] == "plan_exists"
    assert await count(stack, PLAN_COUNT) == 1


def bad_measures() -> dict[str, list[dict[str, object]]]:
    today = clock.today()
    dates = {"starts_on": today.isoformat(), "ends_on": today.isoformat()}
    return {
        "no kind": [{"description": "x", "owner": "y", **dates}],
        "unknown policy": [{"policy_code": "nope", "description": "x", "owner": "y", **dates}],
        "dates reversed": [
            {
                "kind": "developmental",
                "description": "x",
                "owner": "y",
                "starts_on": today.isoformat(),
                "ends_on": date(today.year - 1, 1, 1).isoformat(),
            }
        ],
    }


async def test_bad_measure_is_422(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    hid = await helped_household(api, tokens, stack)
    for case, measures in bad_measures().items():
        resp = await api.post(PLANS, json=plan_body(hid, measures=measures), headers=auth(tokens["admin"]))
        assert resp.status_code == 422, (case, resp.text)
    assert await count(stack, PLAN_COUNT) == 0


async def test_roles_that_do_not_help_may_not_plan(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = await helped_household(api, tokens, stack)
    for who in ("auditor", "dept_hrss", "integrator_hrss"):
        assert (await api.post(PLANS, json=plan_body(hid), headers=auth(tokens[who]))).status_code == 403, who
    assert await count(stack, PLAN_COUNT) == 0


async def test_plans_are_listed_with_their_measures(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid, _ = await planned(api, tokens, stack)
    listed = (
        await api.get(PLANS, params={"household_id": hid}, headers=auth(tokens["village_beidahe"]))
    ).json()
    assert len(listed["items"]) == 1 and len(listed["items"][0]["measures"]) == 3
    assert await count(stack, "SELECT count(*) FROM monitoring.measures") == 3
