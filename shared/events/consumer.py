"""Durable pull consumers with an inbox: each event has at most one effect per consumer.

The handler runs in one transaction with the inbox insert; the message is acked only after that
transaction committed. A failing handler is redelivered with back-off; after ``max_deliver``
attempts the event is parked in ``parked_events`` where an operator can inspect and replay it.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import nats
import structlog
from nats.aio.msg import Msg
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy
from pydantic import ValidationError
from sqlalchemy import insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from shared.db import Database
from shared.divisions import DivisionRegistry
from shared.events.envelope import CloudEvent, ConsumedEvent, ReadingT, stream_name
from shared.events.nats import NatsLink
from shared.events.outbox import Outbox
from shared.metrics import Metrics
from shared.settings import ServiceSettings
from shared.tables import KitTables
from shared.tracing import consumer_span
from shared.work import WorkContext

log = structlog.get_logger("xianjie.consumer")


@dataclass
class EventContext(WorkContext):
    """What a handler receives: the transaction it runs in, the event, and the work helpers."""

    event: CloudEvent = field(kw_only=True)
    consumer: str = field(kw_only=True)

    def audit_changes(self, changes: dict[str, Any] | None) -> dict[str, Any]:
        return {"event_id": str(self.event.id), "event_type": self.event.type, **(changes or {})}

    def read(self, consumed: ConsumedEvent[ReadingT]) -> ReadingT:
        """The event's payload as this consumer reads it."""
        return consumed.read(self.event)


Handler = Callable[[EventContext], Awaitable[None]]


class UnhandledPolicy(StrEnum):
    """What a consumer does with an event on its subjects that it has no handler for — a type it
    does not know, or a version of a known event it was not written for (``….unemployed.v9``).

    Never a silent ack: either way it is counted (``xianjie_events_unhandled_total``) and logged.
    """

    # Kept in parked_events for an operator: once a handler for it is deployed, replay applies it.
    PARK = "park"
    # Acknowledged with a warning and the count only, for consumers that knowingly ignore versions
    # they were not written for (say, a read model that follows v1 while v2 is rolled out).
    SKIP = "skip"


@dataclass(frozen=True)
class Subscription:
    """Events of one producing service that this service reacts to, by CloudEvents type."""

    source_service: str
    handlers: dict[str, tuple[ConsumedEvent[Any], Handler]]  # type -> (declaration, handler)
    unhandled: UnhandledPolicy = UnhandledPolicy.PARK

    @property
    def nats_subjects(self) -> list[str]:
        return sorted({consumed.nats_subject for consumed, _ in self.handlers.values()})


def subscriptions(
    consumes: Mapping[ConsumedEvent[Any], Handler], unhandled: UnhandledPolicy = UnhandledPolicy.PARK
) -> list[Subscription]:
    """One subscription (one durable consumer) per producing service, from the declarations."""
    by_service: dict[str, dict[str, tuple[ConsumedEvent[Any], Handler]]] = {}
    for consumed, handler in consumes.items():
        by_service.setdefault(consumed.service, {})[consumed.type] = (consumed, handler)
    return [Subscription(service, handlers, unhandled) for service, handlers in sorted(by_service.items())]


class HandlerFailed(Exception):
    pass


class NoHandler(HandlerFailed):
    """The event's type (or version) is not one this consumer handles."""

    def __init__(self, event_type: str) -> None:
        super().__init__(f"no handler for {event_type} (unknown type or version) / 无对应处理程序")


async def _unsubscribe(subscription: nats.js.JetStreamContext.PullSubscription | None) -> None:
    """Best effort: the connection may be gone already (then it has forgotten it anyway)."""
    if subscription is not None:
        with contextlib.suppress(Exception):
            await subscription.unsubscribe()


class EventConsumer:
    def __init__(
        self,
        *,
        service: str,
        subscription: Subscription,
        db: Database,
        tables: KitTables,
        outbox: Outbox,
        link: NatsLink,
        metrics: Metrics,
        settings: ServiceSettings,
        divisions: DivisionRegistry,
        batch: int = 20,
    ) -> None:
        self.service = service
        self.subscription = subscription
        self.db = db
        self.tables = tables
        self.outbox = outbox
        self.link = link
        self.metrics = metrics
        self.settings = settings
        self.divisions = divisions
        self.max_deliver = settings.consumer_max_deliver
        self.ack_wait = settings.consumer_ack_wait_seconds
        self.batch = batch
        self._task: asyncio.Task[None] | None = None

    @property
    def durable(self) -> str:
        return self.service

    def start(self) -> None:
        self._task = asyncio.create_task(
            self._run(), name=f"consumer-{self.service}-{self.subscription.source_service}"
        )

    async def pending(self) -> int | None:
        """Events of the source stream not yet applied here (waiting or in flight); None if unknown."""
        js = self.link.jetstream_if_ready()
        if js is None:
            return None
        try:
            info = await js.consumer_info(stream_name(self.subscription.source_service), self.durable)
        except (nats.errors.Error, TimeoutError):
            return None
        return int(info.num_pending or 0) + int(info.num_ack_pending or 0)

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _subscribe(self) -> nats.js.JetStreamContext.PullSubscription:
        js = self.link.jetstream_if_ready()
        if js is None:
            raise ConnectionError("NATS not ready")
        stream = stream_name(self.subscription.source_service)
        subjects = self.subscription.nats_subjects
        config = ConsumerConfig(
            durable_name=self.durable,
            name=self.durable,
            ack_policy=AckPolicy.EXPLICIT,
            deliver_policy=DeliverPolicy.ALL,
            ack_wait=self.ack_wait,
            # We bound redelivery ourselves (and park); the server must not drop silently first.
            max_deliver=-1,
            filter_subjects=subjects,
        )
        await js.add_consumer(stream, config=config)
        return await js.pull_subscribe_bind(durable=self.durable, stream=stream)

    async def _run(self) -> None:
        subscription = None
        while True:
            try:
                if subscription is None:
                    subscription = await self._subscribe()
                try:
                    messages = await subscription.fetch(self.batch, timeout=1.0)
                except TimeoutError:
                    # Nothing waiting: normal. The builtin, not only nats.errors.TimeoutError:
                    # nats-py's batch fetch also raises a plain asyncio.TimeoutError when its
                    # lingering pull runs out. Taken for a loop error, each one cost a warning, half
                    # a second and a new subscription, the old one kept by the connection for good
                    # (issue 16: an idle gateway's webhook fan-out, ~13 a minute, RSS creeping).
                    continue
                for msg in messages:
                    await self._handle_message(msg)
            except asyncio.CancelledError:
                await _unsubscribe(subscription)
                raise
            except Exception as exc:
                log.warning("consumer_loop_error", service=self.service, error=str(exc) or type(exc).__name__)
                # A new subscription follows: the connection must not keep this one.
                await _unsubscribe(subscription)
                subscription = None
                await asyncio.sleep(0.5)

    async def _handle_message(self, msg: Msg) -> None:
        deliveries = msg.metadata.num_delivered or 1
        try:
            event = CloudEvent.model_validate_json(msg.data)
        except ValidationError as exc:
            # A message that is not a CloudEvent will never become one: park it at once.
            await self._park_raw(msg, f"not a CloudEvent: {exc.errors()[:3]}", deliveries)
            await msg.ack()
            return
        if not self.handles(event.type):
            await self._unhandled(event, msg.subject, deliveries)
            await msg.ack()
            return
        try:
            with consumer_span(self.service, event, msg.headers):
                await self.handle(event)
        except Exception as exc:
            self.metrics.events_failed.labels(self.service, event.type).inc()
            log.warning(
                "event_handler_failed",
                consumer=self.service,
                event_id=str(event.id),
                event_type=event.type,
                deliveries=deliveries,
                error=str(exc) or type(exc).__name__,
            )
            if deliveries >= self.max_deliver:
                await self._park(event, msg.subject, str(exc) or type(exc).__name__, deliveries)
                await msg.ack()
            else:
                await msg.nak(delay=min(0.2 * 2**deliveries, 30.0))
            return
        await msg.ack()

    def handles(self, event_type: str) -> bool:
        """Whether this consumer has a handler for ``event_type`` (type and version)."""
        return event_type in self.subscription.handlers

    async def _unhandled(self, event: CloudEvent, subject: str, deliveries: int) -> None:
        """An event on our subjects with no handler here: parked or skipped by policy, never lost."""
        policy = self.subscription.unhandled
        self.metrics.events_unhandled.labels(self.service, event.type).inc()
        log.warning(
            "event_unhandled",
            consumer=self.service,
            event_id=str(event.id),
            event_type=event.type,
            nats_subject=subject,
            policy=str(policy),
        )
        if policy is UnhandledPolicy.PARK:
            await self._park(event, subject, str(NoHandler(event.type)), deliveries)

    async def handle(self, event: CloudEvent) -> bool:
        """Apply ``event`` once. Returns False when it had already been handled.

        Raises :class:`NoHandler` for a type (or version) this consumer has no handler for.
        """
        entry = self.subscription.handlers.get(event.type)
        if entry is None:
            raise NoHandler(event.type)
        _, handler = entry
        inbox = self.tables.inbox
        async with self.db.transaction() as session:
            claimed = await session.scalar(
                pg_insert(inbox)
                .values(event_id=event.id, consumer=self.service, event_type=event.type)
                .on_conflict_do_nothing()
                .returning(inbox.c.event_id)
            )
            if claimed is None:
                self.metrics.events_duplicate.labels(self.service, event.type).inc()
                return False
            await handler(
                EventContext(
                    session=session,
                    actor=f"event:{event.source}",
                    outbox=self.outbox,
                    tables=self.tables,
                    settings=self.settings,
                    divisions=self.divisions,
                    event=event,
                    consumer=self.service,
                )
            )
        self.metrics.events_handled.labels(self.service, event.type).inc()
        return True

    async def _park(self, event: CloudEvent, subject: str, error: str, deliveries: int) -> None:
        async with self.db.transaction() as session:
            await session.execute(
                insert(self.tables.parked_events).values(
                    event_id=event.id,
                    consumer=self.service,
                    event_type=event.type,
                    nats_subject=subject,
                    envelope=event.model_dump(mode="json", exclude_none=True),
                    error=error[:2000],
                    deliveries=deliveries,
                )
            )
        self.metrics.events_parked.labels(self.service, event.type).inc()
        log.error("event_parked", consumer=self.service, event_id=str(event.id), event_type=event.type)

    async def _park_raw(self, msg: Msg, error: str, deliveries: int) -> None:
        async with self.db.transaction() as session:
            await session.execute(
                insert(self.tables.parked_events).values(
                    event_id=uuid.uuid4(),
                    consumer=self.service,
                    event_type="(invalid)",
                    nats_subject=msg.subject,
                    envelope={"raw": msg.data.decode("utf-8", "replace")[:10_000]},
                    error=error[:2000],
                    deliveries=deliveries,
                )
            )

    async def replay(self, parked_id: int) -> bool:
        """Re-run a parked event's handler (operator action). Raises HandlerFailed if it fails again."""
        table = self.tables.parked_events
        async with self.db.sessions() as session:
            row = (await session.execute(select(table).where(table.c.id == parked_id))).one_or_none()
        if row is None:
            raise LookupError(parked_id)
        try:
            event = CloudEvent.model_validate(row.envelope)
            applied = await self.handle(event)
        except Exception as exc:
            raise HandlerFailed(str(exc) or type(exc).__name__) from exc
        async with self.db.transaction() as session:
            await session.execute(
                update(table).where(table.c.id == parked_id).values(replayed_at=datetime.now(UTC))
            )
        return applied
