"""How fast does the outbox relay move events from PostgreSQL to JetStream?

Starts its own embedded PostgreSQL and NATS, migrates the monitoring schema, writes N events into
the outbox (in transactions of 500, as a busy service would), then lets the relay drain them and
prints events/s. Usage: python bench/outbox_relay.py [N]
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import func, select

from services.monitoring.households.events import HOUSEHOLD_REGISTERED, HouseholdRegistered
from services.monitoring.models import kit
from shared.db import Database, create_engine
from shared.events.nats import NatsLink
from shared.events.outbox import Outbox, OutboxRelay
from shared.metrics import Metrics
from shared.migrations import upgrade
from xianjie.components import by_name
from xianjie.devstack import EmbeddedNats, EmbeddedPostgres


async def run(total: int, database_url: str, nats_url: str) -> None:
    db = Database(create_engine(database_url))
    outbox = Outbox(kit)
    started = time.perf_counter()
    for start in range(0, total, 500):
        async with db.transaction() as session:
            for _ in range(min(500, total - start)):
                await outbox.add(
                    session,
                    HOUSEHOLD_REGISTERED,
                    "x",
                    HouseholdRegistered(
                        household_id=uuid.uuid4(),
                        town_code="419001100",
                        village_code="419001100201",
                        kind="monitored",
                    ),
                )
    written = time.perf_counter() - started
    link = NatsLink(nats_url, streams=["monitoring"], duplicate_window=120, name="bench")
    link.start()
    await link.wait_ready(10)
    relay = OutboxRelay(
        service="monitoring",
        db=db,
        tables=kit,
        link=link,
        metrics=Metrics(),
        poll_seconds=0.05,
        batch_size=500,
        retention_days=1,
    )
    js = link.jetstream_if_ready()
    assert js is not None
    started = time.perf_counter()
    while await relay.publish_batch(js):
        pass
    drained = time.perf_counter() - started
    async with db.sessions() as session:
        left = await session.scalar(
            select(func.count()).select_from(kit.outbox).where(kit.outbox.c.published_at.is_(None))
        )
    print(f"events: {total}")
    print(f"outbox writes: {total / written:,.0f} events/s (transactions of 500)")
    print(f"relay to JetStream (acked, marked published): {total / drained:,.0f} events/s, {drained:.2f} s")
    print(f"left unpublished: {left}")
    await link.close()
    await db.dispose()


def main() -> None:
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    with tempfile.TemporaryDirectory(prefix="xj-bench-") as tmp:
        postgres = EmbeddedPostgres(Path(tmp) / "pg")
        nats = EmbeddedNats(Path(tmp) / "nats")
        database_url = postgres.start()
        nats_url = nats.start()
        try:
            monitoring = by_name("monitoring")
            upgrade(monitoring.migrations, monitoring.schema, database_url)
            asyncio.run(run(total, database_url, nats_url))
        finally:
            nats.stop()
            postgres.stop()


if __name__ == "__main__":
    main()
