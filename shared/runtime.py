"""The runtime of one component (service or gateway): what a running process holds and its
background work — the NATS link, the outbox relay, the event consumers and the periodic tasks.

Requests reach it as ``app.state.component``; ``start``/``stop`` are the app's lifespan.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import structlog

from shared.auth import TokenVerifier, jwks_over_http
from shared.db import Database, create_engine
from shared.divisions import DivisionRegistry
from shared.events.backlog import EventPathGauges
from shared.events.consumer import EventConsumer, Handler, subscriptions
from shared.events.envelope import ConsumedEvent
from shared.events.nats import NatsLink
from shared.events.outbox import Outbox, OutboxRelay
from shared.events.revocations import ACCOUNT_CHANGED, TokenRevocations
from shared.metrics import Metrics
from shared.ratelimit import RateLimits
from shared.scheduled import PeriodicTask, TaskRunner
from shared.settings import ServiceSettings
from shared.tables import KitTables
from shared.work import SettingsT, settings_as

log = structlog.get_logger("xianjie.component")


@dataclass
class Component:
    """Everything a running component holds."""

    name: str
    settings: ServiceSettings
    db: Database
    tables: KitTables
    metrics: Metrics
    verifier: TokenVerifier
    divisions: DivisionRegistry
    outbox: Outbox
    # Rate limits of public endpoints, shared by the replicas when a Redis store is configured.
    rate_limits: RateLimits = field(default_factory=RateLimits)
    link: NatsLink | None = None
    relay: OutboxRelay | None = None
    consumers: list[EventConsumer] = field(default_factory=list)
    tasks: dict[str, TaskRunner] = field(default_factory=dict)
    revocations: TokenRevocations | None = None

    @classmethod
    def open(cls, name: str, settings: ServiceSettings, tables: KitTables, metrics: Metrics) -> Component:
        if not settings.database_url:
            raise RuntimeError(
                "XIANJIE_DATABASE_URL is not set: run `xianjie up` (embedded servers) "
                "or point it at a PostgreSQL server"
            )
        return cls(
            name=name,
            settings=settings,
            db=Database(create_engine(settings.database_url)),
            tables=tables,
            metrics=metrics,
            verifier=TokenVerifier(
                jwks_over_http(settings.jwks_url),
                issuer=settings.token_issuer,
                audience=settings.token_audience,
            ),
            divisions=DivisionRegistry.load(villages_file=settings.villages_file),
            outbox=Outbox(tables),
            rate_limits=RateLimits(settings.rate_limit_storage, settings.rate_limit_key_prefix),
        )

    def settings_as(self, kind: type[SettingsT]) -> SettingsT:
        return settings_as(self.settings, kind)

    def consumer_of(self, source_service: str) -> EventConsumer | None:
        return next((c for c in self.consumers if c.subscription.source_service == source_service), None)

    async def lagging(self, source_service: str) -> bool:
        """Whether events from ``source_service`` may still be on their way here (unknown counts as yes)."""
        consumer = self.consumer_of(source_service)
        if consumer is None:
            return True
        pending = await consumer.pending()
        return pending is None or pending > 0

    def start_events(self, consumes: Mapping[ConsumedEvent[Any], Handler]) -> None:
        """Connect to NATS, start the relay and one durable consumer per producing service."""
        if not self.settings.nats_url:
            log.warning("nats_not_configured", component=self.name, note="events stay in the outbox")
            return
        subs = subscriptions(consumes)
        sources = {s.source_service for s in subs} | {ACCOUNT_CHANGED.service}
        self.link = NatsLink(
            self.settings.nats_url,
            streams=sorted({self.name} | sources),
            duplicate_window=self.settings.stream_duplicate_window_seconds,
            max_age_days=self.settings.stream_max_age_days,
            replicas=self.settings.stream_replicas,
            name=f"xianjie-{self.name}",
        )
        self.link.start()
        self.relay = OutboxRelay(
            service=self.name,
            db=self.db,
            tables=self.tables,
            link=self.link,
            metrics=self.metrics,
            poll_seconds=self.settings.outbox_poll_seconds,
            batch_size=self.settings.outbox_batch_size,
            retention_days=self.settings.outbox_retention_days,
            max_attempts=self.settings.outbox_max_attempts,
        )
        self.relay.start()
        # Through the component: the gateway swaps in a verifier of its own after start-up.
        self.revocations = TokenRevocations(
            self.link,
            lambda subject, changed_at: self.verifier.revoke_before(subject, changed_at),
            lookback_seconds=self.settings.token_revocation_lookback_seconds,
        )
        self.revocations.start()
        for subscription in subs:
            consumer = EventConsumer(
                service=self.name,
                subscription=subscription,
                db=self.db,
                tables=self.tables,
                outbox=self.outbox,
                link=self.link,
                metrics=self.metrics,
                settings=self.settings,
                divisions=self.divisions,
            )
            consumer.start()
            self.consumers.append(consumer)
        EventPathGauges(
            component=self.name,
            db=self.db,
            tables=self.tables,
            link=self.link,
            consumers=self.consumers,
            metrics=self.metrics,
            max_attempts=self.settings.outbox_max_attempts,
        ).install()

    def start_tasks(self, tasks: list[PeriodicTask]) -> None:
        for task in tasks:
            runner = TaskRunner(
                task,
                component=self.name,
                db=self.db,
                tables=self.tables,
                outbox=self.outbox,
                metrics=self.metrics,
                settings=self.settings,
                divisions=self.divisions,
            )
            runner.start()
            self.tasks[task.name] = runner

    async def stop(self) -> None:
        """Background work first (it may still write), then the connections."""
        for runner in self.tasks.values():
            await runner.stop()
        for consumer in self.consumers:
            await consumer.stop()
        if self.revocations:
            await self.revocations.stop()
        if self.relay:
            await self.relay.stop()
        if self.link:
            await self.link.close()
        with contextlib.suppress(Exception):
            await self.db.dispose()
