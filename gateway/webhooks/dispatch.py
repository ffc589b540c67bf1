"""Webhook delivery in the gateway: a fan-out consumer and a dispatcher (ADR 0007).

- **Fan-out.** One durable JetStream consumer (``gateway-webhooks``) per service stream reads every
  event once; in one transaction it writes a delivery row per matching subscription (type, the
  department's allowed types, place within the subscription's division), unique per (subscription,
  event), and only then acks — the kit's consumer does the acking, retrying and parking.
- **Dispatcher.** Claims due rows (``FOR UPDATE SKIP LOCKED`` plus a lease, so replicas share the
  work and a crash mid-delivery only delays it), POSTs each as a structured-mode CloudEvent with a
  Standard Webhooks signature, and records the outcome: delivered on 2xx, else retried with
  exponential back-off up to ``webhook_max_attempts``, then failed (a replay puts it back).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import aiohttp
import structlog

from gateway.settings import GatewaySettings
from gateway.webhooks import repository, rules
from shared.db import Database
from shared.events.consumer import EventConsumer, Subscription
from shared.events.envelope import CloudEvent
from shared.runtime import Component

log = structlog.get_logger("xianjie.webhooks")

SOURCE_STREAMS = ("monitoring", "employment", "funds", "assets")
DURABLE = "gateway-webhooks"
CONTENT_TYPE = "application/cloudevents+json; charset=utf-8"


class EveryEventOf(Subscription):
    """All subjects of one service's stream (the fan-out reads them all and filters per subscription)."""

    @property
    def nats_subjects(self) -> list[str]:
        return [f"xianjie.{self.source_service}.>"]


class WebhookFanOut(EventConsumer):
    durable = DURABLE  # one durable per stream, shared by replicas

    def __init__(self, *, dispatcher: WebhookDispatcher, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.dispatcher = dispatcher

    def handles(self, event_type: str) -> bool:
        return True  # every event of the stream; subscriptions filter by type and place

    async def handle(self, event: CloudEvent) -> bool:
        settings = self.dispatcher.settings
        envelope = event.model_dump(mode="json", exclude_none=True)
        place = rules.event_place(event.data)
        async with self.db.transaction() as session:
            matching = [
                s.id
                for s in await repository.candidates(session, event.type, event.time)
                if rules.in_scope(place, s.division_code)
                and not rules.types_refused(s.department, [event.type], settings.webhook_department_events)
            ]
            added = await repository.add_deliveries(session, matching, envelope, event.time)
        if added:
            self.dispatcher.wake()
        return True


async def resolve(host: str) -> list[str]:
    """Every address ``host`` resolves to (empty if it does not)."""
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, None)
    except OSError:
        return []
    return sorted({str(info[4][0]) for info in infos})


async def url_allowed(url: str, allowed_hosts: list[str]) -> bool:
    host = urlsplit(url).hostname or ""
    return rules.host_allowed(host, await resolve(host), allowed_hosts)


class WebhookDispatcher:
    def __init__(self, db: Database, settings: GatewaySettings) -> None:
        self.db = db
        self.settings = settings
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._http: aiohttp.ClientSession | None = None
        self._purged_at = 0.0

    def wake(self) -> None:
        self._wake.set()

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="webhook-dispatcher")

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._http is not None:
            await self._http.close()

    async def _run(self) -> None:
        while True:
            try:
                sent = await self.run_once()
                await self._purge_now_and_then()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("webhook_dispatch_failed", error=str(exc) or type(exc).__name__)
                sent = 0
            if sent < self.settings.webhook_batch_size:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), self.settings.webhook_poll_seconds)
                self._wake.clear()

    async def run_once(self) -> int:
        """Attempt every due delivery once; returns how many were attempted."""
        settings = self.settings
        lease = timedelta(seconds=settings.webhook_timeout_seconds * 2 + 5)
        async with self.db.transaction() as session:
            due = await repository.claim_due(session, settings.webhook_batch_size, lease)
        if not due:
            return 0
        outcomes = await asyncio.gather(*(self._attempt(d) for d in due))
        async with self.db.transaction() as session:
            for delivery, (ok, status_code, error) in zip(due, outcomes, strict=True):
                attempts = delivery.attempts + 1
                retry_in = None
                if not ok and attempts < settings.webhook_max_attempts:
                    retry_in = timedelta(
                        seconds=rules.backoff_seconds(
                            attempts, settings.webhook_retry_base_seconds, settings.webhook_retry_cap_seconds
                        )
                    )
                await repository.record_attempt(
                    session, delivery.id, ok=ok, status_code=status_code, error=error, retry_in=retry_in
                )
        return len(due)

    async def _attempt(self, delivery: repository.DueDelivery) -> tuple[bool, int | None, str | None]:
        if not await url_allowed(delivery.url, self.settings.webhook_allowed_hosts):
            return False, None, "主机不在允许名单内（或无法解析）"
        body = json.dumps(delivery.envelope, ensure_ascii=False, separators=(",", ":")).encode()
        timestamp = int(time.time())
        message_id = str(delivery.event_id)
        headers = {
            "Content-Type": CONTENT_TYPE,
            "webhook-id": message_id,
            "webhook-timestamp": str(timestamp),
            "webhook-signature": rules.sign(delivery.secret, message_id, timestamp, body),
            "User-Agent": "xianjie-webhooks/1",
        }
        try:
            # No redirects: a 3xx must not steer the request past the allow-list.
            async with self._session().post(
                delivery.url, data=body, headers=headers, allow_redirects=False
            ) as resp:
                await resp.read()
                ok = 200 <= resp.status < 300
                return ok, resp.status, None if ok else f"HTTP {resp.status}"
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            return False, None, (str(exc) or type(exc).__name__)

    def _session(self) -> aiohttp.ClientSession:
        if self._http is None:
            self._http = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=self.settings.webhook_timeout_seconds)
            )
        return self._http

    async def _purge_now_and_then(self) -> None:
        if time.monotonic() - self._purged_at < 3600:
            return
        self._purged_at = time.monotonic()
        async with self.db.transaction() as session:
            await repository.purge_delivered(session, self.settings.webhook_retention_days)


def start_webhooks(component: Component, settings: GatewaySettings) -> WebhookDispatcher:
    """Start the dispatcher and, when NATS is configured, the fan-out consumers of every service."""
    dispatcher = WebhookDispatcher(component.db, settings)
    dispatcher.start()
    if component.link is not None:
        for service in SOURCE_STREAMS:
            consumer = WebhookFanOut(
                dispatcher=dispatcher,
                service=component.name,
                subscription=EveryEventOf(service, {}),
                db=component.db,
                tables=component.tables,
                outbox=component.outbox,
                link=component.link,
                metrics=component.metrics,
                settings=component.settings,
                divisions=component.divisions,
            )
            consumer.start()
            component.consumers.append(consumer)
    return dispatcher
