from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query
from fastapi.responses import JSONResponse, Response

from services.funds.access import DistrictCtx, ImplementerCtx, LoanReaderCtx
from services.funds.corrections import repository, service
from services.funds.corrections.schemas import CorrectionCreate, CorrectionDecision, CorrectionOut
from services.funds.models import Correction, CorrectionKind, CorrectionStatus
from shared.context import etag_for
from shared.errors import NotFound, problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page
from shared.reports import REPORT_RESPONSES, Report, ReportFormat, report_response
from shared.routing import KitRouter

router = KitRouter(prefix="/v1", tags=["corrections 冲正"])


@router.post(
    "/corrections",
    status_code=201,
    response_model=CorrectionOut,
    summary="申请冲正支付、资金安排或还款 / ask for a correction",
    description="申请后须由申请人以外的区级管理员审批；批准时记一笔负数冲正分录，原记录不改。",
    responses=problem_responses(400, 401, 403, 404, 409, 413, 422),
)
async def request_correction(body: CorrectionCreate, ctx: ImplementerCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    out = CorrectionOut.model_validate(await service.request(ctx, body))
    return await ctx.respond(
        out, status_code=201, headers={"ETag": etag_for(out.version), "Location": f"/v1/corrections/{out.id}"}
    )


@router.get(
    "/corrections",
    response_model=Page[CorrectionOut],
    summary="冲正申请列表 / list corrections",
    responses=problem_responses(401, 403, 422),
)
async def list_corrections(
    ctx: LoanReaderCtx,
    status: Annotated[CorrectionStatus | None, Query()] = None,
    kind: Annotated[CorrectionKind | None, Query()] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[CorrectionOut]:
    query = repository.filtered(ctx.principal, status=status, kind=kind, updated_since=updated_since)
    rows, next_cursor = await keyset_page(
        ctx.session, query, (Correction.updated_at, Correction.id), cursor=cursor, limit=limit
    )
    return Page[CorrectionOut](items=[CorrectionOut.model_validate(r) for r in rows], next_cursor=next_cursor)


# Before "/corrections/{correction_id}", which would match its path.
@router.get(
    "/corrections/report",
    response_model=Report,
    summary="冲正记录报表（JSON 或 XLSX）/ corrections report",
    description="按记账年度（year，可选）列出冲正申请及审批：类型、金额、原因、申请人、审批人、状态。",
    responses=REPORT_RESPONSES,
)
async def corrections_report(
    ctx: LoanReaderCtx,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    format: ReportFormat = "json",
) -> Response:
    return report_response(await service.report(ctx, year), format)


@router.get(
    "/corrections/{correction_id}",
    response_model=CorrectionOut,
    summary="冲正申请详情 / get a correction",
    responses=problem_responses(401, 403, 404, 422),
)
async def get_correction(correction_id: uuid.UUID, ctx: LoanReaderCtx) -> JSONResponse:
    correction = await repository.get(ctx.session, ctx.principal, correction_id)
    if correction is None:
        raise NotFound()
    out = CorrectionOut.model_validate(correction)
    return JSONResponse(out.model_dump(mode="json"), headers={"ETag": etag_for(out.version)})


@router.post(
    "/corrections/{correction_id}/decision",
    response_model=CorrectionOut,
    summary="审批冲正（需 If-Match；审批人不能是申请人）/ approve or reject a correction",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 413, 422, 428),
)
async def decide_correction(
    correction_id: uuid.UUID, body: CorrectionDecision, ctx: DistrictCtx
) -> JSONResponse:
    correction = await repository.get(ctx.session, ctx.principal, correction_id, for_update=True)
    if correction is None:
        raise NotFound()
    out = CorrectionOut.model_validate(await service.decide(ctx, correction, body))
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})
