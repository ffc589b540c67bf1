from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Body, Query
from fastapi.responses import JSONResponse

from services.assets.access import ReaderCtx, WriterCtx, visible_asset
from services.assets.models import Asset, AssetKind, AssetStatus, OwnerKind
from services.assets.registry import repository, service
from services.assets.registry.schemas import (
    AssetCard,
    AssetCreate,
    AssetOut,
    AssetUpdate,
    LifecycleRequest,
)
from shared.context import etag_for
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page
from shared.routing import KitRouter
from shared.schemas import TownCode, VillageCode

router = KitRouter(prefix="/v1/assets", tags=["assets 资产台账"])


def _with_etag(out: AssetOut) -> dict[str, str]:
    return {"ETag": etag_for(out.version)}


@router.post(
    "",
    status_code=201,
    response_model=AssetOut,
    summary="登记资产 / register an asset",
    responses=problem_responses(400, 401, 403, 413, 422),
)
async def create_asset(body: AssetCreate, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    asset = await service.register(ctx, body)
    out = AssetOut.model_validate(asset)
    return await ctx.respond(
        out, status_code=201, headers={**_with_etag(out), "Location": f"/v1/assets/{out.id}"}
    )


@router.get(
    "",
    response_model=Page[AssetOut],
    summary="资产台账（筛选、搜索）/ list and search assets",
    responses=problem_responses(401, 403, 422),
)
async def list_assets(
    ctx: ReaderCtx,
    town_code: Annotated[TownCode | None, Query()] = None,
    village_code: Annotated[VillageCode | None, Query()] = None,
    kind: Annotated[AssetKind | None, Query()] = None,
    category: Annotated[str | None, Query(max_length=100)] = None,
    owner_kind: Annotated[OwnerKind | None, Query()] = None,
    status: Annotated[AssetStatus | None, Query()] = None,
    source_project_id: Annotated[uuid.UUID | None, Query()] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=100, description="按名称搜索")] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[AssetOut]:
    query = repository.filtered(
        ctx.principal,
        town_code=town_code,
        village_code=village_code,
        kind=kind,
        category=category,
        owner_kind=owner_kind,
        status=status,
        source_project_id=source_project_id,
        q=q,
        updated_since=updated_since,
    )
    rows, next_cursor = await keyset_page(
        ctx.session, query, (Asset.updated_at, Asset.id), cursor=cursor, limit=limit
    )
    return Page[AssetOut](items=[AssetOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.get(
    "/{asset_id}",
    response_model=AssetOut,
    summary="资产详情 / get an asset",
    responses=problem_responses(401, 403, 404, 422),
)
async def get_asset(asset_id: uuid.UUID, ctx: ReaderCtx) -> JSONResponse:
    out = AssetOut.model_validate(await visible_asset(ctx, asset_id))
    return JSONResponse(out.model_dump(mode="json"), headers=_with_etag(out))


@router.get(
    "/{asset_id}/card",
    response_model=AssetCard,
    summary="资产卡片（来源项目、全程记录、运营与分配）/ the asset card with its whole history",
    responses=problem_responses(401, 403, 404, 422),
)
async def get_card(asset_id: uuid.UUID, ctx: ReaderCtx) -> AssetCard:
    return await service.card(ctx, await visible_asset(ctx, asset_id))


@router.patch(
    "/{asset_id}",
    response_model=AssetOut,
    summary="更正资产登记（确权前，需 If-Match）/ correct an asset entry (If-Match required)",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 413, 422, 428),
)
async def update_asset(asset_id: uuid.UUID, body: AssetUpdate, ctx: WriterCtx) -> JSONResponse:
    asset = await visible_asset(ctx, asset_id, for_update=True)
    out = AssetOut.model_validate(await service.correct(ctx, asset, body))
    return await ctx.respond(out, headers=_with_etag(out))


@router.post(
    "/{asset_id}/lifecycle",
    response_model=AssetOut,
    summary="确权、移交、投入运营、处置（需 If-Match）/ move an asset along its life",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 413, 422, 428),
)
async def move_asset(
    asset_id: uuid.UUID, body: Annotated[LifecycleRequest, Body()], ctx: WriterCtx
) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    asset = await visible_asset(ctx, asset_id, for_update=True)
    out = AssetOut.model_validate(await service.move(ctx, asset, body))
    return await ctx.respond(out, headers=_with_etag(out))
