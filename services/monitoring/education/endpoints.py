from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query
from fastapi.responses import JSONResponse, Response

from services.monitoring.access import ReaderCtx, ReportReaderCtx, WriterCtx, load_household
from services.monitoring.education import repository, service
from services.monitoring.education.schemas import (
    AidIn,
    AidOut,
    ClosureIn,
    DropoutIn,
    DropoutOut,
    FollowUpIn,
    VocationalEndIn,
    VocationalIn,
    VocationalOut,
)
from services.monitoring.models import DropoutCase, DropoutStatus, Term, VocationalStatus, VocationalStudent
from shared import clock
from shared.context import RequestContext, etag_for
from shared.errors import NotFound, problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page
from shared.reports import REPORT_RESPONSES, Report, ReportFormat, report_response
from shared.routing import KitRouter
from shared.schemas import TownCode

router = KitRouter(tags=["education 义务教育（控辍保学）"])


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
async def list_dropout_cases(
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
async def get_dropout_case(case_id: uuid.UUID, ctx: ReaderCtx) -> JSONResponse:
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


TermYear = Annotated[int | None, Query(ge=2000, le=2100, description="学期所在年份（默认本学期）")]
TermQuery = Annotated[Term | None, Query(description="spring 春季 / autumn 秋季（默认本学期）")]


@router.get(
    "/v1/education/report",
    response_model=Report,
    summary="教育保障分镇报表：辍学为零、困难学生应助尽助（JSON 或 XLSX）/ education per town",
    responses=REPORT_RESPONSES,
)
async def education_report(
    ctx: ReportReaderCtx,
    town_code: Annotated[TownCode | None, Query()] = None,
    school_year: TermYear = None,
    term: TermQuery = None,
    format: ReportFormat = "json",
) -> Response:
    year, this_term = service.current_term(clock.today())
    report = await service.per_town_report(
        ctx, year=school_year or year, term=term or this_term, town_code=town_code
    )
    return report_response(report, format)


@router.get(
    "/v1/education/exceptions",
    response_model=Report,
    summary="教育保障例外清单：未销案辍学、未获资助学生（JSON 或 XLSX）/ education exceptions",
    responses=REPORT_RESPONSES,
)
async def education_exceptions(
    ctx: ReportReaderCtx,
    town_code: Annotated[TownCode | None, Query()] = None,
    school_year: TermYear = None,
    term: TermQuery = None,
    format: ReportFormat = "json",
) -> Response:
    year, this_term = service.current_term(clock.today())
    report = await service.exceptions_report(
        ctx, year=school_year or year, term=term or this_term, town_code=town_code
    )
    return report_response(report, format)


@router.post(
    "/v1/households/{household_id}/student-aids",
    status_code=201,
    response_model=AidOut,
    summary="登记学生资助（种类、金额、学期）/ record aid given to a student",
    responses=problem_responses(400, 401, 403, 404, 409, 422),
)
async def post_aid(household_id: uuid.UUID, body: AidIn, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    household = await load_household(ctx, household_id)
    out = AidOut.model_validate(await service.grant_aid(ctx, household, body))
    return await ctx.respond(out, status_code=201)


@router.get(
    "/v1/households/{household_id}/student-aids",
    response_model=list[AidOut],
    summary="农户学生资助记录 / a household's student aid",
    responses=problem_responses(401, 403, 404),
)
async def list_aids(household_id: uuid.UUID, ctx: ReaderCtx) -> list[AidOut]:
    household = await load_household(ctx, household_id)
    return [AidOut.model_validate(a) for a in await repository.aids_of(ctx.session, household.id)]


async def _student(
    ctx: RequestContext, student_id: uuid.UUID, *, for_update: bool = False
) -> VocationalStudent:
    student = await repository.vocational(ctx.session, ctx.principal, student_id, for_update=for_update)
    if student is None:
        raise NotFound("雨露计划学生不存在或不在您的数据范围内", "vocational student not found")
    return student


@router.post(
    "/v1/households/{household_id}/vocational-students",
    status_code=201,
    response_model=VocationalOut,
    summary="雨露计划学生入学登记 / enrol a 雨露计划 student",
    responses=problem_responses(400, 401, 403, 404, 409, 422),
)
async def post_vocational(household_id: uuid.UUID, body: VocationalIn, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    household = await load_household(ctx, household_id)
    out = VocationalOut.model_validate(await service.enrol(ctx, household, body))
    return await ctx.respond(
        out,
        status_code=201,
        headers={"ETag": etag_for(out.version), "Location": f"/v1/vocational-students/{out.id}"},
    )


@router.get(
    "/v1/vocational-students",
    response_model=Page[VocationalOut],
    summary="雨露计划学生 / 雨露计划 students",
    responses=problem_responses(401, 403, 422),
)
async def list_vocational(
    ctx: ReaderCtx,
    cursor: Cursor = None,
    limit: Limit = 50,
    updated_since: UpdatedSince = None,
    status: Annotated[VocationalStatus | None, Query()] = None,
    town_code: Annotated[TownCode | None, Query()] = None,
) -> Page[VocationalOut]:
    query = repository.vocational_filtered(
        ctx.principal, status=status, town_code=town_code, updated_since=updated_since
    )
    rows, next_cursor = await keyset_page(
        ctx.session, query, (VocationalStudent.updated_at, VocationalStudent.id), cursor=cursor, limit=limit
    )
    return Page[VocationalOut](items=[VocationalOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.get(
    "/v1/vocational-students/{student_id}",
    response_model=VocationalOut,
    summary="雨露计划学生详情 / a 雨露计划 student",
    responses=problem_responses(401, 403, 404),
)
async def get_vocational(student_id: uuid.UUID, ctx: ReaderCtx) -> JSONResponse:
    out = VocationalOut.model_validate(await _student(ctx, student_id))
    return JSONResponse(out.model_dump(mode="json"), headers={"ETag": etag_for(out.version)})


@router.post(
    "/v1/vocational-students/{student_id}/end",
    response_model=VocationalOut,
    summary="雨露计划学生毕业（附去向）或退学（需 If-Match）/ a student graduates or leaves",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428),
)
async def post_end(student_id: uuid.UUID, body: VocationalEndIn, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    student = await service.end_studies(ctx, await _student(ctx, student_id, for_update=True), body)
    out = VocationalOut.model_validate(student)
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})
