"""What the gateway keeps beside the kit's Component: its settings, keys, limiter and HTTP pool."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import aiohttp
from fastapi import Request

from gateway.auth.ratelimit import LoginRateLimiter
from gateway.settings import GatewaySettings

if TYPE_CHECKING:
    from gateway.auth.keys import KeyRing
    from gateway.docs.service import DocumentCache
    from gateway.proxy.upstream import UpstreamPool


@dataclass
class GatewayState:
    settings: GatewaySettings
    limiter: LoginRateLimiter
    docs: DocumentCache
    keyring: KeyRing | None = None  # set by the startup hook, once the database is there
    http: aiohttp.ClientSession | None = field(default=None)  # set by the lifespan (API documents)
    upstream: UpstreamPool | None = field(default=None)  # set by the lifespan (the proxy's calls)

    def require_keyring(self) -> KeyRing:
        if self.keyring is None:
            raise RuntimeError("gateway not started")
        return self.keyring

    def require_upstream(self) -> UpstreamPool:
        if self.upstream is None:
            raise RuntimeError("gateway not started")
        return self.upstream

    def require_http(self) -> aiohttp.ClientSession:
        if self.http is None:
            raise RuntimeError("gateway not started")
        return self.http


def get_gateway(request: Request) -> GatewayState:
    state: GatewayState = request.app.state.gateway
    return state
