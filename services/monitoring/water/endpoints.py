from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import File, Query, UploadFile
from fastapi.responses import JSONResponse, Response

from services.monitoring.access import (
    FieldWorkerCtx,
    ReaderCtx,
    ReportReaderCtx,
    VisitReaderCtx,
    WriterCtx,
    load_household,
)
from services.monitoring.models import WaterSite, WaterSiteStatus
from services.monitoring.water import repository, service
from services.monitoring.water.schemas import (
    SiteProgressIn,
    WaterCheckIn,
    WaterCheckOut,
    WaterCheckRecorded,
    WaterSiteIn,
    WaterSiteOut,
)
from shared import clock
from shared.context import etag_for
from shared.errors import NotFound, problem_responses
from shared.import_refusals import keep_refused_rows
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page
from shared.reports import REPORT_RESPONSES, Report, ReportFormat, report_response
from shared.routing import KitRouter
from shared.schemas import IsoDate, TownCode
from shared.tabular import ImportReport, upload_content

router = KitRouter(tags=["water 饮水安全"])
Year = Annotated[int | None, Query(ge=2000, le=2100)]


@router.post(
    "/v1/households/{household_id}/water-checks",
    status_code=201,
    response_model=WaterCheckRecorded,
    summary="登记饮水安全核查（走访）/ record a drinking-water check",
    responses=problem_responses(400, 401, 403, 404, 409, 422),
)
async def post_check(household_id: uuid.UUID, body: WaterCheckIn, ctx: FieldWorkerCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    household = await load_household(ctx, household_id, for_update=True)
    check = await service.record_check(ctx, household, body)
    out = WaterCheckRecorded(check=WaterCheckOut.model_validate(check), water_safe=household.water_safe)
    return await ctx.respond(out, status_code=201)


@router.get(
    "/v1/households/{household_id}/water-checks",
    response_model=list[WaterCheckOut],
    summary="农户饮水安全核查记录 / a household's water checks",
    responses=problem_responses(401, 403, 404),
)
async def list_checks(household_id: uuid.UUID, ctx: VisitReaderCtx) -> list[WaterCheckOut]:
    household = await load_household(ctx, household_id)
    return [WaterCheckOut.model_validate(c) for c in await repository.checks_of(ctx.session, household.id)]


@router.post(
    "/v1/water-sites/import",
    response_model=ImportReport,
    summary="导入供水工程点位清单（CSV/XLSX，逐行回执）/ import water sites from the district's list",
    description=(
        "表头：点位编号、点位名称、供水工程、乡镇代码、村代码、年度、状态（未开工/在建/已完工）、完工日期、"
        "资金项目编号（可空；须为本镇已批复的资金项目）、演示数据（是/否）。按点位编号匹配：重复导入不变。"
    ),
    responses=problem_responses(400, 401, 403, 413, 422),
)
async def import_sites(ctx: WriterCtx, file: Annotated[UploadFile, File()]) -> ImportReport:
    content = await upload_content(file)
    report = await service.import_sites(ctx, content, file.filename or "")
    return await keep_refused_rows(ctx, report, content, file.filename or "")


@router.post(
    "/v1/water-sites",
    status_code=201,
    response_model=WaterSiteOut,
    summary="登记一个供水工程点位 / register one water site",
    responses=problem_responses(400, 401, 403, 409, 422, 503),
)
async def create_site(body: WaterSiteIn, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    out = WaterSiteOut.model_validate(await service.create_site(ctx, body))
    return await ctx.respond(
        out, status_code=201, headers={"ETag": etag_for(out.version), "Location": f"/v1/water-sites/{out.id}"}
    )


@router.get(
    "/v1/water-sites",
    response_model=Page[WaterSiteOut],
    summary="供水工程点位 / water sites",
    responses=problem_responses(401, 403, 422),
)
async def list_water_sites(
    ctx: ReaderCtx,
    cursor: Cursor = None,
    limit: Limit = 50,
    updated_since: UpdatedSince = None,
    town_code: Annotated[TownCode | None, Query()] = None,
    year: Year = None,
    status: Annotated[WaterSiteStatus | None, Query()] = None,
) -> Page[WaterSiteOut]:
    query = repository.sites_filtered(
        ctx.principal, town_code=town_code, year=year, status=status, updated_since=updated_since
    )
    rows, next_cursor = await keyset_page(
        ctx.session, query, (WaterSite.updated_at, WaterSite.id), cursor=cursor, limit=limit
    )
    return Page[WaterSiteOut](items=[WaterSiteOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.get(
    "/v1/water-sites/progress",
    response_model=Report,
    summary="供水工程点位分镇进度（JSON 或 XLSX）/ water-site progress per town",
    responses=REPORT_RESPONSES,
)
async def progress(
    ctx: ReportReaderCtx,
    town_code: Annotated[TownCode | None, Query()] = None,
    year: Year = None,
    as_of: Annotated[IsoDate | None, Query(description="统计日期（默认今天）")] = None,
    format: ReportFormat = "json",
) -> Response:
    report = await service.progress_report(ctx, as_of=as_of or clock.today(), town_code=town_code, year=year)
    return report_response(report, format)


@router.get(
    "/v1/water-sites/{site_id}",
    response_model=WaterSiteOut,
    summary="供水工程点位详情 / a water site",
    responses=problem_responses(401, 403, 404),
)
async def get_water_site(site_id: uuid.UUID, ctx: ReaderCtx) -> JSONResponse:
    site = await repository.site(ctx.session, ctx.principal, site_id)
    if site is None:
        raise NotFound("供水点位不存在或不在您的数据范围内", "water site not found")
    out = WaterSiteOut.model_validate(site)
    return JSONResponse(out.model_dump(mode="json"), headers={"ETag": etag_for(out.version)})


@router.put(
    "/v1/water-sites/{site_id}/progress",
    response_model=WaterSiteOut,
    summary="更新点位进度（需 If-Match）/ record a site's progress",
    responses=problem_responses(400, 401, 403, 404, 412, 422, 428),
)
async def put_progress(site_id: uuid.UUID, body: SiteProgressIn, ctx: WriterCtx) -> JSONResponse:
    site = await repository.site(ctx.session, ctx.principal, site_id, for_update=True)
    if site is None:
        raise NotFound("供水点位不存在或不在您的数据范围内", "water site not found")
    out = WaterSiteOut.model_validate(await service.record_progress(ctx, site, body))
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})
