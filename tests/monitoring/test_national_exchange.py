"""Exchange with the national 防返贫监测 system (issue 14): export in the collection layout,
reconcile the workbook back by ID number — a round trip changes nothing and reports every row
unchanged; a changed cell or an unknown ID number is reported on its row."""

from __future__ import annotations

import io
from typing import Any

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
    # Money is a number Excel sums (two decimals shown), the year a number, the ID number text.
    assert incomes[1][:3] == (head, 2025, 12000.5)
    assert incomes[1][incomes[0].index("家庭年人均纯收入")] == 7000.25  # (14300.50 − 300) / 2
    wages = workbook["收入情况"].cell(row=2, column=3)
    assert wages.data_type == "n" and wages.number_format == "#,##0.00"
    assert workbook["收入情况"].freeze_panes == "A2"

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


IMPORT = "/api/monitoring/v1/national/import"


def _cells(content: bytes) -> dict[str, list[tuple[object, ...]]]:
    workbook = load_workbook(io.BytesIO(content))
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in workbook.worksheets}


async def national_import(api: httpx.AsyncClient, token: str, content: bytes, apply: bool) -> dict[str, Any]:
    resp = await api.post(
        IMPORT,
        params={"apply": str(apply).lower()},
        files={"file": ("national.xlsx", content)},
        headers=auth(token),
    )
    assert resp.status_code == 200, resp.text
    return resp.json()  # type: ignore[no-any-return]


async def test_export_edit_import_export_round_trip(
    stack: Stack, api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    head, child = id_number(), id_number()
    household = await create_household(
        api,
        tokens["admin"],
        member_count=2,
        members=[
            member(id_number=head),
            member(name="李小红", id_number=child, relation="child", labour="none"),
        ],
    )
    town = tokens["town_kejing"]
    exported = await api.get(EXPORT, headers=auth(town))
    workbook = load_workbook(io.BytesIO(exported.content))
    people = workbook["农户基础信息"]
    header = [c.value for c in people[1]]
    rows = {
        people.cell(row=r, column=header.index("证件号码") + 1).value: r for r in range(2, people.max_row + 1)
    }
    # The district accepts: the child is now in poor health, and the household's address changed (on
    # both members' rows, as the national template repeats it); one row also changes its village
    # (not an import's to change) and one names a person nobody here knows.
    people.cell(row=rows[child], column=header.index("健康状况") + 1, value="大病")
    people.cell(row=rows[child], column=header.index("劳动技能") + 1, value="丧失劳动力")
    for row in rows.values():
        people.cell(row=row, column=header.index("家庭住址") + 1, value="北大河村三组 8 号")
    incomes = workbook["收入情况"]
    incomes.append([head, 2025, 9000, 500, 0, 1200.5, 300, 10400.5, 5200.25])
    stranger = [people.cell(row=rows[head], column=c).value for c in range(1, len(header) + 1)]
    stranger[header.index("证件号码")] = id_number()
    people.append(stranger)
    buffer = io.BytesIO()
    workbook.save(buffer)
    edited = buffer.getvalue()
    mine = household["id"]

    before = await _versions(stack)
    outbox_before = await _outbox_count(stack)
    dry = await national_import(api, town, edited, apply=False)
    assert await _versions(stack) == before and await _outbox_count(stack) == outbox_before
    assert (dry["members"]["accepted"], dry["members"]["refused"]) == (2, 1)
    assert (dry["incomes"]["accepted"], dry["incomes"]["refused"]) == (1, 0)
    unknown = next(r for r in dry["members"]["rows"] if r["status"] == "refused")
    assert unknown["problems"][0]["field"] == "证件号码"
    assert dry["members"]["refused_rows_url"].startswith("/api/monitoring/v1/import-refusals/")

    applied = await national_import(api, town, edited, apply=True)
    assert {k: (v["accepted"], v["refused"]) for k, v in applied.items()} == {
        k: (v["accepted"], v["refused"]) for k, v in dry.items()
    }
    got = (await api.get(f"{HOUSEHOLDS}/{mine}", headers=auth(town))).json()
    assert got["address"] == "北大河村三组 8 号"
    # Announced through the outbox (the labour a member.changed carries; an address alone is
    # nobody else's business), and audited.
    async with stack.db("monitoring").engine.connect() as conn:
        announced = await conn.scalar(
            text(
                "SELECT count(*) FROM monitoring.outbox WHERE envelope->>'type' LIKE '%member.changed%'"
                " AND envelope->'data'->>'labour' = 'lost' AND envelope->'data'->>'household_id' = :id"
            ),
            {"id": mine},
        )
    assert announced == 1
    async with stack.db("monitoring").engine.connect() as conn:
        audited = await conn.scalar(
            text("SELECT count(*) FROM monitoring.audit_log WHERE action LIKE 'national_import%'")
        )
    assert audited >= 3

    # Export again: what the district accepted is what the system now says, cell by cell (the
    # stranger's row aside, which was refused).
    again = _cells((await api.get(EXPORT, headers=auth(town))).content)
    sent = _cells(edited)
    assert sorted(again["农户基础信息"][1:], key=str) == sorted(sent["农户基础信息"][1:-1], key=str)
    assert again["收入情况"] == sent["收入情况"]
    # And importing the export again changes nothing.
    settled = await national_import(
        api, town, (await api.get(EXPORT, headers=auth(town))).content, apply=True
    )
    assert settled["members"]["accepted"] == 0 and settled["incomes"]["accepted"] == 0
    assert settled["members"]["unchanged"] == 2 and settled["members"]["refused_rows_url"] is None


async def test_an_import_refuses_columns_it_may_not_change(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    head = id_number()
    await create_household(api, tokens["admin"], member_count=1, members=[member(id_number=head)])
    workbook = load_workbook(io.BytesIO((await api.get(EXPORT, headers=auth(tokens["admin"]))).content))
    people = workbook["农户基础信息"]
    header = [c.value for c in people[1]]
    row = next(
        r
        for r in range(2, people.max_row + 1)
        if people.cell(row=r, column=header.index("证件号码") + 1).value == head
    )
    people.cell(row=row, column=header.index("行政村代码") + 1, value="419001100202")
    people.cell(row=row, column=header.index("健康状况") + 1, value="很好")
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = await national_import(api, tokens["admin"], buffer.getvalue(), apply=True)
    refused = next(r for r in report["members"]["rows"] if r["row"] == row)
    assert refused["status"] == "refused"
    assert {p["field"] for p in refused["problems"]} == {"行政村代码", "健康状况"}


async def _outbox_count(stack: Stack) -> int:
    async with stack.db("monitoring").engine.connect() as conn:
        return int(await conn.scalar(text("SELECT count(*) FROM monitoring.outbox")) or 0)
