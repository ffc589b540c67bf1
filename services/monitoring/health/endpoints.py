from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Path, Query
from fastapi.responses import JSONResponse, Response

from services.monitoring.access import ReaderCtx, ReportReaderCtx, WriterCtx, load_household
from services.monitoring.health import repository, service
from services.monitoring.health.schemas import ExpenseIn, ExpenseOut, InsuranceIn, InsuranceOut
from shared import clock
from shared.context import etag_for
from shared.errors import problem_responses
from shared.reports import REPORT_RESPONSES, Report, ReportFormat, report_response
from shared.routing import KitRouter
from shared.schemas import TownCode

router = KitRouter(tags=["health 基本医疗保障"])
Year = Annotated[int, Path(ge=2000, le=2100)]


@router.put(
    "/v1/households/{household_id}/members/{member_id}/insurance/{year}",
    response_model=InsuranceOut,
    summary="登记成员年度参保与分类资助（更正需 If-Match）/ a member's insurance in a year",
    responses=problem_responses(400, 401, 403, 404, 412, 422, 428),
)
async def put_insurance(
    household_id: uuid.UUID, member_id: uuid.UUID, year: Year, body: InsuranceIn, ctx: WriterCtx
) -> JSONResponse:
    household = await load_household(ctx, household_id, for_update=True)
    member = await service.active_member(ctx, household, member_id)
    record, created = await service.record_insurance(ctx, household, member, year, body)
    out = InsuranceOut.model_validate(record)
    return await ctx.respond(
        out, status_code=201 if created else 200, headers={"ETag": etag_for(out.version)}
    )


@router.get(
    "/v1/households/{household_id}/insurance",
    response_model=list[InsuranceOut],
    summary="农户成员历年参保 / a household's insurance records",
    responses=problem_responses(401, 403, 404),
)
async def list_insurance(household_id: uuid.UUID, ctx: ReaderCtx) -> list[InsuranceOut]:
    household = await load_household(ctx, household_id)
    return [InsuranceOut.model_validate(r) for r in await repository.insurances_of(ctx.session, household.id)]


@router.post(
    "/v1/households/{household_id}/medical-expenses",
    status_code=201,
    response_model=ExpenseOut,
    summary="登记大额医疗费用及三重保障支付 / record a large medical expense",
    responses=problem_responses(400, 401, 403, 404, 409, 422),
)
async def post_expense(household_id: uuid.UUID, body: ExpenseIn, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    household = await load_household(ctx, household_id)
    out = service.expense_out(await service.record_expense(ctx, household, body))
    return await ctx.respond(out, status_code=201)


@router.get(
    "/v1/households/{household_id}/medical-expenses",
    response_model=list[ExpenseOut],
    summary="农户大额医疗费用 / a household's large medical expenses",
    responses=problem_responses(401, 403, 404),
)
async def list_expenses(household_id: uuid.UUID, ctx: ReaderCtx) -> list[ExpenseOut]:
    household = await load_household(ctx, household_id)
    return [service.expense_out(e) for e in await repository.expenses_of(ctx.session, household.id)]


@router.get(
    "/v1/health/report",
    response_model=Report,
    summary="基本医疗保障分镇报表（JSON 或 XLSX）/ insurance and medical expenses per town",
    responses=REPORT_RESPONSES,
)
async def health_report(
    ctx: ReportReaderCtx,
    year: Annotated[int | None, Query(ge=2000, le=2100, description="年度（默认今年）")] = None,
    town_code: Annotated[TownCode | None, Query()] = None,
    format: ReportFormat = "json",
) -> Response:
    report = await service.per_town_report(ctx, year=year or clock.today().year, town_code=town_code)
    return report_response(report, format)
