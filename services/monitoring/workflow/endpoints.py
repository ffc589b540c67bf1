from __future__ import annotations

import uuid

from fastapi.responses import JSONResponse

from services.monitoring.access import ReaderCtx, WriterCtx, load_household
from services.monitoring.households.schemas import HouseholdOut
from services.monitoring.models import RiskResolution
from services.monitoring.workflow import repository, service
from services.monitoring.workflow.schemas import (
    EliminationCheckOut,
    RiskResolutionIn,
    RiskResolutionOut,
    TransitionIn,
    TransitionOut,
)
from shared.context import etag_for
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page
from shared.routing import KitRouter

router = KitRouter(prefix="/v1/households/{household_id}", tags=["workflow 识别纳入与帮扶流程"])


# WriterCtx admits every role of some step; the step table decides which may take this one.
@router.post(
    "/transitions",
    response_model=HouseholdOut,
    summary="流程操作（需 If-Match）/ take a workflow step",
    description=(
        "预警 → 核实 → 村级评议 → 公示（异议期）→ 镇级审核 → 区级审批 → 纳入监测 → 帮扶 → "
        "风险消除（入户核实 → 村级民主评议 → 公示 → 镇级审核 → 区级审批，须满足风险消除条件）"
        "或标注兜底保障户（须已落实且在期的低保或特困供养）。非法的状态转换返回 409 invalid_transition；"
        "不满足风险消除条件返回 422 elimination_conditions_unmet；公示异议通过异议记录办理。"
    ),
    responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428),
)
async def take_step(household_id: uuid.UUID, body: TransitionIn, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    household = await load_household(ctx, household_id, for_update=True)
    household = await service.transition(ctx, household, body)
    out = HouseholdOut.model_validate(household)
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})


@router.get(
    "/transitions",
    response_model=list[TransitionOut],
    summary="流程记录（谁、何时、为何）/ the household's workflow history",
    responses=problem_responses(401, 403, 404, 422),
)
async def list_steps(household_id: uuid.UUID, ctx: ReaderCtx) -> list[TransitionOut]:
    household = await load_household(ctx, household_id)
    return [TransitionOut.model_validate(t) for t in await repository.history(ctx.session, household.id)]


@router.get(
    "/elimination-check",
    response_model=EliminationCheckOut,
    summary="风险消除条件核对（逐项满足/未满足及说明）/ the risk elimination conditions, each met or not",
    responses=problem_responses(401, 403, 404, 422),
)
async def elimination_check(household_id: uuid.UUID, ctx: ReaderCtx) -> EliminationCheckOut:
    household = await load_household(ctx, household_id)
    return await service.elimination_check(ctx, household)


@router.post(
    "/risk-resolutions",
    status_code=201,
    response_model=RiskResolutionOut,
    summary="登记一项风险已消除（如何消除、谁登记）/ record a risk cause resolved",
    responses=problem_responses(400, 401, 403, 404, 409, 422),
)
async def record_resolution(household_id: uuid.UUID, body: RiskResolutionIn, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    household = await load_household(ctx, household_id, for_update=True)
    resolution = await service.record_resolution(ctx, household, body)
    return await ctx.respond(RiskResolutionOut.model_validate(resolution), status_code=201)


@router.get(
    "/risk-resolutions",
    response_model=Page[RiskResolutionOut],
    summary="已登记消除的风险 / the household's risk causes recorded resolved",
    responses=problem_responses(401, 403, 404, 422),
)
async def list_resolutions(
    household_id: uuid.UUID,
    ctx: ReaderCtx,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[RiskResolutionOut]:
    household = await load_household(ctx, household_id)
    rows, next_cursor = await keyset_page(
        ctx.session,
        repository.resolutions(household.id, updated_since),
        (RiskResolution.updated_at, RiskResolution.id),
        cursor=cursor,
        limit=limit,
    )
    return Page[RiskResolutionOut](
        items=[RiskResolutionOut.model_validate(r) for r in rows], next_cursor=next_cursor
    )
