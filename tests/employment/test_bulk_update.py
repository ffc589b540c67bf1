"""务工数据动态采集: the monthly update file through the gateway — applied set-based, reported per row."""

from __future__ import annotations

import io
from datetime import date, timedelta

import httpx
from openpyxl import Workbook, load_workbook
from sqlalchemy import text

from services.employment.workers.events import WORKER_UNEMPLOYED
from shared import clock
from tests.conftest import Stack
from tests.employment.factories import (
    HEADER,
    count,
    csv_file,
    employ,
    employed,
    floor_events,
    outbox,
    seed_workers,
    unemployed,
    upload,
)
from tests.helpers import KEJING, KEJING_VILLAGE, WANGWU, WANGWU_VILLAGE, auth


def xlsx_file(rows: list[list[str]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


async def test_bad_rows_are_refused_one_by_one_and_the_good_ones_applied(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    ids = await seed_workers(stack, 6)
    [elsewhere] = await seed_workers(stack, 1, WANGWU, WANGWU_VILLAGE)
    rows = [
        employed(ids[0]),
        employed(ids[1], wage="-5.00"),
        employed("00000000-0000-0000-0000-000000000000"),
        employed(elsewhere),  # another town: the town official may not touch it
        [ids[2], "务工", "某厂", "国外", "", "", "2025-02-01", "", ""],
        [ids[3], "务工", "某厂", "县内", "", "", "2025-13-01", "", ""],
        employed(ids[0]),  # twice in one file
        unemployed(ids[4], date(2025, 1, 1)),  # nothing open: nothing to end
        employed(ids[5], start=clock.today() + timedelta(days=3)),
    ]
    resp = await upload(api, tokens["town_kejing"], csv_file(rows))
    assert resp.status_code == 200, resp.text
    report = resp.json()
    assert (report["total"], report["accepted"], report["unchanged"], report["refused"]) == (9, 1, 1, 7)
    refused = {r["row"]: r["problems"][0]["field"] for r in report["rows"]}
    assert refused == {
        3: "月工资",
        4: "务工人员编号",
        5: "务工人员编号",
        6: "务工地点",
        7: "开始日期",
        8: "务工人员编号",
        10: "开始日期",
    }
    assert await count(stack, "SELECT count(*) FROM employment.spells") == 1
    # The refused rows download as XLSX with their problems, for the town's officials only.
    download = await api.get(report["refused_rows_url"], headers=auth(tokens["town_kejing"]))
    lines = list(load_workbook(io.BytesIO(download.content)).worksheets[0].iter_rows(values_only=True))
    assert lines[0] == ("原文件行号", *HEADER, "问题")
    assert [line[0] for line in lines[1:]] == sorted(refused)
    assert lines[1][1] == ids[1] and lines[1][-1].startswith("月工资：")
    assert (await api.get(report["refused_rows_url"], headers=auth(tokens["admin"]))).status_code == 404


async def test_an_end_before_the_open_job_began_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    [worker_id] = await seed_workers(stack, 1)
    await employ(api, tokens["town_kejing"], [employed(worker_id)])
    report = await employ(api, tokens["town_kejing"], [unemployed(worker_id, date(2024, 12, 1))])
    assert [(r["row"], r["problems"][0]["field"]) for r in report["rows"]] == [(2, "结束日期")]
    assert await count(stack, "SELECT count(*) FROM employment.spells WHERE ended_on IS NULL") == 1


async def test_a_job_starting_inside_the_open_one_is_an_overlap(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    [worker_id] = await seed_workers(stack, 1)
    await employ(api, tokens["town_kejing"], [employed(worker_id)])
    report = await employ(api, tokens["town_kejing"], [employed(worker_id, start=date(2024, 6, 1))])
    assert report["rows"][0]["problems"][0]["message"].startswith("与该务工人员已有的就业经历时间重叠")
    assert await count(stack, "SELECT count(*) FROM employment.spells") == 1


async def test_a_later_start_is_a_job_change_closing_the_old_job_the_day_before(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    [worker_id] = await seed_workers(stack, 1)
    await employ(api, tokens["town_kejing"], [employed(worker_id)])
    assert (await employ(api, tokens["town_kejing"], [employed(worker_id, start=date(2025, 6, 1))]))[
        "accepted"
    ] == 1
    async with stack.db("employment").engine.connect() as conn:
        ends = (
            (await conn.execute(text("SELECT ended_on FROM employment.spells ORDER BY started_on")))
            .scalars()
            .all()
        )
    assert ends == [date(2025, 5, 31), None]
    assert await outbox(stack) == []  # a job change is no job loss


async def test_the_same_file_again_changes_and_announces_nothing(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    xlsx = xlsx_file([employed(w, place="省外") for w in await seed_workers(stack, 50)])
    first = await upload(api, tokens["admin"], xlsx, "update.xlsx")
    assert first.json()["accepted"] == 50
    versions = await count(stack, "SELECT sum(version) FROM employment.workers")
    again = (await upload(api, tokens["admin"], xlsx, "update.xlsx")).json()
    assert (again["accepted"], again["unchanged"]) == (0, 50)
    assert await count(stack, "SELECT sum(version) FROM employment.workers") == versions
    assert await count(stack, "SELECT count(*) FROM employment.spells") == 50
    assert len(await floor_events(stack)) == 1


async def test_each_job_loss_in_the_file_is_announced_with_its_payload(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    ids = await seed_workers(stack, 5)
    await employ(api, tokens["admin"], [employed(w) for w in ids])
    yesterday = clock.today() - timedelta(days=1)
    assert (await employ(api, tokens["admin"], [unemployed(w, yesterday) for w in ids[:3]]))["accepted"] == 3

    events = await outbox(stack)
    assert [e["type"] for e in events] == ["cn.xianjie.employment.worker.unemployed.v1"] * 3
    # The events were written set-based: each must still be the payload its spec declares.
    payloads = [WORKER_UNEMPLOYED.payload.model_validate(e["data"]) for e in events]
    assert sorted(str(p.worker_id) for p in payloads) == sorted(ids[:3])
    assert {(p.town_code, p.village_code, p.ended_on) for p in payloads} == {
        (KEJING, KEJING_VILLAGE, yesterday)
    }
    assert {e["subject"] for e in events} == set(ids[:3])


async def test_auditors_and_department_officers_may_not_upload(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    content = csv_file([employed(w) for w in await seed_workers(stack, 1)])
    assert (await upload(api, tokens["auditor"], content)).status_code == 403
    assert (await upload(api, tokens["dept_hrss"], content)).status_code == 403
    assert await count(stack, "SELECT count(*) FROM employment.spells") == 0


async def test_a_collection_date_in_the_future_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    content = csv_file([employed(w) for w in await seed_workers(stack, 1)])
    future = await upload(api, tokens["admin"], content, collected_on=clock.today() + timedelta(days=1))
    assert future.status_code == 422 and future.json()["errors"][0]["field"] == "collected_on"
    assert await count(stack, "SELECT count(*) FROM employment.spells") == 0


async def test_an_unreadable_file_is_refused(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    garbage = await upload(api, tokens["admin"], b"PK\x03\x04garbage", "x.xlsx")
    assert garbage.status_code == 422 and garbage.json()["code"] == "unreadable_file"


async def test_an_upload_retried_with_its_key_gets_the_first_report(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    content = csv_file([employed(w) for w in await seed_workers(stack, 2)])
    first = await upload(api, tokens["admin"], content, **{"Idempotency-Key": "upload-1"})
    again = await upload(api, tokens["admin"], content, **{"Idempotency-Key": "upload-1"})
    assert first.json() == again.json() and again.headers.get("idempotent-replayed") == "true"


async def test_an_upload_key_reused_with_another_file_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    ids = await seed_workers(stack, 2)
    await upload(
        api, tokens["admin"], csv_file([employed(w) for w in ids]), **{"Idempotency-Key": "upload-1"}
    )
    other = await upload(
        api, tokens["admin"], csv_file([employed(ids[0])]), **{"Idempotency-Key": "upload-1"}
    )
    assert other.status_code == 422 and other.json()["code"] == "idempotency_key_reused"
