from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Annotated

from fastapi import Query
from fastapi.responses import JSONResponse
from pydantic import BeforeValidator

from services.assets.access import ReaderCtx, WriterCtx, visible_asset
from services.assets.models import AssetKind
from services.assets.registry.schemas import AssetOut
from services.assets.value import repository, service
from services.assets.value.schemas import (
    BookValueOut,
    DepreciationSchedule,
    ScheduleYear,
    UseCheckIn,
    UseCheckOut,
    ValuationIn,
    ValuationOut,
)
from shared.context import etag_for
from shared.errors import InvalidTransition, problem_responses
from shared.routing import KitRouter
from shared.schemas import quantize

router = KitRouter(prefix="/v1/assets/{asset_id}", tags=["assets 价值与使用"])


@router.post(
    "/valuations",
    status_code=201,
    response_model=ValuationOut,
    summary="登记经营性资产折旧或评估（账面价值）/ record depreciation or a revaluation",
    responses=problem_responses(400, 401, 403, 404, 409, 413, 422),
)
async def add_valuation(asset_id: uuid.UUID, body: ValuationIn, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    asset = await visible_asset(ctx, asset_id, for_update=True)
    valuation = await service.record_valuation(ctx, asset, body)
    return await ctx.respond(ValuationOut.model_validate(valuation), status_code=201)


@router.get(
    "/book-value",
    response_model=BookValueOut,
    summary="账面价值及其变动记录 / book value over time",
    responses=problem_responses(401, 403, 404, 422),
)
async def get_book_value(asset_id: uuid.UUID, ctx: ReaderCtx) -> BookValueOut:
    asset = await visible_asset(ctx, asset_id)
    current, history = await service.book_value(ctx, asset)
    return BookValueOut(
        asset_id=asset.id,
        original_value=asset.value,
        book_value=current,
        valuations=[ValuationOut.model_validate(v) for v in history],
    )


@router.post(
    "/use-checks",
    response_model=AssetOut,
    summary="登记公益性资产使用状况核查（需 If-Match）/ record a public-welfare asset's use status",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 413, 422, 428),
)
async def check_use(asset_id: uuid.UUID, body: UseCheckIn, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    asset = await visible_asset(ctx, asset_id, for_update=True)
    await service.check_use(ctx, asset, body)
    out = AssetOut.model_validate(asset)
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})


@router.get(
    "/use-checks",
    response_model=list[UseCheckOut],
    summary="使用状况核查记录 / use-status checks of an asset",
    responses=problem_responses(401, 403, 404, 422),
)
async def list_use_checks(asset_id: uuid.UUID, ctx: ReaderCtx) -> list[UseCheckOut]:
    asset = await visible_asset(ctx, asset_id)
    return [UseCheckOut.model_validate(c) for c in await repository.use_checks(ctx.session, asset.id)]


@router.get(
    "/depreciation-schedule",
    response_model=DepreciationSchedule,
    summary="按年限平均法测算折旧（供核对账面价值）/ straight-line depreciation schedule",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def depreciation_schedule(
    asset_id: uuid.UUID,
    ctx: ReaderCtx,
    useful_life_years: Annotated[int, Query(ge=1, le=50, description="折旧年限（年）")],
    residual_rate: Annotated[
        Decimal,
        BeforeValidator(lambda v: quantize(v, 3)),
        Query(ge=0, lt=1, max_digits=4, decimal_places=3, description="残值率（多余小数位四舍六入）"),
    ] = Decimal("0.05"),
) -> DepreciationSchedule:
    asset = await visible_asset(ctx, asset_id)
    if asset.kind is not AssetKind.OPERATING:
        raise InvalidTransition("只有经营性资产计提折旧", "only operating assets are depreciated")
    rows = service.straight_line(asset.value, asset.formed_on, useful_life_years, residual_rate)
    return DepreciationSchedule(
        asset_id=asset.id,
        method="年限平均法",
        original_value=asset.value,
        useful_life_years=useful_life_years,
        residual_rate=residual_rate,
        years=[
            ScheduleYear(year=y, months=m, depreciation=d, accumulated=a, book_value=b)
            for y, m, d, a, b in rows
        ],
    )
