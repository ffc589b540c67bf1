"""低效闲置 beyond the request: an event per new flag, and the periodic district-wide screening."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from sqlalchemy import text

from services.assets.app import create_app
from services.assets.idle.events import ASSET_FLAGGED_IDLE
from services.assets.scheduled import IDLE_SCREENING
from shared.scheduled import TaskRunner
from tests.assets.test_idle_and_reports import IDLE, ledger, month
from tests.conftest import Stack, service_settings
from tests.helpers import KEJING, KEJING_VILLAGE, WANGWU, WANGWU_VILLAGE, auth, eventually
from xianjie.devstack import free_port

LOCK = text("SELECT pg_advisory_xact_lock(hashtextextended(:name, 0))")
# Requests queued behind an advisory lock that another session holds: the same key on both sides.
WAITING_ON_A_HELD_LOCK = text(
    "SELECT count(*) FROM pg_locks w JOIN pg_locks h ON h.locktype = 'advisory' AND h.granted"
    " AND (h.classid, h.objid, h.objsubid) = (w.classid, w.objid, w.objsubid)"
    " WHERE w.locktype = 'advisory' AND NOT w.granted"
)


async def flagged_events(stack: Stack) -> list[dict[str, Any]]:
    async with stack.db("assets").engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT nats_subject, envelope FROM assets.outbox "
                "WHERE envelope->>'type' = :type ORDER BY position"
            ),
            {"type": ASSET_FLAGGED_IDLE.type},
        )
        return [{"nats_subject": r.nats_subject, **r.envelope} for r in rows]


def screening_task(stack: Stack) -> TaskRunner:
    return stack.apps["assets"].state.component.tasks[IDLE_SCREENING.name]  # type: ignore[no-any-return]


async def screen(api: httpx.AsyncClient, token: str, as_of: str) -> dict[str, Any]:
    resp = await api.post(f"{IDLE}/screenings", json={"as_of": as_of}, headers=auth(token))
    assert resp.status_code == 200, resp.text
    return dict(resp.json())


# -- announcements ------------------------------------------------------------------------------


async def test_each_new_flag_is_announced_with_a_payload_of_ids_and_codes(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    assets = await ledger(api, tokens["admin"])
    assert (await screen(api, tokens["town_kejing"], "2025-12-15"))["flagged"] == 2

    events = await flagged_events(stack)
    assert len(events) == 2 and len({e["id"] for e in events}) == 2
    assert all(e["nats_subject"] == ASSET_FLAGGED_IDLE.nats_subject for e in events)
    assert all(e["source"] == "/xianjie/assets" and e["subject"] == e["data"]["asset_id"] for e in events)
    # The set-based statement writes the payload: every field the model names, as the model reads it.
    for event in events:
        ASSET_FLAGGED_IDLE.payload.model_validate(event["data"])
    by_asset = {e["data"]["asset_id"]: e["data"] for e in events}
    assert by_asset == {
        assets["idle"]["id"]: {
            "asset_id": assets["idle"]["id"],
            "town_code": KEJING,
            "village_code": KEJING_VILLAGE,
            "rule": "no_revenue",
            "flagged_on": "2025-12-15",
        },
        assets["weak"]["id"]: {
            "asset_id": assets["weak"]["id"],
            "town_code": KEJING,
            "village_code": KEJING_VILLAGE,
            "rule": "low_utilisation",
            "flagged_on": "2025-12-15",
        },
    }
    assert "name" not in str(events)  # ids and codes only


async def test_a_flag_already_open_is_not_announced_again(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    assets = await ledger(api, tokens["admin"])
    await screen(api, tokens["town_kejing"], "2025-12-15")

    # Neither a repeat nor a later day announces the open flags again …
    assert (await screen(api, tokens["town_kejing"], "2025-12-20"))["flagged"] == 0
    assert len(await flagged_events(stack)) == 2
    # … and the district-wide screening announces only what is new to it: Wangwu's asset.
    everywhere = await screen(api, tokens["admin"], "2025-12-15")
    assert everywhere == {"as_of": "2025-12-15", "flagged": 1, "cleared": 0, "open": 3}
    events = await flagged_events(stack)
    assert len(events) == 3
    assert events[-1]["data"]["asset_id"] == assets["far"]["id"]
    assert events[-1]["data"]["village_code"] == WANGWU_VILLAGE


async def test_a_flag_raised_again_after_clearing_is_announced_again(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin, town = tokens["admin"], tokens["town_kejing"]
    assets = await ledger(api, admin)
    await screen(api, town, "2025-12-15")

    await month(api, admin, assets["idle"], month="2025-11-01", revenue="500.00")
    cleared = await screen(api, town, "2025-12-15")
    assert cleared == {"as_of": "2025-12-15", "flagged": 0, "cleared": 1, "open": 1}
    relapse = await screen(api, town, "2026-06-15")
    # December to May without revenue: the cold store again, the PV station and the workshop too.
    assert relapse["flagged"] == 3
    new = (await flagged_events(stack))[2:]
    assert len(new) == 3
    assert {(e["data"]["asset_id"], e["data"]["rule"]) for e in new} == {
        (assets[k]["id"], "no_revenue") for k in ("idle", "weak", "healthy")
    }
    assert {e["data"]["flagged_on"] for e in new} == {"2026-06-15"}


# -- the periodic screening ---------------------------------------------------------------------


async def test_the_periodic_screening_covers_the_whole_district(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    assets = await ledger(api, tokens["admin"])
    assert await screening_task(stack).run_once() is True

    events = await flagged_events(stack)
    flagged = {e["data"]["asset_id"] for e in events}
    # Never any revenue since January 2025: idle at any date the task runs, in both towns.
    assert {assets["idle"]["id"], assets["far"]["id"]} <= flagged
    assert {e["data"]["town_code"] for e in events} == {KEJING, WANGWU}
    # It judged exactly what a district-wide screening judges today: nothing is left to flag or clear.
    today = await api.post(f"{IDLE}/screenings", json={}, headers=auth(tokens["admin"]))
    assert today.json()["flagged"] == today.json()["cleared"] == 0
    assert today.json()["open"] == len(flagged)


async def test_the_periodic_screening_flags_and_announces_each_asset_once(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await ledger(api, tokens["admin"])
    task = screening_task(stack)
    assert await task.run_once() is True
    first = await flagged_events(stack)
    assert first

    assert await task.run_once() is True
    assert await flagged_events(stack) == first
    flags = (await api.get(IDLE, headers=auth(tokens["admin"]))).json()["items"]
    assert len(flags) == len(first)


async def test_the_periodic_screening_is_audited_as_the_schedule(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await ledger(api, tokens["admin"])
    task = screening_task(stack)
    await task.run_once()
    await task.run_once()

    async with stack.db("assets").engine.connect() as conn:
        rows = (
            await conn.execute(
                text(
                    "SELECT actor_role, changes FROM assets.audit_log"
                    " WHERE actor = :actor AND action = 'screen' ORDER BY id"
                ),
                {"actor": "schedule:idle-screening"},
            )
        ).all()
        today = await conn.scalar(text("SELECT current_date"))
    assert len(rows) == 2
    assert {(role, changes["as_of"]) for role, changes in rows} == {("system", today.isoformat())}
    assert [changes["flagged"] > 0 for _, changes in rows] == [True, False]


async def test_a_second_replica_skips_while_one_screens(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await ledger(api, tokens["admin"])
    task = screening_task(stack)
    engine = stack.db("assets").engine
    async with engine.connect() as other_replica:
        await other_replica.execute(LOCK, {"name": IDLE_SCREENING.lock_name("assets")})
        assert await task.run_once() is False
        await other_replica.rollback()  # its transaction ends: the lock goes with it
    async with engine.connect() as conn:
        assert await conn.scalar(text("SELECT count(*) FROM assets.idle_flags")) == 0
    assert await flagged_events(stack) == []

    assert await task.run_once() is True
    assert await flagged_events(stack) != []


async def test_a_screening_on_request_waits_for_the_one_running(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await ledger(api, tokens["admin"])
    async with stack.db("assets").engine.connect() as running:
        await running.execute(LOCK, {"name": IDLE_SCREENING.lock_name("assets")})
        request = asyncio.create_task(screen(api, tokens["admin"], "2025-12-15"))

        async def queued() -> bool:
            return bool(await running.scalar(WAITING_ON_A_HELD_LOCK))

        await eventually(queued, timeout=10)
        assert not request.done()
        await running.rollback()
    assert (await asyncio.wait_for(request, 10))["flagged"] == 3


async def test_the_periodic_screening_runs_on_the_configured_interval(stack: Stack) -> None:
    app = create_app(
        service_settings(
            "assets", stack.infra, stack.ports, port=free_port(), idle_screening_interval_seconds=3600
        )
    )
    async with app.router.lifespan_context(app):
        runner = app.state.component.tasks[IDLE_SCREENING.name]
        assert runner.interval == 3600
        assert runner.running
    assert not runner.running  # stopped with the app


async def test_an_interval_of_zero_turns_the_periodic_screening_off(stack: Stack) -> None:
    app = create_app(
        service_settings(
            "assets", stack.infra, stack.ports, port=free_port(), idle_screening_interval_seconds=0
        )
    )
    async with app.router.lifespan_context(app):
        assert not app.state.component.tasks[IDLE_SCREENING.name].running


async def test_asyncapi_lists_the_flagged_idle_event(stack: Stack) -> None:
    async with httpx.AsyncClient(base_url=stack.url("assets"), timeout=10) as client:
        document = (await client.get("/asyncapi.json")).text
    assert "flagged_idle" in document and ASSET_FLAGGED_IDLE.type in document
