from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query
from fastapi.responses import JSONResponse

from services.monitoring.access import ReaderCtx, WriterCtx, load_household
from services.monitoring.models import Objection, ObjectionStatus
from services.monitoring.objections import repository, service
from services.monitoring.objections.schemas import FindingIn, ObjectionIn, ObjectionOut
from shared.context import etag_for
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page
from shared.routing import KitRouter

router = KitRouter(prefix="/v1/households/{household_id}/objections", tags=["workflow 识别纳入与帮扶流程"])


@router.post(
    "",
    status_code=201,
    response_model=ObjectionOut,
    summary="登记公示异议（识别纳入或风险消除公示期间）/ lodge an objection to the public notice",
    responses=problem_responses(400, 401, 403, 404, 409, 422),
)
async def lodge(household_id: uuid.UUID, body: ObjectionIn, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    household = await load_household(ctx, household_id, for_update=True)
    objection = await service.lodge(ctx, household, body)
    out = ObjectionOut.model_validate(objection)
    return await ctx.respond(out, status_code=201, headers={"ETag": etag_for(out.version)})


@router.get(
    "",
    response_model=Page[ObjectionOut],
    summary="农户的公示异议 / the household's objections",
    responses=problem_responses(401, 403, 404, 422),
)
async def list_objections(
    household_id: uuid.UUID,
    ctx: ReaderCtx,
    status: Annotated[ObjectionStatus | None, Query()] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[ObjectionOut]:
    household = await load_household(ctx, household_id)
    rows, next_cursor = await keyset_page(
        ctx.session,
        repository.of_household(household.id, status, updated_since),
        (Objection.updated_at, Objection.id),
        cursor=cursor,
        limit=limit,
    )
    return Page[ObjectionOut](items=[ObjectionOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.post(
    "/{objection_id}/finding",
    response_model=ObjectionOut,
    summary="处理异议（需 If-Match）：成立则退回重新核实，不成立则公示继续 / record the finding",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428),
)
async def record_finding(
    household_id: uuid.UUID, objection_id: uuid.UUID, body: FindingIn, ctx: WriterCtx
) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    household = await load_household(ctx, household_id, for_update=True)
    objection = await service.handle(ctx, household, objection_id, body)
    out = ObjectionOut.model_validate(objection)
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})
