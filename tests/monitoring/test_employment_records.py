"""Data-quality rule 6 (有劳动能力的劳动年龄成员无务工就业记录), fed by employment's worker.registered."""

from __future__ import annotations

import io
import json
from datetime import date
from typing import Any

import httpx
import nats
from openpyxl import load_workbook
from sqlalchemy import text

from tests.conftest import Stack
from tests.helpers import auth, eventually, new_id
from tests.monitoring.factories import HOUSEHOLDS, create_household, id_number, member

REPORTS = "/api/monitoring/v1/reports"
WORKERS = "/api/employment/v1/workers"
RULE = "脱贫户或监测户有劳动能力的劳动年龄成员无务工就业记录"


async def rule_6(api: httpx.AsyncClient, token: str) -> set[str]:
    resp = await api.get(f"{REPORTS}/data-quality", headers=auth(token))
    assert resp.status_code == 200, resp.text
    rows = [r for r in resp.json()["rows"] if r["rule_no"] == 6]
    assert all(r["rule"] == RULE for r in rows)
    return {r["household_id"] for r in rows}


async def members_by_name(api: httpx.AsyncClient, token: str, household_id: str) -> dict[str, Any]:
    resp = await api.get(f"{HOUSEHOLDS}/{household_id}/members", headers=auth(token))
    assert resp.status_code == 200, resp.text
    return {m["name"]: m for m in resp.json()}


async def projection(stack: Stack) -> list[dict[str, Any]]:
    async with stack.db("monitoring").engine.connect() as conn:
        rows = await conn.execute(text("SELECT * FROM monitoring.member_employment_records"))
        return [dict(r) for r in rows.mappings()]


async def test_able_bodied_member_without_record_until_registered(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    seventy = date(date.today().year - 70, 3, 1)
    able = member(name="王劳力", id_number=id_number(date(1990, 6, 1)), labour="ordinary")
    elder = member(name="王老人", id_number=id_number(seventy), relation="parent", labour="ordinary")
    unable = member(name="王病人", id_number=id_number(date(1988, 2, 2)), relation="spouse", labour="lost")
    working = await create_household(api, admin, member_count=3, members=[able, elder, unable])
    # Only members who cannot count: an elder of 70 with labour capacity and one who lost it.
    await create_household(
        api,
        admin,
        head_name="李大爷",
        member_count=2,
        members=[
            member(name="李大爷", id_number=id_number(seventy), labour="skilled"),
            member(name="李大娘", id_number=id_number(date(1985, 1, 1)), relation="spouse", labour="lost"),
        ],
    )
    # An ordinary household is not tracked by employment: its members are not suspect.
    await create_household(
        api, admin, head_name="赵农户", kind="ordinary", member_count=1, members=[member(name="赵农户")]
    )

    assert await rule_6(api, admin) == {working["id"]}
    assert working["id"] in await rule_6(api, tokens["town_kejing"])
    download = await api.get(f"{REPORTS}/data-quality", params={"format": "xlsx"}, headers=auth(admin))
    assert download.status_code == 200
    sheet = load_workbook(io.BytesIO(download.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert (6, RULE) in {(r[1], r[2]) for r in rows[1:]}

    # The able-bodied member is registered as a worker in employment; its event reaches monitoring.
    mine = await members_by_name(api, admin, working["id"])
    resp = await api.post(
        WORKERS,
        json={
            "household_id": working["id"],
            "member_id": mine["王劳力"]["id"],
            "town_code": working["town_code"],
            "village_code": working["village_code"],
            "status": "employed",
            "place": "in_county",
            "employer": "济源市某钢铁公司",
            "monthly_wage": "3200.50",
            "employed_since": "2025-03-01",
        },
        headers=auth(admin),
    )
    assert resp.status_code == 201, resp.text

    async def cleared() -> bool:
        return working["id"] not in await rule_6(api, admin)

    await eventually(cleared)
    assert await rule_6(api, admin) == set()
    [record] = await projection(stack)
    assert str(record["member_id"]) == mine["王劳力"]["id"]
    assert str(record["worker_id"]) == resp.json()["id"]
    assert str(record["household_id"]) == working["id"]


async def test_worker_registered_twice_is_one_record(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    """The same event twice (past the stream's duplicate window), and a later one for the same member."""
    household = await create_household(api, tokens["admin"], member_count=1, members=[member()])
    [mine] = (await members_by_name(api, tokens["admin"], household["id"])).values()
    assert household["id"] in await rule_6(api, tokens["admin"])

    def envelope(worker_id: str) -> dict[str, Any]:
        return {
            "specversion": "1.0",
            "id": new_id(),
            "source": "/xianjie/employment",
            "type": "cn.xianjie.employment.worker.registered.v1",
            "subject": worker_id,
            "time": "2026-11-20T08:00:00Z",
            "datacontenttype": "application/json",
            "data": {
                "worker_id": worker_id,
                "household_id": household["id"],
                "member_id": mine["id"],
                "town_code": household["town_code"],
                "village_code": household["village_code"],
                "status": "employed",
                "place": "in_county",
                "something_new": "ignored",
            },
        }

    first_worker = new_id()
    first = envelope(first_worker)
    later = envelope(new_id())
    nc = await nats.connect(stack.infra.nats_url)
    try:
        js = nc.jetstream()
        for event in (first, first, later):
            await js.publish(
                "xianjie.employment.worker.registered",
                json.dumps(event).encode(),
                headers={"Nats-Msg-Id": new_id()},
            )
    finally:
        await nc.close()

    async def handled() -> bool:
        async with stack.db("monitoring").engine.connect() as conn:
            done = await conn.scalar(
                text("SELECT count(*) FROM monitoring.inbox WHERE event_id = ANY(CAST(:ids AS uuid[]))"),
                {"ids": [first["id"], later["id"]]},
            )
        return done == 2

    await eventually(handled, timeout=30)

    async def drained() -> bool:
        nc = await nats.connect(stack.infra.nats_url)
        try:
            info = await nc.jetstream().consumer_info("XIANJIE_EMPLOYMENT", "monitoring")
            return info.num_pending == 0 and info.num_ack_pending == 0
        finally:
            await nc.close()

    await eventually(drained, timeout=30)
    [record] = await projection(stack)
    assert str(record["member_id"]) == mine["id"] and str(record["worker_id"]) == first_worker
    assert household["id"] not in await rule_6(api, tokens["admin"])
