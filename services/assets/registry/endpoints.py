from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from services.assets.models import Asset, AssetKind, AssetStatus, OwnerKind
from services.assets.registry import repository, service
from services.assets.registry.schemas import AssetCreate, AssetOut, AssetUpdate
from shared.context import Ctx, etag_for
from shared.errors import NotFound, problem_responses
from shared.pagination import Page, keyset_page
from shared.schemas import TownCode, VillageCode

UPDATED_SINCE_HELP = "只返回此时间之后有变化的记录（增量同步）"

router = APIRouter(prefix="/v1/assets", tags=["assets 资产台账"])


@router.post(
    "",
    status_code=201,
    response_model=AssetOut,
    summary="登记资产 / register an asset",
    responses=problem_responses(400, 401, 403, 413, 422),
)
async def create_asset(body: AssetCreate, ctx: Ctx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    asset = await service.register(ctx, body)
    out = AssetOut.model_validate(asset)
    return await ctx.respond(
        out, status_code=201, headers={"ETag": etag_for(out.version), "Location": f"/v1/assets/{out.id}"}
    )


@router.get(
    "",
    response_model=Page[AssetOut],
    summary="资产台账 / list assets",
    responses=problem_responses(401, 403, 422),
)
async def list_assets(
    ctx: Ctx,
    town_code: Annotated[TownCode | None, Query()] = None,
    village_code: Annotated[VillageCode | None, Query()] = None,
    kind: Annotated[AssetKind | None, Query()] = None,
    owner_kind: Annotated[OwnerKind | None, Query()] = None,
    status: Annotated[AssetStatus | None, Query()] = None,
    source_project_id: Annotated[uuid.UUID | None, Query()] = None,
    updated_since: Annotated[datetime | None, Query(description=UPDATED_SINCE_HELP)] = None,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Page[AssetOut]:
    ctx.principal.require_role(*service.READERS)
    query = repository.filtered(
        ctx.principal, town_code=town_code, village_code=village_code, kind=kind, owner_kind=owner_kind,
        status=status, source_project_id=source_project_id, updated_since=updated_since,
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
async def get_asset(asset_id: uuid.UUID, ctx: Ctx) -> JSONResponse:
    ctx.principal.require_role(*service.READERS)
    asset = await repository.get(ctx.session, ctx.principal, asset_id)
    if asset is None:
        raise NotFound()
    out = AssetOut.model_validate(asset)
    return JSONResponse(out.model_dump(mode="json"), headers={"ETag": etag_for(out.version)})


@router.patch(
    "/{asset_id}",
    response_model=AssetOut,
    summary="更正资产登记（需 If-Match）/ correct an asset entry (If-Match required)",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 413, 422, 428),
)
async def update_asset(asset_id: uuid.UUID, body: AssetUpdate, ctx: Ctx) -> JSONResponse:
    ctx.principal.require_role(*service.READERS)
    asset = await repository.get(ctx.session, ctx.principal, asset_id, for_update=True)
    if asset is None:
        raise NotFound()
    asset = await service.correct(ctx, asset, body)
    out = AssetOut.model_validate(asset)
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})
