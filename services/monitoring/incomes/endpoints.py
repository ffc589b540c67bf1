from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Path
from fastapi.responses import JSONResponse

from services.monitoring.access import DistrictWriterCtx, ReaderCtx, WriterCtx, load_household
from services.monitoring.incomes import repository, service
from services.monitoring.incomes.schemas import IncomeIn, IncomeOut, LineIn, LineOut
from shared.context import etag_for
from shared.errors import problem_responses
from shared.routing import KitRouter

router = KitRouter(tags=["incomes 收入与监测线"])
Year = Annotated[int, Path(ge=2000, le=2100)]


@router.get(
    "/v1/households/{household_id}/incomes",
    response_model=list[IncomeOut],
    summary="农户年度收入 / a household's yearly incomes",
    responses=problem_responses(401, 403, 404, 422),
)
async def list_incomes(household_id: uuid.UUID, ctx: ReaderCtx) -> list[IncomeOut]:
    household = await load_household(ctx, household_id)
    lines = await repository.line_amounts(ctx.session)
    return [
        service.income_out(i, household, lines)
        for i in await repository.incomes_of(ctx.session, household.id)
    ]


@router.put(
    "/v1/households/{household_id}/incomes/{year}",
    response_model=IncomeOut,
    summary="登记或更正年度收入（更正需 If-Match）/ record a year's income",
    responses={
        201: {"model": IncomeOut, "description": "首次登记 / recorded for the first time"},
        **problem_responses(400, 401, 403, 404, 409, 412, 422, 428),
    },
)
async def put_income(household_id: uuid.UUID, year: Year, body: IncomeIn, ctx: WriterCtx) -> JSONResponse:
    household = await load_household(ctx, household_id)
    income, created = await service.record_income(ctx, household, year, body)
    out = service.income_out(income, household, await repository.line_amounts(ctx.session))
    return await ctx.respond(
        out, status_code=201 if created else 200, headers={"ETag": etag_for(out.version)}
    )


@router.get(
    "/v1/monitoring-lines",
    response_model=list[LineOut],
    summary="历年监测线 / monitoring lines by year",
    responses=problem_responses(401, 403),
)
async def list_lines(ctx: ReaderCtx) -> list[LineOut]:
    return [LineOut.model_validate(line) for line in await repository.lines(ctx.session)]


@router.put(
    "/v1/monitoring-lines/{year}",
    response_model=LineOut,
    summary="设定年度监测线（区级管理员；修改需 If-Match）/ set a year's monitoring line",
    responses={
        201: {"model": LineOut, "description": "首次设定 / set for the first time"},
        **problem_responses(400, 401, 403, 409, 412, 422, 428),
    },
)
async def put_line(year: Year, body: LineIn, ctx: DistrictWriterCtx) -> JSONResponse:
    line, created = await service.set_line(ctx, year, body)
    out = LineOut.model_validate(line)
    return await ctx.respond(
        out, status_code=201 if created else 200, headers={"ETag": etag_for(out.version)}
    )
