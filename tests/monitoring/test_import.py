"""Bulk import of the towns' household ledgers: per-row report, bad rows never block good ones,
re-importing the same file changes nothing."""

from __future__ import annotations

import csv
import io

import httpx
from openpyxl import Workbook
from sqlalchemy import text

from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_OTHER_VILLAGE, KEJING_VILLAGE, WANGWU, WANGWU_VILLAGE, auth
from tests.monitoring.factories import HOUSEHOLDS, id_number

IMPORT = f"{HOUSEHOLDS}/import"
HEADER = [
    "乡镇代码",
    "村代码",
    "户主姓名",
    "户主身份证号",
    "住址",
    "户类型",
    "家庭人口数",
    "健康状况",
    "劳动能力",
    "在校情况",
    "参加医保",
]


def ledger() -> tuple[list[list[str]], str]:
    good = id_number()
    rows = [
        [
            KEJING,
            KEJING_VILLAGE,
            "赵大山",
            good,
            "北大河村一组",
            "脱贫户",
            "4",
            "健康",
            "普通劳动力",
            "",
            "是",
        ],
        [
            KEJING,
            KEJING_OTHER_VILLAGE,
            "钱二河",
            id_number(),
            "",
            "monitored",
            "2",
            "大病",
            "丧失劳动力",
            "",
            "否",
        ],
        [
            KEJING,
            KEJING_VILLAGE,
            "孙三",
            "410881199013011234",
            "",
            "脱贫户",
            "3",
            "健康",
            "普通劳动力",
            "",
            "",
        ],  # bad
        [
            KEJING,
            WANGWU_VILLAGE,
            "李四",
            id_number(),
            "",
            "脱贫户",
            "3",
            "健康",
            "普通劳动力",
            "",
            "",
        ],  # not in town
        ["419001999", "419001999201", "周五", id_number(), "", "脱贫户", "3", "健康", "普通劳动力", "", ""],
        [KEJING, KEJING_VILLAGE, "吴六", id_number(), "", "富裕户", "3", "健康", "普通劳动力", "", ""],
        [KEJING, KEJING_VILLAGE, "郑七", id_number(), "", "脱贫户", "0", "健康", "普通劳动力", "", ""],
        [KEJING, KEJING_VILLAGE, "", id_number(), "", "脱贫户", "2", "健康", "普通劳动力", "", ""],
        [KEJING, KEJING_VILLAGE, "赵大山", good, "重复行", "脱贫户", "4", "健康", "普通劳动力", "", ""],
        [
            WANGWU,
            WANGWU_VILLAGE,
            "王八",
            id_number(),
            "",
            "一般农户",
            "1",
            "残疾",
            "弱劳动力或半劳动力",
            "",
            "",
        ],
    ]
    return rows, good


def as_csv(rows: list[list[str]], encoding: str = "utf-8-sig") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([HEADER, *rows])
    return buffer.getvalue().encode(encoding)


def as_xlsx(rows: list[list[str]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append([int(c) if c.isdigit() and len(c) < 3 else c for c in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


async def counts(stack: Stack) -> tuple[int, int, int]:
    async with stack.db("monitoring").engine.connect() as conn:
        return (
            await conn.scalar(text("SELECT count(*) FROM monitoring.households")),
            await conn.scalar(text("SELECT count(*) FROM monitoring.members")),
            await conn.scalar(
                text(
                    "SELECT count(*) FROM monitoring.outbox WHERE envelope->>'type' LIKE '%household.registered%'"
                )
            ),
        )  # type: ignore[return-value]


async def test_csv_import_reports_each_refused_row(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    rows, good = ledger()
    upload = {"file": ("克井镇台账.csv", as_csv(rows, "gb18030"), "text/csv")}
    resp = await api.post(IMPORT, files=upload, headers=auth(tokens["admin"]))
    assert resp.status_code == 200, resp.text
    report = resp.json()
    assert (report["total"], report["accepted"], report["unchanged"], report["refused"]) == (10, 3, 0, 7)
    refused = {r["row"]: r["problems"][0] for r in report["rows"] if r["status"] == "refused"}
    assert refused[4]["field"] == "户主身份证号" and "出生日期" in refused[4]["message"]
    assert refused[5]["field"] == "村代码" and "不属于" in refused[5]["message"]
    assert refused[6]["field"] == "乡镇代码"
    assert refused[7]["field"] == "户类型"
    assert refused[8]["field"] == "家庭人口数"
    assert refused[9]["field"] == "户主姓名"
    assert refused[10]["field"] == "户主身份证号" and "第 2 行" in refused[10]["message"]
    assert good not in resp.text
    assert await counts(stack) == (3, 3, 3)
    listed = (await api.get(HOUSEHOLDS, params={"q": "钱二"}, headers=auth(tokens["admin"]))).json()["items"]
    assert listed[0]["kind"] == "monitored" and listed[0]["member_count"] == 2
    members = (await api.get(f"{HOUSEHOLDS}/{listed[0]['id']}/members", headers=auth(tokens["admin"]))).json()
    assert members[0]["relation"] == "head" and members[0]["medical_insured"] is False

    # The same file again changes nothing; XLSX of the same ledger neither.
    again = (await api.post(IMPORT, files=upload, headers=auth(tokens["admin"]))).json()
    assert (again["accepted"], again["unchanged"], again["refused"]) == (0, 3, 7)
    xlsx = {"file": ("台账.xlsx", as_xlsx(rows), "application/octet-stream")}
    same = (await api.post(IMPORT, files=xlsx, headers=auth(tokens["admin"]))).json()
    assert (same["accepted"], same["unchanged"]) == (0, 3)
    assert await counts(stack) == (3, 3, 3)


async def test_import_scope_and_unreadable_files(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    rows, _ = ledger()
    # A village cadre imports only rows of the village; others are refused row by row.
    resp = await api.post(
        IMPORT, files={"file": ("a.xlsx", as_xlsx(rows))}, headers=auth(tokens["village_beidahe"])
    )
    report = resp.json()
    assert report["accepted"] == 1
    assert any(p["problems"][0]["message"] == "不在您的辖区内" for p in report["rows"] if p["row"] in (3, 11))
    for who in ("auditor", "helper_wang", "dept_hrss", "integrator_hrss"):
        denied = await api.post(IMPORT, files={"file": ("a.csv", as_csv(rows))}, headers=auth(tokens[who]))
        assert denied.status_code == 403, who
    for content in (b"", b"PK\x03\x04 not really a zip"):
        bad = await api.post(IMPORT, files={"file": ("x.xlsx", content)}, headers=auth(tokens["admin"]))
        assert bad.status_code == 422 and bad.json()["code"] == "unreadable_file"
    assert (await api.post(IMPORT, headers=auth(tokens["admin"]))).status_code == 422
    assert (await counts(stack))[0] == 1
