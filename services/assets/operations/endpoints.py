from __future__ import annotations

import uuid

from fastapi.responses import JSONResponse

from services.assets.access import ReaderCtx, WriterCtx, visible_asset
from services.assets.models import MaintenanceRecord, MonthlyOperation
from services.assets.operations import repository, service
from services.assets.operations.schemas import (
    MaintenanceCreate,
    MaintenanceOut,
    MonthlyCreate,
    MonthlyOut,
    PvStationIn,
    PvStationOut,
)
from shared.context import etag_for
from shared.errors import NotFound, problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page
from shared.routing import KitRouter

router = KitRouter(prefix="/v1/assets/{asset_id}", tags=["assets 管护运营"])


@router.post(
    "/maintenance",
    status_code=201,
    response_model=MaintenanceOut,
    summary="登记管护记录或运维故障 / record maintenance or an O&M incident",
    responses=problem_responses(400, 401, 403, 404, 409, 413, 422),
)
async def add_maintenance(asset_id: uuid.UUID, body: MaintenanceCreate, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    asset = await visible_asset(ctx, asset_id, for_update=True)
    record = await service.add_maintenance(ctx, asset, body)
    return await ctx.respond(MaintenanceOut.model_validate(record), status_code=201)


@router.get(
    "/maintenance",
    response_model=Page[MaintenanceOut],
    summary="管护记录 / maintenance records of an asset",
    responses=problem_responses(401, 403, 404, 422),
)
async def list_maintenance(
    asset_id: uuid.UUID,
    ctx: ReaderCtx,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[MaintenanceOut]:
    await visible_asset(ctx, asset_id)
    query = repository.maintenance_of(asset_id, updated_since)
    rows, next_cursor = await keyset_page(
        ctx.session, query, (MaintenanceRecord.updated_at, MaintenanceRecord.id), cursor=cursor, limit=limit
    )
    return Page[MaintenanceOut](
        items=[MaintenanceOut.model_validate(r) for r in rows], next_cursor=next_cursor
    )


@router.put(
    "/pv-station",
    response_model=PvStationOut,
    summary="光伏帮扶电站档案（新建无需 If-Match，修改需要）/ photovoltaic station profile",
    responses={
        201: {"model": PvStationOut, "description": "已新建 / created"},
        **problem_responses(400, 401, 403, 404, 409, 412, 413, 422, 428),
    },
)
async def set_pv_station(asset_id: uuid.UUID, body: PvStationIn, ctx: WriterCtx) -> JSONResponse:
    asset = await visible_asset(ctx, asset_id, for_update=True)
    station, created = await service.set_pv_station(ctx, asset, body)
    out = PvStationOut.model_validate(station)
    return await ctx.respond(
        out, status_code=201 if created else 200, headers={"ETag": etag_for(out.version)}
    )


@router.get(
    "/pv-station",
    response_model=PvStationOut,
    summary="光伏帮扶电站档案 / photovoltaic station profile",
    responses=problem_responses(401, 403, 404, 422),
)
async def get_pv_station(asset_id: uuid.UUID, ctx: ReaderCtx) -> JSONResponse:
    await visible_asset(ctx, asset_id)
    station = await repository.pv_station(ctx.session, asset_id)
    if station is None:
        raise NotFound("该资产没有光伏电站档案", "no PV station profile")
    out = PvStationOut.model_validate(station)
    return JSONResponse(out.model_dump(mode="json"), headers={"ETag": etag_for(out.version)})


@router.post(
    "/monthly-records",
    status_code=201,
    response_model=MonthlyOut,
    summary="登记月度收益与发电量 / record a month's revenue (and generation)",
    responses=problem_responses(400, 401, 403, 404, 409, 413, 422),
)
async def record_month(asset_id: uuid.UUID, body: MonthlyCreate, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    asset = await visible_asset(ctx, asset_id, for_update=True)
    record = await service.record_month(ctx, asset, body)
    return await ctx.respond(MonthlyOut.model_validate(record), status_code=201)


@router.get(
    "/monthly-records",
    response_model=Page[MonthlyOut],
    summary="月度运营记录 / monthly records of an asset",
    responses=problem_responses(401, 403, 404, 422),
)
async def list_months(
    asset_id: uuid.UUID,
    ctx: ReaderCtx,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[MonthlyOut]:
    await visible_asset(ctx, asset_id)
    query = repository.months_of(asset_id, updated_since)
    rows, next_cursor = await keyset_page(
        ctx.session, query, (MonthlyOperation.updated_at, MonthlyOperation.id), cursor=cursor, limit=limit
    )
    return Page[MonthlyOut](items=[MonthlyOut.model_validate(r) for r in rows], next_cursor=next_cursor)
