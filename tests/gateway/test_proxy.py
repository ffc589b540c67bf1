"""Routing /api/<service>/v1/... to the services: headers, bodies, query strings, failures."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest

from tests.conftest import Stack
from tests.gateway.conftest import extra_gateway
from tests.helpers import KEJING, KEJING_VILLAGE, auth, new_id
from xianjie.devstack import free_port

HOUSEHOLDS = "/api/monitoring/v1/households"


def household() -> dict[str, object]:
    return {
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "head_name": "张三",
        "kind": "lifted_out",
        "member_count": 4,
    }


async def test_writes_and_reads_pass_through(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    key = new_id()
    headers = auth(tokens["town_kejing"], **{"Idempotency-Key": key})
    created = await api.post(HOUSEHOLDS, json=household(), headers=headers)
    assert created.status_code == 201, created.text
    assert created.headers["etag"] == '"1"' and created.headers["content-type"] == "application/json"
    replay = await api.post(HOUSEHOLDS, json=household(), headers=headers)
    assert replay.status_code == 201 and replay.json() == created.json()
    assert replay.headers["idempotent-replayed"] == "true"

    hid = created.json()["id"]
    listed = await api.get(HOUSEHOLDS, params={"village_code": KEJING_VILLAGE}, headers=auth(tokens["admin"]))
    assert [h["id"] for h in listed.json()["items"]] == [hid]
    other = await api.get(HOUSEHOLDS, params={"village_code": "419001100202"}, headers=auth(tokens["admin"]))
    assert other.json()["items"] == []  # the query string reached the service

    stale = await api.patch(
        f"{HOUSEHOLDS}/{hid}", json={"member_count": 5}, headers=auth(tokens["admin"], **{"If-Match": '"0"'})
    )
    assert stale.status_code == 412 and stale.json()["code"] == "stale_version"
    fresh = await api.patch(
        f"{HOUSEHOLDS}/{hid}", json={"member_count": 5}, headers=auth(tokens["admin"], **{"If-Match": '"1"'})
    )
    assert fresh.status_code == 200 and fresh.json()["member_count"] == 5


async def test_request_id_and_language_reach_the_service(api: httpx.AsyncClient) -> None:
    resp = await api.get(HOUSEHOLDS, headers={"X-Request-ID": "trace-me-123", "Accept-Language": "en"})
    assert resp.status_code == 401
    body = resp.json()
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert body["request_id"] == "trace-me-123"  # written by the monitoring service itself
    assert body["instance"] == HOUSEHOLDS  # the path the caller used, not the service's own
    assert body["title"] == "Not authenticated"
    assert resp.headers["x-request-id"] == "trace-me-123"


async def test_query_validation_comes_from_the_service(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    resp = await api.get(HOUSEHOLDS, params={"limit": 0}, headers=auth(tokens["admin"]))
    assert resp.status_code == 422
    assert resp.json()["errors"][0]["field"] == "query.limit"


async def test_unknown_service_is_404(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    resp = await api.get("/api/payroll/v1/anything", headers=auth(tokens["admin"]))
    assert resp.status_code == 404 and resp.json()["code"] == "not_found"


async def test_a_down_service_is_502_and_the_others_still_work(stack: Stack, tokens: dict[str, str]) -> None:
    closed = f"http://127.0.0.1:{free_port()}"  # nothing listens here
    async with (
        extra_gateway(stack, monitoring_url=closed) as url,
        httpx.AsyncClient(base_url=url, timeout=15) as client,
    ):
        down = await client.get(HOUSEHOLDS, headers=auth(tokens["admin"]))
        assert down.status_code == 502
        assert down.headers["content-type"].startswith("application/problem+json")
        assert down.json()["code"] == "upstream_unavailable" and down.json()["title"] == "后端服务暂不可用"

        up = await client.get("/api/funds/v1/projects", headers=auth(tokens["admin"]))
        assert up.status_code == 200, up.text

        document = (await client.get("/openapi.json")).json()
        assert document["info"]["x-unavailable"] == ["monitoring"]
        # The committed document stands in for the service that is down, each operation marked.
        down_operations = [
            op
            for path, item in document["paths"].items()
            if path.startswith("/api/monitoring/")
            for op in item.values()
            if isinstance(op, dict) and "responses" in op
        ]
        assert down_operations and all(op["x-service-unavailable"] is True for op in down_operations)
        assert document["paths"][HOUSEHOLDS]["get"]["operationId"] == "list_households"
        funds = document["paths"]["/api/funds/v1/projects"]["get"]
        assert "x-service-unavailable" not in funds


@pytest.fixture
async def silent_upstream() -> AsyncIterator[str]:
    """A server that accepts connections and never answers."""

    async def hold(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read(-1)
        writer.close()

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.close()


async def test_a_slow_service_is_504(stack: Stack, tokens: dict[str, str], silent_upstream: str) -> None:
    async with (
        extra_gateway(stack, assets_url=silent_upstream, proxy_timeout_seconds=0.3) as url,
        httpx.AsyncClient(base_url=url, timeout=15) as client,
    ):
        resp = await client.get("/api/assets/v1/assets", headers=auth(tokens["admin"]))
        assert resp.status_code == 504 and resp.json()["code"] == "upstream_timeout"
        assert (await client.get("/api/funds/v1/projects", headers=auth(tokens["admin"]))).status_code == 200


async def test_proxied_calls_keep_their_route_label_and_other_methods_are_405(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    """The proxy answers before routing (ADR 0011): its calls are still counted under the route's
    template, and a method it does not forward is still the router's 405 problem answer."""
    assert (await api.get(HOUSEHOLDS, headers=auth(tokens["admin"]))).status_code == 200
    metrics = (await api.get("/metrics")).text
    assert 'route="/api/{service}/v1/{path:path}",status="200"' in metrics
    traced = await api.request("TRACE", HOUSEHOLDS, headers={"X-Request-ID": "trace-405"})
    assert traced.status_code == 405 and traced.json()["code"] == "method_not_allowed"
    assert traced.headers["x-request-id"] == "trace-405"
