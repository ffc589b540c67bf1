"""The app factory every component (service or gateway) shares.

A service supplies its name, routers, published EventSpecs, consumed events and periodic tasks;
the factory adds the same middleware, error handling, health, metrics, AsyncAPI fragment and ops
endpoints to each, and runs the component's background work (``shared.runtime``) in its lifespan.
"""

from __future__ import annotations

import gc
import json
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from typing import Any

import structlog
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shared import openapi as kit_openapi
from shared.apidocs import install_offline_docs
from shared.asyncapi import asyncapi_fragment
from shared.errors import caller_path, install_error_handlers, problem_responses
from shared.events.consumer import Handler
from shared.events.envelope import ConsumedEvent, EventSpec, configure_event_schemas
from shared.import_refusals import PURGE_IMPORT_REFUSALS, import_refusals_router
from shared.logging import configure_logging
from shared.metrics import Metrics
from shared.ops import health_router, install_health_metrics, ops_router
from shared.routing import KitRoute
from shared.runtime import Component
from shared.scheduled import PeriodicTask
from shared.settings import ServiceSettings
from shared.tables import KitTables
from shared.tracing import configure_tracing

log = structlog.get_logger("xianjie.component")


class KitMiddleware:
    """The kit's one ASGI layer around every request: the request id (the caller's
    ``X-Request-ID`` if sane, else a new one; echoed on the answer and bound to the log context),
    the access line, the request metrics, and the body size limit (413 whether the body is
    announced by Content-Length or streamed).

    One layer rather than three (request id, metrics, body limit): each wrapped ``send`` and
    ``receive`` again and parsed the headers again (issue 16, bench/README.md). Pure ASGI: a
    BaseHTTPMiddleware costs ~0.5 ms a hop.
    """

    def __init__(self, app: ASGIApp, *, component: str, metrics: Metrics, max_body_bytes: int) -> None:
        self.app = app
        self.component = component
        self.metrics = metrics
        self.max_bytes = max_body_bytes
        self.access = structlog.get_logger("xianjie.access")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        began = time.perf_counter()
        incoming: bytes | None = None
        declared: bytes | None = None
        for name, value in scope["headers"]:
            if name == b"x-request-id":
                incoming = value if incoming is None else incoming  # the first, as Headers.get
            elif name == b"content-length":
                declared = value
        text = incoming.decode("latin-1") if incoming is not None else ""
        rid = text if 0 < len(text) <= 100 and text.isprintable() else uuid.uuid4().hex
        rid_header = (b"x-request-id", rid.encode("latin-1"))
        scope.setdefault("state", {})["request_id"] = rid
        status = 500
        started = False
        seen = 0
        max_bytes = self.max_bytes

        async def kit_send(message: Message) -> None:
            nonlocal status, started
            if message["type"] == "http.response.start":
                status = message["status"]
                started = True
                # The id replaces any the answer carries (a problem answer sets it too).
                headers = [h for h in message.get("headers", ()) if h[0] != b"x-request-id"]
                headers.append(rid_header)
                message["headers"] = headers
            await send(message)

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > max_bytes:
                    raise _BodyTooLarge()
            return message

        structlog.contextvars.bind_contextvars(request_id=rid, component=self.component)
        try:
            if declared is not None and declared.isdigit() and int(declared) > max_bytes:
                await _too_large(scope, kit_send, max_bytes)
            else:
                try:
                    await self.app(scope, limited_receive, kit_send)
                except _BodyTooLarge:
                    if not started:
                        await _too_large(scope, kit_send, max_bytes)
        finally:
            # The router leaves the matched route in the scope (label: its template).
            route = getattr(scope.get("route"), "path", "unmatched")
            self.metrics.observe_request(
                self.component, scope["method"], route, status, time.perf_counter() - began
            )
            # Paths only, never query strings: those may carry search text or ID numbers.
            self.access.info("request", method=scope["method"], path=scope["path"], status=status)
            structlog.contextvars.clear_contextvars()


class _BodyTooLarge(Exception):
    pass


async def _too_large(scope: Scope, send: Send, limit: int) -> None:
    body = json.dumps(
        {
            "type": "urn:xianjie:problem:payload_too_large",
            "title": "请求体过大",
            "status": 413,
            "code": "payload_too_large",
            "detail": f"请求体不能超过 {limit} 字节",
            "instance": caller_path(Request(scope)),
        },
        ensure_ascii=False,
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/problem+json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def create_component_app(
    *,
    name: str,
    title: str,
    description: str,
    settings: ServiceSettings,
    tables: KitTables,
    routers: list[APIRouter],
    published: list[EventSpec] | None = None,
    consumes: Mapping[ConsumedEvent[Any], Handler] | None = None,
    tasks: list[PeriodicTask] | None = None,
    on_startup: Callable[[Component], Awaitable[None]] | None = None,
    on_shutdown: Callable[[Component], Awaitable[None]] | None = None,
    extra_state: dict[str, Any] | None = None,
    uses_nats: bool = True,
    own_api_docs: bool = True,
    middleware: list[Middleware] | None = None,
) -> FastAPI:
    """Build a component's app. ``uses_nats=False`` for a component without events (the gateway);
    ``own_api_docs=False`` when the component serves documents of its own at /openapi.json and /docs;
    ``middleware``: ASGI layers of the component's own, run inside the kit's (request id, metrics,
    access line and body limit already done) and before routing."""
    configure_logging(settings.log_level, settings.log_json)
    configure_event_schemas(settings.public_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        component = Component.open(name, settings, tables, app.state.metrics)
        if uses_nats:
            component.start_events(consumes or {})
        kit_tasks = [PURGE_IMPORT_REFUSALS] if tables.import_refusals is not None else []
        component.start_tasks([*(tasks or []), *kit_tasks])
        app.state.component = component
        if own_api_docs:
            # Built once now rather than on the first request, when the gateway waits for it briefly.
            app.openapi()
        if on_startup is not None:
            await on_startup(component)
        log.info("component_started", component=name, port=settings.port)
        # What start-up built (modules, routes, models, schemas: ~260k objects) stays for the
        # process's life, yet every full collection walked it: 150-160 ms of CPU each (220-400 ms
        # at load 4), one every 10-20 s under list traffic, inside whichever request allocated
        # then (issue 16: 1 list request in ~1000 took 200-900 ms). Frozen, full collections walk
        # the ~17k objects made since: 4-7 ms. Garbage is collected first so none is kept;
        # thawed at shutdown, so a process that starts apps again and again (the tests) gets
        # their memory back.
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            gc.unfreeze()
            if on_shutdown is not None:
                await on_shutdown(component)
            await component.stop()

    app = FastAPI(
        title=title,
        description=description,
        version="1.0.0",
        lifespan=lifespan,
        openapi_url="/openapi.json" if own_api_docs else None,
        # Served from local assets below, never from a CDN.
        docs_url=None,
        redoc_url=None,
        responses=problem_responses(500),
        # Short, stable operationIds ("list_households"): the endpoint function's name, which
        # generated clients turn into method names. The gateway's merge keeps them unique.
        generate_unique_id_function=operation_id,
    )
    # The kit's route class for the component's own routes too (/metrics, /asyncapi.json...); the
    # routers bring theirs (shared.routing.KitRouter).
    app.router.route_class = KitRoute
    app.state.metrics = Metrics()
    # Off unless XIANJIE_OTEL_ENDPOINT is set (shared.tracing).
    configure_tracing(app, name, settings.otel_endpoint)
    kit_openapi.install(app)
    for key, value in (extra_state or {}).items():
        setattr(app.state, key, value)
    _install_middleware(app, name, settings, middleware)
    app.include_router(health_router())
    install_health_metrics(app, app.state.metrics.registry, name)
    if consumes:
        app.include_router(ops_router())
    for router in routers:
        app.include_router(router)
    if tables.import_refusals is not None:
        app.include_router(import_refusals_router())
    if own_api_docs:
        install_offline_docs(app, openapi_url="/openapi.json", title=title)
    app.state.asyncapi = asyncapi_fragment(name, title, published or [])
    _serve_asyncapi(app, app.state.asyncapi)
    return app


def operation_id(route: APIRoute) -> str:
    return route.name


def _install_middleware(
    app: FastAPI, name: str, settings: ServiceSettings, own: list[Middleware] | None
) -> None:
    install_error_handlers(app)
    app.state.metrics.install(app, name)
    # The component's own layers inside the kit's, which is outermost (so every log line and
    # answer carries the request id, and every request is counted).
    app.user_middleware[:0] = own or []
    app.add_middleware(
        KitMiddleware, component=name, metrics=app.state.metrics, max_body_bytes=settings.max_body_bytes
    )


def _serve_asyncapi(app: FastAPI, fragment: dict[str, Any]) -> None:
    @app.get("/asyncapi.json", include_in_schema=False)
    async def asyncapi() -> JSONResponse:
        return JSONResponse(fragment)
