from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query
from fastapi.responses import JSONResponse, Response

from services.monitoring.access import (
    DepartmentSystemCtx,
    FieldWorkerCtx,
    ReaderCtx,
    ScreenerCtx,
    VisitReaderCtx,
)
from services.monitoring.alerts import repository, service
from services.monitoring.alerts.schemas import (
    AlertCreate,
    AlertOut,
    BatchReport,
    DepartmentBatch,
    PolicyExplainedOut,
    ScreeningRequest,
    ScreeningResult,
    VisitCreate,
    VisitOut,
)
from services.monitoring.models import Alert, AlertSource, AlertStatus, Visit, VisitorKind
from shared.errors import NotFound, problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page, page_response
from shared.routing import KitRouter
from shared.schemas import TownCode

router = KitRouter(tags=["alerts 预警"])


@router.post(
    "/v1/alerts",
    status_code=201,
    response_model=AlertOut,
    summary="登记农户自主申报 / record a self-declaration",
    responses=problem_responses(400, 401, 403, 404, 413, 422),
)
async def create_alert(body: AlertCreate, ctx: FieldWorkerCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    alert = await service.raise_alert(ctx, body)
    out = AlertOut.model_validate(alert)
    return await ctx.respond(out, status_code=201, headers={"Location": f"/v1/alerts/{out.id}"})


@router.post(
    "/v1/alerts/department-batches",
    response_model=BatchReport,
    summary="部门筛查预警批量推送（集成账号）/ a department's batch of alerts",
    description="按身份证号匹配农户；未匹配的记录在回执中列出；同一批次重复推送不会重复预警。",
    responses=problem_responses(400, 401, 403, 413, 422),
)
async def post_department_batch(body: DepartmentBatch, ctx: DepartmentSystemCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    return await ctx.respond(await service.receive_department_batch(ctx, body))


@router.post(
    "/v1/screenings",
    response_model=ScreeningResult,
    summary="系统筛查：对照监测线、三保障和饮水安全 / screen every household",
    responses=problem_responses(400, 401, 403, 422),
)
async def run_screening(body: ScreeningRequest, ctx: ScreenerCtx) -> ScreeningResult:
    return await service.screen(ctx, body)


@router.get(
    "/v1/alerts",
    response_model=Page[AlertOut],
    summary="预警列表 / list alerts",
    responses=problem_responses(401, 403, 422),
)
async def list_alerts(
    ctx: ReaderCtx,
    household_id: Annotated[uuid.UUID | None, Query()] = None,
    status: Annotated[AlertStatus | None, Query()] = None,
    source: Annotated[AlertSource | None, Query()] = None,
    town_code: Annotated[TownCode | None, Query()] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Response:
    query = repository.filtered(
        ctx.principal,
        household_id=household_id,
        status=status,
        source=source,
        town_code=town_code,
        updated_since=updated_since,
    )
    # Plain rows written as AlertOut writes them (shared.pagination, ADR 0013), like households'.
    rows, next_cursor = await keyset_page(
        ctx.session, query, (Alert.updated_at, Alert.id), cursor=cursor, limit=limit, rows=True
    )
    return page_response(Page[AlertOut], rows, next_cursor)


@router.get(
    "/v1/alerts/{alert_id}",
    response_model=AlertOut,
    summary="预警详情 / get an alert",
    responses=problem_responses(401, 403, 404, 422),
)
async def get_alert(alert_id: uuid.UUID, ctx: ReaderCtx) -> AlertOut:
    alert = await repository.get(ctx.session, ctx.principal, alert_id)
    if alert is None:
        raise NotFound()
    return AlertOut.model_validate(alert)


@router.post(
    "/v1/visits",
    status_code=201,
    response_model=VisitOut,
    summary="登记走访（含 GPS；发现风险即产生预警）/ log a visit",
    responses=problem_responses(400, 401, 403, 404, 413, 422),
)
async def create_visit(body: VisitCreate, ctx: FieldWorkerCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    visit, explained = await service.log_visit(ctx, body)
    out = VisitOut.model_validate(visit).model_copy(update={"policies_explained": explained})
    return await ctx.respond(out, status_code=201)


@router.get(
    "/v1/visits",
    response_model=Page[VisitOut],
    summary="走访记录 / list visits",
    responses=problem_responses(401, 403, 422),
)
async def list_visits(
    ctx: VisitReaderCtx,
    household_id: Annotated[uuid.UUID | None, Query()] = None,
    visitor_kind: Annotated[VisitorKind | None, Query()] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[VisitOut]:
    query = repository.visits_filtered(
        ctx.principal, household_id=household_id, visitor_kind=visitor_kind, updated_since=updated_since
    )
    rows, next_cursor = await keyset_page(
        ctx.session, query, (Visit.updated_at, Visit.id), cursor=cursor, limit=limit
    )
    explained: dict[uuid.UUID, list[PolicyExplainedOut]] = {}
    for e in await repository.explanations(ctx.session, [r.id for r in rows]):
        explained.setdefault(e.visit_id, []).append(
            PolicyExplainedOut(
                policy_code=e.policy_code, policy_name=e.policy_name, already_known=e.already_known
            )
        )
    items = [
        VisitOut.model_validate(r).model_copy(update={"policies_explained": explained.get(r.id, [])})
        for r in rows
    ]
    return Page[VisitOut](items=items, next_cursor=next_cursor)
