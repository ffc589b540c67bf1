"""Reports (JSON and XLSX): distribution, long-running cases, measures, time limits, helpers, data quality."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import httpx
from openpyxl import load_workbook
from sqlalchemy import text

from tests.conftest import Stack
from tests.helpers import KEJING_OTHER_VILLAGE, WANGWU, WANGWU_VILLAGE, assert_excel_report, auth
from tests.monitoring.factories import (
    backdate_alerts,
    create_household,
    declare,
    helper_id,
    id_number,
    include,
    member,
    step,
)
from tests.monitoring.measures import deliver, plan_measures

REPORTS = "/api/monitoring/v1/reports"


async def report(api: httpx.AsyncClient, token: str, name: str, **params: str) -> dict[str, Any]:
    resp = await api.get(f"{REPORTS}/{name}", params=params, headers=auth(token))
    assert resp.status_code == 200, resp.text
    return resp.json()  # type: ignore[no-any-return]


async def sql(stack: Stack, statement: str, **params: object) -> None:
    async with stack.db("monitoring").engine.begin() as conn:
        await conn.execute(text(statement), params)


async def scenario(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> dict[str, str]:
    """Four households, each a case for some report: their ids by name.

    - old: included three years ago, still monitored, no plan, an able-bodied member without an
      employment record (long-running, lacking measures, data-quality rules 1, 5 and 6);
    - cleared: included and risk eliminated despite income below the line (rule 3), helper assigned;
    - slow: an ordinary household whose case has been open for 20 days (over the 15-day limit);
    - far: a lifted-out household in another town without helper, members not matching its size.
    """
    admin = tokens["admin"]
    able = member(id_number=id_number(date(1990, 6, 1)), labour="ordinary")
    old = await create_household(api, admin, member_count=1, members=[able])
    await include(api, tokens, old["id"], stack)
    await sql(
        stack,
        "UPDATE monitoring.households SET included_on = included_on - 1100 WHERE id = :id",
        id=old["id"],
    )
    cleared = await create_household(api, admin, member_count=2, helper_user_id=await helper_id(api, tokens))
    await include(api, tokens, cleared["id"], stack)
    await api.put(
        f"/api/monitoring/v1/households/{cleared['id']}/incomes/2025",
        json={"wages": "10000", "business": "0", "property": "0", "transfers": "0", "business_costs": "0"},
        headers=auth(admin),
    )
    # Marked eliminated before elimination had to be earned (issue 11): rule 3 finds such records.
    await sql(
        stack,
        "UPDATE monitoring.households SET status = 'risk_eliminated', closed_on = current_date WHERE id = :id",
        id=cleared["id"],
    )
    slow = await create_household(api, admin, village_code=KEJING_OTHER_VILLAGE, kind="ordinary")
    await declare(api, admin, slow["id"], reason="申报")
    await backdate_alerts(stack, slow["id"], 20)
    await step(api, admin, slow["id"], "start_verification")
    far = await create_household(
        api, admin, town_code=WANGWU, village_code=WANGWU_VILLAGE, member_count=2, members=[member()]
    )
    return {"old": old["id"], "cleared": cleared["id"], "slow": slow["id"], "far": far["id"]}


async def test_households_report_counts_by_status(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await scenario(api, tokens, stack)
    by_status = await report(api, tokens["admin"], "households", group="status")
    assert by_status["title"] == "农户分布统计（按状态）"
    counts = {(r["town_name"], r["group_label"]): r["households"] for r in by_status["rows"]}
    assert counts == {
        ("克井镇", "已纳入监测（帮扶中）"): 1,
        ("克井镇", "风险已消除"): 1,
        ("克井镇", "核实中"): 1,
        ("王屋镇", "未纳入监测"): 1,
    }


async def test_households_report_counts_by_risk_cause(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await scenario(api, tokens, stack)
    by_risk = await report(api, tokens["admin"], "households", group="risk_cause")
    assert {(r["town_name"], r["group_label"], r["households"]) for r in by_risk["rows"]} == {
        ("克井镇", "因病", 2),
        ("克井镇", "（未填）", 1),
        ("王屋镇", "（未填）", 1),
    }


async def test_long_running_report_lists_cases_open_two_years(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    ids = await scenario(api, tokens, stack)
    [long] = (await report(api, tokens["admin"], "long-running"))["rows"]
    assert long["household_id"] == ids["old"] and long["disposition"] == "待处置"


async def test_lacking_developmental_report(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    ids = await scenario(api, tokens, stack)
    rows = (await report(api, tokens["admin"], "lacking-developmental"))["rows"]
    # One row per person (old's monitored member, far's 脱贫 member): tests/monitoring/test_lacking_developmental.py.
    lacking = [r for r in rows if r["row_type"] == "person"]
    assert {r["household_id"] for r in lacking} == {ids["old"], ids["far"]}


async def test_identification_overdue_report(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    ids = await scenario(api, tokens, stack)
    [overdue] = (await report(api, tokens["admin"], "identification-overdue"))["rows"]
    assert overdue["household_id"] == ids["slow"] and overdue["days"] == 20
    assert overdue["status_label"] == "核实中"


async def test_helper_coverage_report(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    await scenario(api, tokens, stack)
    coverage = {r["town_name"]: r for r in (await report(api, tokens["admin"], "helper-coverage"))["rows"]}
    assert (coverage["克井镇"]["households"], coverage["克井镇"]["with_helper"]) == (2, 1)
    assert coverage["克井镇"]["coverage"] == "50.0%" and coverage["王屋镇"]["without_helper"] == 1


async def test_helper_missing_report_filters_by_town(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    ids = await scenario(api, tokens, stack)
    missing = {r["household_id"] for r in (await report(api, tokens["admin"], "helper-missing"))["rows"]}
    assert missing == {ids["old"], ids["far"]}
    filtered = await report(api, tokens["admin"], "helper-missing", town_code=WANGWU)
    assert [r["household_id"] for r in filtered["rows"]] == [ids["far"]]


async def test_data_quality_report_numbers_each_rule(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    ids = await scenario(api, tokens, stack)
    rows = (await report(api, tokens["admin"], "data-quality"))["rows"]
    quality = {(r["rule_no"], r["household_id"]) for r in rows}
    # Rule 6: able-bodied working-age members with no employment record (old's and far's).
    assert quality == {
        (1, ids["old"]),
        (3, ids["cleared"]),
        (4, ids["far"]),
        (5, ids["old"]),
        (5, ids["far"]),
        (6, ids["old"]),
        (6, ids["far"]),
    }


async def test_reports_are_scoped_to_the_callers_territory(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    ids = await scenario(api, tokens, stack)
    town_rules = {
        r["household_id"] for r in (await report(api, tokens["town_kejing"], "data-quality"))["rows"]
    }
    assert town_rules == {ids["old"], ids["cleared"]}
    assert (await report(api, tokens["village_beidahe"], "identification-overdue"))["rows"] == []


async def test_data_quality_report_downloads_as_xlsx(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await scenario(api, tokens, stack)
    download = await api.get(
        f"{REPORTS}/data-quality", params={"format": "xlsx"}, headers=auth(tokens["admin"])
    )
    assert download.status_code == 200
    assert download.headers["content-type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(download.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("乡镇（街道）", "规则编号", "疑点规则", "村（社区）", "户主")
    assert len(rows) == 8 and rows[1][2] == "纳入监测超过规定天数仍无帮扶措施"


async def test_every_report_downloads_as_xlsx(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await scenario(api, tokens, stack)
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
        report = (await api.get(f"{REPORTS}/{name}", headers=auth(tokens["auditor"]))).json()
        assert_excel_report(report, xlsx.content)


async def test_helpers_and_systems_may_not_read_reports(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    for who in ("helper_wang", "integrator_hrss"):
        assert (await api.get(f"{REPORTS}/data-quality", headers=auth(tokens[who]))).status_code == 403, who


async def test_unknown_report_or_grouping_is_422(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    admin = tokens["admin"]
    assert (await api.get(f"{REPORTS}/nonsense", headers=auth(admin))).status_code == 422
    assert (
        await api.get(f"{REPORTS}/households", params={"group": "x"}, headers=auth(admin))
    ).status_code == 422


async def test_rule_2_flags_a_safety_net_household_without_dibao_or_tekun_in_place(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    """兜底保障户 rest on 低保 or 特困供养 delivered and running (seed §一(一)); other safety-net aid
    (medical assistance), a planned-only 低保 or an ended one leaves the household flagged."""
    town, admin = tokens["town_kejing"], tokens["admin"]
    cases = {
        "dibao": ("dibao", True, False),
        "tekun": ("tekun", True, False),
        "medical": ("medical_assistance", True, True),
        "planned": ("dibao", False, True),
    }
    flagged_expected = set()
    for name, (code, delivered, flagged) in cases.items():
        household = await create_household(api, admin, head_name=f"兜底{name}")
        await include(api, tokens, household["id"], stack)
        [measure] = await plan_measures(api, town, household["id"], code)
        if delivered:
            await deliver(stack, measure["id"])
        await sql(
            stack,
            "UPDATE monitoring.households SET status = 'safety_net', closed_on = current_date WHERE id = :id",
            id=household["id"],
        )
        if flagged:
            flagged_expected.add(household["id"])
    rows = (await report(api, admin, "data-quality"))["rows"]
    assert {r["household_id"] for r in rows if r["rule_no"] == 2} == flagged_expected
    assert {r["rule"] for r in rows if r["rule_no"] == 2} == {"兜底保障户无在落实的低保或特困供养措施"}
