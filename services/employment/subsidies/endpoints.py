from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from services.employment import access
from services.employment.models import SUBSIDY_KIND_LABELS, Subsidy, SubsidyKind
from services.employment.subsidies import repository, service
from services.employment.subsidies.schemas import SubsidyCreate, SubsidyOut, SubsidyTotal, SubsidyTotals
from shared.context import Ctx
from shared.errors import problem_responses
from shared.pagination import Page, keyset_page
from shared.schemas import TownCode

router = APIRouter(prefix="/v1/subsidies", tags=["subsidies 奖补"])


@router.post(
    "",
    status_code=201,
    response_model=SubsidyOut,
    summary="发放补贴 / grant a subsidy",
    responses=problem_responses(400, 401, 403, 404, 409, 413, 422),
)
async def grant(body: SubsidyCreate, ctx: Ctx) -> JSONResponse:
    access.require_writer(ctx)
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    subsidy = await service.grant(ctx, body)
    return await ctx.respond(SubsidyOut.model_validate(subsidy), status_code=201)


@router.get(
    "",
    response_model=Page[SubsidyOut],
    summary="补贴发放记录 / subsidies granted",
    responses=problem_responses(401, 403, 422),
)
async def list_subsidies(
    ctx: Ctx,
    town_code: Annotated[TownCode | None, Query()] = None,
    worker_id: Annotated[uuid.UUID | None, Query()] = None,
    kind: Annotated[SubsidyKind | None, Query()] = None,
    updated_since: Annotated[datetime | None, Query()] = None,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Page[SubsidyOut]:
    access.require_reader(ctx)
    query = repository.filtered(
        ctx.principal, town_code=town_code, worker_id=worker_id, kind=kind, updated_since=updated_since
    )
    rows, next_cursor = await keyset_page(
        ctx.session, query, (Subsidy.updated_at, Subsidy.id), cursor=cursor, limit=limit
    )
    return Page[SubsidyOut](items=[SubsidyOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.get(
    "/totals",
    response_model=SubsidyTotals,
    summary="按乡镇、类型汇总 / totals by town and kind",
    responses=problem_responses(401, 403, 422),
)
async def totals(
    ctx: Ctx,
    year: Annotated[int | None, Query(ge=2000, le=2100, description="发放年度，默认今年")] = None,
    town_code: Annotated[TownCode | None, Query()] = None,
) -> SubsidyTotals:
    access.require_reader(ctx)
    year = year or date.today().year
    rows = [
        SubsidyTotal(
            town_code=town,
            town_name=ctx.component.divisions.name(town),
            kind=kind,
            kind_label=SUBSIDY_KIND_LABELS[kind],
            count=count,
            amount=amount,
        )
        for town, kind, count, amount in await repository.totals(ctx.session, ctx.principal, year, town_code)
    ]
    return SubsidyTotals(year=year, rows=rows, amount=sum((r.amount for r in rows), Decimal("0")))
