"""网关 — sign-in and tokens, user administration, routing to the services, merged API documents."""

from __future__ import annotations

from functools import partial

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.middleware import Middleware

from gateway.auth import endpoints as auth
from gateway.auth.keys import KeyRing, ensure_signing_key, published_keys
from gateway.auth.ratelimit import LoginRateLimiter
from gateway.console.endpoints import install_console
from gateway.docs import endpoints as docs
from gateway.docs.service import DocumentCache
from gateway.models import kit
from gateway.proxy import endpoints as proxy
from gateway.proxy.service import GatewayProxy, new_client_session, new_upstream_pool
from gateway.settings import GatewaySettings
from gateway.state import GatewayState
from gateway.users import endpoints as users
from gateway.users.events import PUBLISHED as USER_EVENTS
from gateway.webhooks import endpoints as webhooks
from gateway.webhooks.dispatch import start_webhooks
from shared.apidocs import install_offline_docs
from shared.auth import TokenVerifier
from shared.component import Component, create_component_app


def create_app(settings: GatewaySettings | None = None) -> FastAPI:
    settings = settings or GatewaySettings()
    state = GatewayState(
        settings=settings,
        limiter=LoginRateLimiter(
            settings.login_rate_limit,
            storage_url=settings.rate_limit_storage,
            key_prefix=settings.rate_limit_key_prefix,
        ),
        docs=DocumentCache(ttl=settings.docs_cache_seconds, timeout=settings.docs_fetch_timeout_seconds),
    )

    async def on_startup(component: Component) -> None:
        await ensure_signing_key(component.db)
        state.keyring = KeyRing(component.db)
        # The gateway reads its public keys from its own table rather than fetching its own JWKS.
        component.verifier = TokenVerifier(
            partial(published_keys, component.db),
            issuer=settings.token_issuer,
            audience=settings.token_audience,
            refresh_cooldown=5.0,
        )
        state.http = new_client_session(
            settings.proxy_connect_timeout_seconds, settings.proxy_timeout_seconds
        )
        state.upstream = new_upstream_pool()
        # Webhooks for departments without NATS (ADR 0007).
        app.state.webhooks = start_webhooks(component, settings)

    async def on_shutdown(component: Component) -> None:
        if getattr(app.state, "webhooks", None) is not None:
            await app.state.webhooks.stop()
        if state.http is not None:
            await state.http.close()
        if state.upstream is not None:
            await state.upstream.close()

    app = create_component_app(
        name="gateway",
        title="衔接 xianjie 网关 Gateway",
        description="登录与令牌、账号管理、路由到各服务 / sign-in, tokens, accounts, routing.",
        settings=settings,
        tables=kit,
        routers=[auth.router, users.router, docs.router, webhooks.router, proxy.router],
        published=USER_EVENTS,
        on_startup=on_startup,
        on_shutdown=on_shutdown,
        extra_state={"gateway": state, "events_nats_url": settings.nats_url},
        # Its /openapi.json and /docs merge every service's.
        own_api_docs=False,
        # /api/{service}/v1/... answered before routing (ADR 0011); the rest goes on to FastAPI.
        middleware=[Middleware(GatewayProxy, route=proxy.ROUTE, settings=settings)],
    )
    # Its /docs and /redoc show the merged document, from local assets.
    install_offline_docs(app, openapi_url="/openapi.json", title=docs.TITLE)
    # The web console at / (ADR 0008): same origin as the API, its assets from this package.
    install_console(app)
    # Browser apps on the listed origins only (none by default); outermost, so a preflight is
    # answered before authentication or routing (which would refuse OPTIONS).
    if settings.cors_allow_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_allow_origins,
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "If-Match", "Idempotency-Key", "Accept-Language"],
            expose_headers=["ETag", "Location", "Retry-After", "X-Request-ID"],
            max_age=600,
        )
    return app
