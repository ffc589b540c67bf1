"""Checkpoint progress (7/10/12 月), the assessment event, and the reports (JSON and XLSX)."""

from __future__ import annotations

import io
from typing import Any

import httpx
from openpyxl import load_workbook

from tests.conftest import Stack
from tests.funds.factories import API, count, funded_project, new_fund, new_project, pay, scalar
from tests.helpers import KEJING, WANGWU, WANGWU_VILLAGE, auth

PROGRESS = f"{API}/checkpoints/progress"


async def two_projects(api: httpx.AsyncClient, tokens: dict[str, str]) -> dict[str, Any]:
    """克井 project: 400k allocated, 250k paid in July, 100k in September; 王屋 project: 200k / 50k."""
    admin = tokens["admin"]
    fund = await new_fund(api, admin, amount="1000000.00")
    kejing, a = await funded_project(api, admin, fund["id"], "400000.00")
    wangwu, b = await funded_project(
        api,
        admin,
        fund["id"],
        "200000.00",
        town_code=WANGWU,
        village_code=WANGWU_VILLAGE,
        name="王屋镇产业项目",
    )
    for allocation, amount, day in (
        (a, "250000.00", "2025-07-15"),
        (a, "100000.00", "2025-09-30"),
        (b, "50000.00", "2025-06-01"),
    ):
        assert (await pay(api, admin, allocation["id"], amount, paid_on=day)).status_code == 201
    await new_project(api, admin, name="未安排资金的项目")
    return {"fund": fund, "kejing": kejing, "wangwu": wangwu}


async def test_progress_at_each_checkpoint(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    made = await two_projects(api, tokens)
    admin = auth(tokens["admin"])
    july = (await api.get(PROGRESS, params={"year": 2025, "month": 7}, headers=admin)).json()
    assert july["as_of"] == "2025-07-31" and july["target_ratio"] == "0.50"
    assert july["total"] == {
        "allocated": "600000.00",
        "paid": "300000.00",
        "progress": "0.5000",
        "behind": False,
    }
    projects = {p["project_id"]: p for p in july["projects"]}
    assert (projects[made["kejing"]["id"]]["progress"], projects[made["kejing"]["id"]]["behind"]) == (
        "0.6250",
        False,
    )
    assert (projects[made["wangwu"]["id"]]["progress"], projects[made["wangwu"]["id"]]["behind"]) == (
        "0.2500",
        True,
    )
    assert [(f["paid"], f["progress"], f["behind"]) for f in july["funds"]] == [("300000.00", "0.3000", True)]
    towns = {t["town_code"]: t for t in july["towns"]}
    assert towns[KEJING]["town_name"] == "克井镇" and towns[KEJING]["projects_behind"] == 0
    assert (towns[WANGWU]["projects"], towns[WANGWU]["projects_behind"]) == (1, 1)

    october = (await api.get(PROGRESS, params={"year": 2025, "month": 10}, headers=admin)).json()
    assert october["target_ratio"] == "0.80" and october["total"]["paid"] == "400000.00"
    assert {p["project_id"]: p["progress"] for p in october["projects"]}[made["kejing"]["id"]] == "0.8750"
    behind = (
        await api.get(PROGRESS, params={"year": 2025, "month": 12, "behind_only": True}, headers=admin)
    ).json()
    assert [p["project_id"] for p in behind["projects"]] == [made["kejing"]["id"], made["wangwu"]["id"]]

    town = (
        await api.get(PROGRESS, params={"year": 2025, "month": 7}, headers=auth(tokens["town_kejing"]))
    ).json()
    assert [p["project_id"] for p in town["projects"]] == [made["kejing"]["id"]]
    assert [t["town_code"] for t in town["towns"]] == [KEJING]
    not_a_checkpoint = await api.get(PROGRESS, params={"year": 2025, "month": 8}, headers=admin)
    assert not_a_checkpoint.status_code == 422 and not_a_checkpoint.json()["errors"][0]["field"] == "month"
    assert (
        await api.get(PROGRESS, params={"year": 2025, "month": 7}, headers=auth(tokens["helper_wang"]))
    ).status_code == 403


async def test_assessment_publishes_an_event(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    made = await two_projects(api, tokens)
    url = f"{API}/checkpoints/assessments"
    for token in ("town_kejing", "dept_hrss", "auditor", "integrator_hrss"):
        assert (
            await api.post(url, json={"year": 2025, "month": 7}, headers=auth(tokens[token]))
        ).status_code == 403
    bad = await api.post(url, json={"year": 2025, "month": 13}, headers=auth(tokens["admin"]))
    assert bad.status_code == 422
    bad = await api.post(url, json={"year": 2025, "month": 9}, headers=auth(tokens["admin"]))
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "month"
    assert (
        await count(stack, "checkpoint_assessments") == 0
        and await count(stack, "outbox", "nats_subject LIKE '%checkpoint%'") == 0
    )
    resp = await api.post(url, json={"year": 2025, "month": 7}, headers=auth(tokens["admin"]))
    assert resp.status_code == 201, resp.text
    assert (resp.json()["projects_total"], resp.json()["projects_behind"]) == (2, 1)
    envelope = await scalar(
        stack, "SELECT envelope FROM funds.outbox WHERE nats_subject = 'xianjie.funds.checkpoint.assessed'"
    )
    assert envelope["type"] == "cn.xianjie.funds.checkpoint.assessed.v1"
    assert envelope["data"]["behind_project_ids"] == [made["wangwu"]["id"]]
    assert envelope["data"]["progress"] == "0.5000" and envelope["data"]["paid"] == "300000.00"
    listed = (await api.get(url, params={"year": 2025}, headers=auth(tokens["auditor"]))).json()
    assert [a["id"] for a in listed["items"]] == [resp.json()["id"]]


async def test_reports_json_and_xlsx(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    made = await two_projects(api, tokens)
    admin = auth(tokens["admin"])
    district = await new_fund(api, tokens["admin"], amount="300000.00", source="district")
    fund_use = (await api.get(f"{API}/reports/fund-use", params={"year": 2025}, headers=admin)).json()
    assert fund_use["title"] == "2025年衔接资金使用情况"
    assert [(r["source"], r["category"], r["allocated"], r["paid"]) for r in fund_use["rows"]] == [
        ("中央财政衔接资金", "产业", "600000.00", "400000.00"),
        ("中央财政衔接资金", "小计", "600000.00", "400000.00"),
        ("区级财政衔接资金", "小计", "0.00", "0.00"),
    ]
    assert (
        fund_use["rows"][1]["unallocated"] == "400000.00"
        and fund_use["rows"][2]["amount"] == district["amount"]
    )

    pipeline = (await api.get(f"{API}/reports/pipeline", params={"year": 2025}, headers=admin)).json()
    assert [(r["town_name"], r["status"], r["projects"]) for r in pipeline["rows"]] == [
        ("克井镇", "已申报", 1),
        ("克井镇", "实施中", 1),
        ("王屋镇", "实施中", 1),
    ]
    town = (await api.get(f"{API}/reports/pipeline", headers=auth(tokens["town_kejing"]))).json()
    assert {r["town_code"] for r in town["rows"]} == {KEJING}

    xlsx = await api.get(
        f"{API}/reports/checkpoint-progress",
        params={"year": 2025, "month": 7, "format": "xlsx"},
        headers=admin,
    )
    assert xlsx.status_code == 200 and xlsx.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    sheet = load_workbook(io.BytesIO(xlsx.content)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "乡镇（街道）",
        "村（社区）代码",
        "项目名称",
        "项目类别",
        "安排资金（元）",
        "已支付（元）",
        "支出进度",
        "是否滞后",
    )
    assert [(r[0], r[2], r[7]) for r in rows[1:]] == [
        ("克井镇", made["kejing"]["name"], "否"),
        ("王屋镇", "王屋镇产业项目", "是"),
    ]
    missing = await api.get(f"{API}/reports/fund-use", headers=admin)
    assert missing.status_code == 422 and missing.json()["errors"][0]["field"] == "year"
    assert (await api.get(f"{API}/reports/nonsense", params={"year": 2025}, headers=admin)).status_code == 422
    assert (
        await api.get(f"{API}/reports/fund-use", params={"year": 2025}, headers=auth(tokens["helper_wang"]))
    ).status_code == 403
