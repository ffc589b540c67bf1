"""Factories and readers the employment tests share: request bodies, records made through the
gateway (or set-based, where the API path is covered elsewhere), and what the outbox holds."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
from sqlalchemy import text

from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_VILLAGE, auth, new_id

API = "/api/employment/v1"
URL = f"{API}/workers"
IMPORT = f"{API}/spells/import"
FLOOR = f"{API}/floor"

# The monthly update file's header, as the towns' ledgers have it (the 说明 column is optional).
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


def worker(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "household_id": new_id(),
        "member_id": new_id(),
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "status": "employed",
        "employer": "济源市某钢铁公司",
        "place": "in_county",
        "monthly_wage": "3200.50",
        "employed_since": "2025-03-01",
    }
    body.update(overrides)
    return body


def job(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "employer": "沁园春酒店",
        "place": "in_province",
        "sector": "住宿餐饮",
        "channel": "organised",
        "monthly_wage": "4100.00",
        "started_on": "2025-07-01",
    }
    body.update(overrides)
    return body


async def create(api: httpx.AsyncClient, token: str, **overrides: Any) -> httpx.Response:
    resp = await api.post(URL, json=worker(**overrides), headers=auth(token))
    assert resp.status_code == 201, resp.text
    return resp


async def count(stack: Stack, sql: str) -> int:
    async with stack.db("employment").engine.connect() as conn:
        return int(await conn.scalar(text(sql)) or 0)


async def outbox(stack: Stack, aggregate: str = "worker") -> list[dict[str, Any]]:
    """Events about one aggregate (a first worker also moves the floor, which is announced too)."""
    async with stack.db("employment").engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT envelope FROM employment.outbox WHERE nats_subject LIKE :s ORDER BY position"),
            {"s": f"xianjie.employment.{aggregate}.%"},
        )
        return list(rows.scalars().all())


async def floor_events(stack: Stack) -> list[dict[str, Any]]:
    return await outbox(stack, "floor")


async def seed_workers(
    stack: Stack, number: int, town: str = KEJING, village: str = KEJING_VILLAGE
) -> list[str]:
    """Registered, not yet employed workers (set-based: the API path is covered elsewhere)."""
    async with stack.db("employment").engine.begin() as conn:
        rows = await conn.execute(
            text(
                "INSERT INTO employment.workers (id, household_id, member_id, town_code, village_code, status,"
                " version) SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), :town, :village,"
                " 'unemployed', 1 FROM generate_series(1, :n) RETURNING id"
            ),
            {"n": number, "town": town, "village": village},
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


async def employ(api: httpx.AsyncClient, token: str, rows: list[list[str]]) -> dict[str, Any]:
    """A monthly update that must go through; its report."""
    resp = await upload(api, token, csv_file(rows))
    assert resp.status_code == 200, resp.text
    report: dict[str, Any] = resp.json()
    return report
