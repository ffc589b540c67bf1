"""Events: writing outbox rows and relaying them to JetStream, each beside a reference of the same run.

Starts its own embedded PostgreSQL and NATS, migrates the monitoring schema, then measures:

1. ``outbox.write``: N events written with ``Outbox.add_events`` in transactions of 500 (what a
   bulk change does), against the reference of a raw ``COPY`` of the same rows (ids, subjects and
   prebuilt envelope text) into a copy of the outbox table: the database's own speed for those rows.
   Also printed: the old one-event-at-a-time ``Outbox.add`` loop on a smaller sample.
2. ``outbox.relay``: the relay draining those N events (claimed, published with ``publish_async``,
   acks gathered, marked published), against the reference of raw ``publish_async`` of the same
   envelopes (fresh message ids) to the same JetStream with every ack awaited.

Prints one JSON line per figure (name, figure, reference, ratio, goal, unit, note) and a readable
line on stderr. Usage: python bench/outbox_relay.py [--events N] [--batch B]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text

from bench.rows import Row, at_least, info
from services.monitoring.households.events import HOUSEHOLD_REGISTERED, HouseholdRegistered
from services.monitoring.models import kit
from shared.db import Database, create_engine
from shared.events.envelope import stream_name
from shared.events.nats import NatsLink
from shared.events.outbox import Outbox, OutboxRelay, _event_time, add_from_query_ordered, envelope_json
from shared.metrics import Metrics
from shared.migrations import upgrade
from xianjie.components import by_name
from xianjie.devstack import EmbeddedNats, EmbeddedPostgres


def emit(row: Row, note: str) -> None:
    """The standalone CLI's JSON line: the row as make bench records it, plus the note."""
    print(json.dumps({**row.as_dict(), "note": note}, ensure_ascii=False), flush=True)


def payloads(count: int) -> list[tuple[Any, str, HouseholdRegistered]]:
    return [
        (
            HOUSEHOLD_REGISTERED,
            str(household),
            HouseholdRegistered(
                household_id=household, town_code="419001100", village_code="419001100201", kind="lifted_out"
            ),
        )
        for household in (uuid.uuid4() for _ in range(count))
    ]


async def write_events(db: Database, outbox: Outbox, total: int, batch: int) -> float:
    events = payloads(total)
    started = time.perf_counter()
    for start in range(0, total, batch):
        async with db.transaction() as session:
            await outbox.add_events(session, events[start : start + batch])
    return total / (time.perf_counter() - started)


async def write_one_by_one(db: Database, outbox: Outbox, total: int) -> float:
    events = payloads(total)
    started = time.perf_counter()
    async with db.transaction() as session:
        for spec, subject, payload in events:
            await outbox.add(session, spec, subject, payload)
    return total / (time.perf_counter() - started)


async def raw_copy(db: Database, total: int, batch: int) -> float:
    """The same rows, prebuilt, COPY'd into a copy of the outbox table (its indexes included)."""
    time_text = _event_time()
    rows = []
    for spec, subject, payload in payloads(total):
        event_id = uuid.uuid4()
        rows.append((event_id, spec.nats_subject, envelope_json(spec, subject, payload, event_id, time_text)))
    async with db.transaction() as session:
        await session.execute(
            text(
                "CREATE TABLE IF NOT EXISTS monitoring.outbox_reference"
                " (LIKE monitoring.outbox INCLUDING ALL)"
            )
        )
    started = time.perf_counter()
    for start in range(0, total, batch):
        async with db.transaction() as session:
            raw = await (await session.connection()).get_raw_connection()
            await raw.driver_connection.copy_records_to_table(  # type: ignore[union-attr]
                "outbox_reference",
                schema_name="monitoring",
                columns=("event_id", "nats_subject", "envelope"),
                records=rows[start : start + batch],
            )
    return total / (time.perf_counter() - started)


# A bulk announcement's events (as the ledger import writes them): one household.registered a row.
BULK_EVENTS = """
    SELECT u AS subject, u AS household_id, '419001100' AS town_code, '419001100201' AS village_code,
           'lifted_out' AS kind
    FROM (SELECT gen_random_uuid() AS u FROM generate_series(1, CAST(:n AS int))) AS g
"""


async def relay_batch_rows(db: Database, outbox: Outbox, relay: OutboxRelay, js: Any, total: int) -> float:
    """``total`` events written as a bulk announcement (batch rows, ADR 0014), then relayed until
    drained: events/s of the relay alone."""
    async with db.transaction() as session:
        await add_from_query_ordered(outbox, session, HOUSEHOLD_REGISTERED, BULK_EVENTS, n=total)
    published = 0
    started = time.perf_counter()
    while count := await relay.publish_batch(js):
        published += count
    took = time.perf_counter() - started
    assert published == total, (published, total)
    return total / took


async def raw_publish(link: NatsLink, db: Database, total: int, batch: int) -> float:
    """The stored envelopes, sent with publish_async by batch, every ack awaited (fresh msg ids)."""
    async with db.sessions() as session:
        rows = (
            await session.execute(
                text("SELECT nats_subject, envelope::text FROM monitoring.outbox ORDER BY position LIMIT :n"),
                {"n": total},
            )
        ).all()
    js = link.jetstream_if_ready()
    assert js is not None
    stream = stream_name("monitoring")
    started = time.perf_counter()
    for start in range(0, len(rows), batch):
        futures = [
            await js.publish_async(
                subject, envelope.encode(), headers={"Nats-Msg-Id": str(uuid.uuid4())}, stream=stream
            )
            for subject, envelope in rows[start : start + batch]
        ]
        await asyncio.gather(*futures)
    return len(rows) / (time.perf_counter() - started)


async def run(total: int, batch: int, database_url: str, nats_url: str) -> list[Row]:
    db = Database(create_engine(database_url))
    outbox = Outbox(kit)
    copy_rate = await raw_copy(db, total, batch)
    write_rate = await write_events(db, outbox, total, batch)
    # The goal for writes (20k events/s) is absolute, not a ratio: an info row.
    written = info(
        f"outbox write of {total // 1000}k events, batches of {batch}, vs raw COPY",
        write_rate,
        copy_rate,
        "events/s",
    )
    emit(
        written,
        f"Outbox.add_events, transactions of {batch}; reference raw COPY of the same rows; goal ≥ 20k/s",
    )
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
        batch_size=batch,
        retention_days=1,
    )
    js = link.jetstream_if_ready()
    assert js is not None
    started = time.perf_counter()
    while await relay.publish_batch(js):
        pass
    relay_rate = total / (time.perf_counter() - started)
    publish_rate = await raw_publish(link, db, total, batch)
    async with db.sessions() as session:
        left = await session.scalar(
            select(func.count()).select_from(kit.outbox).where(kit.outbox.c.published_at.is_(None))
        )
    relayed = at_least(
        f"outbox relay of {total // 1000}k events vs raw publish_async",
        relay_rate,
        publish_rate,
        "events/s",
        0.5,
    )
    emit(
        relayed,
        f"relay batches of {batch} (claim, publish_async, acks, mark published); reference raw publish_async "
        f"of the same envelopes, acks awaited; goal ratio ≥ 0.5; left unpublished {left}",
    )
    bulk_rate = await relay_batch_rows(db, outbox, relay, js, total)
    bulk = info(
        f"outbox relay of {total // 1000}k events stored as batch rows vs raw publish_async",
        bulk_rate,
        publish_rate,
        "events/s",
    )
    emit(
        bulk,
        f"a bulk announcement's events (1,000 a row, ADR 0014) relayed, about {batch} a round, one message "
        "each; reference raw publish_async as above",
    )
    sample = min(total, 2_000)
    single_rate = await write_one_by_one(db, outbox, sample)
    single = info(
        f"outbox write one event at a time ({sample:,}) vs the batch path",
        single_rate,
        write_rate,
        "events/s",
    )
    emit(
        single,
        f"Outbox.add per event ({sample} in one transaction); reference: the batch path above",
    )
    await link.close()
    await db.dispose()
    return [written, relayed, bulk, single]


def measure(total: int, batch: int) -> list[Row]:
    """Own embedded PostgreSQL and NATS, monitoring migrated, the events measured; its rows."""
    with tempfile.TemporaryDirectory(prefix="xj-bench-") as tmp:
        postgres = EmbeddedPostgres(Path(tmp) / "pg")
        nats = EmbeddedNats(Path(tmp) / "nats")
        database_url = postgres.start()
        nats_url = nats.start()
        try:
            monitoring = by_name("monitoring")
            upgrade(monitoring.migrations, monitoring.schema, database_url)
            return asyncio.run(run(total, batch, database_url, nats_url))
        finally:
            nats.stop()
            postgres.stop()


def rows() -> list[Row]:
    """For make bench: 20k events in batches of 500 (the script's defaults)."""
    return measure(20_000, 500)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()
    measure(args.events, args.batch)


if __name__ == "__main__":
    main()
