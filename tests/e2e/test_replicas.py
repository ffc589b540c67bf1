"""Two replicas of every component side by side — the session's stack (replica A) and a second
app of each (replica B, own ports, own gateway in front of the B services) — sharing one
PostgreSQL and one NATS, under concurrent writes through both gateways:

- competing consumers (both replicas bind the same durable) apply each event once: inbox rows and
  effects once per event, however many times it was delivered or published;
- the relays publish each outbox row once (published counters across replicas = rows) and keep
  one aggregate's events in order in the stream (household.changed versions strictly increasing);
- idempotency holds across replicas (one key sent to A and B at once: one record);
- periodic tasks run once per period across replicas (two clocks, one run a period).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import httpx
import nats
import pytest
import uvicorn
from fastapi import FastAPI
from sqlalchemy import text

from services.employment.workers.events import WORKER_UNEMPLOYED
from services.monitoring.households.events import HOUSEHOLD_CHANGED
from shared.events.envelope import CloudEvent
from tests.conftest import SERVICE_NAMES, Stack, _factory, serve_app, service_settings
from tests.helpers import KEJING, KEJING_VILLAGE, auth, eventually, stream_messages
from xianjie.components import ALL
from xianjie.devstack import free_port

HOUSEHOLDS = "/api/monitoring/v1/households"
ALERT_RAISED = "cn.xianjie.monitoring.alert.raised.v1"


@dataclass
class ReplicaB:
    apps: dict[str, FastAPI]
    ports: dict[str, int]

    @property
    def gateway_url(self) -> str:
        return f"http://127.0.0.1:{self.ports['gateway']}"


@pytest.fixture(scope="module")
async def replica_b(stack: Stack) -> AsyncIterator[ReplicaB]:
    ports = {c.name: free_port() for c in ALL}
    apps: dict[str, FastAPI] = {}
    servers: list[tuple[uvicorn.Server, asyncio.Task[None]]] = []
    try:
        for component in ALL:
            app = _factory(component.name)(service_settings(component.name, stack.infra, ports))
            servers.append(await serve_app(app, ports[component.name]))
            apps[component.name] = app
        yield ReplicaB(apps=apps, ports=ports)
    finally:
        for server, _ in servers:
            server.should_exit = True
        with contextlib.suppress(Exception):
            await asyncio.wait_for(asyncio.gather(*(task for _, task in servers), return_exceptions=True), 15)


def counter(app: FastAPI, name: str, **labels: str) -> float:
    return app.state.metrics.registry.get_sample_value(name, labels) or 0.0


def both(stack: Stack, b: ReplicaB, service: str, name: str, **labels: str) -> float:
    return counter(stack.apps[service], name, **labels) + counter(b.apps[service], name, **labels)


async def scalar(stack: Stack, sql: str, **params: Any) -> Any:
    async with stack.db("monitoring").engine.connect() as conn:
        return await conn.scalar(text(sql), params)


async def test_two_replicas_of_every_service_apply_publish_and_schedule_once(
    stack: Stack, replica_b: ReplicaB, tokens: dict[str, str]
) -> None:
    b = replica_b
    started = datetime.now(UTC)
    published_before = {
        s: both(stack, b, s, "xianjie_events_published_total", component=s) for s in SERVICE_NAMES
    }
    changed = {"component": "funds", "type": HOUSEHOLD_CHANGED.type}
    funds_handled_before = both(stack, b, "funds", "xianjie_events_handled_total", **changed)
    admin = auth(tokens["admin"])
    gateways = [httpx.AsyncClient(base_url=url, timeout=30) for url in (stack.gateway_url, b.gateway_url)]
    try:
        # --- writes through both gateways at once: 12 households, each changed 3 more times ---
        async def register(i: int) -> str:
            resp = await gateways[i % 2].post(
                HOUSEHOLDS,
                json={
                    "town_code": KEJING,
                    "village_code": KEJING_VILLAGE,
                    "head_name": f"复本户{i}",
                    "kind": "lifted_out",
                    "member_count": 2,
                },
                headers=admin,
            )
            assert resp.status_code == 201, resp.text
            household_id: str = resp.json()["id"]
            etag = resp.headers["ETag"]
            for change in range(3):
                resp = await gateways[(i + change + 1) % 2].patch(
                    f"{HOUSEHOLDS}/{household_id}",
                    # kind moves lifted_out, the payload's flag: each change is announced.
                    json={"kind": ["ordinary", "lifted_out", "ordinary"][change]},
                    headers={**admin, "If-Match": etag},
                )
                assert resp.status_code == 200, resp.text
                etag = resp.headers["ETag"]
            return household_id

        households = await asyncio.gather(*(register(i) for i in range(12)))

        # --- the same Idempotency-Key to A and B at the same moment: one household ---
        key = str(uuid.uuid4())
        body = {
            "town_code": KEJING,
            "village_code": KEJING_VILLAGE,
            "head_name": "幂等户",
            "kind": "lifted_out",
            "member_count": 1,
        }
        answers = await asyncio.gather(
            *(g.post(HOUSEHOLDS, json=body, headers={**admin, "Idempotency-Key": key}) for g in gateways)
        )
        assert [a.status_code for a in answers] == [201, 201], [a.text for a in answers]
        assert answers[0].json()["id"] == answers[1].json()["id"]
        assert sorted(a.headers.get("Idempotent-Replayed", "") for a in answers) == ["", "true"]
        again = await gateways[1].post(HOUSEHOLDS, json=body, headers={**admin, "Idempotency-Key": key})
        assert again.json()["id"] == answers[0].json()["id"]
        assert (
            await scalar(stack, "SELECT count(*) FROM monitoring.households WHERE head_name = '幂等户'") == 1
        )
    finally:
        for client in gateways:
            await client.aclose()

    # --- competing consumers: job-loss events for 10 of the households, each sent twice under two
    # message ids (as a re-publishing producer would), land on whichever monitoring replica pulls ---
    monitoring_handled = {"component": "monitoring", "type": WORKER_UNEMPLOYED.type}
    handled_before = both(stack, b, "monitoring", "xianjie_events_handled_total", **monitoring_handled)
    duplicates_before = both(stack, b, "monitoring", "xianjie_events_duplicate_total", **monitoring_handled)
    nc = await nats.connect(stack.infra.nats_url)
    try:
        for household_id in households[:10]:
            event = CloudEvent(
                id=uuid.uuid4(),
                source=WORKER_UNEMPLOYED.source,
                type=WORKER_UNEMPLOYED.type,
                subject=str(uuid.uuid4()),
                time=datetime.now(UTC),
                data={
                    "worker_id": str(uuid.uuid4()),
                    "household_id": household_id,
                    "town_code": KEJING,
                    "ended_on": date(2026, 11, 1).isoformat(),
                },
            )
            for _ in range(2):
                await nc.jetstream().publish(
                    WORKER_UNEMPLOYED.nats_subject,
                    event.model_dump_json().encode(),
                    headers={"Nats-Msg-Id": str(uuid.uuid4())},
                )
    finally:
        await nc.close()

    async def consumed() -> bool:
        handled = both(stack, b, "monitoring", "xianjie_events_handled_total", **monitoring_handled)
        duplicates = both(stack, b, "monitoring", "xianjie_events_duplicate_total", **monitoring_handled)
        return handled - handled_before >= 10 and duplicates - duplicates_before >= 10

    await eventually(consumed, timeout=30)

    # --- every outbox row published, by one relay or the other, once ---
    async def all_published() -> bool:
        return all(
            await asyncio.gather(
                *(
                    scalar(
                        stack,
                        f"SELECT count(*) = 0 FROM {s}.outbox WHERE published_at IS NULL AND created_at >= :t",
                        t=started,
                    )
                    for s in SERVICE_NAMES
                )
            )
        )

    await eventually(all_published, timeout=30)
    await eventually(lambda: _funds_caught_up(stack, households), timeout=30)

    for service in SERVICE_NAMES:
        rows = await scalar(stack, f"SELECT count(*) FROM {service}.outbox WHERE created_at >= :t", t=started)
        published = both(stack, b, service, "xianjie_events_published_total", component=service)
        assert published - published_before[service] == rows, service

    # Effects once: one alert (and one alert.raised event) per household, one inbox row per event.
    alerts = await scalar(
        stack,
        "SELECT count(*) FROM monitoring.alerts WHERE source = 'event' AND household_id = ANY(:ids)",
        ids=[uuid.UUID(h) for h in households[:10]],
    )
    assert alerts == 10
    assert (
        await scalar(
            stack, "SELECT count(*) FROM monitoring.outbox WHERE envelope->>'type' = :t", t=ALERT_RAISED
        )
        == 10
    )
    assert (
        both(stack, b, "monitoring", "xianjie_events_handled_total", **monitoring_handled) - handled_before
        == 10
    )
    inbox_rows = await scalar(
        stack,
        "SELECT count(*) FROM monitoring.inbox WHERE consumer = 'monitoring' AND event_type = :t",
        t=WORKER_UNEMPLOYED.type,
    )
    assert inbox_rows == 10

    # funds' projection: each household.changed applied once on one replica or the other.
    changes = await scalar(
        stack,
        "SELECT count(*) FROM monitoring.outbox WHERE envelope->>'type' = :t AND created_at >= :s",
        t=HOUSEHOLD_CHANGED.type,
        s=started,
    )
    assert changes >= 12 * 4
    assert (
        both(stack, b, "funds", "xianjie_events_handled_total", **changed) - funds_handled_before == changes
    )

    # Per-aggregate order in the stream: each household's changed versions strictly increasing.
    messages = await stream_messages(
        stack.infra.nats_url, "XIANJIE_MONITORING", HOUSEHOLD_CHANGED.nats_subject
    )
    versions: dict[str, list[int]] = {}
    for message in messages:
        if message["data"]["household_id"] in households:
            versions.setdefault(message["data"]["household_id"], []).append(message["data"]["version"])
    assert set(versions) == set(households)
    for household_id, seen in versions.items():
        assert seen == sorted(set(seen)) and len(seen) >= 4, (household_id, seen)


async def _funds_caught_up(stack: Stack, households: list[str]) -> bool:
    async with stack.db("funds").engine.connect() as conn:
        versions = (
            (
                await conn.execute(
                    text("SELECT version FROM funds.projected_households WHERE id = ANY(:ids)"),
                    {"ids": [uuid.UUID(h) for h in households]},
                )
            )
            .scalars()
            .all()
        )
    return len(versions) == len(households) and min(versions) >= 4


async def test_periodic_task_runs_once_a_period_across_two_replicas(
    stack: Stack, replica_b: ReplicaB
) -> None:
    """Employment's floor announcement runs every second in each replica: across the two, each
    one-second period is run once (the other replica's wake in it is a skip)."""
    labels = {"component": "employment", "task": "floor-announce"}
    apps = [stack.apps["employment"], replica_b.apps["employment"]]
    runners = [app.state.component.tasks["floor-announce"] for app in apps]
    assert all(r.running and r.interval == 1.0 for r in runners)

    def runs(outcome: str) -> float:
        return sum(counter(app, "xianjie_task_runs_total", **labels, outcome=outcome) for app in apps)

    done_before, skipped_before, began = runs("done"), runs("skipped"), time.time()
    await asyncio.sleep(4.5)
    done, skipped, ended = runs("done") - done_before, runs("skipped") - skipped_before, time.time()
    # The one-second periods the window touched; each replica wakes once in each of them.
    periods = int(ended) - int(began) + 1
    assert done <= periods, (done, skipped, periods)
    assert done >= periods - 2, (done, skipped, periods)
    assert skipped >= done - 2, (done, skipped, periods)  # the other replica's wake in each period
