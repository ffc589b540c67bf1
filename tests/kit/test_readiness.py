"""Readiness means "can serve requests": with NATS down every component stays ready (writes wait in
the outbox), while /healthz's detail and the ``xianjie_nats_connected`` gauge say NATS is down."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import Stack
from tests.helpers import eventually
from xianjie.components import ALL

NAMES = [c.name for c in ALL]


async def _nats_state(client: httpx.AsyncClient) -> str:
    body = (await client.get("/healthz")).json()
    return str(body["checks"]["nats"])


def _gauge(metrics: str, name: str) -> str:
    line = next(
        line
        for line in metrics.splitlines()
        if line.startswith(f'xianjie_nats_connected{{component="{name}"}}')
    )
    return line.split()[-1]


async def test_nats_outage_keeps_every_component_ready(stack: Stack) -> None:
    embedded = stack.infra.nats
    if embedded is None:
        pytest.skip("external NATS: the test cannot stop it")
    clients = {name: httpx.AsyncClient(base_url=stack.url(name)) for name in NAMES}
    try:
        embedded.stop()
        try:
            for name, client in clients.items():

                async def down(client: httpx.AsyncClient = client) -> bool:
                    return await _nats_state(client) == "down"

                await eventually(down, timeout=30)
                health = await client.get("/healthz")
                assert health.status_code == 200  # liveness: restarting would not bring NATS back
                ready = await client.get("/readyz")
                assert ready.status_code == 200, f"{name}: {ready.text}"
                assert ready.json()["checks"] == {"database": "ok"}
                assert _gauge((await client.get("/metrics")).text, name) == "0.0"
        finally:
            embedded.start()  # same port, same store
        for name, client in clients.items():

            async def back(client: httpx.AsyncClient = client) -> bool:
                return await _nats_state(client) == "ok"

            await eventually(back, timeout=30)
            assert _gauge((await client.get("/metrics")).text, name) == "1.0"
    finally:
        for client in clients.values():
            await client.aclose()
