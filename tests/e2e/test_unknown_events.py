"""Events on a consumed subject that the consumer has no handler for — a version it was not written
for (``….worker.unemployed.v9``) or a type it does not know — are parked (or, by an explicit
policy, skipped), counted and logged; never acknowledged and dropped without a trace.
Published for real on NATS; the live consumers pick them up."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import httpx
import nats
from sqlalchemy import func, select
from structlog.testing import capture_logs

from services.employment.workers.events import WORKER_UNEMPLOYED
from services.monitoring.alerts.events import WORKER_UNEMPLOYED as CONSUMED_JOB_LOSS
from shared.events.consumer import EventConsumer, EventContext, UnhandledPolicy, subscriptions
from shared.events.envelope import CloudEvent, stream_name
from tests.conftest import Stack
from tests.helpers import KEJING, auth, eventually

V9 = WORKER_UNEMPLOYED.type.removesuffix(".v1") + ".v9"
UNKNOWN_TYPE = "cn.xianjie.employment.worker.retrained.v1"  # no consumer has a handler for it


def event_of(event_type: str) -> CloudEvent:
    return CloudEvent(
        id=uuid.uuid4(),
        source=WORKER_UNEMPLOYED.source,
        type=event_type,
        subject=str(uuid.uuid4()),
        time=datetime.now(UTC),
        data={"worker_id": str(uuid.uuid4()), "household_id": str(uuid.uuid4()), "town_code": KEJING},
    )


async def publish(nats_url: str, event: CloudEvent) -> None:
    """On the subject monitoring consumes (worker.unemployed), as employment would publish it."""
    nc = await nats.connect(nats_url)
    try:
        await nc.jetstream().publish(
            WORKER_UNEMPLOYED.nats_subject,
            event.model_dump_json().encode(),
            headers={"Nats-Msg-Id": str(event.id)},
        )
    finally:
        await nc.close()


def unhandled_count(stack: Stack, consumer: str, event_type: str) -> float:
    registry = stack.apps["monitoring"].state.metrics.registry
    labels = {"consumer": consumer, "type": event_type}
    return registry.get_sample_value("xianjie_events_unhandled_total", labels) or 0.0


async def test_unknown_version_and_type_are_parked_counted_and_cannot_be_replayed_blindly(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    events = [event_of(V9), event_of(UNKNOWN_TYPE)]
    before = {e.type: unhandled_count(stack, "monitoring", e.type) for e in events}
    with capture_logs() as logs:
        for event in events:
            await publish(stack.infra.nats_url, event)

        async def parked() -> list[dict[str, Any]]:
            resp = await api.get("/api/monitoring/v1/ops/parked-events", headers=auth(tokens["admin"]))
            ids = {str(e.id) for e in events}
            found = [p for p in resp.json() if p["event_id"] in ids]
            return found if len(found) == len(events) else []

        entries = {p["event_type"]: p for p in await eventually(parked, timeout=30)}
    assert set(entries) == {V9, UNKNOWN_TYPE}
    for entry in entries.values():
        assert "no handler" in entry["error"] and entry["deliveries"] == 1  # parked at once, no retries
    for event in events:
        assert unhandled_count(stack, "monitoring", event.type) == before[event.type] + 1
    logged = [e for e in logs if e.get("event") == "event_unhandled"]
    assert {(e["event_type"], e["policy"]) for e in logged} >= {(V9, "park"), (UNKNOWN_TYPE, "park")}
    # Nothing was applied: no alert for the household the v9 event names.
    alerts = await api.get(
        "/api/monitoring/v1/alerts",
        params={"household_id": events[0].data["household_id"]},
        headers=auth(tokens["admin"]),
    )
    assert alerts.json()["items"] == []
    # Replay before a handler for it exists fails openly and leaves it parked.
    replay = await api.post(
        f"/api/monitoring/v1/ops/parked-events/{entries[V9]['id']}/replay", headers=auth(tokens["admin"])
    )
    assert replay.status_code == 409 and "no handler" in replay.json()["detail"]
    assert any(p["event_type"] == V9 for p in await parked())


async def test_a_consumer_whose_policy_is_skip_records_the_skip_and_parks_nothing(stack: Stack) -> None:
    """A consumer that declared it ignores versions it was not written for: acked, counted, logged."""
    component = stack.apps["monitoring"].state.component
    durable = f"kit-skip-{uuid.uuid4().hex[:8]}"

    async def ignore(ctx: EventContext) -> None:
        """v1 events other tests left in the stream reach this new consumer too: no effect."""

    [subscription] = subscriptions({CONSUMED_JOB_LOSS: ignore}, UnhandledPolicy.SKIP)
    consumer = EventConsumer(
        service=durable,
        subscription=subscription,
        db=component.db,
        tables=component.tables,
        outbox=component.outbox,
        link=component.link,
        metrics=component.metrics,
        settings=component.settings,
        divisions=component.divisions,
    )
    v8 = V9.removesuffix(".v9") + ".v8"  # a version only this test publishes
    event = event_of(v8)
    with capture_logs() as logs:
        consumer.start()
        try:
            await publish(stack.infra.nats_url, event)
            await eventually(lambda: _async(unhandled_count(stack, durable, v8) == 1), timeout=30)
            # monitoring's own consumer reads the same subject (and parks it: the default policy).
            await eventually(lambda: _async(unhandled_count(stack, "monitoring", v8) >= 1), timeout=30)
            await eventually(lambda: _drained(stack.infra.nats_url, durable), timeout=30)
        finally:
            await consumer.stop()
            nc = await nats.connect(stack.infra.nats_url)
            await nc.jetstream().delete_consumer(stream_name("employment"), durable)
            await nc.close()
    # (monitoring's own consumer, on the same subject, parks it: its policy is the default.)
    mine = [e for e in logs if e.get("event") == "event_unhandled" and e["event_id"] == str(event.id)]
    assert {(e["consumer"], e["policy"]) for e in mine} == {(durable, "skip"), ("monitoring", "park")}
    parked = component.tables.parked_events
    async with component.db.sessions() as session:
        count = await session.scalar(
            select(func.count()).select_from(parked).where(parked.c.consumer == durable)
        )
    assert count == 0


async def _async(value: bool) -> bool:
    return value


async def _drained(nats_url: str, durable: str) -> bool:
    nc = await nats.connect(nats_url)
    try:
        info = await nc.jetstream().consumer_info(stream_name("employment"), durable)
        return info.num_pending == 0 and info.num_ack_pending == 0
    finally:
        await nc.close()
