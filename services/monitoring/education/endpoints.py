from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, Response

from services.monitoring.access import ReaderCtx, ReportReaderCtx, WriterCtx, load_household
from services.monitoring.education import repository, service
from services.monitoring.education.schemas import ClosureIn, DropoutIn, DropoutOut, FollowUpIn
from services.monitoring.models import DropoutCase, DropoutStatus
from shared.context import RequestContext, etag_for
from shared.errors import NotFound, problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page
from shared.reports import REPORT_RESPONSES, Report, ReportFormat, report_response
from shared.schemas import TownCode

router = APIRouter(tags=["education 义务教育（控辍保学）"])


async def _case(ctx: RequestContext, case_id: uuid.UUID, *, for_update: bool = False) -> DropoutCase:
    case = await repository.case(ctx.session, ctx.principal, case_id, for_update=for_update)
    if case is None:
        raise NotFound("控辍保学案不存在或不在您的数据范围内", "dropout case not found")
    return case


async def _answer(ctx: RequestContext, case: DropoutCase, status_code: int = 200) -> JSONResponse:
    out = DropoutOut.model_validate(case)
    headers = {"ETag": etag_for(out.version)}
    if status_code == 201:
        headers["Location"] = f"/v1/dropout-cases/{out.id}"
    return await ctx.respond(out, status_code=status_code, headers=headers)


@router.post(
    "/v1/households/{household_id}/dropout-cases",
    status_code=201,
    response_model=DropoutOut,
    summary="控辍保学立案（成员标记为失学辍学）/ open a dropout case",
    responses=problem_responses(400, 401, 403, 404, 409, 422),
)
async def open_case(household_id: uuid.UUID, body: DropoutIn, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    household = await load_household(ctx, household_id, for_update=True)
    return await _answer(ctx, await service.open_case(ctx, household, body), 201)


@router.get(
    "/v1/dropout-cases",
    response_model=Page[DropoutOut],
    summary="控辍保学台账 / dropout cases",
    responses=problem_responses(401, 403, 422),
)
async def list_cases(
    ctx: ReaderCtx,
    cursor: Cursor = None,
    limit: Limit = 50,
    updated_since: UpdatedSince = None,
    status: Annotated[DropoutStatus | None, Query()] = None,
    town_code: Annotated[TownCode | None, Query()] = None,
    household_id: Annotated[uuid.UUID | None, Query()] = None,
) -> Page[DropoutOut]:
    query = repository.cases_filtered(
        ctx.principal,
        status=status,
        town_code=town_code,
        household_id=household_id,
        updated_since=updated_since,
    )
    rows, next_cursor = await keyset_page(
        ctx.session, query, (DropoutCase.updated_at, DropoutCase.id), cursor=cursor, limit=limit
    )
    return Page[DropoutOut](items=[DropoutOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.get(
    "/v1/dropout-cases/{case_id}",
    response_model=DropoutOut,
    summary="控辍保学案详情 / a dropout case",
    responses=problem_responses(401, 403, 404),
)
async def get_case(case_id: uuid.UUID, ctx: ReaderCtx) -> JSONResponse:
    out = DropoutOut.model_validate(await _case(ctx, case_id))
    return JSONResponse(out.model_dump(mode="json"), headers={"ETag": etag_for(out.version)})


@router.post(
    "/v1/dropout-cases/{case_id}/follow-ups",
    response_model=DropoutOut,
    summary="登记劝返跟进（需 If-Match）/ record a follow-up",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428),
)
async def post_follow_up(case_id: uuid.UUID, body: FollowUpIn, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    case = await service.follow_up(ctx, await _case(ctx, case_id, for_update=True), body)
    return await _answer(ctx, case)


@router.post(
    "/v1/dropout-cases/{case_id}/closure",
    response_model=DropoutOut,
    summary="控辍保学销案（需 If-Match）/ close a dropout case",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428),
)
async def post_closure(case_id: uuid.UUID, body: ClosureIn, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    case = await service.close(ctx, await _case(ctx, case_id, for_update=True), body)
    return await _answer(ctx, case)


@router.get(
    "/v1/education/dropouts",
    response_model=Report,
    summary="控辍保学报表：未销案辍学（应为零；JSON 或 XLSX）/ open dropouts, per town",
    responses=REPORT_RESPONSES,
)
async def dropouts(
    ctx: ReportReaderCtx,
    town_code: Annotated[TownCode | None, Query()] = None,
    as_of: Annotated[date | None, Query(description="统计日期（默认今天）")] = None,
    format: ReportFormat = "json",
) -> Response:
    return report_response(
        await service.dropouts_report(ctx, as_of=as_of or date.today(), town_code=town_code), format
    )
