"""Data-quality rule 6 (有劳动能力的劳动年龄成员无务工就业记录), fed by employment's worker.registered."""

from __future__ import annotations

import io
import uuid
from datetime import UTC, date, datetime
from typing import Any

import httpx
from openpyxl import load_workbook
from sqlalchemy import text

from services.employment.workers.events import WORKER_REGISTERED as REGISTERED_SPEC
from services.employment.workers.events import WorkerRegistered as REGISTERED_PAYLOAD
from services.monitoring.app import PROJECTIONS
from services.monitoring.employment_records.events import WORKER_REGISTERED
from shared import clock
from shared.events.envelope import CloudEvent
from shared.projections import rebuild
from tests.conftest import Stack
from tests.employment.factories import projected
from tests.helpers import auth, eventually, new_id
from tests.monitoring.factories import (
    HOUSEHOLDS,
    create_household,
    drained,
    envelope_of,
    id_number,
    member,
    publish,
)

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


async def households_for_rule_6(api: httpx.AsyncClient, admin: str) -> dict[str, Any]:
    """A lifted-out household with an able-bodied working-age member (and two who do not count);
    households whose members cannot count: one with an elder of 70 and one who lost labour
    capacity; and an ordinary household, which employment does not track. The first one."""
    seventy = date(clock.today().year - 70, 3, 1)
    able = member(name="王劳力", id_number=id_number(date(1990, 6, 1)), labour="ordinary")
    elder = member(name="王老人", id_number=id_number(seventy), relation="parent", labour="ordinary")
    unable = member(name="王病人", id_number=id_number(date(1988, 2, 2)), relation="spouse", labour="lost")
    working = await create_household(api, admin, member_count=3, members=[able, elder, unable])
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
    await create_household(
        api, admin, head_name="赵农户", kind="ordinary", member_count=1, members=[member(name="赵农户")]
    )
    return working


async def test_rule_6_flags_only_able_bodied_working_age_members_of_tracked_households(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    working = await households_for_rule_6(api, tokens["admin"])
    assert await rule_6(api, tokens["admin"]) == {working["id"]}
    assert working["id"] in await rule_6(api, tokens["town_kejing"])


async def test_rule_6_is_in_the_xlsx_download(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    await households_for_rule_6(api, tokens["admin"])
    download = await api.get(
        f"{REPORTS}/data-quality", params={"format": "xlsx"}, headers=auth(tokens["admin"])
    )
    assert download.status_code == 200
    sheet = load_workbook(io.BytesIO(download.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert (6, RULE) in {(r[1], r[2]) for r in rows[1:]}


async def test_registering_the_member_in_employment_clears_rule_6(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    working = await households_for_rule_6(api, admin)
    # The able-bodied member is registered as a worker in employment; its event reaches monitoring.
    mine = await members_by_name(api, admin, working["id"])
    # Employment accepts the member once monitoring's announcement of it has reached its projection.
    await projected(stack, "projected_members", mine["王劳力"]["id"])
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

    def registered(worker_id: str) -> dict[str, Any]:
        data = {
            "worker_id": worker_id,
            "household_id": household["id"],
            "member_id": mine["id"],
            "town_code": household["town_code"],
            "village_code": household["village_code"],
            "status": "employed",
            "place": "in_county",
            "something_new": "ignored",
        }
        return envelope_of(WORKER_REGISTERED, worker_id, data)

    first_worker = new_id()
    first = registered(first_worker)
    later = registered(new_id())
    await publish(stack, WORKER_REGISTERED, first, first, later)

    async def handled() -> bool:
        async with stack.db("monitoring").engine.connect() as conn:
            done = await conn.scalar(
                text("SELECT count(*) FROM monitoring.inbox WHERE event_id = ANY(CAST(:ids AS uuid[]))"),
                {"ids": [first["id"], later["id"]]},
            )
        return done == 2

    await eventually(handled, timeout=30)
    await eventually(lambda: drained(stack), timeout=30)
    [record] = await projection(stack)
    assert str(record["member_id"]) == mine["id"] and str(record["worker_id"]) == first_worker
    assert household["id"] not in await rule_6(api, tokens["admin"])


def registration(household: dict[str, Any], member_id: str, at: datetime) -> CloudEvent:
    """employment's worker.registered for the member, as employment builds it, made at ``at``."""
    worker_id = uuid.uuid4()
    event = REGISTERED_SPEC.envelope(
        str(worker_id),
        REGISTERED_PAYLOAD(
            worker_id=worker_id,
            household_id=household["id"],
            member_id=member_id,
            town_code=household["town_code"],
            village_code=household["village_code"],
            status="employed",
            place="in_county",
        ),
    )
    event.time = at
    return event


async def test_rule_6_is_backfilled_from_employments_stream(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    """Registrations the projection lacks (a consumer that subscribed late, an emptied table) come
    back with ``xianjie projections rebuild monitoring``: the same rows as the live consumer made,
    so rule 6 stops flagging members employment has registered."""
    component = stack.apps["monitoring"].state.component
    records = next(p for p in PROJECTIONS if p.name == "employment_records")
    await rebuild(component, records)  # as the whole stream has it, before this test's events
    household = await create_household(api, tokens["admin"], member_count=1, members=[member()])
    [mine] = (await members_by_name(api, tokens["admin"], household["id"])).values()
    first = registration(household, mine["id"], datetime(2025, 3, 1, tzinfo=UTC))
    again = registration(household, mine["id"], datetime(2025, 9, 1, tzinfo=UTC))
    # The later registration arrives first: the earliest one is kept all the same.
    await publish(stack, WORKER_REGISTERED, again.model_dump(mode="json"), first.model_dump(mode="json"))
    await eventually(lambda: drained(stack), timeout=30)
    live = await projection(stack)
    [record] = [r for r in live if str(r["member_id"]) == mine["id"]]
    assert str(record["worker_id"]) == first.subject and record["registered_at"] == first.time
    assert household["id"] not in await rule_6(api, tokens["admin"])

    async with stack.db("monitoring").engine.begin() as conn:
        await conn.execute(text("DELETE FROM monitoring.member_employment_records"))
    assert household["id"] in await rule_6(api, tokens["admin"])
    assert await rebuild(component, records) >= 2
    assert sorted(await projection(stack), key=str) == sorted(live, key=str)
    assert household["id"] not in await rule_6(api, tokens["admin"])
