"""低效闲置 beyond the request: an event per new flag, and the periodic district-wide screening."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any

import httpx
from sqlalchemy import text

from services.assets.app import IDLE_SCREENING_TASK, create_app
from services.assets.idle.service import SCHEDULE_ACTOR, screen_district
from tests.assets.test_idle_and_reports import IDLE, ledger, month
from tests.conftest import Stack, service_settings
from tests.helpers import KEJING, KEJING_VILLAGE, WANGWU, WANGWU_VILLAGE, auth
from xianjie.devstack import free_port

FLAGGED_IDLE = "cn.xianjie.assets.asset.flagged_idle.v1"


async def flagged_events(stack: Stack) -> list[dict[str, Any]]:
    async with stack.db("assets").engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT nats_subject, envelope FROM assets.outbox "
                "WHERE envelope->>'type' = :type ORDER BY position"
            ),
            {"type": FLAGGED_IDLE},
        )
        return [{"nats_subject": r.nats_subject, **r.envelope} for r in rows]


async def test_each_new_flag_is_announced_once(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin, town = tokens["admin"], tokens["town_kejing"]
    assets = await ledger(api, admin)

    kejing = await api.post(f"{IDLE}/screenings", json={"as_of": "2025-12-15"}, headers=auth(town))
    assert kejing.json()["flagged"] == 2
    events = await flagged_events(stack)
    assert len(events) == 2
    assert all(e["nats_subject"] == "xianjie.assets.asset.flagged_idle" for e in events)
    assert all(e["source"] == "/xianjie/assets" and e["subject"] == e["data"]["asset_id"] for e in events)
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
    assert len({e["id"] for e in events}) == 2
    assert "name" not in str(events)  # ids and codes only

    # Already flagged: no second event, neither for a repeat nor a later day.
    again = await api.post(f"{IDLE}/screenings", json={"as_of": "2025-12-20"}, headers=auth(town))
    assert again.json()["flagged"] == 0
    assert len(await flagged_events(stack)) == 2

    # Wangwu's asset is new to the district-wide screening: exactly one more event.
    everywhere = await api.post(f"{IDLE}/screenings", json={"as_of": "2025-12-15"}, headers=auth(admin))
    assert everywhere.json() == {"as_of": "2025-12-15", "flagged": 1, "cleared": 0, "open": 3}
    events = await flagged_events(stack)
    assert len(events) == 3
    assert events[-1]["data"]["asset_id"] == assets["far"]["id"]
    assert events[-1]["data"]["village_code"] == WANGWU_VILLAGE

    # Cleared, then idle again half a year later: new flags, so new events (one per new flag).
    await month(api, admin, assets["idle"], month="2025-11-01", revenue="500.00")
    cleared = await api.post(f"{IDLE}/screenings", json={"as_of": "2025-12-15"}, headers=auth(town))
    assert cleared.json() == {"as_of": "2025-12-15", "flagged": 0, "cleared": 1, "open": 1}
    relapse = await api.post(f"{IDLE}/screenings", json={"as_of": "2026-06-15"}, headers=auth(town))
    # December to May without revenue: the cold store again, the PV station and the workshop too.
    assert relapse.json()["flagged"] == 3
    new = (await flagged_events(stack))[3:]
    assert len(new) == 3
    assert {(e["data"]["asset_id"], e["data"]["rule"]) for e in new} == {
        (assets[k]["id"], "no_revenue") for k in ("idle", "weak", "healthy")
    }
    assert {e["data"]["flagged_on"] for e in new} == {"2026-06-15"}


async def test_periodic_screening_covers_the_district_once(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    assets = await ledger(api, tokens["admin"])
    component = stack.apps["assets"].state.component

    first = await screen_district(component, as_of=date(2025, 12, 15))
    assert first is not None
    assert (first.flagged, first.cleared, first.open) == (3, 0, 3)
    events = await flagged_events(stack)
    assert {e["data"]["asset_id"] for e in events} == {assets[k]["id"] for k in ("idle", "weak", "far")}
    assert {e["data"]["town_code"] for e in events} == {KEJING, WANGWU}

    second = await screen_district(component, as_of=date(2025, 12, 15))
    assert second is not None and (second.flagged, second.cleared, second.open) == (0, 0, 3)
    assert len(await flagged_events(stack)) == 3
    flags = (await api.get(IDLE, headers=auth(tokens["admin"]))).json()["items"]
    assert len(flags) == 3

    async with stack.db("assets").engine.connect() as conn:
        audited = await conn.scalar(
            text("SELECT count(*) FROM assets.audit_log WHERE actor = :actor AND action = 'screen'"),
            {"actor": SCHEDULE_ACTOR},
        )
    assert audited == 2

    # Without as_of the task screens at the database's today; whatever it flags, it announces once each.
    today = await screen_district(component)
    async with stack.db("assets").engine.connect() as conn:
        assert today is not None and today.as_of == await conn.scalar(text("SELECT current_date"))
    assert len(await flagged_events(stack)) == 3 + today.flagged


async def test_a_replica_already_screening_makes_the_others_skip(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await ledger(api, tokens["admin"])
    component = stack.apps["assets"].state.component
    engine = stack.db("assets").engine
    async with engine.connect() as other_replica:
        await other_replica.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended('xianjie.assets.idle_screening', 0))")
        )
        assert await screen_district(component, as_of=date(2025, 12, 15)) is None
        await other_replica.rollback()  # its transaction ends: the lock goes with it
    async with engine.connect() as conn:
        assert await conn.scalar(text("SELECT count(*) FROM assets.idle_flags")) == 0
    assert await flagged_events(stack) == []

    done = await screen_district(component, as_of=date(2025, 12, 15))
    assert done is not None and done.flagged == 3


def _screening_tasks() -> set[asyncio.Task[Any]]:
    return {t for t in asyncio.all_tasks() if t.get_name() == IDLE_SCREENING_TASK and not t.done()}


async def test_the_periodic_task_follows_the_settings(stack: Stack) -> None:
    before = _screening_tasks()  # the stack's own assets service runs one (daily)

    enabled = create_app(
        service_settings(
            "assets", stack.infra, stack.ports, port=free_port(), idle_screening_interval_seconds=3600
        )
    )
    async with enabled.router.lifespan_context(enabled):
        started = _screening_tasks() - before
        assert len(started) == 1
    assert all(task.done() for task in started)  # stopped with the app

    disabled = create_app(
        service_settings(
            "assets", stack.infra, stack.ports, port=free_port(), idle_screening_interval_seconds=0
        )
    )
    async with disabled.router.lifespan_context(disabled):
        assert _screening_tasks() - before == set()


async def test_asyncapi_lists_the_flagged_idle_event(stack: Stack) -> None:
    async with httpx.AsyncClient(base_url=stack.url("assets"), timeout=10) as client:
        document = (await client.get("/asyncapi.json")).text
    assert "flagged_idle" in document and "cn.xianjie.assets.asset.flagged_idle.v1" in document
