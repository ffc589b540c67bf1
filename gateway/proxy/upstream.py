"""The proxy's HTTP/1.1 client: keep-alive connections to each service, httptools' parser.

Why not aiohttp here (it still fetches the API documents and sends webhooks): measured in-process
against the suite's monitoring (bench/README.md, "The gateway's upstream client"), a GET through
an aiohttp session cost 170–250 µs of CPU, the same GET written in one ``write`` and parsed with
httptools 30–75 µs — and the session was over half of what the gateway spent per proxied call.
aiosonic (pure Python) measured slower than aiohttp; pyreqwest (Rust, tokio) cost ~100–200 µs and
hands every call to another thread. httptools is the parser uvicorn already runs on (llhttp,
MagicStack); what is ours is the little around it: the pool, the request head, timeouts.

What it does, and no more: one request at a time per connection, bodies as bytes or streamed
(``Content-Length`` as given, else chunked), answers read whole or streamed with flow control,
connections kept for ``keepalive`` seconds (below the services' uvicorn keep-alive, so a connection
it is closing is never reused), at most ``limit`` requests in flight per service.

Failures: :class:`TimeoutError` (no connection within the connect timeout, no free connection or
no answer bytes within the read timeout) or :class:`UpstreamError` (refused, reset, closed before
the whole answer, an answer that is not HTTP). The caller makes 504 and 502 of them.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
from collections.abc import AsyncIterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import httptools

# Above this much unread answer the connection stops reading until the caller has taken some.
_HIGH_WATER = 1 << 18


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a service listens, from its base URL (``http://monitoring:8001``, ``https://...``)."""

    host: str
    port: int
    tls: bool
    host_header: bytes  # as the URL gives it
    path: str  # the base URL's own path, if any, without its trailing slash

    @classmethod
    def parse(cls, url: str) -> Origin:
        parsed = urlsplit(url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise ValueError(f"not an http(s) URL: {url!r}")
        tls = parsed.scheme == "https"
        return cls(
            host=parsed.hostname,
            port=parsed.port or (443 if tls else 80),
            tls=tls,
            host_header=parsed.netloc.rpartition("@")[2].encode("ascii"),
            path=parsed.path.rstrip("/"),
        )


class UpstreamError(Exception):
    """The service could not be reached, or broke off its answer."""


@dataclass(frozen=True, slots=True)
class Timeouts:
    connect: float  # opening a connection
    read: float  # waiting for the answer's next bytes, and for a free connection


class _Connection(asyncio.Protocol):
    """One keep-alive connection; ``response`` is the answer being read on it, if any."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.parser = httptools.HttpResponseParser(self)
        self.transport: asyncio.Transport | None = None
        self.closed = False
        self.idle_since = 0.0
        self.response: UpstreamResponse | None = None
        self._write_paused = False
        self._drained: asyncio.Future[None] | None = None

    # asyncio.Protocol
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]
        sock = transport.get_extra_info("socket")
        if sock is not None:
            # A request head is one write; never let it wait for an ACK (Nagle).
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def data_received(self, data: bytes) -> None:
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError as exc:
            self.close()
            if self.response is not None:
                self.response._fail(UpstreamError(f"not an HTTP answer: {exc}"))

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        if self.response is not None:
            self.response._lost()
        if self._drained is not None and not self._drained.done():
            self._drained.set_exception(UpstreamError("connection closed while sending"))

    def pause_writing(self) -> None:
        self._write_paused = True

    def resume_writing(self) -> None:
        self._write_paused = False
        if self._drained is not None and not self._drained.done():
            self._drained.set_result(None)

    # httptools' callbacks
    def on_header(self, name: bytes, value: bytes) -> None:
        if self.response is not None:
            name = name.lower()
            self.response.headers.append((name, value))
            if name == b"content-length" and value.isdigit():
                self.response.length = int(value)

    def on_headers_complete(self) -> None:
        if self.response is not None:
            self.response._headers_complete(self.parser.get_status_code())

    def on_body(self, body: bytes) -> None:
        if self.response is not None:
            self.response._feed(body)

    def on_message_complete(self) -> None:
        if self.response is not None:
            self.response._complete(self.parser.should_keep_alive())

    # ours
    def write(self, data: bytes) -> None:
        if self.closed or self.transport is None or self.transport.is_closing():
            raise UpstreamError("connection closed")
        self.transport.write(data)

    async def drain(self) -> None:
        if self._write_paused:
            self._drained = self.loop.create_future()
            await self._drained

    def close(self) -> None:
        self.closed = True
        if self.transport is not None:
            self.transport.close()


class UpstreamResponse:
    """A service's answer: ``status`` and ``headers`` (names lowercased) once :meth:`UpstreamPool.request`
    returns; the body by :meth:`read` or :meth:`chunks`; :meth:`release` in every case."""

    def __init__(self, pool: UpstreamPool, key: Origin, conn: _Connection, read_timeout: float) -> None:
        self.status = 0
        self.headers: list[tuple[bytes, bytes]] = []
        self.length: int | None = None  # as the answer declares it
        # An answer declared at most this long is awaited whole before request() returns: the
        # head often arrives in a segment of its own (uvicorn writes head and body separately),
        # and waking the caller for it alone cost a task step.
        self.whole_up_to = 0
        self._pool = pool
        self._key = key
        self._conn: _Connection | None = conn
        self._read_timeout = read_timeout
        self._chunks: list[bytes] = []
        self._buffered = 0
        self._headers_done = False
        self._done = False
        self._keep_alive = False
        self._head = False  # an answer to HEAD has no body, whatever it declares
        self._error: BaseException | None = None
        self._waiter: asyncio.Future[None] | None = None

    # fed by the connection
    def _wake(self) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)

    def _headers_complete(self, status: int) -> None:
        self.status = status
        self._headers_done = True
        if self._head:
            # httptools cannot be told the request was HEAD: the answer ends here, and the
            # connection, whose parser now expects a body, is not reused.
            self._done = True
        if not self._awaiting_body():
            self._wake()

    def _awaiting_body(self) -> bool:
        return not self._done and self.length is not None and self.length <= self.whole_up_to

    def _feed(self, body: bytes) -> None:
        self._chunks.append(body)
        self._buffered += len(body)
        # Back-pressure for a streamed answer only: one awaited whole is bounded by whole_up_to,
        # and pausing it would leave nobody to resume reading (a 504 after the read timeout).
        if (
            self._buffered > _HIGH_WATER
            and not self._awaiting_body()
            and self._conn is not None
            and self._conn.transport is not None
        ):
            self._conn.transport.pause_reading()
        self._wake()

    def _complete(self, keep_alive: bool) -> None:
        if not self._head:
            self._done, self._keep_alive = True, keep_alive
        self._wake()

    def _lost(self) -> None:
        if not self._done:
            framed = any(name in (b"content-length", b"transfer-encoding") for name, _ in self.headers)
            if self._headers_done and not framed:
                self._done = True  # an answer delimited by the end of the connection (RFC 9112 §6.3)
            else:
                self._error = UpstreamError("the service closed the connection before the whole answer")
        self._wake()

    def _fail(self, error: BaseException) -> None:
        self._error = error
        self._wake()

    async def _wait(self) -> None:
        """Until the connection feeds something, at most the read timeout."""
        if self._error is not None:
            raise self._error
        waiter = self._waiter = self._pool.loop.create_future()
        timer = self._pool.loop.call_later(self._read_timeout, _time_out, waiter)
        try:
            await waiter
        finally:
            timer.cancel()
            self._waiter = None
        if self._error is not None:
            raise self._error

    async def _wait_answer(self) -> None:
        """Until the headers are in, and the whole body if it is short (``whole_up_to``)."""
        while not self._headers_done or self._awaiting_body():
            await self._wait()

    def _take(self) -> list[bytes]:
        chunks, self._chunks, self._buffered = self._chunks, [], 0
        if self._conn is not None and self._conn.transport is not None and not self._done:
            self._conn.transport.resume_reading()
        return chunks

    # for the caller
    async def read(self) -> bytes:
        while not self._done:
            await self._wait()
        chunks = self._take()
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)

    async def chunks(self) -> AsyncIterator[bytes]:
        while True:
            if self._chunks:
                for chunk in self._take():
                    yield chunk
            elif self._done:
                return
            else:
                await self._wait()

    def release(self) -> None:
        """The connection back to the pool if the whole answer was read, else closed."""
        conn, self._conn = self._conn, None
        if conn is None:
            return
        conn.response = None
        reusable = self._done and self._keep_alive and not self._chunks and not conn.closed
        self._pool._release(self._key, conn, reusable)


def _time_out(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_exception(TimeoutError())


class UpstreamPool:
    """Keep-alive connections per (host, port); at most ``limit`` requests in flight to each."""

    def __init__(self, keepalive: float, limit: int = 100) -> None:
        self.keepalive = keepalive
        self.limit = limit
        self.loop = asyncio.get_running_loop()
        self._idle: dict[Origin, list[_Connection]] = {}
        self._slots: dict[Origin, asyncio.Semaphore] = {}
        self._closed = False
        self._tls_context: ssl.SSLContext | None = None

    async def request(
        self,
        key: Origin,
        head: bytes,
        body: bytes | AsyncIterator[bytes] | None,
        timeouts: Timeouts,
        *,
        chunked: bool = False,
        is_head: bool = False,
        whole_up_to: int = 0,
    ) -> UpstreamResponse:
        """Send ``head`` (request line and headers, ending in the empty line) and ``body`` to the
        service at ``key``; the answer once its headers are in (and its body, if it declares at
        most ``whole_up_to`` bytes)."""
        slots = self._slots.get(key)
        if slots is None:
            slots = self._slots[key] = asyncio.Semaphore(self.limit)
        if slots.locked():
            # Waiting for a free connection counts, but no longer than an answer would.
            await asyncio.wait_for(slots.acquire(), timeouts.read)
        else:
            await slots.acquire()
        try:
            conn = await self._connection(key, timeouts)
        except BaseException:
            slots.release()
            raise
        response = conn.response = UpstreamResponse(self, key, conn, timeouts.read)
        response._head = is_head
        response.whole_up_to = whole_up_to
        try:
            if isinstance(body, bytes):
                conn.write(head + body)
            else:
                conn.write(head)
                if body is not None:
                    await _send_body(conn, body, chunked)
            await response._wait_answer()
        except BaseException:
            conn.close()
            response.release()
            raise
        return response

    async def _connection(self, key: Origin, timeouts: Timeouts) -> _Connection:
        idle = self._idle.get(key)
        if idle:
            now = self.loop.time()
            while idle:
                conn = idle.pop()  # the most recently used: the least likely to be closing
                if not conn.closed and now - conn.idle_since < self.keepalive:
                    return conn
                conn.close()
        if self._closed:
            raise UpstreamError("the gateway is stopping")
        try:
            _, conn = await asyncio.wait_for(
                self.loop.create_connection(
                    lambda: _Connection(self.loop),
                    key.host,
                    key.port,
                    ssl=self._tls() if key.tls else None,
                ),
                timeouts.connect,
            )
        except OSError as exc:
            raise UpstreamError(f"cannot connect: {exc.strerror or type(exc).__name__}") from exc
        return conn

    def _release(self, key: Origin, conn: _Connection, reusable: bool) -> None:
        self._slots[key].release()
        if reusable and not self._closed:
            conn.idle_since = self.loop.time()
            self._idle.setdefault(key, []).append(conn)
        else:
            conn.close()

    def _tls(self) -> ssl.SSLContext:
        if self._tls_context is None:
            self._tls_context = ssl.create_default_context()
        return self._tls_context

    async def close(self) -> None:
        self._closed = True
        for idle in self._idle.values():
            for conn in idle:
                conn.close()
        self._idle.clear()


async def _send_body(conn: _Connection, body: AsyncIterator[bytes], chunked: bool) -> None:
    async for chunk in body:
        if chunked:
            conn.write(b"%x\r\n%b\r\n" % (len(chunk), chunk))
        else:
            conn.write(chunk)
        await conn.drain()
    if chunked:
        conn.write(b"0\r\n\r\n")
