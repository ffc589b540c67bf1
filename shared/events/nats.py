"""One NATS connection per process, kept alive in the background.

The process serves HTTP whether or not NATS is reachable: writes land in the outbox and wait.
Streams are (re)declared after every (re)connect, so a NATS server that lost its state heals.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable

import nats
import structlog
from nats.aio.client import Client as NatsClient
from nats.js import JetStreamContext
from nats.js.api import StorageType, StreamConfig

from shared.events.envelope import stream_name, stream_subjects

log = structlog.get_logger("xianjie.nats")


class NatsLink:
    def __init__(
        self,
        url: str,
        *,
        streams: list[str],
        duplicate_window: float,
        name: str,
        max_age_days: int = 0,
        replicas: int = 1,
    ) -> None:
        self.url = url
        self.streams = streams  # services whose streams this process relies on
        self.duplicate_window = duplicate_window
        self.max_age_seconds = max_age_days * 86400.0
        self.replicas = replicas
        self.name = name
        self.client: NatsClient | None = None
        self.js: JetStreamContext | None = None
        self._streams_ready = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._after_reconnect: list[Callable[[], Awaitable[None]]] = []

    def after_reconnect(self, hook: Callable[[], Awaitable[None]]) -> None:
        """Run ``hook`` after each reconnection, once the streams are declared again (a server that
        restarted has forgotten the ephemeral consumers made on it)."""
        self._after_reconnect.append(hook)

    def start(self) -> None:
        self._task = asyncio.create_task(self._connect_forever(), name=f"nats-link-{self.name}")

    async def _connect_forever(self) -> None:
        delay = 0.2
        while self.client is None:
            try:
                self.client = await nats.connect(
                    self.url,
                    name=self.name,
                    allow_reconnect=True,
                    max_reconnect_attempts=-1,
                    reconnect_time_wait=0.5,
                    connect_timeout=2,
                    reconnected_cb=self._on_reconnected,
                    disconnected_cb=self._on_disconnected,
                    error_cb=self._on_error,
                )
            except (OSError, TimeoutError, nats.errors.Error) as exc:
                log.warning("nats_connect_failed", url=self.url, error=str(exc) or type(exc).__name__)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)
        self.js = self.client.jetstream()
        await self._declare_streams()

    async def _declare_streams(self) -> None:
        assert self.js is not None
        for service in self.streams:
            config = StreamConfig(
                name=stream_name(service),
                subjects=stream_subjects(service),
                storage=StorageType.FILE,
                duplicate_window=self.duplicate_window,
                max_age=self.max_age_seconds or None,
                num_replicas=self.replicas,
            )
            for attempt in range(20):
                try:
                    try:
                        await self.js.add_stream(config)
                    except nats.js.errors.BadRequestError:
                        await self.js.update_stream(config)
                    break
                except (nats.errors.Error, TimeoutError) as exc:
                    log.warning("stream_declare_failed", stream=config.name, attempt=attempt, error=str(exc))
                    await asyncio.sleep(0.5)
        self._streams_ready.set()

    async def _on_reconnected(self) -> None:
        log.info("nats_reconnected", url=self.url)
        asyncio.get_running_loop().create_task(self._restore())

    async def _restore(self) -> None:
        await self._declare_streams()
        for hook in self._after_reconnect:
            try:
                await hook()
            except Exception as exc:
                log.warning("nats_reconnect_hook_failed", error=str(exc) or type(exc).__name__)

    async def _on_disconnected(self) -> None:
        log.warning("nats_disconnected", url=self.url)

    async def _on_error(self, exc: Exception) -> None:
        log.debug("nats_error", error=str(exc))

    @property
    def connected(self) -> bool:
        return self.client is not None and self.client.is_connected

    def jetstream_if_ready(self) -> JetStreamContext | None:
        if self.connected and self._streams_ready.is_set():
            return self.js
        return None

    async def wait_ready(self, timeout: float) -> None:
        await asyncio.wait_for(self._streams_ready.wait(), timeout)

    async def close(self) -> None:
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self.client is not None and not self.client.is_closed:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.client.close(), 5)
