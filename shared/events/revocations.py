"""Account changes end token trust within seconds, in every process of every component.

Services verify gateway tokens themselves and remember verified ones, so without this a moved or
deactivated official would keep access until the access token expires. The gateway announces each
account change (``gateway.user.changed``); every process — not one replica per service, which a
durable consumer would give — follows that subject with an ordered consumer of its own and refuses
the account's tokens issued before the change. On start it replays the changes of the last
``lookback`` seconds (at least an access token's lifetime), so a restarted process forgets nothing
that still matters.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import structlog
from nats.aio.msg import Msg
from nats.js import JetStreamContext
from nats.js.api import ConsumerConfig, DeliverPolicy
from pydantic import ValidationError

from shared.events.envelope import CloudEvent, ConsumedEvent, EventReading, stream_name
from shared.events.nats import NatsLink

log = structlog.get_logger("xianjie.revocations")


class AccountChanged(EventReading):
    """The gateway's ``user.changed.v1`` as token checking reads it."""

    user_id: str
    changed_at: datetime


ACCOUNT_CHANGED = ConsumedEvent(service="gateway", aggregate="user", name="changed", payload=AccountChanged)


class TokenRevocations:
    def __init__(
        self, link: NatsLink, revoke: Callable[[str, float], None], *, lookback_seconds: float
    ) -> None:
        self.link = link
        self.revoke = revoke  # e.g. TokenVerifier.revoke_before
        # Where to (re)start following: first the lookback, later just before the last change seen.
        self._resume_from = datetime.now(UTC) - timedelta(seconds=lookback_seconds)
        self._task: asyncio.Task[None] | None = None
        self._subscription: JetStreamContext.PushSubscription | None = None
        link.after_reconnect(self._resubscribe)

    def start(self) -> None:
        self._task = asyncio.create_task(self._follow(), name="token-revocations")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self._unsubscribe()

    async def _unsubscribe(self) -> None:
        if self._subscription is not None:
            with contextlib.suppress(Exception):
                await self._subscription.unsubscribe()
            self._subscription = None

    async def _resubscribe(self) -> None:
        """After a reconnection the server may have lost our consumer (a restart): follow anew from
        just before the last change seen; a change applied twice changes nothing."""
        await self.stop()
        self.start()

    async def _follow(self) -> None:
        while True:
            js = self.link.jetstream_if_ready()
            if js is None:
                await asyncio.sleep(0.5)
                continue
            try:
                # The ordered consumer re-creates itself after a reconnect, resuming where it was.
                self._subscription = await js.subscribe(
                    ACCOUNT_CHANGED.nats_subject,
                    stream=stream_name(ACCOUNT_CHANGED.service),
                    ordered_consumer=True,
                    config=ConsumerConfig(
                        deliver_policy=DeliverPolicy.BY_START_TIME,
                        opt_start_time=self._resume_from,
                    ),
                    cb=self._on_message,
                )
                return
            except Exception as exc:
                log.warning("revocations_subscribe_failed", error=str(exc) or type(exc).__name__)
                await asyncio.sleep(1.0)

    async def _on_message(self, msg: Msg) -> None:
        try:
            event = CloudEvent.model_validate_json(msg.data)
            if event.type != ACCOUNT_CHANGED.type:
                return
            changed = ACCOUNT_CHANGED.read(event)
        except ValidationError as exc:
            log.warning("revocation_unreadable", error=str(exc.errors()[:2]))
            return
        self.revoke(changed.user_id, changed.changed_at.timestamp())
        self._resume_from = max(self._resume_from, event.time - timedelta(seconds=1))
