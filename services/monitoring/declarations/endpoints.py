"""农户自主申报: public operations (no token) and the village's inbox for its cadres.

A village's notice board carries a QR code of
``/api/monitoring/v1/public/declaration-form?village_code=<12 digits>``; the form it returns names
the village and where to POST. Declarations phoned in to the number on
明白纸 are entered by a cadre with ``POST /api/monitoring/v1/alerts`` (source self_declared).
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query
from fastapi.responses import JSONResponse

from services.monitoring.access import DeclarationContactCtx, DeclarationReaderCtx, WriterCtx
from services.monitoring.declarations import repository, service
from services.monitoring.declarations.public import DeclaringClient, ReadingClient
from services.monitoring.declarations.schemas import (
    DeclarationContact,
    DeclarationCreate,
    DeclarationDismissal,
    DeclarationForm,
    DeclarationLink,
    DeclarationLookup,
    DeclarationOut,
    DeclarationProgressOut,
    DeclarationReceipt,
)
from services.monitoring.models import DeclarationStatus, SelfDeclaration
from shared.context import etag_for
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page
from shared.routing import KitRouter
from shared.schemas import TownCode, VillageCode

public_router = KitRouter(prefix="/v1/public", tags=["public 公开申报"])
router = KitRouter(prefix="/v1/declarations", tags=["declarations 农户自主申报"])


@public_router.get(
    "/declaration-form",
    response_model=DeclarationForm,
    summary="自主申报表单（村务公开栏二维码，无需登录、限流）/ the declaration form of a village",
    responses=problem_responses(404, 422, 429),
)
async def declaration_form(
    public: ReadingClient, village_code: Annotated[VillageCode, Query()]
) -> DeclarationForm:
    return service.form(public, village_code)


@public_router.post(
    "/declarations",
    status_code=201,
    response_model=DeclarationReceipt,
    summary="农户自主申报（无需登录、按手机号和来源地址限流）/ declare a difficulty (no token)",
    description="只返回查询码；凭查询码和手机号查询办理进度。",
    responses=problem_responses(400, 413, 422, 429),
)
async def declare(body: DeclarationCreate, public: DeclaringClient) -> JSONResponse:
    if (replay := await public.idempotent_replay(body)) is not None:
        return replay
    return await public.respond(await service.declare(public, body), status_code=201)


@public_router.post(
    "/declarations/lookup",
    response_model=DeclarationProgressOut,
    summary="查询申报进度（查询码 + 手机号，无需登录、限流）/ a declaration's progress",
    description="查询码或手机号不正确时一律答复 404。",
    responses=problem_responses(400, 404, 422, 429),
)
async def look_up(body: DeclarationLookup, public: ReadingClient) -> DeclarationProgressOut:
    return await service.look_up(public, body)


@router.get(
    "",
    response_model=Page[DeclarationOut],
    summary="本辖区的农户自主申报 / declarations of my territory",
    responses=problem_responses(401, 403, 422),
)
async def list_declarations(
    ctx: DeclarationReaderCtx,
    status: Annotated[DeclarationStatus | None, Query()] = None,
    town_code: Annotated[TownCode | None, Query()] = None,
    village_code: Annotated[VillageCode | None, Query()] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[DeclarationOut]:
    query = repository.filtered(
        ctx.principal,
        status=status,
        town_code=town_code,
        village_code=village_code,
        updated_since=updated_since,
    )
    rows, next_cursor = await keyset_page(
        ctx.session, query, (SelfDeclaration.updated_at, SelfDeclaration.id), cursor=cursor, limit=limit
    )
    return Page[DeclarationOut](
        items=[DeclarationOut.model_validate(r) for r in rows], next_cursor=next_cursor
    )


@router.get(
    "/{declaration_id}",
    response_model=DeclarationOut,
    summary="申报详情 / get a declaration",
    responses=problem_responses(401, 403, 404, 422),
)
async def get_declaration(declaration_id: uuid.UUID, ctx: DeclarationReaderCtx) -> JSONResponse:
    out = DeclarationOut.model_validate(await service.visible(ctx, declaration_id))
    return JSONResponse(out.model_dump(mode="json"), headers={"ETag": etag_for(out.version)})


@router.get(
    "/{declaration_id}/contact",
    response_model=DeclarationContact,
    summary="申报人手机号和身份证号（村、镇、区干部回访用，读取留痕）/ the applicant's contact in full",
    responses=problem_responses(401, 403, 404, 422),
)
async def get_contact(declaration_id: uuid.UUID, ctx: DeclarationContactCtx) -> JSONResponse:
    out = await service.contact(ctx, await service.visible(ctx, declaration_id))
    return JSONResponse(out.model_dump(mode="json"), headers={"Cache-Control": "no-store"})


@router.post(
    "/{declaration_id}/link",
    response_model=DeclarationOut,
    summary="关联农户并转为预警（需 If-Match）/ link a waiting declaration to its household",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428),
)
async def link(declaration_id: uuid.UUID, body: DeclarationLink, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    declaration = await service.visible(ctx, declaration_id, for_update=True)
    out = DeclarationOut.model_validate(await service.link(ctx, declaration, body))
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})


@router.post(
    "/{declaration_id}/dismissal",
    response_model=DeclarationOut,
    summary="核实排除（无需登记农户，需 If-Match）/ close a waiting declaration with a reason",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428),
)
async def dismiss(declaration_id: uuid.UUID, body: DeclarationDismissal, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    declaration = await service.visible(ctx, declaration_id, for_update=True)
    out = DeclarationOut.model_validate(await service.dismiss(ctx, declaration, body))
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})
