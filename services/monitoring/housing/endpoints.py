from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query
from fastapi.responses import JSONResponse, Response

from services.monitoring.access import ReaderCtx, ReportReaderCtx, WriterCtx, load_household
from services.monitoring.housing import repository, service
from services.monitoring.housing.schemas import (
    AppraisalIn,
    AppraisalOut,
    AppraisalRecorded,
    CompletionIn,
    RenovationCaseOut,
)
from services.monitoring.models import RenovationCase, RenovationStatus
from shared import clock
from shared.context import RequestContext, etag_for
from shared.errors import NotFound, problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page
from shared.reports import REPORT_RESPONSES, Report, ReportFormat, report_response
from shared.routing import KitRouter
from shared.schemas import IsoDate, TownCode

router = KitRouter(tags=["housing 住房安全"])


@router.post(
    "/v1/households/{household_id}/housing-appraisals",
    status_code=201,
    response_model=AppraisalRecorded,
    summary="登记住房安全性鉴定（C/D 级危房自动立危房改造）/ record a housing appraisal",
    responses=problem_responses(400, 401, 403, 404, 409, 422),
)
async def post_appraisal(household_id: uuid.UUID, body: AppraisalIn, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    household = await load_household(ctx, household_id, for_update=True)
    appraisal, case = await service.record_appraisal(ctx, household, body)
    out = AppraisalRecorded(
        appraisal=AppraisalOut.model_validate(appraisal),
        housing_safe=household.housing_safe,
        renovation_case=None if case is None else RenovationCaseOut.model_validate(case),
    )
    return await ctx.respond(out, status_code=201)


@router.get(
    "/v1/households/{household_id}/housing-appraisals",
    response_model=list[AppraisalOut],
    summary="农户住房鉴定记录 / a household's housing appraisals",
    responses=problem_responses(401, 403, 404),
)
async def list_appraisals(household_id: uuid.UUID, ctx: ReaderCtx) -> list[AppraisalOut]:
    household = await load_household(ctx, household_id)
    return [AppraisalOut.model_validate(a) for a in await repository.appraisals_of(ctx.session, household.id)]


@router.get(
    "/v1/renovation-cases",
    response_model=Page[RenovationCaseOut],
    summary="危房改造台账 / renovation cases",
    responses=problem_responses(401, 403, 422),
)
async def list_renovation_cases(
    ctx: ReaderCtx,
    cursor: Cursor = None,
    limit: Limit = 50,
    updated_since: UpdatedSince = None,
    status: Annotated[RenovationStatus | None, Query()] = None,
    town_code: Annotated[TownCode | None, Query()] = None,
    household_id: Annotated[uuid.UUID | None, Query()] = None,
) -> Page[RenovationCaseOut]:
    query = repository.cases_filtered(
        ctx.principal,
        status=status,
        town_code=town_code,
        household_id=household_id,
        updated_since=updated_since,
    )
    rows, next_cursor = await keyset_page(
        ctx.session, query, (RenovationCase.updated_at, RenovationCase.id), cursor=cursor, limit=limit
    )
    return Page[RenovationCaseOut](
        items=[RenovationCaseOut.model_validate(r) for r in rows], next_cursor=next_cursor
    )


async def _case(ctx: RequestContext, case_id: uuid.UUID, *, for_update: bool = False) -> RenovationCase:
    case = await repository.case(ctx.session, ctx.principal, case_id, for_update=for_update)
    if case is None:
        raise NotFound("危房改造不存在或不在您的数据范围内", "renovation case not found")
    return case


@router.get(
    "/v1/renovation-cases/{case_id}",
    response_model=RenovationCaseOut,
    summary="危房改造详情 / a renovation case",
    responses=problem_responses(401, 403, 404),
)
async def get_renovation_case(case_id: uuid.UUID, ctx: ReaderCtx) -> JSONResponse:
    out = RenovationCaseOut.model_validate(await _case(ctx, case_id))
    return JSONResponse(out.model_dump(mode="json"), headers={"ETag": etag_for(out.version)})


@router.post(
    "/v1/renovation-cases/{case_id}/completion",
    response_model=RenovationCaseOut,
    summary="登记危房改造竣工（需 If-Match；竣工后以复评销号）/ record a renovation's completion",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428),
)
async def post_completion(case_id: uuid.UUID, body: CompletionIn, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    case = await service.complete(ctx, await _case(ctx, case_id, for_update=True), body)
    out = RenovationCaseOut.model_validate(case)
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})


@router.get(
    "/v1/housing/dangerous-houses",
    response_model=Report,
    summary="居住危房农户报表（应为零；JSON 或 XLSX）/ households living in a dangerous house",
    responses=REPORT_RESPONSES,
)
async def dangerous_houses(
    ctx: ReportReaderCtx,
    town_code: Annotated[TownCode | None, Query()] = None,
    as_of: Annotated[IsoDate | None, Query(description="统计日期（默认今天）")] = None,
    format: ReportFormat = "json",
) -> Response:
    report = await service.dangerous_houses_report(ctx, as_of=as_of or clock.today(), town_code=town_code)
    return report_response(report, format)
