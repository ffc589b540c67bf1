from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query
from fastapi.responses import JSONResponse

from services.monitoring.access import (
    CivilAffairsSystemCtx,
    DeliveryCtx,
    DistrictWriterCtx,
    FieldWorkerCtx,
    ReaderCtx,
    load_household,
)
from services.monitoring.assistance import repository, service
from services.monitoring.assistance.schemas import (
    Amendment,
    AmendmentOut,
    DeliveryIn,
    PlanIn,
    PlanOut,
    PolicyIn,
    PolicyOut,
    SafetyNetBatch,
    SafetyNetBatchReport,
    Suggestion,
)
from services.monitoring.models import AssistancePlan, Policy, RiskCause
from shared.context import RequestContext, etag_for
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page
from shared.routing import KitRouter

router = KitRouter(tags=["assistance 帮扶政策与计划"])
# A plan comes with all its measures (up to 50), so a page holds fewer plans than other lists' rows.
PlanPageSize = Annotated[int, Query(ge=1, le=200, description="每页条数 / page size")]


@router.get(
    "/v1/policies",
    response_model=Page[PolicyOut],
    summary="帮扶政策工具箱 / the policy toolbox",
    responses=problem_responses(401, 403, 422),
)
async def list_policies(
    ctx: ReaderCtx,
    risk_cause: Annotated[RiskCause | None, Query()] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 100,
) -> Page[PolicyOut]:
    rows, next_cursor = await keyset_page(
        ctx.session,
        repository.policies(risk_cause, updated_since),
        (Policy.updated_at, Policy.id),
        cursor=cursor,
        limit=limit,
    )
    return Page[PolicyOut](items=[PolicyOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.post(
    "/v1/policies",
    status_code=201,
    response_model=PolicyOut,
    summary="新增帮扶政策（区级管理员）/ add a policy",
    responses=problem_responses(400, 401, 403, 409, 413, 422),
)
async def create_policy(body: PolicyIn, ctx: DistrictWriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    out = PolicyOut.model_validate(await service.add_policy(ctx, body))
    return await ctx.respond(out, status_code=201)


@router.get(
    "/v1/households/{household_id}/policy-suggestions",
    response_model=list[Suggestion],
    summary="按风险类型推荐帮扶政策 / policies matching the household's risks",
    responses=problem_responses(401, 403, 404, 422),
)
async def suggest_policies(household_id: uuid.UUID, ctx: ReaderCtx) -> list[Suggestion]:
    return await service.suggest(ctx, await load_household(ctx, household_id))


@router.post(
    "/v1/assistance-plans",
    status_code=201,
    response_model=PlanOut,
    summary="制定帮扶计划（含措施、责任人、时间）/ create an assistance plan",
    description=(
        "为脱贫户（无论是否为监测对象）或监测对象制定；其他农户 409 household_not_plannable。"
        "措施可落实到人（member_id：该户在册成员）。"
    ),
    responses=problem_responses(400, 401, 403, 404, 409, 413, 422),
)
async def create_plan(body: PlanIn, ctx: FieldWorkerCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    plan, measures = await service.create_plan(ctx, body)
    out = service.plan_out(plan, measures)
    return await ctx.respond(
        out,
        status_code=201,
        headers={"ETag": etag_for(out.version), "Location": f"/v1/assistance-plans/{out.id}"},
    )


@router.get(
    "/v1/assistance-plans",
    response_model=Page[PlanOut],
    summary="帮扶计划列表 / list assistance plans",
    responses=problem_responses(401, 403, 422),
)
async def list_plans(
    ctx: ReaderCtx,
    household_id: Annotated[uuid.UUID | None, Query()] = None,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: PlanPageSize = 50,
) -> Page[PlanOut]:
    rows, next_cursor = await keyset_page(
        ctx.session,
        repository.plans(ctx.principal, household_id, year, updated_since),
        (AssistancePlan.updated_at, AssistancePlan.id),
        cursor=cursor,
        limit=limit,
    )
    measures = await repository.measures_of(ctx.session, [p.id for p in rows])
    return Page[PlanOut](items=[service.plan_out(p, measures[p.id]) for p in rows], next_cursor=next_cursor)


async def _answer(ctx: RequestContext, plan: AssistancePlan) -> JSONResponse:
    out = service.plan_out(plan, await service.measures(ctx, plan))
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})


@router.get(
    "/v1/assistance-plans/{plan_id}",
    response_model=PlanOut,
    summary="帮扶计划详情（含 ETag，调整与登记落实需 If-Match）/ get an assistance plan",
    responses=problem_responses(401, 403, 404, 422),
)
async def get_plan(plan_id: uuid.UUID, ctx: ReaderCtx) -> JSONResponse:
    plan = await service.load_plan(ctx, plan_id)
    out = service.plan_out(plan, await service.measures(ctx, plan))
    return JSONResponse(out.model_dump(mode="json"), headers={"ETag": etag_for(out.version)})


@router.post(
    "/v1/assistance-plans/{plan_id}/amendments",
    response_model=PlanOut,
    summary="调整帮扶计划：增加、终止或替换措施（需 If-Match）/ amend a plan",
    description=(
        "action=add 增加措施；end 终止措施（ended_on、reason；措施不删除）；"
        "replace 终止原措施并增加接替它的措施（新措施的 replaces_id 指向原措施）。每次调整记入调整记录。"
    ),
    responses=problem_responses(400, 401, 403, 404, 409, 412, 413, 422, 428),
)
async def amend_plan(plan_id: uuid.UUID, body: Amendment, ctx: FieldWorkerCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    return await _answer(ctx, await service.amend(ctx, plan_id, body))


@router.get(
    "/v1/assistance-plans/{plan_id}/amendments",
    response_model=list[AmendmentOut],
    summary="帮扶计划调整记录（谁、何时、做了什么、为何）/ the plan's history",
    responses=problem_responses(401, 403, 404, 422),
)
async def list_amendments(plan_id: uuid.UUID, ctx: ReaderCtx) -> list[AmendmentOut]:
    return [AmendmentOut.model_validate(a) for a in await service.history(ctx, plan_id)]


@router.post(
    "/v1/assistance-plans/{plan_id}/measures/{measure_id}/delivery",
    response_model=PlanOut,
    summary="登记措施落实（需 If-Match）/ record that a measure was delivered",
    description=(
        "低保、特困人员救助供养只能由民政部门登记（部门干部或集成账号，"
        "部门在 civil_affairs_departments 中），其他措施由帮扶责任人和村镇干部登记。"
        "发布 measure.delivered 事件。"
    ),
    responses=problem_responses(400, 401, 403, 404, 409, 412, 413, 422, 428),
)
async def record_delivery(
    plan_id: uuid.UUID, measure_id: uuid.UUID, body: DeliveryIn, ctx: DeliveryCtx
) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    return await _answer(ctx, await service.deliver(ctx, plan_id, measure_id, body))


@router.post(
    "/v1/assistance-plans/safety-net-batches",
    response_model=SafetyNetBatchReport,
    summary="民政系统批量推送低保、特困供养落实（集成账号）/ civil affairs' batch of deliveries",
    description=(
        "按身份证号匹配在册成员，在该户当年帮扶计划中登记落实（没有计划或措施时一并建立）；"
        "逐条回执；重复推送不重复登记。"
    ),
    responses=problem_responses(400, 401, 403, 413, 422),
)
async def post_safety_net_batch(body: SafetyNetBatch, ctx: CivilAffairsSystemCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    return await ctx.respond(await service.receive_safety_net_batch(ctx, body))
