from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query
from fastapi.responses import JSONResponse, Response

from services.employment.access import DistrictWriterCtx, ReaderCtx, WriterCtx
from services.employment.craftsmen import repository, service
from services.employment.craftsmen.schemas import (
    BrandCreate,
    BrandOut,
    BrandWorkerCreate,
    BrandWorkerOut,
    CraftsmanCreate,
    CraftsmanOut,
    NominationCreate,
    NominationDecision,
    NominationOut,
)
from services.employment.models import CraftLevel, Craftsman, LabourBrand, LabourBrandWorker
from shared.context import RequestContext, etag_for
from shared.errors import NotFound, problem_responses
from shared.pagination import Cursor, Limit, Page, keyset_page
from shared.reports import REPORT_RESPONSES, Report, ReportFormat, report_response
from shared.routing import KitRouter
from shared.schemas import TownCode

router = KitRouter(tags=["craftsmen 乡村工匠与劳务品牌"])


@router.post(
    "/v1/craftsmen",
    status_code=201,
    response_model=CraftsmanOut,
    summary="登记乡村工匠 / register a rural craftsman",
    responses=problem_responses(400, 401, 403, 404, 409, 413, 422),
)
async def register(body: CraftsmanCreate, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    craftsman = await service.register(ctx, body)
    return await ctx.respond(CraftsmanOut.model_validate(craftsman), status_code=201)


@router.get(
    "/v1/craftsmen",
    response_model=Page[CraftsmanOut],
    summary="乡村工匠名录 / craftsmen",
    responses=problem_responses(401, 403, 422),
)
async def list_craftsmen(
    ctx: ReaderCtx,
    town_code: Annotated[TownCode | None, Query()] = None,
    level: Annotated[CraftLevel | None, Query()] = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[CraftsmanOut]:
    rows, next_cursor = await keyset_page(
        ctx.session,
        repository.craftsmen(ctx.principal, town_code, level),
        (Craftsman.updated_at, Craftsman.id),
        cursor=cursor,
        limit=limit,
    )
    return Page[CraftsmanOut](items=[CraftsmanOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.post(
    "/v1/craftsmen/{craftsman_id}/nominations",
    status_code=201,
    response_model=NominationOut,
    summary="申报省级 / 推荐国家级乡村工匠名师 / nominate a craftsman",
    responses=problem_responses(400, 401, 403, 404, 409, 413, 422),
)
async def nominate(craftsman_id: uuid.UUID, body: NominationCreate, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    nomination = await service.nominate(ctx, await service.visible_craftsman(ctx, craftsman_id), body)
    out = NominationOut.model_validate(nomination)
    return await ctx.respond(out, status_code=201, headers={"ETag": etag_for(out.version)})


@router.get(
    "/v1/craftsmen/{craftsman_id}/nominations",
    response_model=list[NominationOut],
    summary="工匠的申报记录 / a craftsman's nominations",
    responses=problem_responses(401, 403, 404, 422),
)
async def nominations(craftsman_id: uuid.UUID, ctx: ReaderCtx) -> list[NominationOut]:
    craftsman = await service.visible_craftsman(ctx, craftsman_id)
    return [
        NominationOut.model_validate(n) for n in await repository.nominations_of(ctx.session, craftsman.id)
    ]


@router.post(
    "/v1/craftsmen/nominations/{nomination_id}/decision",
    response_model=NominationOut,
    summary="登记认定结果（需 If-Match）/ record the decision on a nomination (If-Match)",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 413, 422, 428),
)
async def decide(nomination_id: uuid.UUID, body: NominationDecision, ctx: DistrictWriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    nomination = await repository.nomination(ctx.session, ctx.principal, nomination_id)
    if nomination is None:
        raise NotFound("申报记录不存在", "nomination not found")
    out = NominationOut.model_validate(await service.decide(ctx, nomination, body))
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})


@router.get(
    "/v1/reports/craftsmen",
    response_model=Report,
    responses=REPORT_RESPONSES,
    summary="乡村工匠与名师申报（按乡镇）/ craftsmen and nominations by town",
)
async def craftsmen_report(ctx: ReaderCtx, format: ReportFormat = "json") -> Response:
    rows = await repository.by_town(ctx.session, ctx.principal)
    report = Report.of(
        "craftsmen",
        "乡村工匠与名师申报",
        [
            ("town_code", "乡镇代码"),
            ("town_name", "乡镇"),
            ("craftsmen", "乡村工匠"),
            ("provincial_masters", "省级名师"),
            ("national_masters", "国家级名师"),
            ("provincial_open", "省级申报在审"),
            ("national_open", "国家级推荐在审"),
        ],
        [
            {
                "town_code": town,
                "town_name": ctx.component.divisions.name(town),
                "craftsmen": craftsmen,
                "provincial_masters": provincial,
                "national_masters": national,
                "provincial_open": p_open,
                "national_open": n_open,
            }
            for town, craftsmen, provincial, national, p_open, n_open in rows
        ],
    )
    return report_response(report, format)


async def _brand(ctx: RequestContext, brand_id: uuid.UUID) -> LabourBrand:
    brand = await repository.brand(ctx.session, brand_id)
    if brand is None:
        raise NotFound("劳务品牌不存在", "labour brand not found")
    return brand


@router.post(
    "/v1/labour-brands",
    status_code=201,
    response_model=BrandOut,
    summary="创建劳务品牌 / create a labour brand",
    responses=problem_responses(400, 401, 403, 409, 413, 422),
)
async def create_brand(body: BrandCreate, ctx: DistrictWriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    return await ctx.respond(BrandOut.model_validate(await service.create_brand(ctx, body)), status_code=201)


@router.get(
    "/v1/labour-brands",
    response_model=Page[BrandOut],
    summary="劳务品牌 / labour brands",
    responses=problem_responses(401, 403, 422),
)
async def list_brands(ctx: ReaderCtx, cursor: Cursor = None, limit: Limit = 50) -> Page[BrandOut]:
    rows, next_cursor = await keyset_page(
        ctx.session, repository.brands(), (LabourBrand.updated_at, LabourBrand.id), cursor=cursor, limit=limit
    )
    return Page[BrandOut](items=[BrandOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.post(
    "/v1/labour-brands/{brand_id}/workers",
    status_code=201,
    response_model=BrandWorkerOut,
    summary="登记品牌务工人员 / a worker employed under the brand",
    responses=problem_responses(400, 401, 403, 404, 409, 413, 422),
)
async def employ(brand_id: uuid.UUID, body: BrandWorkerCreate, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    member = await service.employ(ctx, await _brand(ctx, brand_id), body)
    return await ctx.respond(BrandWorkerOut.model_validate(member), status_code=201)


@router.get(
    "/v1/labour-brands/{brand_id}/workers",
    response_model=Page[BrandWorkerOut],
    summary="品牌务工人员（本辖区）/ the brand's workers in your territory",
    responses=problem_responses(401, 403, 404, 422),
)
async def brand_workers(
    brand_id: uuid.UUID, ctx: ReaderCtx, cursor: Cursor = None, limit: Limit = 50
) -> Page[BrandWorkerOut]:
    brand = await _brand(ctx, brand_id)
    rows, next_cursor = await keyset_page(
        ctx.session,
        repository.brand_workers(ctx.principal, brand.id),
        (LabourBrandWorker.created_at, LabourBrandWorker.id),
        cursor=cursor,
        limit=limit,
    )
    return Page[BrandWorkerOut](
        items=[BrandWorkerOut.model_validate(r) for r in rows], next_cursor=next_cursor
    )


@router.get(
    "/v1/reports/labour-brands",
    response_model=Report,
    responses=REPORT_RESPONSES,
    summary="劳务品牌带动就业（本辖区）/ labour brands and the workers they employ",
)
async def brands_report(ctx: ReaderCtx, format: ReportFormat = "json") -> Response:
    rows = await repository.brands_report(ctx.session, ctx.principal)
    report = Report.of(
        "labour-brands",
        "劳务品牌带动就业",
        [("name", "劳务品牌"), ("trade", "工种"), ("workers", "务工人员"), ("employed", "在岗")],
        [
            {"name": name, "trade": trade, "workers": workers, "employed": employed}
            for name, trade, workers, employed in rows
        ],
    )
    return report_response(report, format)
