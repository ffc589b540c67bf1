"""Losing the database answers 503 ``retry`` with ``Retry-After`` (not a 500), and the service
recovers on its own once the database is back; a write retried with its Idempotency-Key is applied
once.

The service under test reaches the real PostgreSQL through a TCP relay the test can cut: refused
new connections and reset open ones are what a service sees while PostgreSQL is down or restarting.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from pathlib import Path

import httpx
from sqlalchemy import text
from sqlalchemy.engine import make_url

from services.monitoring.app import create_app
from shared.db import create_engine
from shared.errors import _as_app_error
from tests.conftest import Infra, Stack, serve_app, service_settings
from tests.helpers import KEJING, KEJING_VILLAGE, auth, eventually
from xianjie.devstack import free_port


class CuttableRelay:
    """A TCP relay to PostgreSQL that can be cut (listener closed, every connection reset) and restored."""

    def __init__(self, database_url: str) -> None:
        self.url = make_url(database_url)
        socket_dir = self.url.query.get("host")
        self.socket: Path | None = None
        if isinstance(socket_dir, str) and socket_dir.startswith("/"):  # the embedded server's socket
            (self.socket,) = Path(socket_dir).glob(".s.PGSQL.*[0-9]")
        self.port = free_port()
        self.server: asyncio.Server | None = None
        self.writers: set[asyncio.StreamWriter] = set()

    async def start(self) -> None:
        self.server = await asyncio.start_server(self._relay, "127.0.0.1", self.port, reuse_address=True)

    async def cut(self) -> None:
        assert self.server is not None
        self.server.close()
        for writer in list(self.writers):
            with contextlib.suppress(Exception):
                writer.transport.abort()
        await self.server.wait_closed()
        self.server = None

    async def _open_target(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        if self.socket is not None:
            return await asyncio.open_unix_connection(str(self.socket))
        return await asyncio.open_connection(self.url.host or "127.0.0.1", self.url.port or 5432)

    def relayed_url(self) -> str:
        url = self.url.difference_update_query(["host"]).set(host="127.0.0.1", port=self.port)
        return url.render_as_string(hide_password=False)

    async def _relay(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        try:
            server_reader, server_writer = await self._open_target()
        except OSError:
            client_writer.transport.abort()
            return
        self.writers |= {client_writer, server_writer}

        async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            with contextlib.suppress(Exception):
                while data := await reader.read(65536):
                    writer.write(data)
                    await writer.drain()
            writer.transport.abort()

        try:
            await asyncio.gather(pipe(client_reader, server_writer), pipe(server_reader, client_writer))
        finally:
            self.writers -= {client_writer, server_writer}


def _household(name: str) -> dict[str, object]:
    return {
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "head_name": name,
        "kind": "lifted_out",
        "member_count": 2,
    }


async def test_database_loss_answers_503_retry_and_recovers(stack: Stack, tokens: dict[str, str]) -> None:
    relay = CuttableRelay(stack.infra.database_url)
    await relay.start()
    relayed = Infra(
        database_url=relay.relayed_url(),
        # No NATS for this second monitoring: it must not compete with the stack's for events.
        nats_url=f"nats://127.0.0.1:{free_port()}",
        nats=None,
    )
    ports = {**stack.ports, "monitoring": free_port()}
    app = create_app(service_settings("monitoring", relayed, ports))
    server, task = await serve_app(app, ports["monitoring"])
    headers = auth(tokens["admin"])
    name = f"断库-{uuid.uuid4().hex[:6]}"
    key = str(uuid.uuid4())
    try:
        async with httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{ports['monitoring']}", timeout=30
        ) as client:
            assert (await client.get("/v1/households", headers=headers)).status_code == 200

            await relay.cut()
            for request in (
                client.build_request("GET", "/v1/households", headers=headers),
                client.build_request(
                    "POST",
                    "/v1/households",
                    json=_household(name),
                    headers={**headers, "Idempotency-Key": key},
                ),
            ):
                resp = await client.send(request)
                assert resp.status_code == 503, resp.text
                assert resp.headers["content-type"].startswith("application/problem+json")
                assert resp.json()["code"] == "retry"
                assert int(resp.headers["retry-after"]) >= 1
            ready = await client.get("/readyz")
            assert ready.status_code == 503
            assert ready.json()["checks"]["database"].startswith("down")

            await relay.start()

            async def served() -> bool:
                return (await client.get("/v1/households", headers=headers)).status_code == 200

            await eventually(served, timeout=30)
            assert (await client.get("/readyz")).status_code == 200
            first = await client.post(
                "/v1/households", json=_household(name), headers={**headers, "Idempotency-Key": key}
            )
            assert first.status_code == 201, first.text
            again = await client.post(
                "/v1/households", json=_household(name), headers={**headers, "Idempotency-Key": key}
            )
            assert again.json()["id"] == first.json()["id"]
        async with stack.db("monitoring").engine.connect() as conn:
            count = await conn.scalar(
                text("SELECT count(*) FROM monitoring.households WHERE head_name = :n"), {"n": name}
            )
        assert count == 1  # nothing lost, nothing doubled
    finally:
        server.should_exit = True
        with contextlib.suppress(Exception):
            await asyncio.wait_for(task, 15)
        if relay.server is not None:
            await relay.cut()


async def test_a_connection_terminated_under_a_query_is_retry_not_internal_error(stack: Stack) -> None:
    """pg_terminate_backend (what a PostgreSQL shutdown or fail-over does) on a connection in use."""
    from starlette.requests import Request

    engine = create_engine(stack.infra.database_url, pool_size=1)
    try:
        async with engine.connect() as victim, stack.db("monitoring").engine.connect() as admin:
            pid = await victim.scalar(text("SELECT pg_backend_pid()"))
            await admin.scalar(text("SELECT pg_terminate_backend(:pid, 5000)"), {"pid": pid})
            # Gone on the server's side; the victim's next statement meets the closed connection.
            try:
                await victim.execute(text("SELECT 1"))
            except Exception as exc:  # what the endpoint would have raised
                raised: Exception = exc
            else:
                raise AssertionError("the terminated connection still answered")
    finally:
        await engine.dispose()
    request = Request({"type": "http", "method": "GET", "path": "/v1/x", "headers": [], "query_string": b""})
    error = _as_app_error(request, raised)
    assert (error.status, error.code) == (503, "retry"), repr(raised)
    assert error.headers["Retry-After"]


def _classified(exc: Exception) -> tuple[int, str]:
    from starlette.requests import Request

    request = Request({"type": "http", "method": "GET", "path": "/v1/x", "headers": [], "query_string": b""})
    error = _as_app_error(request, exc)
    return error.status, error.code


async def test_a_database_that_accepts_but_never_answers_is_retry() -> None:
    """asyncpg's own connect timeout (a server that is hung or behind a black hole)."""
    import asyncpg

    async def hold(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read()

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        try:
            await asyncpg.connect(host="127.0.0.1", port=port, user="x", timeout=0.2, ssl=False)
        except TimeoutError as exc:
            assert _classified(exc) == (503, "retry")
        else:
            raise AssertionError("connected to a server that never answers")
    finally:
        server.close()


def test_faults_that_are_ours_stay_internal_errors() -> None:
    import asyncpg

    busy = asyncpg.exceptions.InterfaceError("cannot perform operation: another operation is in progress")
    assert _classified(busy) == (500, "internal_error")
    assert _classified(TimeoutError()) == (500, "internal_error")  # not from the driver
    assert _classified(ValueError("x")) == (500, "internal_error")
