"""Transactional outbox and its relay to JetStream.

``Outbox.add`` writes the event in the caller's transaction. The relay, one per process, takes
the service's relay turn (a transaction-scoped advisory lock: one replica publishes at a time, so
events leave in position order across replicas), claims unpublished rows, publishes them with
``Nats-Msg-Id`` = event id (JetStream drops a re-publish inside its duplicate window; consumers
dedupe by id beyond it) and marks them published. NATS being down only delays publication.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any, get_args

import structlog
from nats.js import JetStreamContext
from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from shared.db import Database, advisory_xact_lock
from shared.events.envelope import EventPayload, EventSpec, dataschema_url, stream_name
from shared.events.nats import NatsLink
from shared.metrics import Metrics
from shared.tables import KitTables
from shared.tracing import nats_headers

log = structlog.get_logger("xianjie.outbox")

# How soon a relay that found another replica publishing looks again.
TURN_RETRY_SECONDS = 0.05


class Outbox:
    def __init__(self, tables: KitTables) -> None:
        self.table = tables.outbox

    async def add(self, session: AsyncSession, spec: EventSpec, subject: str, payload: EventPayload) -> None:
        await self.add_many(session, spec, [(subject, payload)])

    async def add_many(
        self, session: AsyncSession, spec: EventSpec, events: Sequence[tuple[str, EventPayload]]
    ) -> None:
        """Several events of one kind in one INSERT (a bulk change announcing each row)."""
        if not events:
            return
        rows = []
        for subject, payload in events:
            envelope = spec.envelope(subject, payload)
            rows.append(
                {
                    "event_id": envelope.id,
                    "nats_subject": spec.nats_subject,
                    "envelope": envelope.model_dump(mode="json", exclude_none=True),
                }
            )
        await session.execute(insert(self.table), rows)

    async def add_from_query(
        self, session: AsyncSession, spec: EventSpec, rows_sql: str, *, with_sql: str = "", **params: Any
    ) -> int:
        """Publish ``spec`` once per row of ``rows_sql``: a ``subject`` column and one column named
        after each field of ``spec.payload``.

        Set-based work (screening thousands of rows) announces each row without a Python loop. The
        payload's JSON is built from the pydantic model's own fields, so the event has one source:
        a field the query lacks is an error, a column the model lacks is not published. ``with_sql``
        (``WITH ... AS (INSERT ... RETURNING ...)``) lets the same statement write the rows it
        announces. Callers pass only their own constant SQL; values travel as bound ``params``.
        """
        outbox = f'"{self.table.schema}"."{self.table.name}"'
        result = await session.execute(
            text(
                f"""
                {with_sql}
                INSERT INTO {outbox} (event_id, nats_subject, envelope)
                SELECT ev.id, :nats_subject, jsonb_build_object(
                    'specversion', '1.0', 'id', ev.id, 'source', CAST(:source AS text),
                    'type', CAST(:type AS text), 'subject', ev.subject,
                    'time', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                    'datacontenttype', 'application/json', 'dataschema', CAST(:dataschema AS text),
                    'data', ev.data)
                FROM (SELECT gen_random_uuid() AS id, CAST(r.subject AS text) AS subject,
                             {payload_json(spec.payload, "r")} AS data
                      FROM ({rows_sql}) AS r) AS ev
                """  # noqa: S608 - constant SQL of our own and field names of our models; values are bound
            ),
            {
                "nats_subject": spec.nats_subject,
                "source": spec.source,
                "type": spec.type,
                "dataschema": dataschema_url(spec.type),
                **params,
            },
        )
        return int(getattr(result, "rowcount", 0) or 0)


def payload_json(payload: type[EventPayload], row: str) -> str:
    """SQL for ``jsonb_build_object`` over the payload model's fields, read from ``row``'s columns.

    Decimals go out as text ("8600.00"), the way the model serialises money; everything else
    (uuids, dates, codes, arrays) has the same JSON form in PostgreSQL as in pydantic.
    """
    parts = []
    for name, info in payload.model_fields.items():
        column = f'{row}."{name}"'
        if _is_decimal(info.annotation):
            column = f"to_char({column}, 'FM999999999999990.00')"
        parts.append(f"'{name}', {column}")
    return f"jsonb_build_object({', '.join(parts)})"


def _is_decimal(annotation: Any) -> bool:
    """``Decimal``, ``Money`` (an Annotated Decimal) or either of them optional."""
    return annotation is Decimal or any(_is_decimal(arg) for arg in get_args(annotation))


class OutboxRelay:
    def __init__(
        self,
        *,
        service: str,
        db: Database,
        tables: KitTables,
        link: NatsLink,
        metrics: Metrics,
        poll_seconds: float,
        batch_size: int,
        retention_days: int,
        max_attempts: int = 50,
        publish_timeout: float = 5.0,
    ) -> None:
        self.service = service
        self.db = db
        self.table = tables.outbox
        self.link = link
        self.metrics = metrics
        self.poll_seconds = poll_seconds
        self.batch_size = batch_size
        self.retention = timedelta(days=retention_days)
        # A row that failed this often is set aside (left unpublished, last_error kept) so that one
        # event JetStream will never take cannot hold back every later one; resetting its attempts
        # to 0 puts it back in line.
        self.max_attempts = max_attempts
        self.publish_timeout = publish_timeout
        # Whether the last round found another replica's relay publishing (then we look again soon).
        self.turn_taken = False
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._last_purge = datetime.min.replace(tzinfo=UTC)
        db.on_commit(self._wake.set)

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name=f"outbox-relay-{self.service}")

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        while True:
            published = 0
            try:
                js = self.link.jetstream_if_ready()
                if js is not None:
                    published = await self.publish_batch(js)
                    await self._purge_old()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("outbox_relay_error", service=self.service, error=str(exc))
            if published >= self.batch_size:
                continue  # more is waiting; don't sleep
            # Another replica is publishing: what our commits just added may have come after its
            # claim, so look again shortly rather than a whole poll interval later.
            wait = min(self.poll_seconds, TURN_RETRY_SECONDS) if self.turn_taken else self.poll_seconds
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=wait)

    @property
    def turn_lock(self) -> str:
        """The advisory lock a relay of this service holds while it claims, publishes and marks."""
        return f"outbox-relay:{self.service}"

    async def publish_batch(self, js: JetStreamContext) -> int:
        """Publish one batch; returns how many rows were marked published (0 while another replica's
        relay has the turn)."""
        async with self.db.transaction() as session:
            # One relay of the service at a time. With SKIP LOCKED alone, two replicas claim
            # neighbouring batches and publish them concurrently, so the later batch could land in
            # the stream first — and one aggregate's events (a household's changed v2 before v1)
            # out of order; a failed row's successors would likewise overtake it on the other relay.
            self.turn_taken = not await advisory_xact_lock(session, self.turn_lock, wait=False)
            if self.turn_taken:
                return 0
            rows = (
                await session.execute(
                    select(
                        self.table.c.position,
                        self.table.c.event_id,
                        self.table.c.nats_subject,
                        self.table.c.envelope,
                    )
                    .where(self.table.c.published_at.is_(None), self.table.c.attempts < self.max_attempts)
                    .order_by(self.table.c.position)
                    .limit(self.batch_size)
                    .with_for_update(skip_locked=True)
                )
            ).all()
            if not rows:
                return 0
            # Send the whole batch, then wait for the acks together: ~10x an ack-by-ack loop.
            futures = [
                await js.publish_async(
                    row.nats_subject,
                    json.dumps(row.envelope, ensure_ascii=False).encode(),
                    headers={"Nats-Msg-Id": str(row.event_id), **nats_headers(row.envelope)},
                    stream=stream_name(self.service),
                )
                for row in rows
            ]
            results = await asyncio.gather(
                *(asyncio.wait_for(f, self.publish_timeout) for f in futures), return_exceptions=True
            )
            # Only the run before the first failure counts as published, so events leave in commit
            # order; those after it go again next round (the stream drops the ones it already has).
            first_failure = next(
                (i for i, res in enumerate(results) if isinstance(res, BaseException)), len(rows)
            )
            done = [row.position for row in rows[:first_failure]]
            if done:
                await session.execute(
                    update(self.table)
                    .where(self.table.c.position.in_(done))
                    .values(published_at=datetime.now(UTC))
                )
            self.metrics.events_published.labels(self.service).inc(len(done))
            if first_failure < len(rows):
                error = results[first_failure]
                await session.execute(
                    update(self.table)
                    .where(self.table.c.position == rows[first_failure].position)
                    .values(attempts=self.table.c.attempts + 1, last_error=repr(error)[:500])
                )
                log.warning(
                    "outbox_publish_failed", service=self.service, published=len(done), error=repr(error)
                )
            # Fewer than claimed (a failure) makes the relay wait a poll interval instead of spinning.
            return len(done)

    async def _purge_old(self) -> None:
        now = datetime.now(UTC)
        if now - self._last_purge < timedelta(hours=1):
            return
        self._last_purge = now
        async with self.db.transaction() as session:
            await session.execute(
                delete(self.table).where(
                    self.table.c.published_at.is_not(None), self.table.c.published_at < now - self.retention
                )
            )

    async def pending(self) -> int:
        async with self.db.sessions() as session:
            count = await session.scalar(
                select(func.count()).select_from(self.table).where(self.table.c.published_at.is_(None))
            )
            return int(count or 0)
