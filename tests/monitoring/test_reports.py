"""Reports (JSON and XLSX): distribution, long-running cases, measures, time limits, helpers, data quality."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import httpx
from openpyxl import load_workbook
from sqlalchemy import text

from tests.conftest import Stack
from tests.helpers import KEJING_OTHER_VILLAGE, WANGWU, WANGWU_VILLAGE, auth
from tests.monitoring.factories import backdate_alerts, create_household, id_number, include, member, step

REPORTS = "/api/monitoring/v1/reports"


async def report(api: httpx.AsyncClient, token: str, name: str, **params: str) -> dict[str, Any]:
    resp = await api.get(f"{REPORTS}/{name}", params=params, headers=auth(token))
    assert resp.status_code == 200, resp.text
    return resp.json()  # type: ignore[no-any-return]


async def sql(stack: Stack, statement: str, **params: object) -> None:
    async with stack.db("monitoring").engine.begin() as conn:
        await conn.execute(text(statement), params)


async def test_reports(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    admin = tokens["admin"]
    me = (await api.get("/auth/me", headers=auth(tokens["helper_wang"]))).json()
    able = member(id_number=id_number(date(1990, 6, 1)), labour="ordinary")
    # Included three years ago, still monitored, no plan: long-running, lacking measures, rules 1 and 5.
    old = await create_household(api, admin, member_count=1, members=[able])
    await include(api, tokens, old["id"], stack)
    await sql(
        stack,
        "UPDATE monitoring.households SET included_on = included_on - 1100 WHERE id = :id",
        id=old["id"],
    )
    # Included and risk eliminated despite income below the line: rule 3; helper assigned.
    cleared = await create_household(api, admin, member_count=2, helper_user_id=me["id"])
    await include(api, tokens, cleared["id"], stack)
    await api.put(
        f"/api/monitoring/v1/households/{cleared['id']}/incomes/2025",
        json={"wages": "10000", "business": "0", "property": "0", "transfers": "0", "business_costs": "0"},
        headers=auth(admin),
    )
    await step(api, admin, cleared["id"], "eliminate_risk")
    # A case open for 20 days: over the 15-day identification limit.
    slow = await create_household(api, admin, village_code=KEJING_OTHER_VILLAGE, kind="ordinary")
    await api.post(
        "/api/monitoring/v1/alerts", json={"household_id": slow["id"], "reason": "申报"}, headers=auth(admin)
    )
    await backdate_alerts(stack, slow["id"], 20)
    await step(api, admin, slow["id"], "start_verification")
    # A lifted-out household in another town, no helper, town secretary visited.
    far = await create_household(
        api, admin, town_code=WANGWU, village_code=WANGWU_VILLAGE, member_count=2, members=[member()]
    )

    by_status = await report(api, admin, "households", group="status")
    assert by_status["title"] == "农户分布统计（按状态）"
    counts = {(r["town_name"], r["group_label"]): r["households"] for r in by_status["rows"]}
    assert counts == {
        ("克井镇", "已纳入监测（帮扶中）"): 1,
        ("克井镇", "风险已消除"): 1,
        ("克井镇", "核实中"): 1,
        ("王屋镇", "未纳入监测"): 1,
    }
    by_risk = await report(api, admin, "households", group="risk_cause")
    assert {(r["town_name"], r["group_label"], r["households"]) for r in by_risk["rows"]} == {
        ("克井镇", "因病", 2),
        ("克井镇", "（未填）", 1),
        ("王屋镇", "（未填）", 1),
    }

    [long] = (await report(api, admin, "long-running"))["rows"]
    assert long["household_id"] == old["id"] and long["disposition"] == "待处置"
    [lacking] = (await report(api, admin, "lacking-developmental"))["rows"]
    assert lacking["household_id"] == old["id"] and lacking["able_bodied"] == 1
    [overdue] = (await report(api, admin, "identification-overdue"))["rows"]
    assert (
        overdue["household_id"] == slow["id"]
        and overdue["days"] == 20
        and overdue["status_label"] == "核实中"
    )

    coverage = {r["town_name"]: r for r in (await report(api, admin, "helper-coverage"))["rows"]}
    assert (coverage["克井镇"]["households"], coverage["克井镇"]["with_helper"]) == (2, 1)
    assert coverage["克井镇"]["coverage"] == "50.0%" and coverage["王屋镇"]["without_helper"] == 1
    missing = {r["household_id"] for r in (await report(api, admin, "helper-missing"))["rows"]}
    assert missing == {old["id"], far["id"]}

    quality = {(r["rule_no"], r["household_id"]) for r in (await report(api, admin, "data-quality"))["rows"]}
    # Rule 6: able-bodied working-age members with no employment record (old's and far's).
    assert quality == {
        (1, old["id"]),
        (3, cleared["id"]),
        (4, far["id"]),
        (5, old["id"]),
        (5, far["id"]),
        (6, old["id"]),
        (6, far["id"]),
    }
    # The town official sees only the town; the village cadre only the village.
    town_rules = {
        r["household_id"] for r in (await report(api, tokens["town_kejing"], "data-quality"))["rows"]
    }
    assert town_rules == {old["id"], cleared["id"]}
    assert (await report(api, tokens["village_beidahe"], "identification-overdue"))["rows"] == []
    filtered = await report(api, admin, "helper-missing", town_code=WANGWU)
    assert [r["household_id"] for r in filtered["rows"]] == [far["id"]]

    download = await api.get(f"{REPORTS}/data-quality", params={"format": "xlsx"}, headers=auth(admin))
    assert download.status_code == 200
    assert download.headers["content-type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(download.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("乡镇（街道）", "规则编号", "疑点规则", "村（社区）", "户主")
    assert len(rows) == 8 and rows[1][2] == "纳入监测超过规定天数仍无帮扶措施"
    for name in (
        "households",
        "long-running",
        "lacking-developmental",
        "identification-overdue",
        "helper-coverage",
        "helper-missing",
    ):
        xlsx = await api.get(f"{REPORTS}/{name}", params={"format": "xlsx"}, headers=auth(tokens["auditor"]))
        assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK", name
    for who in ("helper_wang", "integrator_hrss"):
        assert (await api.get(f"{REPORTS}/data-quality", headers=auth(tokens[who]))).status_code == 403
    assert (await api.get(f"{REPORTS}/nonsense", headers=auth(admin))).status_code == 422
    assert (
        await api.get(f"{REPORTS}/households", params={"group": "x"}, headers=auth(admin))
    ).status_code == 422
