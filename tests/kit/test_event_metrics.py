"""The event path on /metrics: outbox backlog and the age of its oldest row, a consumer's lag on
its source stream, and open parked events — read from a service's real /metrics after a backlog
was made (relay stopped; consumer stopped while events arrive)."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime

import httpx
import nats
from prometheus_client.parser import text_string_to_metric_families

from services.employment.workers.events import WORKER_UNEMPLOYED
from services.monitoring.households.events import HOUSEHOLD_REGISTERED, HouseholdRegistered
from shared.events.envelope import CloudEvent
from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_VILLAGE, eventually


async def scrape(stack: Stack, service: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    async with httpx.AsyncClient(base_url=stack.url(service), timeout=10) as client:
        resp = await client.get("/metrics")
    assert resp.status_code == 200
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(resp.text)
        for sample in family.samples
    }


def value(samples: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str, **labels: str) -> float:
    return samples[(name, tuple(sorted(labels.items())))]


async def test_outbox_backlog_and_its_age_show_on_metrics_and_drain(stack: Stack) -> None:
    component = stack.apps["monitoring"].state.component
    await component.relay.stop()
    try:
        async with component.db.transaction() as session:
            for _ in range(5):
                payload = HouseholdRegistered(
                    household_id=uuid.uuid4(), town_code=KEJING, village_code=KEJING_VILLAGE, kind="monitored"
                )
                await component.outbox.add(session, HOUSEHOLD_REGISTERED, "h", payload)
        await asyncio.sleep(1.2)
        samples = await scrape(stack, "monitoring")
        assert value(samples, "xianjie_outbox_backlog", component="monitoring") == 5
        assert value(samples, "xianjie_outbox_oldest_unpublished_age_seconds", component="monitoring") >= 1.0
        assert value(samples, "xianjie_outbox_set_aside", component="monitoring") == 0
    finally:
        component.relay.start()

    async def drained() -> bool:
        samples = await scrape(stack, "monitoring")
        return (
            value(samples, "xianjie_outbox_backlog", component="monitoring") == 0
            and value(samples, "xianjie_outbox_oldest_unpublished_age_seconds", component="monitoring") == 0
        )

    await eventually(drained, timeout=20)


async def test_consumer_lag_and_parked_events_show_on_metrics(stack: Stack) -> None:
    component = stack.apps["monitoring"].state.component
    consumer = component.consumer_of("employment")
    assert consumer is not None
    labels = {"consumer": "monitoring", "stream": "XIANJIE_EMPLOYMENT"}
    await eventually(lambda: _lag_is(stack, labels, 0), timeout=30)  # earlier tests' events all applied
    await consumer.stop()
    # Three events arrive while the consumer is away; they are of a version monitoring has no
    # handler for, so once it is back they end up parked (and the parked gauge moves too).
    v9 = WORKER_UNEMPLOYED.type.removesuffix(".v1") + ".v9"
    try:
        nc = await nats.connect(stack.infra.nats_url)
        try:
            for _ in range(3):
                event = CloudEvent(
                    id=uuid.uuid4(),
                    source=WORKER_UNEMPLOYED.source,
                    type=v9,
                    subject=str(uuid.uuid4()),
                    time=datetime.now(UTC),
                    data={},
                )
                await nc.jetstream().publish(WORKER_UNEMPLOYED.nats_subject, event.model_dump_json().encode())
        finally:
            await nc.close()
        samples = await scrape(stack, "monitoring")
        assert value(samples, "xianjie_consumer_pending", **labels) == 3
        assert value(samples, "xianjie_consumer_ack_pending", **labels) == 0
        assert value(samples, "xianjie_events_parked_open", component="monitoring") == 0
    finally:
        consumer.start()
    await eventually(lambda: _lag_is(stack, labels, 0), timeout=30)
    samples = await scrape(stack, "monitoring")
    assert value(samples, "xianjie_events_parked_open", component="monitoring") == 3
    assert value(samples, "xianjie_events_unhandled_total", consumer="monitoring", type=v9) >= 3


async def _lag_is(stack: Stack, labels: dict[str, str], expected: float) -> bool:
    samples = await scrape(stack, "monitoring")
    return (
        value(samples, "xianjie_consumer_pending", **labels) == expected
        and value(samples, "xianjie_consumer_ack_pending", **labels) == expected
    )
