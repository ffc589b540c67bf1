"""Checkpoint progress (7/10/12 月), the assessment event, and the reports (JSON and XLSX)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from services.funds.checkpoints.events import CheckpointAssessed
from tests.conftest import Stack
from tests.funds.factories import (
    API,
    count,
    funded_project,
    new_fund,
    new_project,
    pay,
    published_payloads,
    scalar,
)
from tests.helpers import KEJING, WANGWU, WANGWU_VILLAGE, assert_excel_report, auth

PROGRESS = f"{API}/checkpoints/progress"
ASSESSMENTS = f"{API}/checkpoints/assessments"
REPORTS = f"{API}/reports"


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


async def progress(api: httpx.AsyncClient, token: str, month: int, **params: Any) -> dict[str, Any]:
    resp = await api.get(PROGRESS, params={"year": 2025, "month": month, **params}, headers=auth(token))
    assert resp.status_code == 200, resp.text
    return resp.json()  # type: ignore[no-any-return]


async def test_progress_in_total_is_paid_by_the_checkpoint_over_allocated(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    await two_projects(api, tokens)
    july = await progress(api, tokens["admin"], 7)
    assert july["as_of"] == "2025-07-31" and july["target_ratio"] == "0.50"
    assert july["total"] == {
        "allocated": "600000.00",
        "paid": "300000.00",
        "progress": "0.5000",
        "behind": False,
    }
    october = await progress(api, tokens["admin"], 10)
    assert october["target_ratio"] == "0.80" and october["total"]["paid"] == "400000.00"


async def test_a_project_below_the_checkpoint_target_is_behind(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    made = await two_projects(api, tokens)
    july = {p["project_id"]: p for p in (await progress(api, tokens["admin"], 7))["projects"]}
    assert (july[made["kejing"]["id"]]["progress"], july[made["kejing"]["id"]]["behind"]) == ("0.6250", False)
    assert (july[made["wangwu"]["id"]]["progress"], july[made["wangwu"]["id"]]["behind"]) == ("0.2500", True)
    october = await progress(api, tokens["admin"], 10)
    assert {p["project_id"]: p["progress"] for p in october["projects"]}[made["kejing"]["id"]] == "0.8750"


async def test_a_funds_progress_is_paid_over_its_amount(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    await two_projects(api, tokens)
    july = await progress(api, tokens["admin"], 7)
    assert [(f["paid"], f["progress"], f["behind"]) for f in july["funds"]] == [("300000.00", "0.3000", True)]


async def test_a_towns_progress_counts_its_projects_behind(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    await two_projects(api, tokens)
    towns = {t["town_code"]: t for t in (await progress(api, tokens["admin"], 7))["towns"]}
    assert towns[KEJING]["town_name"] == "克井镇" and towns[KEJING]["projects_behind"] == 0
    assert (towns[WANGWU]["projects"], towns[WANGWU]["projects_behind"]) == (1, 1)


async def test_behind_only_lists_the_projects_below_target(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    made = await two_projects(api, tokens)
    behind = await progress(api, tokens["admin"], 12, behind_only=True)
    assert [p["project_id"] for p in behind["projects"]] == [made["kejing"]["id"], made["wangwu"]["id"]]


async def test_a_town_official_sees_its_towns_progress_only(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    made = await two_projects(api, tokens)
    town = await progress(api, tokens["town_kejing"], 7)
    assert [p["project_id"] for p in town["projects"]] == [made["kejing"]["id"]]
    assert [t["town_code"] for t in town["towns"]] == [KEJING]


async def test_progress_of_a_month_without_a_checkpoint_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    not_a_checkpoint = await api.get(
        PROGRESS, params={"year": 2025, "month": 8}, headers=auth(tokens["admin"])
    )
    assert not_a_checkpoint.status_code == 422 and not_a_checkpoint.json()["errors"][0]["field"] == "month"


async def test_helpers_cannot_read_progress(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    resp = await api.get(PROGRESS, params={"year": 2025, "month": 7}, headers=auth(tokens["helper_wang"]))
    assert resp.status_code == 403


async def nothing_assessed(stack: Stack) -> bool:
    return (
        await count(stack, "checkpoint_assessments") == 0
        and await count(stack, "outbox", "nats_subject LIKE '%checkpoint%'") == 0
    )


async def test_only_the_district_assesses_a_checkpoint(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    for token in ("town_kejing", "dept_hrss", "auditor", "integrator_hrss"):
        resp = await api.post(ASSESSMENTS, json={"year": 2025, "month": 7}, headers=auth(tokens[token]))
        assert resp.status_code == 403, token
    assert await nothing_assessed(stack)


async def test_an_assessment_of_a_month_without_a_checkpoint_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    bad = await api.post(ASSESSMENTS, json={"year": 2025, "month": 13}, headers=auth(tokens["admin"]))
    assert bad.status_code == 422
    bad = await api.post(ASSESSMENTS, json={"year": 2025, "month": 9}, headers=auth(tokens["admin"]))
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "month"
    assert await nothing_assessed(stack)


async def test_an_assessment_is_recorded_and_announced(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    made = await two_projects(api, tokens)
    resp = await api.post(ASSESSMENTS, json={"year": 2025, "month": 7}, headers=auth(tokens["admin"]))
    assert resp.status_code == 201, resp.text
    assert (resp.json()["projects_total"], resp.json()["projects_behind"]) == (2, 1)
    envelope = await scalar(
        stack, "SELECT envelope FROM funds.outbox WHERE nats_subject = 'xianjie.funds.checkpoint.assessed'"
    )
    assert envelope["type"] == "cn.xianjie.funds.checkpoint.assessed.v1"
    assert envelope["data"]["behind_project_ids"] == [made["wangwu"]["id"]]
    assert envelope["data"]["progress"] == "0.5000" and envelope["data"]["paid"] == "300000.00"
    assert [p for _, p in await published_payloads(stack) if isinstance(p, CheckpointAssessed)]


async def test_auditors_list_the_recorded_assessments(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    resp = await api.post(ASSESSMENTS, json={"year": 2025, "month": 7}, headers=auth(tokens["admin"]))
    assert resp.status_code == 201, resp.text
    listed = (await api.get(ASSESSMENTS, params={"year": 2025}, headers=auth(tokens["auditor"]))).json()
    assert [a["id"] for a in listed["items"]] == [resp.json()["id"]]


async def test_fund_use_report_by_source_and_category(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    await two_projects(api, tokens)
    admin = auth(tokens["admin"])
    district = await new_fund(api, tokens["admin"], amount="300000.00", source="district")
    fund_use = (await api.get(f"{REPORTS}/fund-use", params={"year": 2025}, headers=admin)).json()
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


async def test_pipeline_report_by_town_and_status(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    await two_projects(api, tokens)
    pipeline = (
        await api.get(f"{REPORTS}/pipeline", params={"year": 2025}, headers=auth(tokens["admin"]))
    ).json()
    assert [(r["town_name"], r["status"], r["projects"]) for r in pipeline["rows"]] == [
        ("克井镇", "已申报", 1),
        ("克井镇", "实施中", 1),
        ("王屋镇", "实施中", 1),
    ]


async def test_pipeline_report_keeps_to_the_callers_town(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    await two_projects(api, tokens)
    town = (await api.get(f"{REPORTS}/pipeline", headers=auth(tokens["town_kejing"]))).json()
    assert {r["town_code"] for r in town["rows"]} == {KEJING}


async def test_checkpoint_progress_report_downloads_as_xlsx(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    made = await two_projects(api, tokens)
    xlsx = await api.get(
        f"{REPORTS}/checkpoint-progress",
        params={"year": 2025, "month": 7, "format": "xlsx"},
        headers=auth(tokens["admin"]),
    )
    assert xlsx.status_code == 200 and xlsx.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    report = (
        await api.get(
            f"{REPORTS}/checkpoint-progress", params={"year": 2025, "month": 7}, headers=auth(tokens["admin"])
        )
    ).json()
    sheet = assert_excel_report(report, xlsx.content)
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


@pytest.mark.parametrize(
    ("report", "params", "field"),
    [
        ("fund-use", {}, "year"),
        ("checkpoint-progress", {}, "year"),
        ("checkpoint-progress", {"year": 2025}, "month"),
    ],
)
async def test_a_report_asks_for_the_parameters_it_needs(
    api: httpx.AsyncClient, tokens: dict[str, str], report: str, params: dict[str, Any], field: str
) -> None:
    missing = await api.get(f"{REPORTS}/{report}", params=params, headers=auth(tokens["admin"]))
    assert missing.status_code == 422 and missing.json()["errors"][0]["field"] == field


async def test_an_unknown_report_is_refused(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    resp = await api.get(f"{REPORTS}/nonsense", params={"year": 2025}, headers=auth(tokens["admin"]))
    assert resp.status_code == 422


async def test_helpers_cannot_read_reports(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    resp = await api.get(f"{REPORTS}/fund-use", params={"year": 2025}, headers=auth(tokens["helper_wang"]))
    assert resp.status_code == 403
