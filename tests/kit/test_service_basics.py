"""What every service answers the same way: health, readiness, metrics, OpenAPI, AsyncAPI."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import SERVICE_NAMES, Stack


@pytest.mark.parametrize("name", SERVICE_NAMES)
async def test_health_ready_metrics(stack: Stack, name: str) -> None:
    async with httpx.AsyncClient(base_url=stack.url(name)) as client:
        assert (await client.get("/healthz")).json() == {"status": "ok", "checks": {"nats": "ok"}}
        ready = await client.get("/readyz")
        assert ready.status_code == 200, ready.text
        assert ready.json()["checks"] == {"database": "ok"}  # NATS is not readiness (shared/ops.py)
        await client.get("/v1/does-not-exist")
        metrics = (await client.get("/metrics")).text
        assert "xianjie_http_requests_total" in metrics
        assert f'xianjie_nats_connected{{component="{name}"}} 1.0' in metrics
        assert f'component="{name}"' in metrics
        doc = (await client.get("/openapi.json")).json()
        assert doc["components"]["schemas"]["Problem"]
        asyncapi = (await client.get("/asyncapi.json")).json()
        assert asyncapi["asyncapi"] == "3.0.0"
        assert asyncapi["channels"], f"{name} publishes no event"
        for channel in asyncapi["channels"].values():
            assert channel["address"].startswith(f"xianjie.{name}.")


async def test_request_id_is_propagated(stack: Stack) -> None:
    async with httpx.AsyncClient(base_url=stack.url("monitoring")) as client:
        resp = await client.get("/healthz", headers={"X-Request-ID": "field-app-42"})
        assert resp.headers["x-request-id"] == "field-app-42"
        assert len((await client.get("/healthz")).headers["x-request-id"]) == 32
