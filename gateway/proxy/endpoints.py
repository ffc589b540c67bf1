from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from gateway.proxy.service import forward
from gateway.state import GatewayState
from shared.errors import NotFound

router = APIRouter()

METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]


@router.api_route("/api/{service}/v1/{path:path}", methods=METHODS, include_in_schema=False)
async def proxy(service: str, path: str, request: Request) -> Response:
    # Read from the app's state rather than through a dependency: a plain function as a
    # dependency runs in a worker thread, which cost a tenth of the gateway's time per request.
    gw: GatewayState = request.app.state.gateway
    base_url = gw.settings.service_urls().get(service)
    if base_url is None:
        raise NotFound(f"没有名为 {service} 的服务", f"no service named {service}")
    return await forward(gw.require_http(), service, base_url, request)
