"""Reference projections: a service's read-only copy of the records of other services it names.

A service that stores another service's id (a worker's household, an asset's source project) keeps
the few columns it needs of those records in a table of its own, fed by the owner's events through
its inbox. Events may arrive out of order across redeliveries, so a projected row is replaced only
by a newer version of it. A write naming a foreign id checks it here — it exists, lies in the
caller's territory — before anything is written; the two failures answer the same, so an id
outside one's territory cannot be told from one that does not exist.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

import nats
import structlog
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy
from sqlalchemy import Table, delete
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from shared.auth import Principal
from shared.errors import AppError, FieldProblem
from shared.events.consumer import EventConsumer
from shared.events.envelope import CloudEvent, ConsumedEvent, stream_name
from shared.runtime import Component

log = structlog.get_logger("xianjie.projections")


class UnknownReference(AppError):
    """The named record is unknown here or outside the caller's territory (deliberately the same)."""

    status, code = 422, "unknown_reference"
    title_zh, title_en = "引用的记录不存在或不在您的数据范围内", "Referenced record not found"

    def __init__(self, field: str) -> None:
        message = "不存在或不在您的数据范围内"
        super().__init__(f"{field}：引用的记录{message}", f"{field}: no such record in your scope")
        self.field_problems = [FieldProblem(field=field, message=message, type=self.code)]


class ReferencePending(AppError):
    """The owner's events are still arriving: the record may be on its way. Retry shortly."""

    status, code = 503, "reference_pending"
    title_zh, title_en = "引用的记录尚未同步，请稍后重试", "Referenced record not yet synchronised; retry"

    def __init__(self, field: str) -> None:
        super().__init__(f"{field}：数据同步中，请稍后重试", f"{field}: still synchronising, retry shortly")
        self.headers["Retry-After"] = "2"


async def apply_newer(
    session: AsyncSession, table: Table, row: Mapping[str, Any], *, key: str = "id", version: str = "version"
) -> bool:
    """Insert ``row``, or replace the stored one if ``row`` is a newer version. True if it was applied."""
    insert = pg_insert(table).values(**row)
    upsert = insert.on_conflict_do_update(
        index_elements=[table.c[key]],
        set_={name: insert.excluded[name] for name in row if name != key},
        where=table.c[version] < insert.excluded[version],
    ).returning(table.c[key])
    return (await session.execute(upsert)).first() is not None


RowT = TypeVar("RowT")


class PendingSource(Protocol):
    async def lagging(self, source_service: str) -> bool: ...


async def require_reference(
    principal: Principal,
    row: RowT | None,
    *,
    field: str,
    source: str,
    events: PendingSource,
    place: Callable[[RowT], str] | None = None,
) -> RowT:
    """``row`` if the caller may name it; otherwise the one answer for unknown and out-of-scope.

    ``place`` gives the row's division code (its village, or its town); a record without a place
    (an account) leaves it out and is checked for existence only. When the projection does
    not hold the id but ``source``'s events are still waiting to be applied (or that cannot be
    checked), the answer is a retryable 503 rather than a refusal.
    """
    if row is None:
        if await events.lagging(source):
            raise ReferencePending(field)
        raise UnknownReference(field)
    if place is not None and not principal.covers(place(row)):
        raise UnknownReference(field)
    return row


@dataclass(frozen=True)
class Projection:
    """A read-only copy of another service's records: the tables that hold it and the events that
    feed them (their handlers are among the service's consumed events, and only write these tables)."""

    name: str
    source: str
    tables: tuple[Table, ...]
    events: tuple[ConsumedEvent[Any], ...]


async def rebuild(component: Component, projection: Projection, *, batch: int = 500) -> int:
    """Empty the projection and apply its source's stream again from the first event; returns how
    many events were applied.

    The live consumer may run meanwhile: rows are replaced only by newer versions, so the two
    cannot undo each other. Needs the source's stream to still hold the history
    (``XIANJIE_STREAM_MAX_AGE_DAYS``, 0 = for ever).
    """
    consumer = component.consumer_of(projection.source)
    if consumer is None or component.link is None:
        raise RuntimeError(f"{component.name} does not consume {projection.source}'s events")
    types = [event.type for event in projection.events]
    inbox = component.tables.inbox
    async with component.db.transaction() as session:
        for table in reversed(projection.tables):  # children first
            await session.execute(delete(table))
        await session.execute(
            delete(inbox).where(inbox.c.consumer == component.name, inbox.c.event_type.in_(types))
        )
    await component.link.wait_ready(timeout=10)
    js = component.link.jetstream_if_ready()
    assert js is not None  # wait_ready returned
    subscription = await js.pull_subscribe(
        subject="",
        stream=stream_name(projection.source),
        config=ConsumerConfig(
            ack_policy=AckPolicy.NONE,
            deliver_policy=DeliverPolicy.ALL,
            filter_subjects=sorted({event.nats_subject for event in projection.events}),
            inactive_threshold=60,
        ),
    )
    applied = 0
    try:
        while True:
            try:
                messages = await subscription.fetch(batch, timeout=1.0)
            except (nats.errors.TimeoutError, TimeoutError):  # nats-py raises either
                break  # the stream has nothing more for us
            for msg in messages:
                applied += await _replay(consumer, msg.data, types)
    finally:
        await subscription.unsubscribe()
    log.info("projection_rebuilt", projection=projection.name, applied=applied)
    return applied


async def _replay(consumer: EventConsumer, data: bytes, types: list[str]) -> int:
    """Apply one event of the stream again; one that fails is logged and left out, as the live
    consumer would have parked it (an operator replays parked events after fixing the cause)."""
    try:
        event = CloudEvent.model_validate_json(data)
        if event.type not in types:
            return 0
        return int(await consumer.handle(event))
    except Exception as exc:
        log.warning(
            "projection_replay_failed", consumer=consumer.service, error=str(exc) or type(exc).__name__
        )
        return 0
