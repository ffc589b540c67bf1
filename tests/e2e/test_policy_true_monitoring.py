"""Issue 11's flow through the gateway, across services: a 脱贫户 included as 脱贫不稳定户 stays a
脱贫户 — in monitoring's reports and in employment's 2155 floor — is refused risk elimination while
its income is under the line, and is eliminated through the whole democratic procedure (an
objection lodged and found groundless on the way) once every condition holds.

Time is moved only where the policy counts it: the inclusion is backdated six months (the minimum
time monitored) and the notice posted six days ago (the objection window)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx

from shared import clock
from tests.conftest import Stack
from tests.employment.factories import projected
from tests.helpers import KEJING, auth
from tests.monitoring.factories import HOUSEHOLDS, create_household, id_number, include, member, step
from tests.monitoring.measures import backdate_start, included_months_ago, put_income, put_line, resolve
from tests.monitoring.plans import deliver, make_plan, measure_body

EMPLOYMENT = "/api/employment/v1"
REPORTS = "/api/monitoring/v1/reports"


async def employed_in_kejing(api: httpx.AsyncClient, token: str) -> int:
    floor = await api.get(f"{EMPLOYMENT}/floor", params={"town_code": KEJING}, headers=auth(token))
    assert floor.status_code == 200, floor.text
    return int(floor.json()["employed"])


async def lifted_out_in_kejing(api: httpx.AsyncClient, token: str) -> int:
    """脱贫户 of 克井镇 in the households report grouped by identity."""
    resp = await api.get(f"{REPORTS}/households", params={"group": "kind"}, headers=auth(token))
    assert resp.status_code == 200, resp.text
    return sum(
        r["households"]
        for r in resp.json()["rows"]
        if r["town_code"] == KEJING and r["group_value"] == "lifted_out"
    )


async def take(
    api: httpx.AsyncClient, token: str, household_id: str, action: str, **extra: Any
) -> dict[str, Any]:
    resp = await step(api, token, household_id, action, reason=f"{action}：按程序办理", **extra)
    assert resp.status_code == 200, (action, resp.text)
    return resp.json()  # type: ignore[no-any-return]


async def test_a_lifted_out_household_stays_lifted_out_and_earns_its_risk_elimination(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin, town, village = tokens["admin"], tokens["town_kejing"], tokens["village_beidahe"]
    household = await create_household(
        api,
        village,
        head_name="李守业",
        member_count=1,
        members=[member(id_number=id_number(date(1985, 3, 1)))],
    )
    hid = household["id"]
    [person] = (await api.get(f"{HOUSEHOLDS}/{hid}/members", headers=auth(admin))).json()

    # The 脱贫 worker counts toward the 2155 floor from the day employment records the job.
    await projected(stack, "projected_members", person["id"])
    before = await employed_in_kejing(api, town)
    worker = await api.post(
        f"{EMPLOYMENT}/workers",
        json={
            "household_id": hid,
            "member_id": person["id"],
            "town_code": household["town_code"],
            "village_code": household["village_code"],
            "status": "employed",
            "place": "in_county",
            "employer": "济源市某特钢公司",
            "monthly_wage": "3000.00",
            "employed_since": "2025-03-01",
        },
        headers=auth(town),
    )
    assert worker.status_code == 201, worker.text
    assert await employed_in_kejing(api, town) == before + 1
    identities_before = await lifted_out_in_kejing(api, admin)

    # Included as 脱贫不稳定户: monitored now, and still a 脱贫户 everywhere.
    included = await include(api, tokens, hid, stack, subtype="unstable")
    assert (included["kind"], included["status"], included["subtype"]) == (
        "lifted_out",
        "included",
        "unstable",
    )
    await projected(stack, "projected_households", hid, included["version"])
    assert await employed_in_kejing(api, town) == before + 1
    assert await lifted_out_in_kejing(api, admin) == identities_before

    # Six months of help: a delivered measure (through the delivery endpoint), the cause resolved,
    # but 2025 income a fen under the line — elimination is refused, naming the income.
    await included_months_ago(stack, hid, 6)
    plan = await make_plan(
        api, town, hid, measure_body(policy_code="skills_training", starts_on=clock.today().isoformat())
    )
    [measure] = plan["measures"]
    delivered = await deliver(api, town, plan["id"], measure["id"], note="已完成电焊培训并上岗")
    assert delivered.status_code == 200, delivered.text
    assert (await resolve(api, village, hid, "illness")).status_code == 201
    await put_line(api, admin, 2024, "8300.00")
    await put_income(api, admin, hid, 2024, "9000.00")
    await put_income(api, admin, hid, 2025, "8599.99")
    refused = await step(api, village, hid, "start_elimination", reason="申请标注风险消除")
    assert refused.status_code == 422, refused.text
    assert refused.json()["code"] == "elimination_conditions_unmet"
    assert [u["condition"] for u in refused.json()["unmet"]] == ["income_above_line"]

    # Income above the line: every condition holds.
    await put_income(api, admin, hid, 2025, "8600.01")
    check = await api.get(f"{HOUSEHOLDS}/{hid}/elimination-check", headers=auth(village))
    assert check.status_code == 200 and check.json()["eligible"] is True, check.text

    # The procedure: household check → village review → notice (an objection lodged and found
    # groundless; the notice cannot close while it is open) → town review → district approval.
    await take(api, village, hid, "start_elimination")
    await backdate_start(stack, hid, 7)
    await take(api, village, hid, "submit_elimination_review")
    posted = clock.today() - timedelta(days=6)
    await take(api, village, hid, "post_elimination_notice", notice_posted_on=posted.isoformat())
    objection = await api.post(
        f"{HOUSEHOLDS}/{hid}/objections",
        json={"content": "该户务工收入不稳定，不应标注风险消除"},
        headers=auth(village),
    )
    assert objection.status_code == 201, objection.text
    blocked = await step(api, village, hid, "close_elimination_notice", reason="公示期满")
    assert blocked.status_code == 409 and blocked.json()["code"] == "open_objection", blocked.text
    finding = await api.post(
        f"{HOUSEHOLDS}/{hid}/objections/{objection.json()['id']}/finding",
        json={"finding": "dismissed", "note": "经核实，户主已稳定务工九个月，工资按月发放"},
        headers=auth(village, **{"If-Match": objection.headers["etag"]}),
    )
    assert finding.status_code == 200, finding.text
    await take(api, village, hid, "close_elimination_notice")
    await take(api, town, hid, "town_approve_elimination")
    eliminated = await take(api, admin, hid, "eliminate_risk")
    assert (eliminated["status"], eliminated["kind"]) == ("risk_eliminated", "lifted_out")

    # Still a 脱贫户, still counted by employment.
    await projected(stack, "projected_households", hid, eliminated["version"])
    assert await employed_in_kejing(api, town) == before + 1
    assert await lifted_out_in_kejing(api, admin) == identities_before
    history = (await api.get(f"{HOUSEHOLDS}/{hid}/transitions", headers=auth(admin))).json()
    assert [t["action"] for t in history][-6:] == [
        "start_elimination",
        "submit_elimination_review",
        "post_elimination_notice",
        "close_elimination_notice",
        "town_approve_elimination",
        "eliminate_risk",
    ]
