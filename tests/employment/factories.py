"""Factories and readers the employment tests share: request bodies, records made through the
gateway (or set-based, where the API path is covered elsewhere), monitoring's households and
members as employment projects them, and what the outbox holds."""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

import httpx
import nats
from sqlalchemy import text

from services.employment.scheduled import FLOOR_ANNOUNCE
from services.monitoring.households.events import (
    HOUSEHOLD_CHANGED,
    MEMBER_CHANGED,
)
from shared import clock
from shared.events.envelope import CloudEvent
from shared.runtime import Component
from shared.scheduled import PeriodicTask
from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_VILLAGE, auth, eventually, new_id
from tests.monitoring.factories import household_changed, member_changed

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


# -- monitoring's households and members, as monitoring announces them ----------------------------
# Synthetic events built from monitoring's own EventSpecs.


class Member(NamedTuple):
    household_id: str
    member_id: str


def component(stack: Stack) -> Component:
    found: Component = stack.apps["employment"].state.component
    return found


async def caught_up(stack: Stack) -> bool:
    """Whether employment has applied every event monitoring's stream holds."""
    return not await component(stack).lagging("monitoring")


async def handled(stack: Stack, *events: CloudEvent) -> None:
    """Events applied the way employment's consumer applies a delivered one (inbox, handler,
    transaction), without the trip through NATS: for tests whose subject is not the delivery."""
    consumer = component(stack).consumer_of("monitoring")
    assert consumer is not None
    for event in events:
        await consumer.handle(event)


async def publish_monitoring(stack: Stack, *events: CloudEvent) -> None:
    """Events on monitoring's stream, for employment's consumer to take from NATS."""
    subjects = {spec.type: spec.nats_subject for spec in (HOUSEHOLD_CHANGED, MEMBER_CHANGED)}
    nc = await nats.connect(stack.infra.nats_url)
    try:
        for event in events:
            await nc.jetstream().publish(
                subjects[event.type], event.model_dump_json().encode(), headers={"Nats-Msg-Id": str(event.id)}
            )
    finally:
        await nc.close()


async def projected(stack: Stack, table: str, row_id: str, version: int = 1) -> None:
    """Wait until employment's projection holds ``row_id`` at ``version`` (or newer)."""
    sql = f"SELECT count(*) FROM employment.{table} WHERE id = '{row_id}' AND version >= {version}"
    await eventually(lambda: count(stack, sql), timeout=30)


async def known_member(
    stack: Stack, village_code: str = KEJING_VILLAGE, *, lifted_out: bool = True, **household: Any
) -> Member:
    """A household of ``village_code`` and one member of it, as employment's projection holds them."""
    member = Member(new_id(), new_id())
    await handled(
        stack,
        household_changed(member.household_id, village_code, lifted_out=lifted_out, **household),
        member_changed(member.member_id, member.household_id),
    )
    return member


async def enrol(stack: Stack, body: dict[str, Any], *, lifted_out: bool = True) -> dict[str, Any]:
    """``body`` naming a household of its village and a member of it that the projection holds."""
    member = await known_member(stack, body["village_code"], lifted_out=lifted_out)
    return {**body, **member._asdict()}


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


async def create(api: httpx.AsyncClient, token: str, stack: Stack, **overrides: Any) -> httpx.Response:
    """A worker registered through the gateway, of a household and member the projection holds."""
    resp = await api.post(URL, json=await enrol(stack, worker(**overrides)), headers=auth(token))
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


async def ran(stack: Stack, task: PeriodicTask) -> None:
    """A run of ``task`` after everything written so far (a run that another one's lock skipped
    may have started before it)."""
    runner = component(stack).tasks[task.name]
    await eventually(runner.run_once, timeout=15, interval=0.05)


async def floor_events(stack: Stack) -> list[dict[str, Any]]:
    """The floor's events once the changes of state the commits recorded are announced."""
    await ran(stack, FLOOR_ANNOUNCE)
    return await outbox(stack, "floor")


async def seed_workers(
    stack: Stack, number: int, town: str = KEJING, village: str = KEJING_VILLAGE, *, lifted_out: bool = True
) -> list[str]:
    """Registered, not yet employed workers of 脱贫户 (or not), one household each (set-based: the
    API path and the projection are covered elsewhere)."""
    async with stack.db("employment").engine.begin() as conn:
        rows = await conn.execute(
            text(
                "INSERT INTO employment.workers (id, household_id, member_id, town_code, village_code, status,"
                " version) SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), :town, :village,"
                " 'unemployed', 1 FROM generate_series(1, :n) RETURNING id, household_id"
            ),
            {"n": number, "town": town, "village": village},
        )
        workers = rows.all()
        await conn.execute(
            text(
                "INSERT INTO employment.household_identities (household_id, since, lifted_out, version)"
                " SELECT unnest(CAST(:households AS uuid[])), DATE '-infinity', :lifted_out, 1"
            ),
            {"households": [h for _, h in workers], "lifted_out": lifted_out},
        )
        return [str(w) for w, _ in workers]


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
        data={"collected_on": (collected_on or clock.today()).isoformat()},
        headers=auth(token, **headers),
    )


async def employ(api: httpx.AsyncClient, token: str, rows: list[list[str]]) -> dict[str, Any]:
    """A monthly update that must go through; its report."""
    resp = await upload(api, token, csv_file(rows))
    assert resp.status_code == 200, resp.text
    report: dict[str, Any] = resp.json()
    return report
