from __future__ import annotations

import uuid

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from services.monitoring.access import ReaderCtx, WriterCtx, load_household
from services.monitoring.households.schemas import HouseholdOut
from services.monitoring.workflow import repository, service
from services.monitoring.workflow.schemas import TransitionIn, TransitionOut
from shared.context import etag_for
from shared.errors import problem_responses

router = APIRouter(prefix="/v1/households/{household_id}/transitions", tags=["workflow 识别纳入与帮扶流程"])


# WriterCtx admits every role of some step; the step table decides which may take this one.
@router.post(
    "",
    response_model=HouseholdOut,
    summary="流程操作（需 If-Match）/ take a workflow step",
    description=(
        "预警 → 核实 → 村级评议 → 公示（异议期）→ 镇级审核 → 区级审批 → 纳入监测 → 帮扶 → "
        "风险消除或标注兜底保障户。非法的状态转换返回 409 invalid_transition。"
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
    "",
    response_model=list[TransitionOut],
    summary="流程记录（谁、何时、为何）/ the household's workflow history",
    responses=problem_responses(401, 403, 404, 422),
)
async def list_steps(household_id: uuid.UUID, ctx: ReaderCtx) -> list[TransitionOut]:
    household = await load_household(ctx, household_id)
    return [TransitionOut.model_validate(t) for t in await repository.history(ctx.session, household.id)]
