from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from gateway.access import AdminCtx, ReaderCtx
from gateway.models import ServiceClient, User
from gateway.users import repository, service
from gateway.users.schemas import ClientCreate, ClientCreated, ClientOut, UserCreate, UserOut, UserUpdate
from shared.auth import Role
from shared.context import etag_for
from shared.errors import NotFound, problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page

router = APIRouter(prefix="/admin", tags=["admin 账号管理"])


@router.get(
    "/users",
    response_model=Page[UserOut],
    summary="用户列表 / list users",
    responses=problem_responses(401, 403, 422),
)
async def list_users(
    ctx: ReaderCtx,
    role: Annotated[Role | None, Query()] = None,
    division_code: Annotated[
        str | None, Query(pattern=r"^\d{9}(\d{3})?$", description="辖区（含下级）")
    ] = None,
    active: Annotated[bool | None, Query()] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[UserOut]:
    query = repository.filtered(
        role=role, division_code=division_code, active=active, updated_since=updated_since
    )
    rows, next_cursor = await keyset_page(
        ctx.session, query, (User.updated_at, User.id), cursor=cursor, limit=limit
    )
    return Page[UserOut](items=[UserOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.post(
    "/users",
    status_code=201,
    response_model=UserOut,
    summary="创建用户 / create a user",
    responses=problem_responses(400, 401, 403, 409, 413, 422),
)
async def create_user(body: UserCreate, ctx: AdminCtx) -> JSONResponse:
    # The stored request fingerprint must not be derived from the password.
    if (replay := await ctx.idempotent_replay(body.model_copy(update={"password": "-"}))) is not None:
        return replay
    user = await service.create_user(ctx, body)
    out = UserOut.model_validate(user)
    return await ctx.respond(
        out, status_code=201, headers={"ETag": etag_for(out.version), "Location": f"/admin/users/{out.id}"}
    )


@router.get(
    "/users/{user_id}",
    response_model=UserOut,
    summary="用户详情 / get a user",
    responses=problem_responses(401, 403, 404, 422),
)
async def get_user(user_id: uuid.UUID, ctx: ReaderCtx) -> JSONResponse:
    user = await repository.get(ctx.session, user_id)
    if user is None:
        raise NotFound()
    out = UserOut.model_validate(user)
    return JSONResponse(out.model_dump(mode="json"), headers={"ETag": etag_for(out.version)})


@router.patch(
    "/users/{user_id}",
    response_model=UserOut,
    summary="修改用户（需 If-Match）/ update a user (If-Match required)",
    description="可修改角色、辖区、部门、启用状态与密码；改密码、改角色或停用会使其刷新令牌立即失效。",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428),
)
async def update_user(user_id: uuid.UUID, body: UserUpdate, ctx: AdminCtx) -> JSONResponse:
    user = await repository.get(ctx.session, user_id)
    if user is None:
        raise NotFound()
    user = await service.update_user(ctx, user, body)
    out = UserOut.model_validate(user)
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})


@router.get(
    "/clients",
    response_model=Page[ClientOut],
    summary="部门系统账号列表 / list service clients",
    responses=problem_responses(401, 403, 422),
)
async def list_clients(
    ctx: ReaderCtx,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[ClientOut]:
    rows, next_cursor = await keyset_page(
        ctx.session,
        repository.clients(),
        (ServiceClient.updated_at, ServiceClient.id),
        cursor=cursor,
        limit=limit,
    )
    return Page[ClientOut](items=[ClientOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.post(
    "/clients",
    status_code=201,
    response_model=ClientCreated,
    summary="创建部门系统账号（密钥只显示一次）/ create a service client (secret shown once)",
    responses=problem_responses(400, 401, 403, 409, 413, 422),
)
async def create_client(body: ClientCreate, ctx: AdminCtx) -> JSONResponse:
    # No Idempotency-Key replay here: a stored answer would keep the secret in clear text.
    client, secret = await service.create_client(ctx, body)
    out = ClientCreated(**ClientOut.model_validate(client).model_dump(), client_secret=secret)
    return JSONResponse(out.model_dump(mode="json"), status_code=201, headers={"Cache-Control": "no-store"})
