"""Forwarding one request to a service: stream in, stream out, keep only the headers that matter.

The gateway does not look inside requests or answers; the services verify tokens and scope.
Authorization headers are forwarded but never logged.

:class:`GatewayProxy` answers ``/api/{service}/v1/...`` as a pure ASGI layer, inside the kit's
(request id, metrics, access line, body limit: ``shared.component.KitMiddleware``) and before
FastAPI's routing: the router's regex walk over every gateway route, the Request object, two
AsyncExitStacks, dependency solving and a Response object cost the gateway more than the
forwarding itself (ADR 0011, bench/README.md).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from typing import Any

import aiohttp
import structlog
from starlette.requests import ClientDisconnect, Request
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gateway.proxy.breaker import Upstreams, upstreams
from gateway.proxy.upstream import Origin, UpstreamError, UpstreamPool, UpstreamResponse
from gateway.settings import GatewaySettings
from gateway.state import GatewayState
from shared.errors import FORWARDED_PREFIX_HEADER, AppError, NotFound
from shared.tracing import client_span, tracing_enabled

log = structlog.get_logger("xianjie.gateway.proxy")

# The proxied paths: /api/{service}/v1/{path}, as the route in gateway/proxy/endpoints.py declares.
PROXY_PATH = "/api/{service}/v1/{path:path}"
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")

# Request headers passed on, the first of each name (as a Starlette ``Headers.get``), empty ones not.
FORWARDED_REQUEST_HEADERS = frozenset(
    {
        b"authorization",
        b"if-match",
        b"if-none-match",
        b"idempotency-key",
        b"accept-language",
        b"content-type",
        b"content-length",
        b"accept",
    }
)
# Hop-by-hop (RFC 9110 §7.6.1) and those the gateway's own server sets (the request id is the
# gateway's own, set by the kit's layer).
DROPPED_RESPONSE_HEADERS = frozenset(
    {
        b"connection",
        b"keep-alive",
        b"proxy-authenticate",
        b"proxy-authorization",
        b"te",
        b"trailer",
        b"trailers",
        b"transfer-encoding",
        b"upgrade",
        b"date",
        b"server",
        b"x-request-id",
    }
)


class UpstreamUnavailable(AppError):
    status, code, title_zh, title_en = (
        502,
        "upstream_unavailable",
        "后端服务暂不可用",
        "Upstream service unavailable",
    )


class UpstreamTimeout(AppError):
    status, code, title_zh, title_en = (
        504,
        "upstream_timeout",
        "后端服务响应超时",
        "Upstream service timed out",
    )


# Idle pooled connections are dropped before the services' uvicorn closes them (its keep-alive
# timeout is 5 s): reusing one it is closing just then fails a non-idempotent call with 502.
UPSTREAM_KEEPALIVE_SECONDS = 4.0
# Requests in flight to one service at most (aiohttp's limit_per_host before, ADR 0011).
UPSTREAM_CONNECTIONS = 100


def new_upstream_pool() -> UpstreamPool:
    """The proxy's connections to the services (made in the running loop, by the lifespan)."""
    return UpstreamPool(keepalive=UPSTREAM_KEEPALIVE_SECONDS, limit=UPSTREAM_CONNECTIONS)


def new_client_session(connect_timeout: float, read_timeout: float) -> aiohttp.ClientSession:
    """For the gateway's other calls to the services (their API documents)."""
    return aiohttp.ClientSession(
        timeout=aiohttp.ClientTimeout(total=None, connect=connect_timeout, sock_read=read_timeout),
        cookie_jar=aiohttp.DummyCookieJar(),
        connector=aiohttp.TCPConnector(keepalive_timeout=UPSTREAM_KEEPALIVE_SECONDS),
    )


# Bodies up to this size are read whole and passed on in one piece: a small JSON answer streamed
# chunk by chunk cost the gateway more than the service's own work. Larger bodies (imports,
# exports) stream.
BUFFERED_BODY_BYTES = 1 << 20


def _length(value: bytes | None) -> int | None:
    return int(value) if value is not None and value.isdigit() else None


class GatewayProxy:
    """``/api/{service}/v1/...`` forwarded to the service, before routing; any other request
    goes on to the app. Keeps what the FastAPI route did: forwarded headers (X-Forwarded-Prefix,
    X-Forwarded-For, the request id), the circuit breaker and per-service timeouts, bodies up to
    1 MiB in one piece and larger ones streamed, problem answers (404 unknown service, 502, 503,
    504) rendered by the app's own error handlers."""

    def __init__(self, app: ASGIApp, route: BaseRoute, settings: GatewaySettings) -> None:
        self.app = app
        self.route = route
        self.origins = {name: Origin.parse(url) for name, url in settings.service_urls().items()}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope["path"] if scope["type"] == "http" else ""
        # The route's pattern: /api/, a service name without a slash, /v1/, anything.
        service, _, rest = path[5:].partition("/") if path.startswith("/api/") else ("", "", "")
        if not service or not rest.startswith("v1/") or scope["method"] not in METHODS:
            await self.app(scope, receive, send)
            return
        app = scope["app"]
        # The matched route for the metrics' label and tracing, as the router would leave it.
        scope["route"] = self.route
        try:
            await self._forward(app.state, service, scope, receive, send)
        except AppError as error:
            await self._problem(app, error, scope, receive, send)

    async def _forward(self, state: Any, service: str, scope: Scope, receive: Receive, send: Send) -> None:
        gateway: GatewayState = state.gateway
        origin = self.origins.get(service)
        if origin is None:
            raise NotFound(f"没有名为 {service} 的服务", f"no service named {service}")
        method: str = scope["method"]
        lines, declared, streamed = _request_headers(scope, service)
        data: bytes | AsyncIterator[bytes] | None = None
        chunked = False
        if declared is not None and declared <= BUFFERED_BODY_BYTES:
            data = await _read_body(receive)
            lines.append(b"content-length: %d" % len(data))
        elif declared is not None:
            data = _stream_body(receive)
            lines.append(b"content-length: %d" % declared)
        elif streamed:
            data, chunked = _stream_body(receive), True
            lines.append(b"transfer-encoding: chunked")
        elif method not in BODILESS_METHODS:
            lines.append(b"content-length: 0")
        target = _upstream_target(origin, service, scope)
        upstream = await _send_upstream(
            gateway.require_upstream(), upstreams(state), service, scope, origin, target, lines, data, chunked
        )
        try:
            response_headers, length = _response_headers(upstream.headers)
            start = {"type": "http.response.start", "status": upstream.status, "headers": response_headers}
            if length is not None and length <= BUFFERED_BODY_BYTES:
                try:
                    content = await upstream.read()
                except (TimeoutError, UpstreamError) as exc:
                    # Nothing was sent to the caller yet: the answer is still ours to give.
                    log.warning(
                        "upstream_body_failed", service=service, path=scope["path"], error=_reason(exc)
                    )
                    raise UpstreamUnavailable(
                        f"服务 {service} 暂不可用", f"service {service} is unavailable"
                    ) from exc
                await send(start)
                await send({"type": "http.response.body", "body": content})
                return
            await send(start)
            try:
                async for chunk in upstream.chunks():
                    await send({"type": "http.response.body", "body": chunk, "more_body": True})
            except (TimeoutError, UpstreamError) as exc:
                # Headers are gone already; all we can do is cut the answer short and say why in the log.
                log.warning("upstream_body_failed", service=service, path=scope["path"], error=_reason(exc))
            await send({"type": "http.response.body", "body": b""})
        finally:
            upstream.release()

    @staticmethod
    async def _problem(app: Any, error: AppError, scope: Scope, receive: Receive, send: Send) -> None:
        """The problem answer, rendered by the handler the app has for it (shared.errors)."""
        handler = next(
            app.exception_handlers[kind] for kind in type(error).__mro__ if kind in app.exception_handlers
        )
        response = await handler(Request(scope, receive), error)
        await response(scope, receive, send)


# Requests that carry no body unless they say so (as aiohttp did, the others get Content-Length: 0).
BODILESS_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


_PREFIX_LINE = FORWARDED_PREFIX_HEADER.lower().encode() + b": /api/"


def _request_headers(scope: Scope, service: str) -> tuple[list[bytes], int | None, bool]:
    """The header lines for the service (without framing: the body's length or chunking is the
    caller's to add), the request body's declared length and whether it is chunked."""
    lines: list[bytes] = []
    earlier: bytes | None = None
    accept_encoding = b"identity"  # when the caller names none: the caller decides what it reads
    declared: int | None = None
    streamed = False
    seen: set[bytes] = set()
    for raw_name, raw_value in scope["headers"]:
        if raw_name in seen:
            continue
        seen.add(raw_name)
        if raw_name in FORWARDED_REQUEST_HEADERS:
            if raw_name == b"content-length":
                declared = _length(raw_value)
            elif raw_value:
                lines.append(raw_name + b": " + raw_value)
        elif raw_name == b"x-forwarded-for":
            earlier = raw_value
        elif raw_name == b"accept-encoding":
            accept_encoding = raw_value
        elif raw_name == b"transfer-encoding":
            streamed = True
    # So a problem answer's `instance` is the path the caller used, not the service's own.
    lines.append(_PREFIX_LINE + service.encode("latin-1"))
    lines.append(b"x-request-id: " + (scope.get("state", {}).get("request_id") or "").encode("latin-1"))
    # Services rate-limit public endpoints per caller: tell them who called (RFC 7239 de facto form).
    client = scope.get("client")
    if client is not None:
        address = client[0].encode("latin-1")
        lines.append(b"x-forwarded-for: " + (earlier + b", " + address if earlier else address))
    lines.append(b"accept-encoding: " + accept_encoding)
    return lines, declared, streamed


def _upstream_target(origin: Origin, service: str, scope: Scope) -> bytes:
    """The request target at the service, from the raw (still percent-encoded) path and query."""
    raw_path: bytes = scope.get("raw_path") or scope["path"].encode()
    rest = raw_path.removeprefix(b"/api/" + service.encode("latin-1") + b"/v1/")
    query: bytes = scope.get("query_string", b"")
    target = origin.path.encode("latin-1") + b"/v1/" + rest
    return target + b"?" + query if query else target


async def _read_body(receive: Receive) -> bytes:
    chunks = [chunk async for chunk in _stream_body(receive)]
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


async def _stream_body(receive: Receive) -> AsyncIterator[bytes]:
    while True:
        message: Message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientDisconnect()
        body = message.get("body", b"")
        if body:
            yield body
        if not message.get("more_body", False):
            return


def _response_headers(headers: list[tuple[bytes, bytes]]) -> tuple[list[tuple[bytes, bytes]], int | None]:
    """The answer's headers for the caller and its length (names come lowercased, as ASGI has them)."""
    kept = []
    length = None
    for name, value in headers:
        if name in DROPPED_RESPONSE_HEADERS:
            continue
        if name == b"content-length":
            length = _length(value)
        kept.append((name, value))
    return kept, length


def _reason(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


@contextmanager
def _client_span(method: str, origin: Origin, target: bytes, lines: list[bytes]) -> Iterator[Any]:
    """With tracing on, a CLIENT span under the gateway's server span, its W3C context added to the
    request's header ``lines``; otherwise nothing (None), at no cost."""
    if not tracing_enabled():
        yield None
        return
    url = f"{'https' if origin.tls else 'http'}://{origin.host_header.decode()}{target.decode('latin-1')}"
    with client_span(method, url) as (span, carrier):
        lines += [f"{name}: {value}".encode("latin-1") for name, value in carrier.items()]
        yield span


async def _send_upstream(
    pool: UpstreamPool,
    route: Upstreams,
    service: str,
    scope: Scope,
    origin: Origin,
    target: bytes,
    lines: list[bytes],
    data: bytes | AsyncIterator[bytes] | None,
    chunked: bool,
) -> UpstreamResponse:
    """The one place a request leaves for a service, behind its circuit breaker and with its own
    timeout (gateway/proxy/breaker.py). Failures to reach it become 502/504 problem answers."""
    method: str = scope["method"]
    # A body too large to pass on in one piece is an upload (an import): it gets the upload timeout.
    timeouts = route.timeout(service, upload=data is not None and not isinstance(data, bytes))
    is_head = method == "HEAD"
    try:
        with route.breaker(service).guard(), _client_span(method, origin, target, lines) as span:
            answer = await pool.request(
                origin,
                _head(method, origin, target, lines),
                data,
                timeouts,
                chunked=chunked,
                is_head=is_head,
                whole_up_to=BUFFERED_BODY_BYTES,
            )
            if span is not None:
                span.set_attribute("http.response.status_code", answer.status)
            return answer
    except TimeoutError as exc:
        log.warning("upstream_timeout", service=service, path=scope["path"])
        raise UpstreamTimeout(f"服务 {service} 响应超时", f"service {service} timed out") from exc
    except UpstreamError as exc:
        log.warning("upstream_unavailable", service=service, path=scope["path"], error=_reason(exc))
        raise UpstreamUnavailable(f"服务 {service} 暂不可用", f"service {service} is unavailable") from exc


def _head(method: str, origin: Origin, target: bytes, lines: list[bytes]) -> bytes:
    """The request line and headers, up to and with the empty line."""
    request_line = b"%s %s HTTP/1.1" % (method.encode(), target)
    return b"\r\n".join([request_line, b"host: " + origin.host_header, *lines, b"", b""])
