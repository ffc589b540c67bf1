"""The proxy's own HTTP/1.1 client (gateway/proxy/upstream.py) through a gateway, against a real
uvicorn server (what the services run on) and against raw sockets for broken answers: large
bodies streamed both ways, chunked uploads, HEAD, keep-alive reuse, answers cut short or not HTTP."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator, Awaitable, Callable

import httpx
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from tests.conftest import Stack
from tests.gateway.conftest import extra_gateway
from tests.helpers import auth
from xianjie.devstack import free_port

BIG = 3 * 1024 * 1024 + 17  # over the proxy's 1 MiB buffering: streamed
# Awaited whole (at most 1 MiB) yet over the client's read-pause mark (256 KiB): an import's
# report of 5,000 rows is this size.
MIDDLING = 600 * 1024 + 5


def pattern(size: int) -> bytes:
    return (b"0123456789abcdef" * (size // 16 + 1))[:size]


async def echo(request: Request) -> JSONResponse:
    digest = hashlib.sha256()
    length = 0
    async for chunk in request.stream():
        digest.update(chunk)
        length += len(chunk)
    return JSONResponse(
        {
            "length": length,
            "sha256": digest.hexdigest(),
            "content_length": request.headers.get("content-length"),
            "transfer_encoding": request.headers.get("transfer-encoding"),
        }
    )


async def chunked(request: Request) -> StreamingResponse:
    data = pattern(BIG)

    async def parts() -> AsyncIterator[bytes]:
        for start in range(0, len(data), 65536):
            yield data[start : start + 65536]

    return StreamingResponse(parts(), media_type="application/octet-stream")


async def sized(request: Request) -> Response:
    return Response(pattern(BIG), media_type="application/octet-stream")


async def middling(request: Request) -> Response:
    return Response(pattern(MIDDLING), media_type="application/octet-stream")


async def peer(request: Request) -> Response:
    """Which connection the request came on, and what headers reached the service."""
    assert request.client is not None
    body = {"port": request.client.port, "headers": dict(request.headers)}
    if request.method == "HEAD":
        return Response(headers={"content-length": "42", "x-port": str(request.client.port)})
    return JSONResponse(body)


UPSTREAM = Starlette(
    routes=[
        Route("/v1/echo", echo, methods=["POST"]),
        Route("/v1/chunked", chunked),
        Route("/v1/sized", sized),
        Route("/v1/middling", middling),
        Route("/v1/peer", peer, methods=["GET", "HEAD", "DELETE"]),
    ]
)
ASSETS = "/api/assets/v1"


@pytest.fixture
async def upstream_url() -> AsyncIterator[str]:
    port = free_port()
    # Not behind a proxy as far as it knows: the client address is the connection's own.
    server = uvicorn.Server(
        uvicorn.Config(UPSTREAM, port=port, log_level="warning", access_log=False, proxy_headers=False)
    )
    task = asyncio.create_task(server.serve())
    while not server.started:
        assert not task.done(), task.result()
        await asyncio.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


async def test_large_bodies_stream_both_ways(stack: Stack, tokens: dict[str, str], upstream_url: str) -> None:
    data = pattern(BIG)
    expected = hashlib.sha256(data).hexdigest()

    async def pieces() -> AsyncIterator[bytes]:
        for start in range(0, len(data), 100_000):
            yield data[start : start + 100_000]

    async with (
        extra_gateway(stack, assets_url=upstream_url) as url,
        httpx.AsyncClient(base_url=url, timeout=30, headers=auth(tokens["admin"])) as client,
    ):
        sized_up = (await client.post(f"{ASSETS}/echo", content=data)).json()
        assert sized_up == {
            "length": BIG,
            "sha256": expected,
            "content_length": str(BIG),
            "transfer_encoding": None,
        }
        chunked_up = (await client.post(f"{ASSETS}/echo", content=pieces())).json()
        assert chunked_up == {
            "length": BIG,
            "sha256": expected,
            "content_length": None,
            "transfer_encoding": "chunked",
        }
        small = (await client.post(f"{ASSETS}/echo", content=b"x" * 10)).json()
        assert small["length"] == 10 and small["content_length"] == "10"

        for path in ("chunked", "sized"):
            async with client.stream("GET", f"{ASSETS}/{path}") as resp:
                assert resp.status_code == 200
                received = b"".join([chunk async for chunk in resp.aiter_raw()])
            assert received == data, path
        sized_down = await client.get(f"{ASSETS}/sized")
        assert sized_down.headers["content-length"] == str(BIG)
        # Read whole before it is passed on: reading must not pause at the client's high-water
        # mark while the whole is awaited (it did, and every such answer became a 504).
        whole = await client.get(f"{ASSETS}/middling")
        assert whole.status_code == 200 and whole.content == pattern(MIDDLING)


async def test_connections_are_reused_and_head_has_no_body(
    stack: Stack, tokens: dict[str, str], upstream_url: str
) -> None:
    async with (
        extra_gateway(stack, assets_url=upstream_url) as url,
        httpx.AsyncClient(base_url=url, timeout=30, headers=auth(tokens["admin"])) as client,
    ):
        ports = {(await client.get(f"{ASSETS}/peer")).json()["port"] for _ in range(5)}
        assert len(ports) == 1, "one keep-alive connection for calls one after another"

        head = await client.head(f"{ASSETS}/peer")
        assert head.status_code == 200 and head.headers["content-length"] == "42" and head.content == b""
        # The connection that carried the HEAD is not reused (its parser expected a body); the
        # next call still gets a sound answer.
        after = await client.get(f"{ASSETS}/peer")
        assert after.status_code == 200 and after.json()["port"] != int(head.headers["x-port"])

        seen = (await client.delete(f"{ASSETS}/peer", headers={"X-Forwarded-For": "10.0.0.1"})).json()
        assert seen["headers"]["content-length"] == "0"  # a bodiless DELETE, framed as aiohttp did
        # The earlier hops first, then the caller as the gateway saw it.
        assert seen["headers"]["x-forwarded-for"].startswith("10.0.0.1, ")
        assert seen["headers"]["x-forwarded-prefix"] == "/api/assets"
        assert seen["headers"]["host"] == upstream_url.removeprefix("http://")


async def _raw_server(answer: Callable[[asyncio.StreamWriter], Awaitable[None]]) -> asyncio.Server:
    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        await answer(writer)
        writer.close()

    return await asyncio.start_server(serve, "127.0.0.1", 0)


async def cut_short(writer: asyncio.StreamWriter) -> None:
    writer.write(b'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"a":')
    await writer.drain()


async def not_http(writer: asyncio.StreamWriter) -> None:
    writer.write(b"SSH-2.0-OpenSSH_9.6\r\n\r\n")
    await writer.drain()


async def until_close(writer: asyncio.StreamWriter) -> None:
    """An answer framed by closing the connection (no length, not chunked): valid HTTP/1.1."""
    writer.write(b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\nall of it")
    await writer.drain()


@pytest.mark.parametrize(
    ("answer", "status", "body"),
    [(cut_short, 502, None), (not_http, 502, None), (until_close, 200, b"all of it")],
    ids=["cut-short", "not-http", "until-close"],
)
async def test_broken_answers_are_502_and_a_closed_connection_ends_an_unframed_one(
    stack: Stack,
    tokens: dict[str, str],
    answer: Callable[[asyncio.StreamWriter], Awaitable[None]],
    status: int,
    body: bytes | None,
) -> None:
    server = await _raw_server(answer)
    port = server.sockets[0].getsockname()[1]
    try:
        async with (
            extra_gateway(stack, assets_url=f"http://127.0.0.1:{port}") as url,
            httpx.AsyncClient(base_url=url, timeout=30, headers=auth(tokens["admin"])) as client,
        ):
            resp = await client.get(f"{ASSETS}/anything")
            assert resp.status_code == status, resp.text
            if body is None:
                assert resp.json()["code"] == "upstream_unavailable"
            else:
                assert resp.content == body
    finally:
        server.close()
