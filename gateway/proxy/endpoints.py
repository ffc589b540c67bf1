from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from starlette.responses import StreamingResponse

from gateway.proxy.service import forward
from gateway.state import GatewayState, get_gateway
from shared.errors import NotFound

router = APIRouter()

METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]


@router.api_route("/api/{service}/v1/{path:path}", methods=METHODS, include_in_schema=False)
async def proxy(
    service: str, path: str, request: Request, gw: GatewayState = Depends(get_gateway)
) -> StreamingResponse:
    base_url = gw.settings.service_urls().get(service)
    if base_url is None:
        raise NotFound(f"没有名为 {service} 的服务", f"no service named {service}")
    return await forward(gw.require_http(), service, base_url, request)
