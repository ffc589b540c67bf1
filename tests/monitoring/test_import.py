"""Bulk import of the towns' household ledgers: per-row report, bad rows never block good ones,
re-importing the same file changes nothing."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
import pytest
from openpyxl import Workbook
from sqlalchemy import text

from services.monitoring.households import endpoints, service
from services.monitoring.households.events import HOUSEHOLD_CHANGED, HOUSEHOLD_REGISTERED, MEMBER_CHANGED
from services.monitoring.settings import MonitoringSettings
from tests.conftest import Stack
from tests.helpers import (
    KEJING,
    KEJING_OTHER_VILLAGE,
    KEJING_VILLAGE,
    WANGWU,
    WANGWU_VILLAGE,
    auth,
    eventually,
)
from tests.monitoring.factories import (
    HOUSEHOLDS,
    announced,
    create_household,
    household,
    id_number,
    member,
    town_official,
)

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
            "low_income",
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
            len(await announced(stack, HOUSEHOLD_REGISTERED)),
        )  # type: ignore[return-value]


def ledger_upload(rows: list[list[str]]) -> dict[str, tuple[str, bytes, str]]:
    return {"file": ("克井镇台账.csv", as_csv(rows, "gb18030"), "text/csv")}


async def imported(api: httpx.AsyncClient, token: str, upload: dict[str, Any]) -> dict[str, Any]:
    resp = await api.post(IMPORT, files=upload, headers=auth(token))
    assert resp.status_code == 200, resp.text
    return resp.json()  # type: ignore[no-any-return]


async def test_import_refuses_each_bad_row_naming_its_column(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    rows, good = ledger()
    resp = await api.post(IMPORT, files=ledger_upload(rows), headers=auth(tokens["admin"]))
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


async def test_imported_rows_register_households_with_their_heads(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    rows, _ = ledger()
    await imported(api, tokens["admin"], ledger_upload(rows))
    assert await counts(stack) == (3, 3, 3)
    listed = (await api.get(HOUSEHOLDS, params={"q": "钱二"}, headers=auth(tokens["admin"]))).json()["items"]
    assert listed[0]["kind"] == "low_income" and listed[0]["member_count"] == 2
    members = (await api.get(f"{HOUSEHOLDS}/{listed[0]['id']}/members", headers=auth(tokens["admin"]))).json()
    assert members[0]["relation"] == "head" and members[0]["medical_insured"] is False


async def test_import_announces_each_new_household_with_the_published_payload(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    """household.registered, and the contract others project — household.changed and member.changed
    for the head — once per new household, the set-based rows read back through the payload models."""
    rows, _ = ledger()
    report = await imported(api, tokens["admin"], ledger_upload(rows))
    accepted = {r["id"] for r in report["rows"] if r["status"] == "accepted"}
    events = await announced(stack, HOUSEHOLD_REGISTERED)
    assert {envelope["subject"] for envelope, _ in events} == accepted
    assert {str(payload.household_id) for _, payload in events} == accepted
    kinds = {str(payload.household_id): (payload.kind, payload.village_code) for _, payload in events}
    assert sorted(kinds.values()) == [
        ("lifted_out", KEJING_VILLAGE),
        ("low_income", KEJING_OTHER_VILLAGE),
        ("ordinary", WANGWU_VILLAGE),
    ]
    changed = {
        e["subject"]: (p.village_code, p.lifted_out, p.status, p.subtype, p.version)
        for e, p in await announced(stack, HOUSEHOLD_CHANGED)
    }
    assert changed == {
        str(p.household_id): (p.village_code, p.kind == "lifted_out", "not_monitored", None, 1)
        for _, p in events
    }
    heads = await announced(stack, MEMBER_CHANGED)
    assert sorted(str(p.household_id) for _, p in heads) == sorted(accepted)
    assert sorted((p.labour, p.active, p.version) for _, p in heads) == [
        ("lost", True, 1),
        ("ordinary", True, 1),
        ("weak", True, 1),
    ]
    assert all(envelope["subject"] == str(p.member_id) for envelope, p in heads)


async def test_importing_the_same_ledger_again_changes_nothing(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    rows, _ = ledger()
    upload = ledger_upload(rows)
    await imported(api, tokens["admin"], upload)
    again = await imported(api, tokens["admin"], upload)
    assert (again["accepted"], again["unchanged"], again["refused"]) == (0, 3, 7)
    xlsx = {"file": ("台账.xlsx", as_xlsx(rows), "application/octet-stream")}
    same = await imported(api, tokens["admin"], xlsx)
    assert (same["accepted"], same["unchanged"]) == (0, 3)
    assert await counts(stack) == (3, 3, 3)
    assert len(await announced(stack, HOUSEHOLD_CHANGED)) == len(await announced(stack, MEMBER_CHANGED)) == 3


async def test_village_cadre_imports_only_rows_of_the_village(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    rows, _ = ledger()
    report = await imported(api, tokens["village_beidahe"], {"file": ("a.xlsx", as_xlsx(rows))})
    assert report["accepted"] == 1
    assert any(p["problems"][0]["message"] == "不在您的辖区内" for p in report["rows"] if p["row"] in (3, 11))
    assert (await counts(stack))[0] == 1


async def test_roles_that_do_not_keep_records_may_not_import(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    rows, _ = ledger()
    for who in ("auditor", "helper_wang", "dept_hrss", "integrator_hrss"):
        denied = await api.post(IMPORT, files={"file": ("a.csv", as_csv(rows))}, headers=auth(tokens[who]))
        assert denied.status_code == 403, who
    assert (await counts(stack))[0] == 0


async def test_unreadable_file_is_422(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    for content, code in ((b"", "empty_file"), (b"PK\x03\x04 not really a zip", "unreadable_file")):
        bad = await api.post(IMPORT, files={"file": ("x.xlsx", content)}, headers=auth(tokens["admin"]))
        assert bad.status_code == 422 and bad.json()["code"] == code, content


async def test_import_without_a_file_is_422(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    assert (await api.post(IMPORT, headers=auth(tokens["admin"]))).status_code == 422


async def test_a_head_registered_in_another_town_is_refused_without_its_household(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    """Issue 10, case 1: 王屋镇's official registered the household; 克井镇's official imports a row
    with its head's ID number. The row is refused as ``POST /households`` refuses the number — a bare
    "already registered" — never ``unchanged`` with 王屋镇's household id."""
    wangwu = await town_official(api, tokens["admin"], WANGWU)
    number = id_number()
    theirs = await create_household(
        api,
        wangwu,
        town_code=WANGWU,
        village_code=WANGWU_VILLAGE,
        member_count=1,
        members=[member(id_number=number)],
    )
    row = [KEJING, KEJING_VILLAGE, "冒名户", number, "", "脱贫户", "1", "健康", "普通劳动力", "", ""]

    resp = await api.post(IMPORT, files=ledger_upload([row]), headers=auth(tokens["town_kejing"]))
    assert resp.status_code == 200, resp.text
    report = resp.json()
    assert (report["accepted"], report["unchanged"], report["refused"]) == (0, 0, 1)
    [refused] = report["rows"]
    assert refused["status"] == "refused" and refused.get("id") is None
    assert refused["problems"] == [{"field": "户主身份证号", "message": "身份证号已登记"}]
    assert theirs["id"] not in resp.text and WANGWU not in resp.text

    # The same yes/no as registering the number directly, which names no household either.
    direct = await api.post(
        HOUSEHOLDS,
        json=household(member_count=1, members=[member(id_number=number)]),
        headers=auth(tokens["town_kejing"]),
    )
    assert direct.status_code == 409 and direct.json()["code"] == "duplicate_id_number"
    assert theirs["id"] not in direct.text and WANGWU not in direct.text
    assert await counts(stack) == (1, 1, 1)

    # 王屋镇's official, who keeps that household, still learns it is already there.
    wangwu_row = [WANGWU, WANGWU_VILLAGE, "本镇户", number, "", "脱贫户", "1", "健康", "普通劳动力", "", ""]
    own = await imported(api, wangwu, ledger_upload([wangwu_row]))
    assert own["unchanged"] == 1 and own["rows"][0]["id"] == theirs["id"]


async def test_memory_the_import_freed_is_handed_back_once_the_report_is_sent(
    api: httpx.AsyncClient, tokens: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report (a row each) lives until the answer is sent: the endpoint trims the heap after it,
    as a background task (bench/BULK.md, "RSS after imports")."""
    trims: list[int] = []
    monkeypatch.setattr(endpoints, "release_freed_memory", lambda: trims.append(len(trims)))
    rows, _ = ledger()
    report = await imported(api, tokens["admin"], ledger_upload(rows))
    assert report["accepted"] == 3

    async def trimmed() -> bool:
        return trims == [0]

    # After the answer: the client may have it before the task ran.
    await eventually(trimmed, timeout=5)


async def test_a_ledger_taken_in_chunks_gets_the_same_report_and_events(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read a chunk at a time while the database takes the chunk before: every row still answered
    in file order, a head's second row refused from another chunk, each new household announced."""
    monkeypatch.setattr(service, "IMPORT_CHUNK_ROWS", 2)
    rows, _ = ledger()
    report = await imported(api, tokens["admin"], ledger_upload(rows))
    assert (report["total"], report["accepted"], report["unchanged"], report["refused"]) == (10, 3, 0, 7)
    assert [r["row"] for r in report["rows"]] == list(range(2, 12))
    assert [r["row"] for r in report["rows"] if r["status"] == "accepted"] == [2, 3, 11]
    duplicate = next(r for r in report["rows"] if r["row"] == 10)
    assert "第 2 行" in duplicate["problems"][0]["message"]
    assert await counts(stack) == (3, 3, 3)
    assert len(await announced(stack, HOUSEHOLD_CHANGED)) == len(await announced(stack, MEMBER_CHANGED)) == 3
    again = await imported(api, tokens["admin"], ledger_upload(rows))
    assert (again["accepted"], again["unchanged"], again["refused"]) == (0, 3, 7)


async def test_a_ledger_refused_after_some_chunks_leaves_nothing(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over the row limit is found only when reading gets there, after earlier chunks were written:
    the import is one transaction, so none of them stays."""
    component = stack.apps["monitoring"].state.component
    monkeypatch.setattr(service, "IMPORT_CHUNK_ROWS", 2)
    monkeypatch.setattr(component.settings_as(MonitoringSettings), "import_max_rows", 5)
    rows, _ = ledger()
    resp = await api.post(IMPORT, files=ledger_upload(rows), headers=auth(tokens["admin"]))
    assert resp.status_code == 422, resp.text
    assert "5" in resp.json()["detail"]
    assert await counts(stack) == (0, 0, 0)
