from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Annotated

from fastapi import Query
from fastapi.responses import JSONResponse

from services.employment.access import ReaderCtx, WriterCtx
from services.employment.models import Subsidy, SubsidyKind
from services.employment.subsidies import repository, service
from services.employment.subsidies.schemas import (
    SubsidyCreate,
    SubsidyOut,
    SubsidyReversalCreate,
    SubsidyReversalOut,
    SubsidyTotal,
    SubsidyTotals,
)
from shared import clock
from shared.errors import NotFound, problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page
from shared.routing import KitRouter
from shared.schemas import TownCode

router = KitRouter(prefix="/v1/subsidies", tags=["subsidies 奖补"])


@router.post(
    "",
    status_code=201,
    response_model=SubsidyOut,
    summary="发放补贴 / grant a subsidy",
    responses=problem_responses(400, 401, 403, 404, 409, 413, 422),
)
async def grant(body: SubsidyCreate, ctx: WriterCtx) -> JSONResponse:
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
    ctx: ReaderCtx,
    town_code: Annotated[TownCode | None, Query()] = None,
    worker_id: Annotated[uuid.UUID | None, Query()] = None,
    kind: Annotated[SubsidyKind | None, Query()] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[SubsidyOut]:
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
    ctx: ReaderCtx,
    year: Annotated[int | None, Query(ge=2000, le=2100, description="发放年度，默认今年")] = None,
    town_code: Annotated[TownCode | None, Query()] = None,
) -> SubsidyTotals:
    year = year or clock.today().year
    rows = [
        SubsidyTotal(
            town_code=town,
            town_name=ctx.component.divisions.name(town),
            kind=kind,
            kind_label=kind.label,
            count=count,
            granted=granted,
            reversed=reversed_amount,
            amount=granted - reversed_amount,
        )
        for town, kind, count, granted, reversed_amount in await repository.totals(
            ctx.session, ctx.principal, year, town_code
        )
    ]
    return SubsidyTotals(year=year, rows=rows, amount=sum((r.amount for r in rows), Decimal("0")))


@router.post(
    "/{subsidy_id}/reversal",
    status_code=201,
    response_model=SubsidyReversalOut,
    summary="冲销补贴（冲正分录，原记录不改）/ reverse a subsidy payment by a compensating entry",
    responses=problem_responses(400, 401, 403, 404, 409, 413, 422),
)
async def reverse(subsidy_id: uuid.UUID, body: SubsidyReversalCreate, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    reversal = await service.reverse(ctx, subsidy_id, body)
    return await ctx.respond(SubsidyReversalOut.model_validate(reversal), status_code=201)


@router.get(
    "/{subsidy_id}/reversal",
    response_model=SubsidyReversalOut,
    summary="补贴的冲销记录 / the reversal of a subsidy",
    responses=problem_responses(401, 403, 404, 422),
)
async def reversal(subsidy_id: uuid.UUID, ctx: ReaderCtx) -> SubsidyReversalOut:
    subsidy = await repository.get_for_update(ctx.session, ctx.principal, subsidy_id)
    found = await repository.reversal_of(ctx.session, subsidy.id) if subsidy else None
    if found is None:
        raise NotFound("补贴不存在、未冲销或不在您的数据范围内", "no reversal of this subsidy")
    return SubsidyReversalOut.model_validate(found)
