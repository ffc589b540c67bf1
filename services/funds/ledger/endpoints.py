from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query
from fastapi.responses import JSONResponse

from services.funds.access import DistrictCtx, ImplementerCtx, ReaderCtx
from services.funds.ledger import repository, service
from services.funds.ledger.schemas import (
    AllocationCreate,
    AllocationOut,
    FundCreate,
    FundOut,
    FundUpdate,
    IndustryShare,
    PaymentCreate,
    PaymentOut,
)
from services.funds.models import Allocation, Fund, FundSource, Payment
from shared.context import etag_for
from shared.errors import NotFound, problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page
from shared.routing import KitRouter

router = KitRouter(prefix="/v1", tags=["funds 衔接资金"])

READ_PROBLEMS = problem_responses(401, 403, 422)
CREATE_PROBLEMS = problem_responses(400, 401, 403, 404, 409, 413, 422)


@router.post(
    "/funds",
    status_code=201,
    response_model=FundOut,
    summary="登记年度衔接资金 / register a year's fund",
    responses=problem_responses(400, 401, 403, 413, 422),
)
async def create_fund(body: FundCreate, ctx: DistrictCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    out = FundOut.model_validate(await service.create_fund(ctx, body))
    return await ctx.respond(
        out, status_code=201, headers={"ETag": etag_for(out.version), "Location": f"/v1/funds/{out.id}"}
    )


@router.get("/funds", response_model=Page[FundOut], summary="资金列表 / list funds", responses=READ_PROBLEMS)
async def list_funds(
    ctx: ReaderCtx,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    source: Annotated[FundSource | None, Query()] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[FundOut]:
    query = repository.funds(year=year, source=source, updated_since=updated_since)
    rows, next_cursor = await keyset_page(
        ctx.session, query, (Fund.updated_at, Fund.id), cursor=cursor, limit=limit
    )
    return Page[FundOut](items=[FundOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.get(
    "/funds/industry-share",
    response_model=IndustryShare,
    summary="中央衔接资金用于产业占比（实时）/ central funds' industry share, live",
    responses=READ_PROBLEMS,
)
async def get_industry_share(ctx: ReaderCtx, year: Annotated[int, Query(ge=2000, le=2100)]) -> IndustryShare:
    return await service.report_industry_share(ctx, year)


@router.get(
    "/funds/{fund_id}",
    response_model=FundOut,
    summary="资金详情 / get a fund",
    responses=problem_responses(401, 403, 404, 422),
)
async def get_fund(fund_id: uuid.UUID, ctx: ReaderCtx) -> JSONResponse:
    fund = await repository.get_fund(ctx.session, fund_id)
    if fund is None:
        raise NotFound()
    out = FundOut.model_validate(fund)
    return JSONResponse(out.model_dump(mode="json"), headers={"ETag": etag_for(out.version)})


@router.patch(
    "/funds/{fund_id}",
    response_model=FundOut,
    summary="调整资金（需 If-Match）/ amend a fund (If-Match required)",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 413, 422, 428),
)
async def update_fund(fund_id: uuid.UUID, body: FundUpdate, ctx: DistrictCtx) -> JSONResponse:
    fund = await repository.get_fund(ctx.session, fund_id, for_update=True)
    if fund is None:
        raise NotFound()
    out = FundOut.model_validate(await service.update_fund(ctx, fund, body))
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})


@router.post(
    "/funds/{fund_id}/allocations",
    status_code=201,
    response_model=AllocationOut,
    summary="向项目安排资金 / allocate the fund to a project",
    responses=CREATE_PROBLEMS,
)
async def allocate(fund_id: uuid.UUID, body: AllocationCreate, ctx: DistrictCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    out = AllocationOut.model_validate(await service.allocate(ctx, fund_id, body))
    return await ctx.respond(out, status_code=201)


@router.get(
    "/allocations",
    response_model=Page[AllocationOut],
    summary="资金安排列表 / list allocations",
    responses=READ_PROBLEMS,
)
async def list_allocations(
    ctx: ReaderCtx,
    fund_id: Annotated[uuid.UUID | None, Query()] = None,
    project_id: Annotated[uuid.UUID | None, Query()] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[AllocationOut]:
    query = repository.allocations(
        ctx.principal, fund_id=fund_id, project_id=project_id, updated_since=updated_since
    )
    rows, next_cursor = await keyset_page(
        ctx.session, query, (Allocation.updated_at, Allocation.id), cursor=cursor, limit=limit
    )
    return Page[AllocationOut](items=[AllocationOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.post(
    "/payments",
    status_code=201,
    response_model=PaymentOut,
    summary="登记资金支付 / record a payment",
    responses=CREATE_PROBLEMS,
)
async def pay(body: PaymentCreate, ctx: ImplementerCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    out = PaymentOut.model_validate(await service.pay(ctx, body))
    return await ctx.respond(out, status_code=201)


@router.get(
    "/payments", response_model=Page[PaymentOut], summary="支付列表 / list payments", responses=READ_PROBLEMS
)
async def list_payments(
    ctx: ReaderCtx,
    project_id: Annotated[uuid.UUID | None, Query()] = None,
    fund_id: Annotated[uuid.UUID | None, Query()] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[PaymentOut]:
    query = repository.payments(
        ctx.principal, project_id=project_id, fund_id=fund_id, updated_since=updated_since
    )
    rows, next_cursor = await keyset_page(
        ctx.session, query, (Payment.updated_at, Payment.id), cursor=cursor, limit=limit
    )
    return Page[PaymentOut](items=[PaymentOut.model_validate(r) for r in rows], next_cursor=next_cursor)
