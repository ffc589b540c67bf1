"""Events end to end on the real NATS: outages delay but lose nothing; poison events are parked
and can be replayed by an operator; a redelivered event has no second effect."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

import httpx
import nats
import pytest
from sqlalchemy import text

from services.employment.workers.events import WORKER_UNEMPLOYED
from shared.events.envelope import CloudEvent
from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_VILLAGE, auth, eventually, stream_messages

HOUSEHOLDS = "/api/monitoring/v1/households"
JOB_LOSS = WORKER_UNEMPLOYED  # employment's declaration: the synthetic events take its shape


async def test_write_succeeds_while_nats_is_down_and_is_published_once_it_returns(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    embedded = stack.infra.nats
    if embedded is None:
        pytest.skip("external NATS: the test cannot stop it")
    embedded.stop()
    try:
        resp = await api.post(
            HOUSEHOLDS,
            json={
                "town_code": KEJING,
                "village_code": KEJING_VILLAGE,
                "head_name": "李秀英",
                "kind": "lifted_out",
                "member_count": 2,
            },
            headers=auth(tokens["admin"]),
        )
        assert resp.status_code == 201, resp.text
        household_id = resp.json()["id"]
        async with stack.db("monitoring").engine.connect() as conn:
            waiting = await conn.scalar(
                text(
                    "SELECT count(*) FROM monitoring.outbox WHERE published_at IS NULL AND envelope->>'subject' = :id"
                ),
                {"id": household_id},
            )
        assert waiting == 2  # household.registered and household.changed
    finally:
        embedded.start()  # same port, same store: the stream survives

    async def published() -> bool:
        async with stack.db("monitoring").engine.connect() as conn:
            return bool(
                await conn.scalar(
                    text(
                        "SELECT published_at IS NOT NULL FROM monitoring.outbox WHERE envelope->>'subject' = :id"
                    ),
                    {"id": household_id},
                )
            )

    await eventually(published, timeout=30)
    messages = await stream_messages(
        stack.infra.nats_url, "XIANJIE_MONITORING", "xianjie.monitoring.household.registered"
    )
    mine = [m for m in messages if m["subject"] == household_id]
    assert len(mine) == 1
    assert mine[0]["data"]["household_id"] == household_id
    # And the services are ready again.
    async with httpx.AsyncClient(base_url=stack.url("monitoring")) as client:
        await eventually(lambda: _ready(client), timeout=30)


async def _ready(client: httpx.AsyncClient) -> bool:
    return (await client.get("/readyz")).status_code == 200


def job_loss_event(household_id: uuid.UUID) -> CloudEvent:
    return CloudEvent(
        id=uuid.uuid4(),
        source=JOB_LOSS.source,
        type=JOB_LOSS.type,
        subject=str(uuid.uuid4()),
        time=datetime.now(UTC),
        data={
            "worker_id": str(uuid.uuid4()),
            "household_id": str(household_id),
            "town_code": KEJING,
            "ended_on": date(2026, 11, 1).isoformat(),
        },
    )


async def publish(nats_url: str, event: CloudEvent, msg_id: str | None = None) -> bool | None:
    nc = await nats.connect(nats_url)
    try:
        ack = await nc.jetstream().publish(
            JOB_LOSS.nats_subject,
            event.model_dump_json().encode(),
            headers={"Nats-Msg-Id": msg_id or str(event.id)},
        )
        return ack.duplicate
    finally:
        await nc.close()


async def test_poison_event_is_parked_then_replayed_by_an_operator(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household_id = uuid.uuid4()  # monitoring does not know this household (yet)
    event = job_loss_event(household_id)
    await publish(stack.infra.nats_url, event)

    async def parked() -> list[dict[str, Any]]:
        resp = await api.get("/api/monitoring/v1/ops/parked-events", headers=auth(tokens["admin"]))
        return [p for p in resp.json() if p["event_id"] == str(event.id)]

    [entry] = await eventually(parked, timeout=30)
    assert entry["deliveries"] == 2 and "unknown" in entry["error"]
    town = await api.get("/api/monitoring/v1/ops/parked-events", headers=auth(tokens["town_kejing"]))
    assert town.status_code == 403

    failed = await api.post(
        f"/api/monitoring/v1/ops/parked-events/{entry['id']}/replay", headers=auth(tokens["admin"])
    )
    assert failed.status_code == 409 and failed.json()["code"] == "conflict"

    # The operator restores the missing household (here: straight into the service's own table).
    async with stack.db("monitoring").engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO monitoring.households (id, town_code, village_code, head_name, kind, member_count, version)"
                " VALUES (:id, :town, :village, '赵大山', 'lifted_out', 3, 1)"
            ),
            {"id": household_id, "town": KEJING, "village": KEJING_VILLAGE},
        )
    replayed = await api.post(
        f"/api/monitoring/v1/ops/parked-events/{entry['id']}/replay", headers=auth(tokens["admin"])
    )
    assert replayed.status_code == 200 and replayed.json() == {"id": entry["id"], "applied": True}
    again = await api.post(
        f"/api/monitoring/v1/ops/parked-events/{entry['id']}/replay", headers=auth(tokens["admin"])
    )
    assert again.json()["applied"] is False
    alerts = await api.get(
        "/api/monitoring/v1/alerts", params={"household_id": str(household_id)}, headers=auth(tokens["admin"])
    )
    assert len(alerts.json()["items"]) == 1
    assert (await parked()) == []  # replayed entries leave the open list


async def test_redelivered_event_has_one_effect(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    created = await api.post(
        HOUSEHOLDS,
        json={
            "town_code": KEJING,
            "village_code": KEJING_VILLAGE,
            "head_name": "张桂兰",
            "kind": "lifted_out",
            "member_count": 3,
        },
        headers=auth(tokens["admin"]),
    )
    household_id = uuid.UUID(created.json()["id"])
    event = job_loss_event(household_id)
    registry = stack.apps["monitoring"].state.metrics.registry
    labels = {"component": "monitoring", "type": JOB_LOSS.type}
    duplicates_before = registry.get_sample_value("xianjie_events_duplicate_total", labels) or 0

    assert await publish(stack.infra.nats_url, event) is None
    # The same id again inside the duplicate window: JetStream itself drops it.
    assert await publish(stack.infra.nats_url, event) is True
    # The same event under another message id (as after the window, or from a replaying producer):
    # it reaches the consumer, and the inbox makes it a no-op.
    assert await publish(stack.infra.nats_url, event, msg_id=str(uuid.uuid4())) is None

    async def drained() -> bool:
        nc = await nats.connect(stack.infra.nats_url)
        try:
            info = await nc.jetstream().consumer_info("XIANJIE_EMPLOYMENT", "monitoring")
            return info.num_pending == 0 and info.num_ack_pending == 0
        finally:
            await nc.close()

    async def duplicate_seen() -> bool:
        return (registry.get_sample_value("xianjie_events_duplicate_total", labels) or 0) > duplicates_before

    await eventually(duplicate_seen, timeout=30)
    await eventually(drained, timeout=30)
    alerts = await api.get(
        "/api/monitoring/v1/alerts", params={"household_id": str(household_id)}, headers=auth(tokens["admin"])
    )
    items = alerts.json()["items"]
    assert len(items) == 1 and items[0]["source"] == "event"
    async with stack.db("monitoring").engine.connect() as conn:
        raised = await conn.scalar(
            text(
                "SELECT count(*) FROM monitoring.outbox WHERE envelope->>'type' = 'cn.xianjie.monitoring.alert.raised.v1'"
            )
        )
    assert raised == 1
