from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query
from fastapi.responses import JSONResponse, Response

from services.funds.access import ImplementerCtx, LoanReaderCtx
from services.funds.insurance import service
from services.funds.insurance.schemas import InsurancePolicyCreate, InsurancePolicyOut
from services.funds.models import InsurancePolicy
from shared import clock
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page
from shared.reports import REPORT_RESPONSES, Report, ReportFormat, report_response
from shared.routing import KitRouter
from shared.schemas import IsoDate

router = KitRouter(prefix="/v1", tags=["microcredit 小额信贷"])


@router.post(
    "/insurance-policies",
    status_code=201,
    response_model=InsurancePolicyOut,
    summary="登记防返贫保险保单 / record an anti-relapse insurance policy",
    responses=problem_responses(400, 401, 403, 409, 413, 422, 503),
)
async def create_policy(body: InsurancePolicyCreate, ctx: ImplementerCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    return await ctx.respond(
        InsurancePolicyOut.model_validate(await service.create(ctx, body)), status_code=201
    )


@router.get(
    "/insurance-policies",
    response_model=Page[InsurancePolicyOut],
    summary="防返贫保险保单列表",
    responses=problem_responses(401, 403, 422),
)
async def list_policies(
    ctx: LoanReaderCtx,
    household_id: Annotated[uuid.UUID | None, Query()] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[InsurancePolicyOut]:
    query = service.scoped(ctx.principal)
    if household_id:
        query = query.where(InsurancePolicy.household_id == household_id)
    if updated_since:
        query = query.where(InsurancePolicy.updated_at > updated_since)
    rows, next_cursor = await keyset_page(
        ctx.session, query, (InsurancePolicy.updated_at, InsurancePolicy.id), cursor=cursor, limit=limit
    )
    return Page[InsurancePolicyOut](
        items=[InsurancePolicyOut.model_validate(r) for r in rows], next_cursor=next_cursor
    )


@router.get(
    "/insurance-coverage",
    response_model=Report,
    summary="防返贫保险覆盖率（按乡镇）/ insurance coverage of eligible households by town",
    responses=REPORT_RESPONSES,
)
async def insurance_coverage(
    ctx: LoanReaderCtx, as_of: Annotated[IsoDate | None, Query()] = None, format: ReportFormat = "json"
) -> Response:
    return report_response(await service.coverage(ctx, as_of or clock.today()), format)
