"""The demo records of ``xianjie up``: created through the gateway, complete, and idempotent — a
second run creates nothing (the services replay their stored answers)."""

from __future__ import annotations

import asyncio

import httpx
from sqlalchemy import text

from tests.conftest import SERVICE_NAMES, Stack
from tests.helpers import auth, eventually
from xianjie.demo_data import demo_households, fake_id_number, load_demo_records

EXPECTED = {
    "acceptances": 1,
    "allocations": 3,
    "announcements": 1,
    "assets_opened": 2,
    "assets_registered": 2,
    "department_batches": 1,
    "distributions": 1,
    "evaluations": 1,
    "funds": 4,
    "households": 30,
    "incomes": 30,
    "job_losses": 3,
    "lifecycle_steps": 4,
    "monthly_records": 10,
    "payments": 2,
    "project_steps": 16,
    "projects": 5,
    "pv_stations": 1,
    "screenings": 1,
    "workflow_steps": 3,
}


async def row_counts(stack: Stack) -> dict[str, int]:
    """Rows of every service table (the gateway's accounts are not part of the demo records)."""
    async with stack.db("monitoring").engine.connect() as conn:
        tables = (
            await conn.execute(
                text(
                    "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables "
                    "WHERE schemaname = ANY(:schemas) AND tablename <> 'alembic_version' ORDER BY 1"
                ),
                {"schemas": SERVICE_NAMES},
            )
        ).scalars()
        return {t: int(await conn.scalar(text(f"SELECT count(*) FROM {t}")) or 0) for t in tables}


async def settled_counts(stack: Stack) -> dict[str, int]:
    """Row counts once the events of the run (assets opened, links, alerts) have come to rest."""
    last: dict[str, int] = {}

    async def steady() -> dict[str, int] | None:
        nonlocal last
        now = await row_counts(stack)
        same = now == last
        last = now
        return now if same else None

    return await eventually(steady, timeout=30, interval=1.0)  # type: ignore[no-any-return]


def test_fake_id_numbers_are_valid_and_unique() -> None:
    from datetime import date

    from services.monitoring.households.id_numbers import parse

    numbers = [m.id_number(h.index * 10 + n + 1) for h in demo_households() for n, m in enumerate(h.members)]
    assert len(numbers) == len(set(numbers))
    for number in numbers:
        assert number.startswith("999001")  # no such region
        parse(number)  # checksum and birth date
    assert fake_id_number(date(1970, 1, 1), 1) == fake_id_number(date(1970, 1, 1), 1)


async def test_demo_records_through_the_gateway_twice(
    stack: Stack, demo_password: str, api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    households = demo_households()
    members = sum(len(h.members) for h in households)
    lines: list[str] = []
    started = asyncio.get_running_loop().time()
    first = await load_demo_records(stack.gateway_url, demo_password, echo=lines.append)
    took = asyncio.get_running_loop().time() - started
    assert lines == [], lines
    assert first["warnings"] == 0
    assert first["new"] > 0
    print(f"demo records: first run {took:.2f}s, {first}")
    for kind, count in EXPECTED.items():
        assert first[kind] == count, (kind, first)
    assert first["members"] == members
    assert first["workers"] >= 24
    assert first["spells"] > first["workers"]

    before = await settled_counts(stack)
    assert before["monitoring.households"] == 30
    assert before["monitoring.members"] == members
    assert before["employment.workers"] == first["workers"]
    assert before["assets.assets"] == 4

    started = asyncio.get_running_loop().time()
    second = await load_demo_records(stack.gateway_url, demo_password, echo=lines.append)
    print(f"demo records: second run {asyncio.get_running_loop().time() - started:.2f}s")
    assert lines == [], lines
    assert second["new"] == 0
    assert {k: v for k, v in second.items() if k != "new"} == {k: v for k, v in first.items() if k != "new"}
    await asyncio.sleep(1.0)
    assert await settled_counts(stack) == before

    admin = tokens["admin"]
    for path in (
        "/api/monitoring/v1/households",
        "/api/monitoring/v1/alerts",
        "/api/employment/v1/workers",
        "/api/funds/v1/funds",
        "/api/funds/v1/projects",
        "/api/assets/v1/assets",
        "/api/assets/v1/distributions",
    ):
        resp = await api.get(path, headers=auth(admin))
        assert resp.status_code == 200, (path, resp.text)
        assert resp.json()["items"], path
    # The accepted project's result is on the public listing, which needs no sign-in.
    public = await api.get("/api/funds/v1/public/announcements")
    assert public.status_code == 200 and len(public.json()["items"]) == 1

    # The cross-service flows happened: the case reached the public notice, the job losses became
    # alerts in monitoring, the accepted project's assets link back to it.
    listed = await api.get(
        "/api/monitoring/v1/households", params={"status": "public_notice"}, headers=auth(admin)
    )
    assert len(listed.json()["items"]) == 1
    async with stack.db("monitoring").engine.connect() as conn:
        event_alerts = await conn.scalar(
            text("SELECT count(*) FROM monitoring.alerts WHERE source = 'event'")
        )
    assert event_alerts == EXPECTED["job_losses"]
    projects = (
        await api.get("/api/funds/v1/projects", params={"status": "handed_over"}, headers=auth(admin))
    ).json()["items"]
    assert [p["name"] for p in projects] == ["北大河村食用菌产业园（二期）"]
