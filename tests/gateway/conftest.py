"""A second gateway for tests that need one pointing somewhere else (the shared services stay up)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

from gateway.app import create_app
from tests.conftest import Stack, serve_app, service_settings
from xianjie.devstack import free_port


@contextlib.asynccontextmanager
async def extra_gateway(stack: Stack, **overrides: Any) -> AsyncIterator[str]:
    """Serve another gateway app on its own port with some settings changed; yield its URL."""
    port = free_port()
    settings = service_settings("gateway", stack.infra, {**stack.ports, "gateway": port})
    server, task = await serve_app(create_app(settings.model_copy(update=overrides)), port)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task
