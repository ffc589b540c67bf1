"""The refused rows of a ledger import download as XLSX: their original columns and a 问题 column,
for the importing role in its territory only, kept for a few days (issue 15)."""

from __future__ import annotations

import io

import httpx
from openpyxl import load_workbook
from sqlalchemy import text

from shared.import_refusals import purge_import_refusals
from shared.work import WorkContext
from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_VILLAGE, WANGWU, auth
from tests.monitoring.factories import town_official
from tests.monitoring.test_import import HEADER, IMPORT, ledger, ledger_upload

SITES_IMPORT = "/api/monitoring/v1/water-sites/import"


async def test_refused_rows_download_with_their_problems(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    rows, _ = ledger()
    report = (await api.post(IMPORT, files=ledger_upload(rows), headers=auth(tokens["town_kejing"]))).json()
    url = report["refused_rows_url"]
    # The path as the caller used it: through the gateway, with its prefix.
    assert url.startswith("/api/monitoring/v1/import-refusals/")
    download = await api.get(url, headers=auth(tokens["town_kejing"]))
    assert download.status_code == 200, download.text
    assert download.headers["content-type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(download.content)).worksheets[0]
    assert sheet.title == "被拒的行" and sheet.freeze_panes == "A2"
    lines = list(sheet.iter_rows(values_only=True))
    assert lines[0] == ("原文件行号", *HEADER, "问题")
    refused = {r["row"]: r for r in report["rows"] if r["status"] == "refused"}
    assert [line[0] for line in lines[1:]] == sorted(refused) and len(refused) == report["refused"]
    by_row = {line[0]: line for line in lines[1:]}
    # Original cells as typed (codes stay text), the problem in Chinese naming its column.
    assert by_row[4][1:3] == (KEJING, KEJING_VILLAGE) and by_row[4][3] == "孙三"
    assert by_row[4][-1].startswith("户主身份证号：") and "出生日期" in by_row[4][-1]
    assert by_row[7][6] == "富裕户" and by_row[7][-1].startswith("户类型：")
    # ID numbers are never kept in full: region and last four only.
    assert by_row[4][4] == "410881********1234"
    assert all("199013" not in str(c) for line in lines for c in line)


async def test_only_the_same_role_in_the_same_territory_reads_them(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    rows, _ = ledger()
    report = (await api.post(IMPORT, files=ledger_upload(rows), headers=auth(tokens["town_kejing"]))).json()
    url = report["refused_rows_url"]
    wangwu = await town_official(api, tokens["admin"], WANGWU)
    colleague = await town_official(api, tokens["admin"], KEJING)
    assert (await api.get(url, headers=auth(colleague))).status_code == 200
    for other in (wangwu, tokens["admin"], tokens["village_beidahe"], tokens["auditor"]):
        refused = await api.get(url, headers=auth(other))
        assert refused.status_code == 404 and refused.json()["code"] == "not_found"
    unknown = url.rsplit("/", 1)[0] + "/00000000-0000-4000-8000-000000000000"
    assert (await api.get(unknown, headers=auth(tokens["town_kejing"]))).status_code == 404
    assert (await api.get(url)).status_code == 401


async def test_a_clean_import_keeps_nothing_and_old_refusals_are_purged(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    rows, _ = ledger()
    clean = (await api.post(IMPORT, files=ledger_upload(rows[:2]), headers=auth(tokens["admin"]))).json()
    assert clean["refused"] == 0 and clean["refused_rows_url"] is None
    report = (await api.post(IMPORT, files=ledger_upload(rows), headers=auth(tokens["admin"]))).json()
    url = report["refused_rows_url"]
    refusal_id = url.rsplit("/", 1)[1]
    db = stack.db("monitoring")
    async with db.engine.begin() as conn:
        await conn.execute(
            text(
                "UPDATE monitoring.import_refusals SET created_at = now() - interval '8 days' WHERE id = :id"
            ),
            {"id": refusal_id},
        )
    # Past its time it is gone for the reader at once, and the periodic task deletes it.
    assert (await api.get(url, headers=auth(tokens["admin"]))).status_code == 404
    component = stack.apps["monitoring"].state.component
    async with db.transaction() as session:
        ctx = WorkContext(
            session=session,
            actor="schedule:purge-import-refusals",
            outbox=component.outbox,
            tables=component.tables,
            settings=component.settings,
            divisions=component.divisions,
        )
        assert await purge_import_refusals(ctx) >= 1
    async with db.engine.connect() as conn:
        left = await conn.scalar(
            text("SELECT count(*) FROM monitoring.import_refusals WHERE id = :id"), {"id": refusal_id}
        )
    assert left == 0


async def test_water_site_import_answers_its_refused_rows_too(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    csv = f"点位编号,点位名称,供水工程,乡镇代码,村代码,年度,状态\nW-1,一号点,,{KEJING},{KEJING_VILLAGE},2025,不知道\n"
    upload = {"file": ("点位.csv", csv.encode(), "text/csv")}
    report = (await api.post(SITES_IMPORT, files=upload, headers=auth(tokens["admin"]))).json()
    assert report["refused"] == 1, report
    download = await api.get(report["refused_rows_url"], headers=auth(tokens["admin"]))
    lines = list(load_workbook(io.BytesIO(download.content)).worksheets[0].iter_rows(values_only=True))
    assert lines[0][:2] == ("原文件行号", "点位编号") and lines[0][-1] == "问题"
    assert lines[1][:2] == (2, "W-1") and lines[1][-1]
