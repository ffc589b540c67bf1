from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse

from gateway.docs.service import merge_asyncapi, merge_openapi
from gateway.state import GatewayState, get_gateway

router = APIRouter(include_in_schema=False)

TITLE = "衔接 xianjie API"
DESCRIPTION = (
    "网关与全部服务的接口（经网关访问：/api/<服务>/v1/...）。先用 POST /auth/token 获取令牌，"
    "再以 `Authorization: Bearer <令牌>` 调用。/ The gateway and every service, reached through the gateway."
)


def _urls(gw: GatewayState, document: str) -> dict[str, str]:
    return {name: f"{url}/{document}" for name, url in gw.settings.service_urls().items()}


@router.get("/openapi.json")
async def openapi(request: Request, gw: GatewayState = Depends(get_gateway)) -> JSONResponse:
    services = await gw.docs.fetch_all(gw.require_http(), _urls(gw, "openapi.json"))
    own: dict[str, Any] = request.app.openapi()
    return JSONResponse(merge_openapi(own, services, title=TITLE, description=DESCRIPTION))


@router.get("/docs")
async def docs() -> HTMLResponse:
    return get_swagger_ui_html(openapi_url="/openapi.json", title=f"{TITLE} — 接口文档")


@router.get("/asyncapi.json")
async def asyncapi(request: Request, gw: GatewayState = Depends(get_gateway)) -> JSONResponse:
    services = await gw.docs.fetch_all(gw.require_http(), _urls(gw, "asyncapi.json"))
    nats_url: str = getattr(request.app.state, "events_nats_url", "")
    return JSONResponse(merge_asyncapi(services, title="衔接 xianjie events", nats_url=nats_url))
