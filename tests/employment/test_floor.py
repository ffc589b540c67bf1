"""The 2155 floor: driven across by monthly bulk updates through the gateway; one event per change."""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any

import httpx
from openpyxl import Workbook
from sqlalchemy import text

from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_VILLAGE, WANGWU, WANGWU_VILLAGE, auth

IMPORT = "/api/employment/v1/spells/import"
FLOOR = "/api/employment/v1/floor"
HEADER = [
    "务工人员编号",
    "就业状态",
    "就业单位",
    "务工地点",
    "行业",
    "就业渠道",
    "开始日期",
    "结束日期",
    "月工资",
]
START = date(2025, 1, 6)


async def seed_workers(
    stack: Stack, count: int, town: str = KEJING, village: str = KEJING_VILLAGE
) -> list[str]:
    """Registered, not yet employed workers (set-based: the API path is covered elsewhere)."""
    async with stack.db("employment").engine.begin() as conn:
        rows = await conn.execute(
            text(
                "INSERT INTO employment.workers (id, household_id, member_id, town_code, village_code, status,"
                " version) SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), :town, :village,"
                " 'unemployed', 1 FROM generate_series(1, :n) RETURNING id"
            ),
            {"n": count, "town": town, "village": village},
        )
        return [str(r) for r in rows.scalars()]


def csv_file(rows: list[list[str]]) -> bytes:
    lines = [",".join(HEADER)] + [",".join(r) for r in rows]
    return ("\n".join(lines) + "\n").encode()


def employed(worker_id: str, place: str = "县内", start: date = START, wage: str = "3000.00") -> list[str]:
    return [worker_id, "务工", "济源钢铁", place, "制造业", "自主务工", start.isoformat(), "", wage]


def unemployed(worker_id: str, ended_on: date) -> list[str]:
    return [worker_id, "未就业", "", "", "", "", "", ended_on.isoformat(), ""]


async def upload(
    api: httpx.AsyncClient,
    token: str,
    content: bytes,
    name: str = "update.csv",
    collected_on: date | None = None,
    **headers: str,
) -> httpx.Response:
    return await api.post(
        IMPORT,
        files={"file": (name, content)},
        data={"collected_on": (collected_on or date.today()).isoformat()},
        headers=auth(token, **headers),
    )


async def floor_events(stack: Stack) -> list[dict[str, Any]]:
    async with stack.db("employment").engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT envelope FROM employment.outbox WHERE nats_subject LIKE 'xianjie.employment.floor.%'"
                " ORDER BY position"
            )
        )
        return list(rows.scalars())


async def count(stack: Stack, sql: str) -> int:
    async with stack.db("employment").engine.connect() as conn:
        return int(await conn.scalar(text(sql)) or 0)


async def test_floor_events_fire_once_on_each_crossing(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    ids = await seed_workers(stack, 2270)
    first, second, third = ids[:2154], ids[2154:2204], ids[2204:2264]

    # 2154 employed: one below the floor.
    resp = await upload(api, admin, csv_file([employed(w) for w in first]))
    assert resp.status_code == 200, resp.text
    report = resp.json()
    assert (report["total"], report["accepted"], report["unchanged"], report["refused"]) == (2154, 2154, 0, 0)
    assert [e["type"] for e in await floor_events(stack)] == ["cn.xianjie.employment.floor.breached.v1"]

    # +50 → 2204: above the floor, inside the 100 margin (an XLSX this time).
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for w in second:
        sheet.append(employed(w, place="省外"))
    buffer = io.BytesIO()
    book.save(buffer)
    xlsx = buffer.getvalue()
    resp = await upload(api, admin, xlsx, "update.xlsx")
    assert resp.json()["accepted"] == 50
    # The same file again changes nothing and announces nothing.
    versions = await count(stack, "SELECT sum(version) FROM employment.workers")
    again = (await upload(api, admin, xlsx, "update.xlsx")).json()
    assert (again["accepted"], again["unchanged"]) == (0, 50)
    assert await count(stack, "SELECT sum(version) FROM employment.workers") == versions
    assert await count(stack, "SELECT count(*) FROM employment.spells") == 2204

    # +60 → 2264: above the warning line.
    await upload(api, admin, csv_file([employed(w, place="省内县外") for w in third]))
    # 110 lose their jobs → 2154: below again; each job loss is announced to monitoring.
    yesterday = date.today() - timedelta(days=1)
    resp = await upload(api, admin, csv_file([unemployed(w, yesterday) for w in first[:110]]))
    assert resp.json()["accepted"] == 110

    events = await floor_events(stack)
    assert [e["type"].split(".")[-2] for e in events] == ["breached", "warning", "recovered", "breached"]
    assert [e["data"]["employed"] for e in events] == [2154, 2204, 2264, 2154]
    assert events[0]["data"] == {
        "as_of": date.today().isoformat(),
        "employed": 2154,
        "floor": 2155,
        "warning_margin": 100,
    }
    assert events[0]["subject"] == date.today().isoformat()
    assert (
        await count(
            stack,
            "SELECT count(*) FROM employment.outbox WHERE nats_subject = 'xianjie.employment.worker.unemployed'",
        )
        == 110
    )

    # A recheck while the state holds announces nothing.
    check = await api.post(f"{FLOOR}/check", headers=auth(admin))
    assert check.status_code == 200 and check.json()["state"] == "breached"
    assert len(await floor_events(stack)) == 4
    assert (await api.post(f"{FLOOR}/check", headers=auth(tokens["town_kejing"]))).status_code == 403

    today = (await api.get(FLOOR, headers=auth(admin))).json()
    assert today["employed"] == 2154 and today["state"] == "breached" and today["state_label"] == "低于底线"
    assert {p["place"]: p["employed"] for p in today["by_place"]} == {
        "in_county": 2044,
        "in_province": 60,
        "out_of_province": 50,
    }
    assert today["by_town"] == [{"town_code": KEJING, "town_name": "克井镇", "employed": 2154}]
    # Yesterday the 110 were still at work; before the first start nobody was.
    assert (await api.get(FLOOR, params={"as_of": yesterday.isoformat()}, headers=auth(admin))).json()[
        "employed"
    ] == 2264
    assert (await api.get(FLOOR, params={"as_of": "2025-01-05"}, headers=auth(admin))).json()["employed"] == 0

    series = (await api.get(f"{FLOOR}/series", params={"from": "2024-12"}, headers=auth(admin))).json()
    assert series["floor"] == 2155 and series["warning_line"] == 2255
    assert series["points"][0] == {
        "month": "2024-12",
        "as_of": "2024-12-31",
        "employed": 0,
        "by_place": {"in_county": 0, "in_province": 0, "out_of_province": 0},
    }
    assert series["points"][1]["employed"] == 2264
    assert (
        series["points"][-1]["employed"] == 2154 and series["points"][-1]["as_of"] == date.today().isoformat()
    )


async def test_bulk_update_reports_each_bad_row_and_keeps_the_good_ones(
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
        employed(ids[5], start=date.today() + timedelta(days=3)),
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

    # Ending before the open spell began, and starting inside it, are refused per row.
    resp = await upload(
        api,
        tokens["town_kejing"],
        csv_file([unemployed(ids[0], date(2024, 12, 1)), employed(ids[0], start=date(2024, 6, 1))]),
    )
    refused = {r["row"]: r["problems"][0]["field"] for r in resp.json()["rows"]}
    assert refused == {2: "结束日期", 3: "务工人员编号"}  # ends before it began; the same worker twice
    resp = await upload(api, tokens["town_kejing"], csv_file([employed(ids[0], start=date(2024, 6, 1))]))
    assert resp.json()["rows"][0]["problems"][0]["message"].startswith("与该务工人员已有的就业经历时间重叠")
    assert await count(stack, "SELECT count(*) FROM employment.spells WHERE ended_on IS NULL") == 1

    # A new job in the file closes the old one the day before (a job change, no job loss).
    resp = await upload(api, tokens["town_kejing"], csv_file([employed(ids[0], start=date(2025, 6, 1))]))
    assert resp.json()["accepted"] == 1
    async with stack.db("employment").engine.connect() as conn:
        ends = (
            (await conn.execute(text("SELECT ended_on FROM employment.spells ORDER BY started_on")))
            .scalars()
            .all()
        )
    assert ends == [date(2025, 5, 31), None]

    assert (await upload(api, tokens["auditor"], csv_file([employed(ids[1])]))).status_code == 403
    assert (await upload(api, tokens["dept_hrss"], csv_file([employed(ids[1])]))).status_code == 403
    future = await upload(
        api, tokens["admin"], csv_file([employed(ids[1])]), collected_on=date.today() + timedelta(days=1)
    )
    assert future.status_code == 422 and future.json()["errors"][0]["field"] == "collected_on"
    garbage = await upload(api, tokens["admin"], b"PK\x03\x04garbage", "x.xlsx")
    assert garbage.status_code == 422 and garbage.json()["code"] == "unreadable_file"
    assert await count(stack, "SELECT count(*) FROM employment.spells") == 2


async def test_bulk_update_is_idempotent_by_key(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    ids = await seed_workers(stack, 2)
    content = csv_file([employed(w) for w in ids])
    first = await upload(api, tokens["admin"], content, **{"Idempotency-Key": "upload-1"})
    again = await upload(api, tokens["admin"], content, **{"Idempotency-Key": "upload-1"})
    assert first.json() == again.json() and again.headers.get("idempotent-replayed") == "true"
    other = await upload(
        api, tokens["admin"], csv_file([employed(ids[0])]), **{"Idempotency-Key": "upload-1"}
    )
    assert other.status_code == 422 and other.json()["code"] == "idempotency_key_reused"


async def test_floor_reads_are_scoped(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    kejing = await seed_workers(stack, 3)
    wangwu = await seed_workers(stack, 2, WANGWU, WANGWU_VILLAGE)
    await upload(api, tokens["admin"], csv_file([employed(w) for w in kejing + wangwu]))
    town = (await api.get(FLOOR, headers=auth(tokens["town_kejing"]))).json()
    assert town["town_code"] == KEJING and town["employed"] == 3 and town["state"] is None
    other = await api.get(FLOOR, params={"town_code": WANGWU}, headers=auth(tokens["town_kejing"]))
    assert other.status_code == 404
    assert (await api.get(FLOOR, headers=auth(tokens["dept_hrss"]))).json()["employed"] == 5
    assert (await api.get(FLOOR, headers=auth(tokens["helper_wang"]))).status_code == 403
    bad = await api.get(f"{FLOOR}/series", params={"from": "2025-13"}, headers=auth(tokens["admin"]))
    assert bad.status_code == 422
