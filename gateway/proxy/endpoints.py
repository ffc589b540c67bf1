from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response
from starlette.routing import BaseRoute

from gateway.proxy.service import METHODS, PROXY_PATH

router = APIRouter()


@router.api_route(PROXY_PATH, methods=list(METHODS), include_in_schema=False)
async def proxy(service: str, path: str) -> Response:
    """Declared so the router knows the proxied paths (another method is answered 405 here, with
    their Allow) and the metrics label them by this template. Requests with these methods never
    reach it: ``gateway.proxy.service.GatewayProxy`` answers them before routing (ADR 0011)."""
    raise RuntimeError("answered by GatewayProxy before routing; is its middleware installed?")


# What the router would leave in the scope for a proxied request (the metrics' label, tracing).
ROUTE: BaseRoute = next(r for r in router.routes if getattr(r, "path", None) == PROXY_PATH)
