"""网关 — sign-in and tokens, user administration, routing to the services, merged API documents."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from gateway.auth import endpoints as auth
from gateway.auth.keys import DatabaseTokenVerifier, KeyRing, ensure_signing_key
from gateway.auth.ratelimit import LoginRateLimiter
from gateway.docs import endpoints as docs
from gateway.docs.service import DocumentCache
from gateway.models import Base, kit
from gateway.proxy import endpoints as proxy
from gateway.proxy.service import new_client_session
from gateway.settings import GatewaySettings
from gateway.state import GatewayState
from gateway.users import endpoints as users
from shared.component import Component, create_component_app

# FastAPI's own document and UI would answer for the gateway alone; ours merge every service.
_REPLACED_ROUTES = {"/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"}


def _is_replaced(route: object) -> bool:
    endpoint = getattr(route, "endpoint", None)
    return (
        getattr(route, "path", None) in _REPLACED_ROUTES
        and getattr(endpoint, "__module__", "") == "fastapi.applications"
    )


def create_app(settings: GatewaySettings | None = None) -> FastAPI:
    settings = settings or GatewaySettings()
    state = GatewayState(
        settings=settings,
        limiter=LoginRateLimiter(settings.login_rate_limit),
        docs=DocumentCache(ttl=settings.docs_cache_seconds, timeout=settings.docs_fetch_timeout_seconds),
    )

    async def on_startup(component: Component) -> None:
        await ensure_signing_key(component.db)
        state.keyring = KeyRing(component.db)
        # The gateway reads its public keys from its own table rather than fetching its own JWKS.
        component.verifier = DatabaseTokenVerifier(
            component.db, issuer=settings.token_issuer, audience=settings.token_audience
        )

    app = create_component_app(
        name="gateway",
        title="衔接 xianjie 网关 Gateway",
        description="登录与令牌、账号管理、路由到各服务 / sign-in, tokens, accounts, routing.",
        # The gateway publishes and consumes no events: it needs no NATS connection.
        settings=settings.model_copy(update={"nats_url": ""}),
        metadata=Base.metadata,
        tables=kit,
        routers=[auth.router, users.router, docs.router, proxy.router],
        published=[],
        subscriptions=[],
        on_startup=on_startup,
        extra_state={"gateway": state, "events_nats_url": settings.nats_url},
    )
    app.router.routes[:] = [r for r in app.router.routes if not _is_replaced(r)]

    component_lifespan = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state.http = new_client_session(
            settings.proxy_connect_timeout_seconds, settings.proxy_timeout_seconds
        )
        try:
            async with component_lifespan(app):
                yield
        finally:
            await state.http.close()

    app.router.lifespan_context = lifespan
    return app
