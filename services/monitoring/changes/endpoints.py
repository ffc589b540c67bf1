"""户籍与成员变动: each change of a household is one POST (If-Match on the household, Idempotency-Key
honoured), answered with the household after it and the history rows written."""

from __future__ import annotations

import uuid

from fastapi.responses import JSONResponse

from services.monitoring.access import ReaderCtx, WriterCtx, load_household
from services.monitoring.changes import service
from services.monitoring.changes.schemas import (
    ArrivalIn,
    CancellationIn,
    ChangeOut,
    ChangeResult,
    DepartureIn,
    MergeIn,
    SplitIn,
)
from shared.context import RequestContext, etag_for
from shared.errors import problem_responses
from shared.routing import KitRouter

router = KitRouter(prefix="/v1/households/{household_id}", tags=["changes 户籍与成员变动"])
CHANGE_RESPONSES = problem_responses(400, 401, 403, 404, 409, 412, 413, 422, 428)


async def _answer(ctx: RequestContext, result: ChangeResult) -> JSONResponse:
    return await ctx.respond(result, headers={"ETag": etag_for(result.household.version)})


@router.post(
    "/departures",
    response_model=ChangeResult,
    summary="成员离户：死亡、迁出、婚出（需 If-Match）/ a member leaves the household",
    description="成员保留在户籍历史中（left_on），当日起不计入人数；户主离户须指定接任户主；最后一名成员离户请办理注销。",
    responses=CHANGE_RESPONSES,
)
async def depart(household_id: uuid.UUID, body: DepartureIn, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    household = await load_household(ctx, household_id, for_update=True)
    return await _answer(ctx, await service.depart(ctx, household, body))


@router.post(
    "/arrivals",
    response_model=ChangeResult,
    summary="成员入户：出生、迁入、婚入（需 If-Match）/ a member joins the household",
    responses=CHANGE_RESPONSES,
)
async def arrive(household_id: uuid.UUID, body: ArrivalIn, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    household = await load_household(ctx, household_id, for_update=True)
    return await _answer(ctx, await service.arrive(ctx, household, body))


@router.post(
    "/split",
    response_model=ChangeResult,
    summary="分户（需 If-Match）/ some members form a new household",
    description="新户沿用原户身份（脱贫户）与帮扶责任人，未纳入监测；原户为监测对象或在识别中时，为新户产生核实预警。",
    responses=CHANGE_RESPONSES,
)
async def split(household_id: uuid.UUID, body: SplitIn, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    household = await load_household(ctx, household_id, for_update=True)
    return await _answer(ctx, await service.split(ctx, household, body))


@router.post(
    "/merge",
    response_model=ChangeResult,
    summary="合户：本户成员并入另一户，本户注销（需 If-Match）/ merge into another household",
    responses=CHANGE_RESPONSES,
)
async def merge(household_id: uuid.UUID, body: MergeIn, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    household = await load_household(ctx, household_id)  # both are locked in id order by the service
    return await _answer(ctx, await service.merge(ctx, household, body))


@router.post(
    "/cancellation",
    response_model=ChangeResult,
    summary="注销：全户死亡或全户迁出（需 If-Match）/ cancel the household",
    description=(
        "在册成员当日离户；待核实预警作废；此后不在列表与统计中（include_cancelled=true 可查），"
        "不能再办理流程。"
    ),
    responses=CHANGE_RESPONSES,
)
async def cancel(household_id: uuid.UUID, body: CancellationIn, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    household = await load_household(ctx, household_id, for_update=True)
    return await _answer(ctx, await service.cancel(ctx, household, body))


@router.get(
    "/changes",
    response_model=list[ChangeOut],
    summary="户籍与成员变动记录 / the household's change history",
    responses=problem_responses(401, 403, 404, 422),
)
async def history(household_id: uuid.UUID, ctx: ReaderCtx) -> list[ChangeOut]:
    return await service.history(ctx, await load_household(ctx, household_id))
