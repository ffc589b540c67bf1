from __future__ import annotations

import uuid
from typing import Annotated
from urllib.parse import unquote_plus

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPBasic, HTTPBasicCredentials
from sqlalchemy import select

from gateway.auth import service
from gateway.auth.keys import published_keys
from gateway.auth.schemas import Jwks, MeOut, TokenResponse
from gateway.models import ServiceClient, User
from gateway.state import GatewayState, get_gateway
from shared.auth import Role
from shared.context import CurrentPrincipal, get_component
from shared.errors import NotFound, Problem, problem_responses

router = APIRouter(tags=["auth 认证"])
basic = HTTPBasic(auto_error=False, description="部门系统：client_id / client_secret")
Gateway = Annotated[GatewayState, Depends(get_gateway)]

_OAUTH_PROBLEMS = {
    **problem_responses(400, 401, 422),
    429: {
        "model": Problem,
        "description": "登录过于频繁 / too many sign-in attempts (see Retry-After)",
        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
    },
}


def _client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.post(
    "/auth/token",
    response_model=TokenResponse,
    response_model_exclude_none=True,
    summary="获取令牌（OAuth2）/ obtain a token (OAuth2)",
    description=(
        "`grant_type=password`（username, password）供个人登录；`client_credentials`（client_id, "
        "client_secret，表单或 HTTP Basic）供部门系统；`refresh_token` 轮换刷新令牌（每个只能用一次，"
        "重复使用会使整条登录链失效）。"
    ),
    responses=_OAUTH_PROBLEMS,
)
async def token(
    request: Request,
    gw: Gateway,
    basic_credentials: Annotated[HTTPBasicCredentials | None, Depends(basic)],
    grant_type: Annotated[str | None, Form()] = None,
    username: Annotated[str | None, Form(max_length=100)] = None,
    password: Annotated[str | None, Form(max_length=200)] = None,
    refresh_token: Annotated[str | None, Form(max_length=200)] = None,
    client_id: Annotated[str | None, Form(max_length=100)] = None,
    client_secret: Annotated[str | None, Form(max_length=200)] = None,
    scope: Annotated[str | None, Form(max_length=500)] = None,
) -> JSONResponse:
    db = get_component(request).db
    issuer = service.TokenIssuer(gw.settings, gw.require_keyring())
    if grant_type == "password":
        if not username or password is None:
            raise service.InvalidRequest("需要用户名和密码", "username and password are required")
        await gw.limiter.hit(username.strip(), _client_ip(request))
        async with db.transaction() as session:
            result = await service.password_grant(session, issuer, username, password)
    elif grant_type == "client_credentials":
        if basic_credentials is not None:
            client_id = unquote_plus(basic_credentials.username)
            client_secret = unquote_plus(basic_credentials.password)
        if not client_id or client_secret is None:
            raise service.InvalidClient(
                "需要 client_id 和 client_secret", "client_id and client_secret required"
            )
        await gw.limiter.hit(client_id, _client_ip(request))
        async with db.transaction() as session:
            result = await service.client_credentials_grant(session, issuer, client_id, client_secret)
    elif grant_type == "refresh_token":
        if not refresh_token:
            raise service.InvalidRequest("需要 refresh_token", "refresh_token is required")
        async with db.transaction() as session:
            outcome = await service.refresh_grant(session, issuer, refresh_token)
        if isinstance(outcome, service.InvalidGrant):
            raise outcome  # after the commit: a family revoked on reuse stays revoked
        result = outcome
    elif not grant_type:
        raise service.InvalidRequest("缺少 grant_type", "grant_type is required")
    else:
        raise service.UnsupportedGrantType(
            "支持 password、client_credentials、refresh_token",
            "use password, client_credentials or refresh_token",
        )
    return JSONResponse(
        result.model_dump(exclude_none=True), headers={"Cache-Control": "no-store", "Pragma": "no-cache"}
    )


@router.post(
    "/auth/revoke",
    status_code=200,
    summary="注销：吊销刷新令牌（OAuth2 RFC 7009）/ sign out: revoke a refresh token",
    description=(
        "`token` 为刷新令牌；其整条登录链随之失效。未知令牌同样答 200（RFC 7009 §2.2）。"
        "访问令牌到期前仍然有效，客户端应自行丢弃。"
    ),
    responses=problem_responses(400, 422),
)
async def revoke(
    request: Request,
    token: Annotated[str | None, Form(max_length=200)] = None,
    token_type_hint: Annotated[str | None, Form(max_length=50)] = None,
) -> JSONResponse:
    if not token:
        raise service.InvalidRequest("需要 token", "token is required")
    async with get_component(request).db.transaction() as session:
        await service.revoke_refresh_token(session, token)
    return JSONResponse({}, headers={"Cache-Control": "no-store"})


@router.get(
    "/auth/me",
    response_model=MeOut,
    summary="当前用户 / who am I",
    responses=problem_responses(401, 404),
)
async def me(request: Request, principal: CurrentPrincipal) -> MeOut:
    component = get_component(request)
    async with component.db.sessions() as session:
        if principal.role is Role.INTEGRATOR:
            client = await session.scalar(
                select(ServiceClient).where(ServiceClient.client_id == principal.subject)
            )
            if client is None or not client.active:
                raise NotFound()
            return MeOut(
                id=client.client_id,
                username=client.client_id,
                display_name=client.display_name,
                role=principal.role,
                role_label=principal.role.label,
                division_code=None,
                division_name=None,
                department=client.department,
            )
        try:
            user = await session.get(User, uuid.UUID(principal.subject))
        except ValueError:
            user = None
    if user is None or not user.active:
        raise NotFound()
    return MeOut(
        id=str(user.id),
        username=user.username,
        display_name=user.display_name,
        role=user.role,
        role_label=user.role.label,
        division_code=user.division_code,
        division_name=component.divisions.name(user.division_code) if user.division_code else None,
        department=user.department,
    )


@router.get(
    "/.well-known/jwks.json",
    response_model=Jwks,
    summary="令牌验证公钥 / public keys that verify access tokens (JWKS)",
)
async def jwks(request: Request) -> JSONResponse:
    keys = await published_keys(get_component(request).db)
    return JSONResponse({"keys": keys}, headers={"Cache-Control": "public, max-age=60"})
