"""存量资产台账导入: old ledgers join the one ledger, marked as imported; per-row report; idempotent;
an imported row naming a funds project passes the same reference check as a registration."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from services.assets.ledger.service import COLUMNS
from tests.assets.factories import ASSETS, create_asset, known_project
from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_OTHER_VILLAGE, KEJING_VILLAGE, WANGWU, WANGWU_VILLAGE, auth, new_id

IMPORT = f"{ASSETS}/import"
HEADER = list(COLUMNS.values())


def line(ref: str, **cells: str) -> list[str]:
    row = {
        "legacy_ref": ref,
        "name": f"老台账资产{ref}",
        "kind": "经营性",
        "category": "厂房",
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "value": "150,000.00",
        "formed_on": "2019-05-20",
        "owner_kind": "村集体",
        "owner_name": "北大河村股份经济合作社",
        "manager_name": "",
        "status": "管护运营中",
        "source_project_id": "",
        "legacy_project_name": "2019年扶贫车间项目",
    }
    row.update(cells)
    return [row[f] for f in COLUMNS]


def as_csv(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([HEADER, *rows])
    return buffer.getvalue().encode("gb18030")  # as Chinese Excel saves it


def as_xlsx(rows: list[list[str]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [HEADER, *rows]:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def upload(
    api: httpx.AsyncClient, token: str, content: bytes, name: str = "台账.csv"
) -> httpx.Response:
    return await api.post(IMPORT, files={"file": (name, content)}, headers=auth(token))


async def imported(
    api: httpx.AsyncClient, token: str, content: bytes, name: str = "台账.csv"
) -> dict[str, Any]:
    resp = await upload(api, token, content, name)
    assert resp.status_code == 200, resp.text
    return dict(resp.json())


async def registered_events(stack: Stack) -> int:
    async with stack.db("assets").engine.connect() as conn:
        return int(
            await conn.scalar(
                text(
                    "SELECT count(*) FROM assets.outbox WHERE nats_subject = 'xianjie.assets.asset.registered'"
                )
            )
            or 0
        )


async def test_an_old_ledger_joins_the_one_ledger_once(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    town = tokens["town_kejing"]
    rows = [
        line("BDH-001"),
        line("BDH-002", kind="公益性", category="道路", status="", legacy_project_name=""),
        line("BDH-003", value="-1"),  # refused: negative value
        line("BDH-004", village_code=WANGWU_VILLAGE, town_code=WANGWU),  # refused: outside the town
        line("BDH-001"),  # refused: twice in the file
        line("BDH-005", status="已处置"),  # refused: a disposed asset is not imported
        line("BDH-006", kind="其他"),
    ]
    events_before = await registered_events(stack)
    report = await imported(api, town, as_csv(rows))
    assert (report["total"], report["accepted"], report["unchanged"], report["refused"]) == (7, 2, 0, 5)
    refused = {r["row"]: r["problems"][0] for r in report["rows"] if r["status"] == "refused"}
    assert refused[4]["field"] == "资产价值（元）"
    assert refused[5] == {"field": "村代码", "message": "不在您的辖区内"}
    assert refused[6] == {"field": "原台账编号", "message": "与第 2 行重复"}
    assert refused[7]["field"] == "当前状态" and refused[8]["field"] == "资产类型"
    [workshop_id] = [r["id"] for r in report["rows"] if r["row"] == 2]
    workshop = (await api.get(f"{ASSETS}/{workshop_id}", headers=auth(town))).json()
    assert workshop["origin"] == "imported" and workshop["origin_label"] == "存量台账导入"
    assert workshop["status"] == "in_operation" and workshop["value"] == "150000.00"
    assert workshop["legacy_ref"] == "BDH-001" and workshop["legacy_project_name"] == "2019年扶贫车间项目"
    assert workshop["source_project_id"] is None and workshop["use_status"] is None
    [road_id] = [r["id"] for r in report["rows"] if r["row"] == 3]
    road = (await api.get(f"{ASSETS}/{road_id}", headers=auth(town))).json()
    assert road["use_status"] == "in_use" and road["use_status_since"] == "2019-05-20"
    card = (await api.get(f"{ASSETS}/{workshop_id}/card", headers=auth(town))).json()
    assert [(s["action"], s["to_status"]) for s in card["history"]] == [("register", "in_operation")]
    assert await registered_events(stack) == events_before + 2

    # The same file again (also as XLSX): nothing new, the same ids.
    again = await imported(api, town, as_xlsx(rows), "台账.xlsx")
    assert (again["accepted"], again["unchanged"], again["refused"]) == (0, 2, 5)
    assert {r["id"] for r in again["rows"] if r["status"] == "unchanged"} == {workshop_id, road_id}
    assert await registered_events(stack) == events_before + 2
    listed = (await api.get(ASSETS, params={"q": "老台账资产"}, headers=auth(town))).json()["items"]
    assert len(listed) == 2


async def test_an_imported_row_naming_a_project_is_checked_like_a_registration(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    project = await known_project(stack)
    wangwu_project = await known_project(stack, town_code=WANGWU, village_code=WANGWU_VILLAGE)
    rows = [
        line("P-1", source_project_id=project, legacy_project_name=""),
        line("P-2", source_project_id=new_id(), legacy_project_name=""),  # unknown to funds
        line("P-3", source_project_id=wangwu_project, legacy_project_name=""),  # outside the territory
        line("P-4", source_project_id=project, village_code=KEJING_OTHER_VILLAGE, legacy_project_name=""),
        line("P-5", source_project_id=project),  # both a funds project and a historical name
    ]
    report = await imported(api, tokens["town_kejing"], as_csv(rows))
    assert (report["accepted"], report["refused"]) == (1, 4)
    problems = {r["row"]: r["problems"][0]["field"] for r in report["rows"] if r["status"] == "refused"}
    assert problems == {3: "来源项目编号", 4: "来源项目编号", 5: "村代码", 6: "来源项目编号"}
    [accepted] = [r for r in report["rows"] if r["status"] == "accepted"]
    asset = (await api.get(f"{ASSETS}/{accepted['id']}", headers=auth(tokens["town_kejing"]))).json()
    assert asset["source_project_id"] == project and asset["origin"] == "imported"


async def test_readers_may_not_import_and_rows_outside_a_village_are_refused(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    content = as_csv([line("R-1"), line("R-2", village_code=KEJING_OTHER_VILLAGE)])
    for reader in ("auditor", "dept_hrss"):
        assert (await upload(api, tokens[reader], content)).status_code == 403
    report = await imported(api, tokens["village_beidahe"], content)
    assert (report["accepted"], report["refused"]) == (1, 1)
    assert report["rows"][1]["problems"][0]["message"] == "不在您的辖区内"
    # The refused row downloads as XLSX for the village's cadres, and for nobody else.
    url = report["refused_rows_url"]
    assert url.startswith("/api/assets/v1/import-refusals/")
    download = await api.get(url, headers=auth(tokens["village_beidahe"]))
    lines = list(load_workbook(io.BytesIO(download.content)).worksheets[0].iter_rows(values_only=True))
    assert lines[0] == ("原文件行号", *HEADER, "问题")
    assert lines[1][:2] == (3, "R-2") and lines[1][-1] == "村代码：不在您的辖区内"
    assert (await api.get(url, headers=auth(tokens["town_kejing"]))).status_code == 404
    unreadable = await upload(api, tokens["admin"], b"PK\x03\x04garbage", "坏.xlsx")
    assert unreadable.status_code == 422 and unreadable.json()["code"] == "unreadable_file"


async def test_the_report_shows_the_ledger_by_origin(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    admin = tokens["admin"]
    await create_asset(api, admin, value="100.00")
    await imported(api, admin, as_csv([line("O-1", value="50.00")]))
    report = (await api.get("/api/assets/v1/reports/ledger-origin", headers=auth(admin))).json()
    rows = {(r["town_code"], r["origin"]): r for r in report["rows"]}
    assert rows[(KEJING, "存量台账导入")]["count"] == 1 and rows[(KEJING, "存量台账导入")]["value"] == "50.00"
    assert rows[(KEJING, "手工登记")]["count"] == 1
    xlsx = await api.get(
        "/api/assets/v1/reports/ledger-origin", params={"format": "xlsx"}, headers=auth(admin)
    )
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


@pytest.mark.parametrize(
    ("assignment", "constraint"),
    [
        ("origin = 'imported'", "legacy_ref_iff_imported"),
        ("legacy_project_name = '某项目'", "legacy_project_only_imported"),
        ("origin = 'project'", "project_origin_has_ref"),
        ("use_status = 'idle', use_status_since = '2025-01-01'", "use_status_public_welfare"),
    ],
)
async def test_the_database_keeps_origins_honest(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, assignment: str, constraint: str
) -> None:
    asset = await create_asset(api, tokens["admin"])  # an operating asset registered by hand
    with pytest.raises(IntegrityError, match=constraint):
        async with stack.db("assets").engine.begin() as conn:
            await conn.execute(
                text(f"UPDATE assets.assets SET {assignment} WHERE id = :id"),
                {"id": asset["id"]},
            )


async def test_one_old_ledger_number_per_village(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    first = (await imported(api, tokens["admin"], as_csv([line("U-1")])))["rows"][0]["id"]
    with pytest.raises(IntegrityError, match="uq_assets_village_code_legacy_ref"):
        async with stack.db("assets").engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO assets.assets (id, name, kind, category, town_code, village_code, value,"
                    " formed_on, owner_kind, status, version, origin, legacy_ref)"
                    " SELECT gen_random_uuid(), name, kind, category, town_code, village_code, value, formed_on,"
                    " owner_kind, status, 1, origin, legacy_ref FROM assets.assets WHERE id = :id"
                ),
                {"id": first},
            )
