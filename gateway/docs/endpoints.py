from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from gateway.docs.committed import committed_asyncapi, committed_openapi
from gateway.docs.service import merge_asyncapi, merge_openapi, payload_schema
from gateway.state import GatewayState, get_gateway
from shared.errors import NotFound

router = APIRouter(include_in_schema=False)

# ASCII: generators derive package and distribution names from the title.
TITLE = "Xianjie API"
ASYNCAPI_TITLE = "Xianjie events"
DESCRIPTION = (
    "衔接（防止返贫监测与帮扶）网关与全部服务的接口（经网关访问：/api/<服务>/v1/...）。"
    "先用 POST /auth/token 获取令牌（OAuth2 password 或 client_credentials），"
    "再以 `Authorization: Bearer <令牌>` 调用。/ The gateway and every service, reached through the gateway."
)


def _urls(gw: GatewayState, document: str) -> dict[str, str]:
    return {name: f"{url}/{document}" for name, url in gw.settings.service_urls().items()}


@router.get("/openapi.json")
async def openapi(request: Request, gw: GatewayState = Depends(get_gateway)) -> JSONResponse:
    services = await gw.docs.fetch_all(gw.require_http(), _urls(gw, "openapi.json"))
    own: dict[str, Any] = request.app.openapi()
    merged = merge_openapi(
        own,
        services,
        title=TITLE,
        description=DESCRIPTION,
        committed=committed_openapi() if None in services.values() else None,
    )
    return JSONResponse(merged)


async def _merged_asyncapi(request: Request, gw: GatewayState) -> dict[str, Any]:
    services: dict[str, dict[str, Any] | None] = {"gateway": request.app.state.asyncapi}
    services.update(await gw.docs.fetch_all(gw.require_http(), _urls(gw, "asyncapi.json")))
    nats_url: str = getattr(request.app.state, "events_nats_url", "")
    return merge_asyncapi(services, title=ASYNCAPI_TITLE, nats_url=nats_url)


@router.get("/asyncapi.json")
async def asyncapi(request: Request, gw: GatewayState = Depends(get_gateway)) -> JSONResponse:
    return JSONResponse(await _merged_asyncapi(request, gw))


@router.get("/schemas/events/{event_type}.json")
async def event_schema(
    event_type: str, request: Request, gw: GatewayState = Depends(get_gateway)
) -> JSONResponse:
    """The JSON schema of one event type's ``data``: what its CloudEvents ``dataschema`` names."""
    schema = payload_schema(await _merged_asyncapi(request, gw), event_type, str(request.url))
    if schema is None:
        schema = payload_schema(committed_asyncapi() or {}, event_type, str(request.url))
    if schema is None:
        raise NotFound(f"没有事件类型 {event_type}", f"no event type {event_type}")
    return JSONResponse(schema, media_type="application/schema+json")
