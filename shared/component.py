"""The runtime of one component (service or gateway) and the app factory they all share.

A service supplies its name, routers, published EventSpecs and subscriptions; the factory adds the
same middleware, error handling, health, metrics, AsyncAPI fragment and ops endpoints to each.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import structlog
from fastapi import APIRouter, FastAPI
from fastapi.responses import JSONResponse
from sqlalchemy import MetaData
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shared.asyncapi import asyncapi_fragment
from shared.auth import TokenVerifier, jwks_over_http
from shared.db import Database, create_engine
from shared.divisions import DivisionRegistry
from shared.errors import Problem, install_error_handlers
from shared.events.consumer import EventConsumer, Subscription
from shared.events.envelope import EventSpec
from shared.events.nats import NatsLink
from shared.events.outbox import Outbox, OutboxRelay
from shared.logging import RequestIdMiddleware, configure_logging
from shared.metrics import Metrics
from shared.ops import health_router, ops_router
from shared.settings import ServiceSettings
from shared.tables import KitTables

log = structlog.get_logger("xianjie.component")


@dataclass
class Component:
    """Everything a running component holds; reachable from requests as ``app.state.component``."""

    name: str
    settings: ServiceSettings
    db: Database
    tables: KitTables
    metrics: Metrics
    verifier: TokenVerifier
    divisions: DivisionRegistry
    outbox: Outbox
    link: NatsLink | None = None
    relay: OutboxRelay | None = None
    consumers: list[EventConsumer] = field(default_factory=list)


class BodySizeLimit:
    """Refuse bodies over the limit with 413, whether announced by Content-Length or streamed."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await _too_large(scope, send, self.max_bytes)
            return
        seen = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _BodyTooLarge()
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _BodyTooLarge:
            if not started:
                await _too_large(scope, send, self.max_bytes)


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
            "instance": scope.get("path"),
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
    metadata: MetaData,
    tables: KitTables,
    routers: list[APIRouter],
    published: list[EventSpec] | None = None,
    subscriptions: list[Subscription] | None = None,
    on_startup: Callable[[Component], Awaitable[None]] | None = None,
    on_shutdown: Callable[[Component], Awaitable[None]] | None = None,
    extra_state: dict[str, Any] | None = None,
    uses_nats: bool = True,
    own_api_docs: bool = True,
) -> FastAPI:
    """Build a component's app. ``uses_nats=False`` for a component without events (the gateway);
    ``own_api_docs=False`` when the component serves documents of its own at /openapi.json and /docs."""
    published = published or []
    subscriptions = subscriptions or []
    configure_logging(settings.log_level, settings.log_json)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if not settings.database_url:
            raise RuntimeError(
                "XIANJIE_DATABASE_URL is not set: run `xianjie up` (embedded servers) "
                "or point it at a PostgreSQL server"
            )
        metrics = app.state.metrics
        db = Database(create_engine(settings.database_url))
        component = Component(
            name=name,
            settings=settings,
            db=db,
            tables=tables,
            metrics=metrics,
            verifier=TokenVerifier(
                jwks_over_http(settings.jwks_url),
                issuer=settings.token_issuer,
                audience=settings.token_audience,
            ),
            divisions=DivisionRegistry.load(villages_file=settings.villages_file),
            outbox=Outbox(tables),
        )
        if uses_nats and settings.nats_url:
            component.link = NatsLink(
                settings.nats_url,
                streams=sorted({name} | {s.source_service for s in subscriptions}),
                duplicate_window=settings.stream_duplicate_window_seconds,
                name=f"xianjie-{name}",
            )
            component.link.start()
            component.relay = OutboxRelay(
                service=name,
                db=db,
                tables=tables,
                link=component.link,
                metrics=metrics,
                poll_seconds=settings.outbox_poll_seconds,
                batch_size=settings.outbox_batch_size,
                retention_days=settings.outbox_retention_days,
                max_attempts=settings.outbox_max_attempts,
            )
            component.relay.start()
            for subscription in subscriptions:
                consumer = EventConsumer(
                    service=name,
                    subscription=subscription,
                    db=db,
                    tables=tables,
                    outbox=component.outbox,
                    link=component.link,
                    metrics=metrics,
                    max_deliver=settings.consumer_max_deliver,
                    ack_wait=settings.consumer_ack_wait_seconds,
                )
                consumer.start()
                component.consumers.append(consumer)
        elif uses_nats:
            log.warning("nats_not_configured", component=name, note="events stay in the outbox")
        app.state.component = component
        if on_startup is not None:
            await on_startup(component)
        log.info("component_started", component=name, port=settings.port)
        try:
            yield
        finally:
            if on_shutdown is not None:
                await on_shutdown(component)
            for consumer in component.consumers:
                await consumer.stop()
            if component.relay:
                await component.relay.stop()
            if component.link:
                await component.link.close()
            with contextlib.suppress(Exception):
                await db.dispose()

    app = FastAPI(
        title=title,
        description=description,
        version="1.0.0",
        lifespan=lifespan,
        openapi_url="/openapi.json" if own_api_docs else None,
        docs_url="/docs" if own_api_docs else None,
        redoc_url="/redoc" if own_api_docs else None,
        responses={
            500: {
                "model": Problem,
                "description": "服务器内部错误 / internal error",
                "content": {"application/problem+json": {}},
            },
        },
    )
    app.state.metrics = Metrics()
    for key, value in (extra_state or {}).items():
        setattr(app.state, key, value)
    install_error_handlers(app)
    # Outermost last: request id (so every log line and answer carries it), then metrics, body limit.
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.state.metrics.install(app, name)
    app.add_middleware(RequestIdMiddleware, component=name)

    app.include_router(health_router())
    if subscriptions:
        app.include_router(ops_router())
    for router in routers:
        app.include_router(router)

    fragment = asyncapi_fragment(name, title, published)

    @app.get("/asyncapi.json", include_in_schema=False)
    async def asyncapi() -> JSONResponse:
        return JSONResponse(fragment)

    return app
