"""Territorial scope, resource by resource: for every scoped list, a record of the caller's place is
listed and a record outside it is not — and outside it, the record and what hangs under it are 404.

Each row of the matrix makes its records once, through the gateway as the district administrator
(who may write anywhere) — in the readers' village, in another town, and in another village of the
same town when a village cadre reads it — then reads as the town official and/or the village cadre.
Listing the caller's own records too is what makes a list that filters nothing fail here. The last
test holds the matrix to the OpenAPI document: a list endpoint is in RESOURCES, has its own test
(NESTED: lists under one record of another), or is named unscoped.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import nats
import pytest
from sqlalchemy import text

from services.employment.job_support.events import HOUSEHOLD_INCLUDED
from shared import clock
from tests.assets.factories import ASSETS, create_asset, earning_asset
from tests.assets.test_distributions import decision
from tests.assets.test_idle_and_reports import idle_flag
from tests.conftest import Stack
from tests.employment.factories import URL as WORKERS
from tests.employment.factories import create as create_worker
from tests.employment.test_job_support import URL as JOB_SUPPORT
from tests.employment.test_job_support import household_included
from tests.employment.test_posts import POST
from tests.employment.test_posts import URL as POSTS
from tests.employment.test_subsidies import URL as SUBSIDIES
from tests.employment.test_subsidies import grant
from tests.funds.factories import (
    API as FUNDS,
)
from tests.funds.factories import (
    PROJECTS,
    allocate,
    funded_project,
    known_borrower,
    new_fund,
    new_project,
    pay,
    planned_project,
    record_loan,
)
from tests.helpers import (
    KEJING,
    KEJING_OTHER_VILLAGE,
    KEJING_VILLAGE,
    WANGWU,
    WANGWU_VILLAGE,
    auth,
    eventually,
)
from tests.monitoring.factories import (
    ALERTS,
    HOUSEHOLDS,
    backdate_alerts,
    create_household,
    declare,
    id_number,
    member,
    town_official,
)
from tests.monitoring.plans import PLANS, make_plan

Make = Callable[[httpx.AsyncClient, dict[str, str], Stack, str, str], Awaitable[str]]


async def household(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    return str((await create_household(api, tokens["admin"], town_code=town, village_code=village))["id"])


async def worker(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    resp = await create_worker(api, tokens["admin"], stack, town_code=town, village_code=village)
    return str(resp.json()["id"])


async def alert(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str) -> str:
    household_id = await household(api, tokens, stack, town, village)
    return str((await declare(api, tokens["admin"], household_id))["id"])


async def plan(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str) -> str:
    household_id = await household(api, tokens, stack, town, village)
    return str((await make_plan(api, tokens["admin"], household_id))["id"])


async def post(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str) -> str:
    resp = await api.post(
        POSTS, json={**POST, "town_code": town, "village_code": village}, headers=auth(tokens["admin"])
    )
    assert resp.status_code == 201, resp.text
    return str(resp.json()["id"])


async def subsidy(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    worker_id = await worker(api, tokens, stack, town, village)
    resp = await api.post(SUBSIDIES, json=grant(worker_id), headers=auth(tokens["admin"]))
    assert resp.status_code == 201, resp.text
    return str(resp.json()["id"])


async def project(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    return str((await new_project(api, tokens["admin"], town_code=town, village_code=village))["id"])


async def allocation(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    admin = tokens["admin"]
    fund = await new_fund(api, admin)
    planned = await planned_project(api, admin, town_code=town, village_code=village)
    resp = await allocate(api, admin, fund["id"], planned["id"], "100000.00")
    assert resp.status_code == 201, resp.text
    return str(resp.json()["id"])


async def payment(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    admin = tokens["admin"]
    fund = await new_fund(api, admin)
    _, made = await funded_project(api, admin, fund["id"], "100000.00", town_code=town, village_code=village)
    resp = await pay(api, admin, made["id"], "1000.00")
    assert resp.status_code == 201, resp.text
    return str(resp.json()["id"])


async def loan(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str) -> str:
    borrower = await known_borrower(stack, village)
    resp = await record_loan(api, tokens["admin"], borrower, village_code=village, amount="10000.00")
    assert resp.status_code == 201, resp.text
    return str(resp.json()["id"])


async def asset(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str) -> str:
    return str((await create_asset(api, tokens["admin"], town_code=town, village_code=village))["id"])


async def distribution(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    earning = await earning_asset(api, tokens["admin"], town_code=town, village_code=village)
    resp = await api.post(DISTRIBUTIONS, json=decision(earning["id"]), headers=auth(tokens["admin"]))
    assert resp.status_code == 201, resp.text
    return str(resp.json()["id"])


async def posted(api: httpx.AsyncClient, token: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
    resp = await api.post(path, json=body, headers=auth(token) if token else {})  # "": the public
    assert resp.status_code == 201, resp.text
    return resp.json()


FORCES = "/api/monitoring/v1/forces"


async def assignment(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    body = {"kind": "leader", "village_code": village, "responsible": "张副主任", "valid_from": "2025-01-01"}
    return str((await posted(api, tokens["admin"], f"{FORCES}/assignments", body))["id"])


async def work_team(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> dict[str, Any]:
    body = {
        "village_code": village,
        "sending_unit": "示范区农业农村局",
        "valid_from": "2025-01-01",
        "members": [{"role": "first_secretary", "name": "李书记"}],
    }
    return await posted(api, tokens["admin"], f"{FORCES}/teams", body)


async def team(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str) -> str:
    return str((await work_team(api, tokens, stack, town, village))["id"])


async def training(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    made = await work_team(api, tokens, stack, town, village)
    body = {
        "team_id": made["id"],
        "member_id": made["members"][0]["id"],
        "topic": "防返贫监测政策",
        "organiser": "党工委组织部",
        "held_on": "2025-03-01",
        "hours": "4.5",
    }
    return str((await posted(api, tokens["admin"], f"{FORCES}/trainings", body))["id"])


async def social_force(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    body = {
        "kind": "tech_commissioner",
        "name": "刘研究员",
        "village_code": village,
        "valid_from": "2025-03-01",
    }
    return str((await posted(api, tokens["admin"], f"{FORCES}/social-forces", body))["id"])


async def industry(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    body = {
        "town_code": town,
        "village_code": village,
        "name": "食用菌",
        "industry_class": "upgrade",
        "year": 2025,
    }
    return str((await posted(api, tokens["admin"], f"{FUNDS}/industries", body))["id"])


async def insurance_policy(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    insured = await known_borrower(stack, village)
    body = {
        "household_id": insured.household_id,
        "insurer": "中国人寿济源分公司",
        "policy_number": f"FPB-{insured.household_id[:8]}",
        "starts_on": "2025-01-01",
        "ends_on": "2025-12-31",
        "premium": "100.00",
        "sum_insured": "50000.00",
    }
    return str((await posted(api, tokens["admin"], f"{FUNDS}/insurance-policies", body))["id"])


async def correction(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    payment_id = await payment(api, tokens, stack, town, village)
    body = {"kind": "payment", "target_id": payment_id, "amount": "100.00", "reason": "凭证金额录入错误"}
    return str((await posted(api, tokens["admin"], f"{FUNDS}/corrections", body))["id"])


MONITORING = "/api/monitoring/v1"


async def resettlement_site(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    body = {"name": "安置社区", "village_code": village, "planned_households": 120}
    return str((await posted(api, tokens["admin"], f"{MONITORING}/relocation/sites", body))["id"])


async def water_site(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    body = {
        "code": f"GS-{village}",
        "name": "管网维修点",
        "works": "农村饮水工程维修养护项目",
        "town_code": town,
        "village_code": village,
        "year": 2025,
        "status": "under_construction",
    }
    return str((await posted(api, tokens["admin"], f"{MONITORING}/water-sites", body))["id"])


async def renovation_case(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    household_id = await household(api, tokens, stack, town, village)
    body = {"appraised_on": "2025-06-01", "grade": "d", "appraiser": "区住建局鉴定组"}
    made = await posted(api, tokens["admin"], f"{HOUSEHOLDS}/{household_id}/housing-appraisals", body)
    return str(made["renovation_case"]["id"])


async def industry_park(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    body = {"town_code": town, "name": f"{town}产业园"}
    return str((await posted(api, tokens["admin"], f"{FUNDS}/industry-parks", body))["id"])


async def industry_link(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    industry_id = await industry(api, tokens, stack, town, village)
    admin = tokens["admin"]
    business = await posted(
        api,
        admin,
        f"{FUNDS}/industries/{industry_id}/businesses",
        {"name": "食用菌合作社", "kind": "农民专业合作社"},
    )
    carried = await known_borrower(stack, village)
    body = {
        "household_id": carried.household_id,
        "kind": "wages",
        "annual_amount": "12000.00",
        "since": "2025-03-01",
    }
    return str((await posted(api, admin, f"{FUNDS}/industry-businesses/{business['id']}/links", body))["id"])


async def craftsman(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    worker_id = await worker(api, tokens, stack, town, village)
    body = {"worker_id": worker_id, "craft": "竹编"}
    return str((await posted(api, tokens["admin"], "/api/employment/v1/craftsmen", body))["id"])


async def declaration(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    """Declared through the public channel, which answers a tracking code only: the id is read back
    from the district's inbox (one declaration per village here)."""
    body = {
        "village_code": village,
        "applicant_name": "李秀英",
        "id_number": id_number(),
        "phone": f"139{village[-8:]}",
        "account": "丈夫务工时摔伤住院，家中无其他收入",
        "risk_causes": ["accident"],
    }
    await posted(api, "", f"{MONITORING}/public/declarations", body)
    inbox = await api.get(
        f"{MONITORING}/declarations", params={"village_code": village}, headers=auth(tokens["admin"])
    )
    assert inbox.status_code == 200, inbox.text
    [made] = inbox.json()["items"]
    return str(made["id"])


async def purchase(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    """消费帮扶 is recorded by the purchasing department's officer, not the district administrator."""
    body = {"village_code": village, "product": "冬凌草茶", "amount": "1200.50", "purchased_on": "2025-05-01"}
    return str((await posted(api, tokens["dept_hrss"], f"{FORCES}/purchases", body))["id"])


async def lifted_out_village(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    """A 脱贫村 is keyed by its village code (no id of its own)."""
    body = {"lifted_out_village": True, "since": "2025-01-01"}
    resp = await api.put(f"{FORCES}/villages/{village}", json=body, headers=auth(tokens["admin"]))
    assert resp.status_code == 200, resp.text
    return village


async def dropout_case(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    """A ten-year-old out of school: a household with a school-age child, and the case opened."""
    today = clock.today()
    child = member(name="孩子", relation="child", id_number=id_number(date(today.year - 10, 1, 1)))
    made = await create_household(
        api, tokens["admin"], town_code=town, village_code=village, member_count=2, members=[member(), child]
    )
    roll = (await api.get(f"{HOUSEHOLDS}/{made['id']}/members", headers=auth(tokens["admin"]))).json()
    [child_id] = [m["id"] for m in roll if m["name"] == "孩子"]
    body = {"member_id": child_id, "opened_on": today.isoformat(), "reason": "外出务工，未返校"}
    return str((await posted(api, tokens["admin"], f"{HOUSEHOLDS}/{made['id']}/dropout-cases", body))["id"])


async def stale_worker(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    """A worker last verified 400 days ago — past any verification window (no endpoint backdates)."""
    worker_id = await worker(api, tokens, stack, town, village)
    async with stack.db("employment").engine.begin() as conn:
        await conn.execute(
            text(
                "UPDATE employment.worker_verifications SET verified_on = current_date - 400 WHERE worker_id = :id"
            ),
            {"id": uuid.UUID(worker_id)},
        )
    return worker_id


async def job_support_entry(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    """An entry as employment makes it: from monitoring's household.included, taken from NATS."""
    event = household_included(uuid.uuid4(), [uuid.uuid4()])
    event = event.model_copy(update={"data": {**event.data, "town_code": town, "village_code": village}})
    nc = await nats.connect(stack.infra.nats_url)
    try:
        await nc.jetstream().publish(HOUSEHOLD_INCLUDED.nats_subject, event.model_dump_json().encode())
    finally:
        await nc.close()
    params = {"household_id": event.data["household_id"]}
    entries: list[dict[str, Any]] = []

    async def listed_for_the_district() -> bool:
        nonlocal entries
        resp = await api.get(JOB_SUPPORT, params=params, headers=auth(tokens["admin"]))
        entries = resp.json()["items"]
        return len(entries) == 1

    await eventually(listed_for_the_district, timeout=30)
    return str(entries[0]["id"])


async def vocational_student(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    """雨露计划: a seventeen-year-old of a lifted-out household enrolled at a vocational school."""
    today = clock.today()
    student = member(
        name="小红",
        relation="child",
        id_number=id_number(date(today.year - 17, 1, 1)),
        schooling="high_school",
    )
    made = await create_household(
        api,
        tokens["admin"],
        town_code=town,
        village_code=village,
        member_count=2,
        members=[member(), student],
    )
    roll = (await api.get(f"{HOUSEHOLDS}/{made['id']}/members", headers=auth(tokens["admin"]))).json()
    [student_id] = [m["id"] for m in roll if m["name"] == "小红"]
    body = {
        "member_id": student_id,
        "school": "济源职业技术学院",
        "major": "数控技术",
        "enrolled_on": "2023-09-01",
    }
    url = f"{HOUSEHOLDS}/{made['id']}/vocational-students"
    return str((await posted(api, tokens["admin"], url, body))["id"])


async def waiting_alert(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    """An alert past its verification deadline, which puts it on the town's pending worklist."""
    household_id = await household(api, tokens, stack, town, village)
    made = await declare(api, tokens["admin"], household_id)
    await backdate_alerts(stack, household_id, 90)
    return str(made["id"])


async def idle_asset(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str
) -> str:
    """An operating cold store without revenue since January 2025, flagged by the district screening."""
    return str((await idle_flag(api, tokens["admin"], town_code=town, village_code=village))["id"])


async def visit(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, town: str, village: str) -> str:
    """昼访夜谈 by a member of the village's work team: a new official of the town, made that member
    (a team member must be someone of the place; the demo accounts hold one town only)."""
    admin = tokens["admin"]
    official = await town_official(api, admin, town)
    official_id = (await api.get("/auth/me", headers=auth(official))).json()["id"]
    start = clock.today() - timedelta(days=10)
    body = {
        "village_code": village,
        "sending_unit": "示范区农业农村局",
        "valid_from": start.isoformat(),
        "members": [{"role": "first_secretary", "name": "李书记", "user_id": official_id}],
    }

    async def formed() -> dict[str, Any] | None:
        # The new official reaches monitoring by event: until then the team answers 503 reference_pending.
        resp = await api.post(f"{FORCES}/teams", json=body, headers=auth(admin))
        if resp.status_code == 503 and resp.json()["code"] == "reference_pending":
            return None
        assert resp.status_code == 201, resp.text
        return resp.json()

    made = await eventually(formed)
    household_id = await household(api, tokens, stack, town, village)
    visited = {
        "household_id": household_id,
        "visited_at": datetime.combine(start, datetime.min.time(), UTC).replace(hour=20).isoformat(),
        "latitude": "35.1",
        "longitude": "112.5",
        "findings": "昼访夜谈：了解务工需求",
        "work_team_id": made["id"],
    }
    return str((await posted(api, official, f"{MONITORING}/visits", visited))["id"])


DISTRIBUTIONS = "/api/assets/v1/distributions"


# What hangs under a household or an asset: each is read through its parent, so each must be 404
# when the parent is outside the caller's place.
HOUSEHOLD_PARTS = (
    "members",
    "incomes",
    "transitions",
    "elimination-check",
    "risk-resolutions",
    "policy-suggestions",
    "changes",
    "evidence",
    "objections",
    "housing-appraisals",
    "water-checks",
    "student-aids",
    "insurance",
    "medical-expenses",
    "long-running-route",
)
ASSET_PARTS = ("card", "maintenance", "monthly-records", "use-checks", "book-value")


@dataclass(frozen=True)
class Scoped:
    name: str
    make: Make
    list_path: str
    item_paths: tuple[str, ...]  # "{id}" is the record's id; each must be 404 outside the scope
    readers: tuple[str, ...]  # demo accounts that list it: town_kejing and/or village_beidahe
    key: str = "id"  # the field of a listed item that names it


TOWN, VILLAGE = "town_kejing", "village_beidahe"  # demo accounts of 克井镇 and its village 北大河村
BOTH = (TOWN, VILLAGE)

RESOURCES = [
    Scoped(
        "monitoring.households",
        household,
        HOUSEHOLDS,
        (f"{HOUSEHOLDS}/{{id}}", *(f"{HOUSEHOLDS}/{{id}}/{sub}" for sub in HOUSEHOLD_PARTS)),
        ("town_kejing", "village_beidahe"),
    ),
    Scoped("monitoring.alerts", alert, ALERTS, (f"{ALERTS}/{{id}}",), ("town_kejing", "village_beidahe")),
    Scoped(
        "monitoring.assistance-plans",
        plan,
        PLANS,
        (f"{PLANS}/{{id}}", f"{PLANS}/{{id}}/amendments"),
        ("town_kejing", "village_beidahe"),
    ),
    Scoped("employment.posts", post, POSTS, (), ("town_kejing", "village_beidahe")),
    Scoped("employment.subsidies", subsidy, SUBSIDIES, (), ("town_kejing",)),
    Scoped(
        "employment.workers",
        worker,
        WORKERS,
        (f"{WORKERS}/{{id}}", f"{WORKERS}/{{id}}/spells", f"{WORKERS}/{{id}}/trainings"),
        ("town_kejing", "village_beidahe"),
    ),
    Scoped(
        "funds.projects",
        project,
        PROJECTS,
        (f"{PROJECTS}/{{id}}", f"{PROJECTS}/{{id}}/dossier", f"{PROJECTS}/{{id}}/sites"),
        ("town_kejing", "village_beidahe"),
    ),
    Scoped("funds.allocations", allocation, f"{FUNDS}/allocations", (), ("town_kejing",)),
    Scoped("funds.payments", payment, f"{FUNDS}/payments", (), ("town_kejing",)),
    Scoped(
        "funds.loans",
        loan,
        f"{FUNDS}/loans",
        (f"{FUNDS}/loans/{{id}}", f"{FUNDS}/loans/{{id}}/repayments"),
        ("town_kejing", "village_beidahe"),
    ),
    Scoped(
        "assets.assets",
        asset,
        ASSETS,
        (f"{ASSETS}/{{id}}", *(f"{ASSETS}/{{id}}/{sub}" for sub in ASSET_PARTS)),
        ("town_kejing", "village_beidahe"),
    ),
    Scoped(
        "assets.distributions",
        distribution,
        DISTRIBUTIONS,
        (f"{DISTRIBUTIONS}/{{id}}",),
        ("town_kejing", "village_beidahe"),
    ),
    Scoped("monitoring.forces.assignments", assignment, f"{FORCES}/assignments", (), BOTH),
    Scoped("monitoring.forces.teams", team, f"{FORCES}/teams", (f"{FORCES}/teams/{{id}}",), BOTH),
    Scoped("monitoring.forces.trainings", training, f"{FORCES}/trainings", (), BOTH),
    Scoped("monitoring.forces.social-forces", social_force, f"{FORCES}/social-forces", (), BOTH),
    Scoped(
        "funds.industries",
        industry,
        f"{FUNDS}/industries",
        (f"{FUNDS}/industries/{{id}}", f"{FUNDS}/industries/{{id}}/businesses"),
        BOTH,
    ),
    Scoped("funds.insurance-policies", insurance_policy, f"{FUNDS}/insurance-policies", (), BOTH),
    Scoped(
        "monitoring.relocation-sites",
        resettlement_site,
        f"{MONITORING}/relocation/sites",
        tuple(f"{MONITORING}/relocation/sites/{{id}}{sub}" for sub in ("", "/households", "/measures")),
        BOTH,
    ),
    Scoped(
        "monitoring.water-sites",
        water_site,
        f"{MONITORING}/water-sites",
        (f"{MONITORING}/water-sites/{{id}}",),
        BOTH,
    ),
    Scoped(
        "monitoring.renovation-cases",
        renovation_case,
        f"{MONITORING}/renovation-cases",
        (f"{MONITORING}/renovation-cases/{{id}}",),
        BOTH,
    ),
    Scoped("funds.industry-parks", industry_park, f"{FUNDS}/industry-parks", (), ("town_kejing",)),
    Scoped("funds.industry-links", industry_link, f"{FUNDS}/industry-links", (), BOTH),
    Scoped(
        "employment.craftsmen",
        craftsman,
        "/api/employment/v1/craftsmen",
        ("/api/employment/v1/craftsmen/{id}/nominations",),
        BOTH,
    ),
    Scoped(
        "monitoring.declarations",
        declaration,
        f"{MONITORING}/declarations",
        (f"{MONITORING}/declarations/{{id}}", f"{MONITORING}/declarations/{{id}}/contact"),
        BOTH,
    ),
    Scoped("monitoring.forces.purchases", purchase, f"{FORCES}/purchases", (), BOTH),
    Scoped(
        "monitoring.forces.villages", lifted_out_village, f"{FORCES}/villages", (), BOTH, key="village_code"
    ),
    Scoped(
        "monitoring.dropout-cases",
        dropout_case,
        f"{MONITORING}/dropout-cases",
        (f"{MONITORING}/dropout-cases/{{id}}",),
        BOTH,
    ),
    Scoped("employment.stale-workers", stale_worker, f"{WORKERS}/stale", (), BOTH),
    Scoped("employment.job-support", job_support_entry, JOB_SUPPORT, (), BOTH),
    Scoped(
        "monitoring.vocational-students",
        vocational_student,
        f"{MONITORING}/vocational-students",
        (f"{MONITORING}/vocational-students/{{id}}",),
        BOTH,
    ),
    Scoped(
        "monitoring.worklists-pending",
        waiting_alert,
        f"{MONITORING}/worklists/pending",
        (),
        BOTH,
        key="alert_id",
    ),
    Scoped("assets.idle-assets", idle_asset, "/api/assets/v1/idle-assets", (), BOTH),
    Scoped("monitoring.visits", visit, f"{MONITORING}/visits", (), BOTH),
    Scoped("funds.corrections", correction, f"{FUNDS}/corrections", (f"{FUNDS}/corrections/{{id}}",), BOTH),
]

# List endpoints with no territorial scope, and why. A new list endpoint must go into RESOURCES or
# here (the meta-test below fails otherwise).
ADMIN_ONLY = "district administrator only"
NOT_SCOPED: dict[str, str] = {
    "/admin/users": ADMIN_ONLY,
    "/admin/clients": ADMIN_ONLY,
    "/webhooks/subscriptions": ADMIN_ONLY,
    "/webhooks/subscriptions/{}/deliveries": ADMIN_ONLY,
    "/api/monitoring/v1/ops/parked-events": ADMIN_ONLY,
    "/api/employment/v1/ops/parked-events": ADMIN_ONLY,
    "/api/funds/v1/ops/parked-events": ADMIN_ONLY,
    "/api/assets/v1/ops/parked-events": ADMIN_ONLY,
    "/api/monitoring/v1/monitoring-lines": "district reference data: the yearly monitoring line",
    "/api/monitoring/v1/policies": "district reference data: the policy catalogue",
    "/api/funds/v1/funds": "district-wide: a fund has no town or village",
    "/api/funds/v1/checkpoints/assessments": "district-wide figures: an assessment has no town or village",
    "/api/employment/v1/labour-brands": "district-wide: a brand has no town or village (its workers do)",
    "/api/funds/v1/public/announcements": "public: announced projects, no token",
    "/api/monitoring/v1/department-view/members": "scoped by department fields, not by place (department officers only)",
}

# Lists that hang under one record of another list, each with its own test below (their path needs
# the parent's id, which the matrix's rows do not have).
NESTED: dict[str, str] = {
    "/api/employment/v1/spells/{}/wages": "test_a_spell_outside_the_callers_place_has_no_wages_to_read",
    "/api/employment/v1/labour-brands/{}/workers": "test_a_district_brand_lists_only_the_callers_workers",
}


async def listed(api: httpx.AsyncClient, token: str, path: str, key: str) -> set[str]:
    ids: set[str] = set()
    params: dict[str, str] = {"limit": "200"}
    while True:
        resp = await api.get(path, params=params, headers=auth(token))
        assert resp.status_code == 200, resp.text
        body = resp.json()
        ids |= {item[key] for item in body["items"]}
        if not body.get("next_cursor"):
            return ids
        params["cursor"] = body["next_cursor"]


@pytest.mark.parametrize("resource", RESOURCES, ids=[r.name for r in RESOURCES])
async def test_a_record_outside_the_callers_place_is_neither_listed_nor_found(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, resource: Scoped
) -> None:
    """Records made once per resource: in the readers' village, in another village of the same town
    (when a village cadre reads it) and in another town. The town official sees the first two and
    not the third; the village cadre sees the first only."""
    here = await resource.make(api, tokens, stack, KEJING, KEJING_VILLAGE)
    other_town = await resource.make(api, tokens, stack, WANGWU, WANGWU_VILLAGE)
    next_village = (
        await resource.make(api, tokens, stack, KEJING, KEJING_OTHER_VILLAGE)
        if VILLAGE in resource.readers
        else None
    )
    for reader in resource.readers:
        inside, outside = {here}, {other_town}
        if next_village is not None:
            (inside if reader == TOWN else outside).add(next_village)
        token = tokens[reader]
        ids = await listed(api, token, resource.list_path, resource.key)
        assert inside <= ids, f"{reader} does not list its own {resource.name}"
        assert not outside & ids, f"{reader} lists {resource.name} outside its place"
        for path in resource.item_paths:
            for record in inside:
                assert (await api.get(path.format(id=record), headers=auth(token))).status_code == 200, path
            for record in outside:
                found = await api.get(path.format(id=record), headers=auth(token))
                assert found.status_code == 404, (reader, path, found.status_code, found.text)
                assert found.json()["code"] == "not_found"


async def test_a_spell_outside_the_callers_place_has_no_wages_to_read(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    """A spell's wages are read through the spell's worker: outside the caller's place, 404."""
    spells: dict[str, str] = {}
    for town, village in ((KEJING, KEJING_VILLAGE), (KEJING, KEJING_OTHER_VILLAGE), (WANGWU, WANGWU_VILLAGE)):
        worker_id = await worker(api, tokens, stack, town, village)
        found = await api.get(f"{WORKERS}/{worker_id}/spells", headers=auth(tokens["admin"]))
        spells[village] = found.json()[0]["id"]
    sees = {TOWN: {KEJING_VILLAGE, KEJING_OTHER_VILLAGE}, VILLAGE: {KEJING_VILLAGE}}
    for reader, inside in sees.items():
        for village, spell_id in spells.items():
            resp = await api.get(f"/api/employment/v1/spells/{spell_id}/wages", headers=auth(tokens[reader]))
            if village in inside:
                assert resp.status_code == 200, (reader, village, resp.text)
            else:
                assert resp.status_code == 404, (reader, village, resp.status_code)
                assert resp.json()["code"] == "not_found"


async def test_a_district_brand_lists_only_the_callers_workers(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    """A labour brand is district-wide; the workers it employs are listed within the caller's place."""
    admin = tokens["admin"]
    brands = "/api/employment/v1/labour-brands"
    brand = await posted(api, admin, brands, {"name": f"矩阵品牌{uuid.uuid4().hex[:6]}", "trade": "焊工"})
    members: dict[str, str] = {}
    for town, village in ((KEJING, KEJING_VILLAGE), (KEJING, KEJING_OTHER_VILLAGE), (WANGWU, WANGWU_VILLAGE)):
        worker_id = await worker(api, tokens, stack, town, village)
        body = {"worker_id": worker_id, "joined_on": "2025-04-01"}
        members[village] = (await posted(api, admin, f"{brands}/{brand['id']}/workers", body))["worker_id"]
    path = f"{brands}/{brand['id']}/workers"
    assert await listed(api, admin, path, "worker_id") == set(members.values())
    sees = {TOWN: {KEJING_VILLAGE, KEJING_OTHER_VILLAGE}, VILLAGE: {KEJING_VILLAGE}}
    for reader, inside in sees.items():
        expected = {members[v] for v in inside}
        assert await listed(api, tokens[reader], path, "worker_id") == expected, reader


OPENAPI = Path(__file__).resolve().parents[2] / "docs" / "api" / "openapi.json"


def shape(path: str) -> str:
    """A path with its parameters unnamed, so /households/{household_id} matches /households/{id}."""
    return re.sub(r"\{[^}]+\}", "{}", path)


def list_endpoints() -> set[str]:
    """Every GET in the published document whose answer is a page of items or an array."""
    found = set()
    for path, operations in json.loads(OPENAPI.read_text())["paths"].items():
        get = operations.get("get")
        if get is None:
            continue
        schema = json.dumps(get["responses"].get("200", {}).get("content", {}).get("application/json", {}))
        if '"items"' in schema or "Page" in schema:
            found.add(shape(path))
    return found


def test_every_list_endpoint_is_in_the_matrix_or_named_as_not_scoped() -> None:
    covered = {shape(r.list_path) for r in RESOURCES} | {shape(p) for r in RESOURCES for p in r.item_paths}
    covered |= set(NESTED)
    forgotten = list_endpoints() - covered - set(NOT_SCOPED)
    assert not forgotten, f"list endpoints neither in RESOURCES nor in NOT_SCOPED: {sorted(forgotten)}"
    stale = (set(NOT_SCOPED) | set(NESTED)) - list_endpoints()
    assert not stale, f"NOT_SCOPED or NESTED names endpoints that no longer exist: {sorted(stale)}"
    twice = set(NOT_SCOPED) & covered
    assert not twice, f"covered by the matrix, so not to be listed as unscoped or missing: {sorted(twice)}"
