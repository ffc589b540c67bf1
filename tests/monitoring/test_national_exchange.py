"""Exchange with the national 防返贫监测 system (issue 14): export in the collection layout,
reconcile the workbook back by ID number — a round trip changes nothing and reports every row
unchanged; a changed cell or an unknown ID number is reported on its row."""

from __future__ import annotations

import io

import httpx
from openpyxl import load_workbook
from sqlalchemy import text

from services.monitoring.national.service import layout
from tests.conftest import Stack
from tests.helpers import WANGWU, WANGWU_VILLAGE, auth
from tests.monitoring.factories import HOUSEHOLDS, create_household, id_number, member, town_official

EXPORT = "/api/monitoring/v1/national/export"
RECONCILE = "/api/monitoring/v1/national/reconcile"


def test_the_layout_names_a_source_for_every_column() -> None:
    sheets = {s.name: s for s in layout()}
    assert set(sheets) == {"members", "incomes", "measures"}
    assert "证件号码" in [c.header for c in sheets["members"].columns]


async def _versions(stack: Stack) -> list[tuple[str, int]]:
    async with stack.db("monitoring").engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT id::text, version FROM monitoring.households UNION ALL "
                "SELECT id::text, version FROM monitoring.members UNION ALL "
                "SELECT id::text, version FROM monitoring.incomes ORDER BY 1"
            )
        )
        return [(r[0], r[1]) for r in rows]


async def reconcile(api: httpx.AsyncClient, token: str, content: bytes) -> dict[str, dict[str, object]]:
    resp = await api.post(RECONCILE, files={"file": ("national.xlsx", content)}, headers=auth(token))
    assert resp.status_code == 200, resp.text
    return resp.json()  # type: ignore[no-any-return]


async def test_export_then_reconcile_changes_nothing(
    stack: Stack, api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    head, child = id_number(), id_number()
    household = await create_household(
        api,
        tokens["admin"],
        member_count=2,
        members=[
            member(id_number=head),
            member(name="王小明", id_number=child, relation="child", labour="none"),
        ],
    )
    income = {
        "wages": "12000.50",
        "business": "800.00",
        "property": "0.00",
        "transfers": "1500.00",
        "business_costs": "300.00",
    }
    resp = await api.put(
        f"{HOUSEHOLDS}/{household['id']}/incomes/2025", json=income, headers=auth(tokens["admin"])
    )
    assert resp.status_code in (200, 201), resp.text
    await create_household(
        api,
        tokens["admin"],
        town_code=WANGWU,
        village_code=WANGWU_VILLAGE,
        members=[member()],
        member_count=1,
    )

    exported = await api.get(EXPORT, headers=auth(tokens["town_kejing"]))
    assert exported.status_code == 200, exported.text
    workbook = load_workbook(io.BytesIO(exported.content))
    members = list(workbook["农户基础信息"].iter_rows(values_only=True))
    header = members[0]
    assert {r[header.index("证件号码")] for r in members[1:]} == {head, child}  # only 克井镇's, in full
    incomes = list(workbook["收入情况"].iter_rows(values_only=True))
    assert incomes[1][:3] == (head, "2025", "12000.50")
    assert incomes[1][incomes[0].index("家庭年人均纯收入")] == "7000.25"  # (14300.50 − 300) / 2

    before = await _versions(stack)
    reports = await reconcile(api, tokens["town_kejing"], exported.content)
    assert reports["members"]["unchanged"] == 2 and reports["members"]["refused"] == 0
    assert reports["incomes"]["unchanged"] == 1 and reports["incomes"]["refused"] == 0
    assert await _versions(stack) == before

    # A cell the national system holds differently, and a person this town does not have.
    sheet = workbook["农户基础信息"]
    health = header.index("健康状况") + 1
    sheet.cell(row=2, column=health, value="大病")
    sheet.append(["419001100", "419001100201", "张三", "", "脱贫户", "", "", "1", "张三", id_number()])
    buffer = io.BytesIO()
    workbook.save(buffer)
    reports = await reconcile(api, tokens["town_kejing"], buffer.getvalue())
    rows = {r["row"]: r for r in reports["members"]["rows"]}
    assert rows[2]["status"] == "refused" and [p["field"] for p in rows[2]["problems"]] == ["健康状况"]
    assert rows[3]["status"] == "unchanged"
    assert rows[4]["status"] == "refused" and rows[4]["problems"][0]["field"] == "证件号码"
    # Another town's official has none of 克井镇's people: every row is reported unknown.
    wangwu = await town_official(api, tokens["admin"], WANGWU)
    other = await reconcile(api, wangwu, exported.content)
    assert other["members"]["refused"] == 2 and other["members"]["unchanged"] == 0


async def test_who_may_exchange(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    for who in ("helper_wang", "auditor", "dept_hrss", "integrator_hrss"):
        assert (await api.get(EXPORT, headers=auth(tokens[who]))).status_code == 403, who
