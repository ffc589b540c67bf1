"""The gateway in front of a frozen or flaky service: per-service timeouts, a circuit breaker that
answers 503 at once after the first timeouts and lets a probe through later, and pooled connections
never reused after the service's keep-alive closed them."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import httpx
import pytest

from gateway.proxy import service as proxy_service
from gateway.proxy.breaker import BreakerState, CircuitBreaker, CircuitOpen
from tests.conftest import Stack
from tests.gateway.conftest import extra_gateway
from tests.helpers import auth

# --------------------------------------------------------------------------- the breaker alone


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _fail(breaker: CircuitBreaker) -> None:
    with pytest.raises(TimeoutError), breaker.guard():
        raise TimeoutError


def test_breaker_opens_after_consecutive_failures_and_a_success_resets_the_count() -> None:
    clock = Clock()
    breaker = CircuitBreaker("assets", failure_threshold=3, reset_seconds=5, clock=clock)
    _fail(breaker)
    _fail(breaker)
    with breaker.guard():
        pass  # an answer: the count starts again
    _fail(breaker)
    _fail(breaker)
    assert breaker.state is BreakerState.CLOSED
    _fail(breaker)
    assert breaker.state is BreakerState.OPEN
    clock.now += 2
    with pytest.raises(CircuitOpen) as refused, breaker.guard():
        raise AssertionError("an open breaker lets nothing through")
    assert refused.value.status == 503 and refused.value.code == "unavailable"
    assert refused.value.headers["Retry-After"] == "3"


def test_half_open_lets_one_probe_through_and_its_verdict_decides() -> None:
    clock = Clock()
    breaker = CircuitBreaker("assets", failure_threshold=1, reset_seconds=5, clock=clock)
    _fail(breaker)
    clock.now += 5
    breaker.admit()  # the probe
    assert breaker.state is BreakerState.HALF_OPEN
    with pytest.raises(CircuitOpen):
        breaker.admit()  # a second caller while the probe is out
    breaker.failed()  # the probe timed out too
    assert breaker.state is BreakerState.OPEN
    clock.now += 5
    with breaker.guard():
        pass
    assert breaker.state is BreakerState.CLOSED


def test_a_probe_whose_caller_went_away_frees_the_slot() -> None:
    clock = Clock()
    breaker = CircuitBreaker("assets", failure_threshold=1, reset_seconds=5, clock=clock)
    _fail(breaker)
    clock.now += 5
    with pytest.raises(asyncio.CancelledError), breaker.guard():
        raise asyncio.CancelledError
    assert breaker.state is BreakerState.HALF_OPEN
    with breaker.guard():
        pass
    assert breaker.state is BreakerState.CLOSED


# --------------------------------------------------------------------------- a real, freezable upstream


@dataclass
class FakeService:
    """A tiny HTTP/1.1 server: answers 200 with keep-alive, or (frozen) reads and never answers.

    ``idle_close``: a request arriving on a connection idle that long is met with a closed
    connection, as when uvicorn's keep-alive timer fires just as the request comes in.
    """

    frozen: bool = False
    delay: float = 0.0  # seconds between reading a request and answering it
    idle_close: float | None = None
    requests: int = 0
    answered: int = 0
    port: int = 0
    server: asyncio.Server | None = None
    writers: set[asyncio.StreamWriter] = field(default_factory=set)

    async def start(self) -> str:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self.server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{self.port}"

    async def stop(self) -> None:
        assert self.server is not None
        self.server.close()
        for writer in list(self.writers):
            writer.transport.abort()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.server.wait_closed(), 2)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.writers.add(writer)
        last = time.monotonic()
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                if self.idle_close is not None and time.monotonic() - last >= self.idle_close:
                    writer.transport.abort()
                    return
                self.requests += 1
                length = next(
                    (
                        int(line.split(b":", 1)[1])
                        for line in head.split(b"\r\n")
                        if line.lower().startswith(b"content-length:")
                    ),
                    0,
                )
                if length:
                    await reader.readexactly(length)
                if self.frozen:
                    await reader.read()  # until the gateway gives up and closes
                    return
                await asyncio.sleep(self.delay)
                body = b'{"ok": true}'
                writer.write(
                    b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                    + f"content-length: {len(body)}\r\n\r\n".encode()
                    + body
                )
                await writer.drain()
                self.answered += 1
                last = time.monotonic()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            self.writers.discard(writer)
            writer.close()


@pytest.fixture
async def fake_assets() -> AsyncIterator[FakeService]:
    fake = FakeService()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()


ASSETS = "/api/assets/v1/assets"


async def test_a_frozen_service_is_cut_off_after_the_first_timeouts_and_probed_back(
    stack: Stack, tokens: dict[str, str], fake_assets: FakeService
) -> None:
    timeout = 0.5
    async with (
        extra_gateway(
            stack,
            assets_url=f"http://127.0.0.1:{fake_assets.port}",
            # Per service: assets waits 0.5 s, the others keep the long default.
            proxy_service_timeouts={"assets": timeout},
            proxy_breaker_failures=2,
            proxy_breaker_reset_seconds=1.0,
        ) as url,
        httpx.AsyncClient(base_url=url, timeout=15) as client,
    ):
        headers = auth(tokens["admin"])
        assert (await client.get(ASSETS, headers=headers)).status_code == 200

        fake_assets.frozen = True
        for _ in range(2):
            started = time.monotonic()
            timed_out = await client.get(ASSETS, headers=headers)
            assert timed_out.status_code == 504 and timed_out.json()["code"] == "upstream_timeout"
            assert time.monotonic() - started >= timeout  # these two did wait
        reached = fake_assets.requests

        started = time.monotonic()
        refused = await client.get(ASSETS, headers=headers)
        waited = time.monotonic() - started
        assert refused.status_code == 503, refused.text
        assert refused.headers["content-type"].startswith("application/problem+json")
        assert refused.json()["code"] == "unavailable"
        assert refused.headers["retry-after"] == "1"  # what is left of the 1 s reset, rounded up
        assert fake_assets.requests == reached  # not sent: answered by the breaker
        assert waited < timeout  # without waiting the timeout
        metrics = (await client.get("/metrics")).text
        assert 'xianjie_gateway_upstream_circuit_open{service="assets"} 1.0' in metrics
        # The other services are not affected.
        assert (await client.get("/api/funds/v1/projects", headers=headers)).status_code == 200

        # After the reset time one probe goes through; still frozen, so it times out and the
        # breaker opens again.
        await asyncio.sleep(1.05)
        probe = asyncio.create_task(client.get(ASSETS, headers=headers))
        await asyncio.sleep(0.1)
        during = await client.get(ASSETS, headers=headers)
        assert during.status_code == 503  # one probe at a time
        assert (await probe).status_code == 504
        assert fake_assets.requests == reached + 1
        assert (await client.get(ASSETS, headers=headers)).status_code == 503

        fake_assets.frozen = False
        await asyncio.sleep(1.05)
        back = await client.get(ASSETS, headers=headers)
        assert back.status_code == 200, back.text
        assert (await client.get(ASSETS, headers=headers)).status_code == 200
        metrics = (await client.get("/metrics")).text
        assert 'xianjie_gateway_upstream_circuit_open{service="assets"} 0.0' in metrics


@pytest.mark.parametrize(("keepalive", "expected"), [(30.0, 502), (0.5, 200)])
async def test_a_connection_the_service_closed_for_idleness_is_not_reused(
    stack: Stack,
    tokens: dict[str, str],
    fake_assets: FakeService,
    monkeypatch: pytest.MonkeyPatch,
    keepalive: float,
    expected: int,
) -> None:
    """The two 502s seen with the service alive: a POST on a pooled connection the service's
    keep-alive timer closed just then. With the pool's keep-alive below the service's (the gateway's
    default, 4 s against uvicorn's 5 s) such a connection is never reused. With 30 s it is."""
    fake_assets.idle_close = 1.0
    monkeypatch.setattr(proxy_service, "UPSTREAM_KEEPALIVE_SECONDS", keepalive)
    async with (
        extra_gateway(stack, assets_url=f"http://127.0.0.1:{fake_assets.port}") as url,
        httpx.AsyncClient(base_url=url, timeout=15) as client,
    ):
        headers = auth(tokens["admin"])
        assert (await client.post(ASSETS, json={"n": 1}, headers=headers)).status_code == 200
        await asyncio.sleep(1.2)
        again = await client.post(ASSETS, json={"n": 2}, headers=headers)
        assert again.status_code == expected, again.text
    assert fake_assets.answered == (2 if expected == 200 else 1)


def test_the_pool_keep_alive_is_below_uvicorns() -> None:
    import inspect

    import uvicorn

    uvicorn_default = inspect.signature(uvicorn.Config).parameters["timeout_keep_alive"].default
    assert uvicorn_default > proxy_service.UPSTREAM_KEEPALIVE_SECONDS


async def test_an_upload_waits_the_upload_timeout_a_small_request_the_service_timeout(
    stack: Stack, tokens: dict[str, str], fake_assets: FakeService
) -> None:
    """An import is answered only once every row is written: a 200,000-row ledger took longer
    than the 30 s a list may take, and the official got 504 while the import went on to commit."""
    fake_assets.delay = 0.8
    async with (
        extra_gateway(
            stack,
            assets_url=f"http://127.0.0.1:{fake_assets.port}",
            proxy_service_timeouts={"assets": 0.3},
            proxy_upload_timeout_seconds=5,
            proxy_breaker_failures=10,
        ) as url,
        httpx.AsyncClient(base_url=url, timeout=15) as client,
    ):
        headers = {**auth(tokens["admin"]), "content-type": "text/csv"}
        small = await client.post(ASSETS + "/import", headers=headers, content=b"x" * 1000)
        assert small.status_code == 504 and small.json()["code"] == "upstream_timeout"
        upload = await client.post(ASSETS + "/import", headers=headers, content=b"x" * (2 << 20))
        assert upload.status_code == 200, upload.text
        assert fake_assets.answered >= 1
