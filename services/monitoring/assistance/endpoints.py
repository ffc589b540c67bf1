from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from services.monitoring.access import DistrictWriterCtx, FieldWorkerCtx, ReaderCtx, load_household
from services.monitoring.assistance import repository, service
from services.monitoring.assistance.schemas import PlanIn, PlanOut, PolicyIn, PolicyOut, Suggestion
from services.monitoring.models import AssistancePlan, Policy, RiskCause
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page

router = APIRouter(tags=["assistance 帮扶政策与计划"])
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
    responses=problem_responses(400, 401, 403, 404, 409, 413, 422),
)
async def create_plan(body: PlanIn, ctx: FieldWorkerCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    plan, measures = await service.create_plan(ctx, body)
    return await ctx.respond(service.plan_out(plan, measures), status_code=201)


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
