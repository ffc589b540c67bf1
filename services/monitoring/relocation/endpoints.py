from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query
from fastapi.responses import JSONResponse, Response

from services.monitoring.access import ForceReaderCtx, ReportReaderCtx, WriterCtx
from services.monitoring.models import HouseholdRelocation, RelocationMeasure, ResettlementSite
from services.monitoring.relocation import repository, service
from services.monitoring.relocation.reports import site_figures
from services.monitoring.relocation.schemas import (
    RelocationIn,
    RelocationOut,
    SiteIn,
    SiteMeasureIn,
    SiteMeasureOut,
    SiteMeasurePatch,
    SiteOut,
    SitePatch,
)
from shared import clock
from shared.context import etag_for
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page
from shared.reports import REPORT_RESPONSES, Report, ReportFormat, report_response
from shared.routing import KitRouter
from shared.schemas import IsoDate, TownCode

router = KitRouter(prefix="/v1/relocation", tags=["relocation 易地搬迁后续扶持"])
WRITE = problem_responses(400, 401, 403, 404, 409, 412, 422, 428)
CREATE = problem_responses(400, 401, 403, 404, 409, 422)
LIST = problem_responses(401, 403, 404, 422)


@router.post(
    "/sites", status_code=201, response_model=SiteOut, summary="登记安置点 / open a site", responses=CREATE
)
async def open_site(body: SiteIn, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    out = SiteOut.model_validate(await service.open_site(ctx, body))
    return await ctx.respond(out, status_code=201, headers={"ETag": etag_for(out.version)})


@router.get("/sites", response_model=Page[SiteOut], summary="安置点 / sites", responses=LIST)
async def list_resettlement_sites(
    ctx: ForceReaderCtx, updated_since: UpdatedSince = None, cursor: Cursor = None, limit: Limit = 50
) -> Page[SiteOut]:
    rows, next_cursor = await keyset_page(
        ctx.session,
        repository.sites(ctx.principal, updated_since),
        (ResettlementSite.updated_at, ResettlementSite.id),
        cursor=cursor,
        limit=limit,
    )
    return Page[SiteOut](items=[SiteOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.get("/sites/{site_id}", response_model=SiteOut, summary="安置点 / a site", responses=LIST)
async def get_resettlement_site(site_id: uuid.UUID, ctx: ForceReaderCtx) -> JSONResponse:
    out = SiteOut.model_validate(await service.load_site(ctx, site_id))
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})


@router.patch(
    "/sites/{site_id}",
    response_model=SiteOut,
    summary="修改安置点（需 If-Match）/ amend a site",
    responses=WRITE,
)
async def amend_site(site_id: uuid.UUID, body: SitePatch, ctx: WriterCtx) -> JSONResponse:
    out = SiteOut.model_validate(await service.amend_site(ctx, site_id, body))
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})


@router.post(
    "/sites/{site_id}/households",
    status_code=201,
    response_model=RelocationOut,
    summary="登记搬迁户（安置点与搬迁日期，每户一次）/ a household relocated to the site",
    responses=CREATE,
)
async def relocate(site_id: uuid.UUID, body: RelocationIn, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    relocation = await service.relocate(ctx, site_id, body)
    return await ctx.respond(RelocationOut.model_validate(relocation), status_code=201)


@router.get(
    "/sites/{site_id}/households",
    response_model=Page[RelocationOut],
    summary="安置点的搬迁户 / households",
    responses=LIST,
)
async def list_relocations(
    site_id: uuid.UUID,
    ctx: ForceReaderCtx,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[RelocationOut]:
    site = await service.load_site(ctx, site_id)
    rows, next_cursor = await keyset_page(
        ctx.session,
        repository.relocations(site.id, updated_since),
        (HouseholdRelocation.updated_at, HouseholdRelocation.household_id),
        cursor=cursor,
        limit=limit,
    )
    return Page[RelocationOut](items=[RelocationOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.post(
    "/sites/{site_id}/measures",
    status_code=201,
    response_model=SiteMeasureOut,
    summary="后续扶持措施（就业、产业、社区服务）/ a follow-up measure of the site",
    responses=CREATE,
)
async def add_measure(site_id: uuid.UUID, body: SiteMeasureIn, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    out = SiteMeasureOut.model_validate(await service.add_measure(ctx, site_id, body))
    return await ctx.respond(out, status_code=201, headers={"ETag": etag_for(out.version)})


@router.get(
    "/sites/{site_id}/measures",
    response_model=Page[SiteMeasureOut],
    summary="后续扶持措施 / measures",
    responses=LIST,
)
async def list_measures(
    site_id: uuid.UUID,
    ctx: ForceReaderCtx,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[SiteMeasureOut]:
    site = await service.load_site(ctx, site_id)
    rows, next_cursor = await keyset_page(
        ctx.session,
        repository.measures(site.id, updated_since),
        (RelocationMeasure.updated_at, RelocationMeasure.id),
        cursor=cursor,
        limit=limit,
    )
    return Page[SiteMeasureOut](
        items=[SiteMeasureOut.model_validate(r) for r in rows], next_cursor=next_cursor
    )


@router.patch(
    "/sites/{site_id}/measures/{measure_id}",
    response_model=SiteMeasureOut,
    summary="修改措施的结束日期或受益户（需 If-Match）/ amend a measure",
    responses=WRITE,
)
async def amend_measure(
    site_id: uuid.UUID, measure_id: uuid.UUID, body: SiteMeasurePatch, ctx: WriterCtx
) -> JSONResponse:
    out = SiteMeasureOut.model_validate(await service.amend_measure(ctx, site_id, measure_id, body))
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})


@router.get(
    "/reports/sites",
    response_model=Report,
    summary="安置点后续扶持情况（某日）：搬迁户、劳动力务工、有措施的户 / per-site figures on a date",
    responses=REPORT_RESPONSES,
)
async def sites_report(
    ctx: ReportReaderCtx,
    as_of: Annotated[IsoDate | None, Query(description="统计日期（默认今天）")] = None,
    town_code: Annotated[TownCode | None, Query()] = None,
    format: ReportFormat = "json",
) -> Response:
    return report_response(await site_figures(ctx, as_of or clock.today(), town_code), format)
