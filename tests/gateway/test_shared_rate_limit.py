"""Rate limits shared by replicas through Redis (XIANJIE_RATE_LIMIT_STORAGE): two gateway processes
count one sign-in limit, two funds processes one public-listing limit. The machine's real Redis at
127.0.0.1:6379; every test counts under a key prefix of its own and removes its keys after."""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import AsyncIterator

import httpx
import pytest
import redis.asyncio as aioredis
import uvicorn

from tests.conftest import Stack, _factory, serve_app, service_settings
from xianjie.devstack import free_port

REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture
async def redis_prefix() -> AsyncIterator[str]:
    client = aioredis.from_url(REDIS_URL)
    try:
        await client.ping()
    except (OSError, aioredis.ConnectionError) as exc:
        await client.aclose()
        pytest.skip(f"Redis is not reachable at {REDIS_URL} ({exc}): the shared store cannot be tested")
    prefix = f"xianjie-test-{secrets.token_hex(6)}"
    try:
        yield prefix
    finally:
        keys = [key async for key in client.scan_iter(match=f"{prefix}*")]
        if keys:
            await client.delete(*keys)
        await client.aclose()


@contextlib.asynccontextmanager
async def replicas(stack: Stack, name: str, count: int, **overrides: object) -> AsyncIterator[list[str]]:
    """``count`` more processes' worth of ``name`` (apps on their own ports), with ``overrides``."""
    servers: list[tuple[uvicorn.Server, object]] = []
    urls = []
    try:
        for _ in range(count):
            port = free_port()
            ports = {**stack.ports, name: port}
            app = _factory(name)(service_settings(name, stack.infra, ports, **overrides))
            servers.append(await serve_app(app, port))
            urls.append(f"http://127.0.0.1:{port}")
        yield urls
    finally:
        for server, _task in servers:
            server.should_exit = True
        for _server, task in servers:
            with contextlib.suppress(Exception):
                await task  # type: ignore[misc]


async def test_two_gateways_share_one_sign_in_limit(stack: Stack, redis_prefix: str) -> None:
    shared = {"rate_limit_storage": REDIS_URL, "rate_limit_key_prefix": redis_prefix}
    async with replicas(stack, "gateway", 2, login_rate_limit="4/minute", **shared) as urls:
        statuses = []
        for attempt in range(6):  # alternating between the two replicas
            async with httpx.AsyncClient(base_url=urls[attempt % 2], timeout=10) as client:
                resp = await client.post(
                    "/auth/token",
                    data={"grant_type": "password", "username": "helper_wang", "password": "wrong"},
                )
            statuses.append(resp.status_code)
        # Four wrong passwords in all, then both refuse: each alone would have allowed four.
        assert statuses[:4] == [400] * 4 or statuses[:4] == [401] * 4, statuses
        assert statuses[4:] == [429, 429], statuses
        assert int(resp.headers["Retry-After"]) >= 1
        assert resp.json()["code"] == "rate_limited"


async def test_two_funds_replicas_share_one_public_listing_limit(stack: Stack, redis_prefix: str) -> None:
    shared = {"rate_limit_storage": REDIS_URL, "rate_limit_key_prefix": redis_prefix}
    async with replicas(stack, "funds", 2, public_rate_limit="3/minute", **shared) as urls:
        statuses = []
        for attempt in range(5):
            async with httpx.AsyncClient(base_url=urls[attempt % 2], timeout=10) as client:
                resp = await client.get("/v1/public/announcements")
            statuses.append(resp.status_code)
        assert statuses == [200, 200, 200, 429, 429], statuses


async def test_in_process_store_is_kept_by_default(stack: Stack) -> None:
    """Without a shared store each replica counts alone (the embedded default): the contrast that
    shows the Redis tests above measure sharing, not a smaller limit."""
    async with replicas(stack, "funds", 2, public_rate_limit="2/minute") as urls:
        statuses = []
        for attempt in range(4):
            async with httpx.AsyncClient(base_url=urls[attempt % 2], timeout=10) as client:
                statuses.append((await client.get("/v1/public/announcements")).status_code)
        assert statuses == [200, 200, 200, 200]
