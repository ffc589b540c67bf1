"""The event path's state as Prometheus gauges, read when /metrics is scraped.

What ops need to see before anyone complains: events waiting in this component's outbox (and how
old the oldest is — a stuck relay or a NATS outage shows as a growing age), each durable consumer's
lag on its source stream, and the parked events an operator has yet to look at. The figures live
in PostgreSQL and JetStream, which every replica shares, so each replica reports the same values;
dashboards take ``max`` over replicas, not ``sum``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import UTC, datetime

import nats
from sqlalchemy import func, select

from shared.db import Database
from shared.events.consumer import EventConsumer
from shared.events.envelope import stream_name
from shared.events.nats import NatsLink
from shared.events.outbox import stored_events
from shared.metrics import Metrics
from shared.tables import KitTables


class EventPathGauges:
    def __init__(
        self,
        *,
        component: str,
        db: Database,
        tables: KitTables,
        link: NatsLink,
        consumers: Sequence[EventConsumer],
        metrics: Metrics,
        max_attempts: int,
    ) -> None:
        self.component = component
        self.db = db
        self.tables = tables
        self.link = link
        self.consumers = consumers
        self.metrics = metrics
        self.max_attempts = max_attempts

    def install(self) -> None:
        self.metrics.before_scrape(self.refresh)

    async def refresh(self) -> None:
        await self._refresh_database()
        await self._refresh_consumers()

    async def _refresh_database(self) -> None:
        outbox, parked = self.tables.outbox, self.tables.parked_events
        waiting = outbox.c.published_at.is_(None)
        async with self.db.sessions() as session:
            backlog = (
                await session.execute(
                    select(
                        # Events, not rows: a batch row counts each of its events.
                        func.coalesce(func.sum(stored_events(outbox)), 0),
                        func.coalesce(
                            func.sum(stored_events(outbox)).filter(outbox.c.attempts >= self.max_attempts), 0
                        ),
                        func.min(outbox.c.created_at),
                    ).where(waiting)
                )
            ).one()
            open_parked = await session.scalar(
                select(func.count()).select_from(parked).where(parked.c.replayed_at.is_(None))
            )
        count, set_aside, oldest = backlog
        age = (datetime.now(UTC) - oldest).total_seconds() if oldest is not None else 0.0
        self.metrics.outbox_backlog.labels(self.component).set(count)
        self.metrics.outbox_set_aside.labels(self.component).set(set_aside)
        self.metrics.outbox_oldest_age.labels(self.component).set(max(age, 0.0))
        self.metrics.parked_open.labels(self.component).set(int(open_parked or 0))

    async def _refresh_consumers(self) -> None:
        js = self.link.jetstream_if_ready()
        for consumer in self.consumers:
            stream = stream_name(consumer.subscription.source_service)
            pending = ack_pending = math.nan  # unknown while NATS is away: no stale figure
            if js is not None:
                try:
                    info = await js.consumer_info(stream, consumer.durable, timeout=1.0)
                    pending, ack_pending = int(info.num_pending or 0), int(info.num_ack_pending or 0)
                except (nats.errors.Error, TimeoutError):
                    pass
            self.metrics.consumer_pending.labels(consumer.durable, stream).set(pending)
            self.metrics.consumer_ack_pending.labels(consumer.durable, stream).set(ack_pending)
