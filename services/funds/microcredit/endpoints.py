from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query
from fastapi.responses import JSONResponse

from services.funds.access import ImplementerCtx, LoanReaderCtx
from services.funds.microcredit import repository, service
from services.funds.microcredit.schemas import (
    LoanCreate,
    LoanOut,
    LoanStatus,
    OverdueReport,
    RepaymentCreate,
    RepaymentOut,
)
from services.funds.models import Loan
from shared import clock
from shared.context import RequestContext, etag_for
from shared.errors import NotFound, problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page
from shared.routing import KitRouter
from shared.schemas import IsoDate, TownCode, VillageCode

router = KitRouter(prefix="/v1/loans", tags=["microcredit 小额信贷"])


@router.post(
    "",
    status_code=201,
    response_model=LoanOut,
    summary="登记小额信贷 / record a micro-credit loan",
    responses=problem_responses(400, 401, 403, 413, 422),
)
async def grant(body: LoanCreate, ctx: ImplementerCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    loan = await service.grant(ctx, body)
    await ctx.session.refresh(loan, ["status"])
    out = LoanOut.model_validate(loan)
    return await ctx.respond(
        out, status_code=201, headers={"ETag": etag_for(out.version), "Location": f"/v1/loans/{out.id}"}
    )


@router.get(
    "",
    response_model=Page[LoanOut],
    summary="贷款列表（状态按今日计算）/ list loans (status as of today)",
    responses=problem_responses(401, 403, 422),
)
async def list_loans(
    ctx: LoanReaderCtx,
    town_code: Annotated[TownCode | None, Query()] = None,
    village_code: Annotated[VillageCode | None, Query()] = None,
    household_id: Annotated[uuid.UUID | None, Query()] = None,
    status: Annotated[LoanStatus | None, Query()] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[LoanOut]:
    query = repository.filtered(
        ctx.principal,
        town_code=town_code,
        village_code=village_code,
        household_id=household_id,
        status=status,
        updated_since=updated_since,
    )
    rows, next_cursor = await keyset_page(
        ctx.session, query, (Loan.updated_at, Loan.id), cursor=cursor, limit=limit
    )
    return Page[LoanOut](items=[LoanOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.get(
    "/overdue",
    response_model=OverdueReport,
    summary="逾期贷款与逾期率（按乡镇，对照上限）/ overdue loans and ratio by town against the bound",
    responses=problem_responses(401, 403, 422),
)
async def overdue(
    ctx: LoanReaderCtx, as_of: Annotated[IsoDate | None, Query(description="统计日（默认今天）")] = None
) -> OverdueReport:
    return await service.overdue_report(ctx, as_of or clock.today())


@router.get(
    "/{loan_id}",
    response_model=LoanOut,
    summary="贷款详情 / get a loan",
    responses=problem_responses(401, 403, 404, 422),
)
async def get_loan(loan_id: uuid.UUID, ctx: LoanReaderCtx) -> JSONResponse:
    out = LoanOut.model_validate(await _visible_loan(ctx, loan_id))
    return JSONResponse(out.model_dump(mode="json"), headers={"ETag": etag_for(out.version)})


@router.post(
    "/{loan_id}/repayments",
    status_code=201,
    response_model=RepaymentOut,
    summary="登记还款 / record a repayment",
    responses=problem_responses(400, 401, 403, 404, 409, 413, 422),
)
async def repay(loan_id: uuid.UUID, body: RepaymentCreate, ctx: ImplementerCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    loan = await _visible_loan(ctx, loan_id)
    out = RepaymentOut.model_validate(await service.repay(ctx, loan, body))
    return await ctx.respond(out, status_code=201)


@router.get(
    "/{loan_id}/repayments",
    response_model=list[RepaymentOut],
    summary="还款记录 / a loan's repayments",
    responses=problem_responses(401, 403, 404, 422),
)
async def list_repayments(loan_id: uuid.UUID, ctx: LoanReaderCtx) -> list[RepaymentOut]:
    loan = await _visible_loan(ctx, loan_id)
    return [RepaymentOut.model_validate(r) for r in await repository.repayments(ctx.session, loan.id)]


async def _visible_loan(ctx: RequestContext, loan_id: uuid.UUID) -> Loan:
    """The loan if it lies in the caller's territory; elsewhere it does not exist (404)."""
    loan = await repository.get(ctx.session, ctx.principal, loan_id)
    if loan is None:
        raise NotFound()
    return loan
