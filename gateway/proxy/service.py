"""Forwarding one request to a service: stream in, stream out, keep only the headers that matter.

The gateway does not look inside requests or answers; the services verify tokens and scope.
Authorization headers are forwarded but never logged.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping

import aiohttp
import structlog
from fastapi import Request
from starlette.background import BackgroundTask
from starlette.responses import Response, StreamingResponse
from yarl import URL

from gateway.proxy.breaker import upstreams
from shared.errors import FORWARDED_PREFIX_HEADER, AppError
from shared.logging import REQUEST_ID_HEADER

log = structlog.get_logger("xianjie.gateway.proxy")

FORWARDED_REQUEST_HEADERS = (
    "authorization",
    "if-match",
    "if-none-match",
    "idempotency-key",
    "accept-language",
    "content-type",
    "content-length",
    "accept",
)
# Hop-by-hop (RFC 9110 §7.6.1) and those the gateway's own server sets.
DROPPED_RESPONSE_HEADERS = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailer",
        "trailers",
        "transfer-encoding",
        "upgrade",
        "date",
        "server",
        REQUEST_ID_HEADER.lower(),
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


def new_client_session(connect_timeout: float, read_timeout: float) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(
        timeout=aiohttp.ClientTimeout(total=None, connect=connect_timeout, sock_read=read_timeout),
        # Bodies pass through untouched, compressed or not; cookies are not the gateway's business.
        auto_decompress=False,
        cookie_jar=aiohttp.DummyCookieJar(),
        connector=aiohttp.TCPConnector(
            limit=200, limit_per_host=100, keepalive_timeout=UPSTREAM_KEEPALIVE_SECONDS
        ),
    )


def _request_headers(request: Request, service: str) -> dict[str, str]:
    headers = {name: value for name in FORWARDED_REQUEST_HEADERS if (value := request.headers.get(name))}
    # So a problem answer's `instance` is the path the caller used, not the service's own.
    headers[FORWARDED_PREFIX_HEADER] = f"/api/{service}"
    headers[REQUEST_ID_HEADER] = getattr(request.state, "request_id", "") or ""
    # Services rate-limit public endpoints per caller: tell them who called (RFC 7239 de facto form).
    if request.client is not None:
        earlier = request.headers.get("x-forwarded-for")
        headers["X-Forwarded-For"] = f"{earlier}, {request.client.host}" if earlier else request.client.host
    # Stop aiohttp adding its own Accept-Encoding: the caller decides what it can read.
    headers["Accept-Encoding"] = request.headers.get("accept-encoding", "identity")
    return headers


# Bodies up to this size are read whole and passed on in one piece: a small JSON answer streamed
# chunk by chunk cost the gateway more than the service's own work (a task group per answer,
# each chunk through every middleware). Larger bodies (imports, exports) still stream.
BUFFERED_BODY_BYTES = 1 << 20


def _declared_length(headers: Mapping[str, str]) -> int | None:
    value = headers.get("content-length")
    return int(value) if value is not None and value.isdigit() else None


async def _request_body(request: Request) -> bytes | AsyncIterator[bytes] | None:
    length = _declared_length(request.headers)
    if length is not None and length <= BUFFERED_BODY_BYTES:
        return await request.body()
    if length is not None or "transfer-encoding" in request.headers:
        return request.stream()
    return None


def upstream_url(base_url: str, service: str, request: Request) -> URL:
    """The service URL for this request, from the raw (still percent-encoded) path and query."""
    raw_path: bytes = request.scope.get("raw_path") or request.url.path.encode()
    rest = raw_path.decode("latin-1").removeprefix(f"/api/{service}/v1/")
    query = request.scope.get("query_string", b"").decode("latin-1")
    return URL(f"{base_url}/v1/{rest}" + (f"?{query}" if query else ""), encoded=True)


async def _send_upstream(
    http: aiohttp.ClientSession,
    service: str,
    request: Request,
    url: URL,
    headers: dict[str, str],
    data: bytes | AsyncIterator[bytes] | None,
) -> aiohttp.ClientResponse:
    """The one place a request leaves for a service, behind its circuit breaker and with its own
    timeout (gateway/proxy/breaker.py). Failures to reach it become 502/504 problem answers."""
    route = upstreams(request)
    try:
        with route.breaker(service).guard():
            return await http.request(
                request.method,
                url,
                headers=headers,
                data=data,
                allow_redirects=False,
                skip_auto_headers=("User-Agent",),
                timeout=route.timeout(service),
            )
    except (TimeoutError, aiohttp.ConnectionTimeoutError, aiohttp.SocketTimeoutError) as exc:
        log.warning("upstream_timeout", service=service, path=request.url.path)
        raise UpstreamTimeout(f"服务 {service} 响应超时", f"service {service} timed out") from exc
    except aiohttp.ClientError as exc:
        log.warning("upstream_unavailable", service=service, path=request.url.path, error=type(exc).__name__)
        raise UpstreamUnavailable(f"服务 {service} 暂不可用", f"service {service} is unavailable") from exc


async def forward(http: aiohttp.ClientSession, service: str, base_url: str, request: Request) -> Response:
    url = upstream_url(base_url, service, request)
    headers = _request_headers(request, service)
    upstream = await _send_upstream(http, service, request, url, headers, await _request_body(request))
    response_headers = {
        name: value
        for name, value in upstream.headers.items()
        if name.lower() not in DROPPED_RESPONSE_HEADERS
    }
    length = _declared_length(upstream.headers)
    if length is not None and length <= BUFFERED_BODY_BYTES:
        try:
            content = await upstream.read()
        except (TimeoutError, aiohttp.ClientError) as exc:
            # Nothing was sent to the caller yet: the answer is still ours to give.
            log.warning(
                "upstream_body_failed", service=service, path=request.url.path, error=type(exc).__name__
            )
            raise UpstreamUnavailable(
                f"服务 {service} 暂不可用", f"service {service} is unavailable"
            ) from exc
        finally:
            upstream.release()
        return Response(content, status_code=upstream.status, headers=response_headers)

    async def body() -> AsyncIterator[bytes]:
        try:
            async for chunk in upstream.content.iter_any():
                yield chunk
        except (TimeoutError, aiohttp.ClientError) as exc:
            # Headers are gone already; all we can do is cut the answer short and say why in the log.
            log.warning(
                "upstream_body_failed", service=service, path=request.url.path, error=type(exc).__name__
            )
        finally:
            upstream.release()

    return StreamingResponse(
        body(),
        status_code=upstream.status,
        headers=response_headers,
        background=BackgroundTask(_release, upstream),
    )


async def _release(upstream: aiohttp.ClientResponse) -> None:
    upstream.release()
