from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query
from fastapi.responses import JSONResponse, Response

from services.monitoring.access import (
    PendingReaderCtx,
    ReaderCtx,
    ReportReaderCtx,
    RouteDeciderCtx,
    load_household,
)
from services.monitoring.worklists import service
from services.monitoring.worklists.schemas import (
    LongRunningRouteOut,
    PendingItem,
    PendingKind,
    RouteDecisionIn,
    RouteFilter,
)
from shared.context import etag_for
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit, Page
from shared.reports import REPORT_RESPONSES, Report, ReportFormat, report_response
from shared.routing import KitRouter
from shared.schemas import TownCode, VillageCode

router = KitRouter(tags=["worklists 待办与两年以上监测对象"])


# No ``updated_since``: an item becomes pending as days pass, not because a record changed.
@router.get(
    "/v1/worklists/pending",
    response_model=Page[PendingItem],
    summary="待办：识别超时限、预警超期未核实、两年以上未确定路径 / what waits on the town",
    description=(
        "镇干部看本镇、村干部看本村、区级看全部；等待最久的在前。识别时限见 identification_limit_days"
        "（可按法定工作日计），预警核实期限见 pending_alert_days。"
    ),
    responses=problem_responses(401, 403, 422),
)
async def list_pending(
    ctx: PendingReaderCtx,
    town_code: Annotated[TownCode | None, Query()] = None,
    village_code: Annotated[VillageCode | None, Query()] = None,
    kind: Annotated[PendingKind | None, Query()] = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[PendingItem]:
    return await service.pending(
        ctx, town_code=town_code, village_code=village_code, kind=kind, cursor=cursor, limit=limit
    )


@router.get(
    "/v1/worklists/long-running",
    response_model=Report,
    summary="两年以上监测对象处置进度（按镇）/ routes of long-running households, per town",
    description=(
        "每镇：两年以上监测对象户数，按风险消除 / 兜底保障 / 完善帮扶计划 已确定与已完成户数，"
        "未确定路径户数。"
    ),
    responses=REPORT_RESPONSES,
)
async def long_running_progress(
    ctx: ReportReaderCtx, town_code: Annotated[TownCode | None, Query()] = None, format: ReportFormat = "json"
) -> Response:
    return report_response(await service.progress_report(ctx, town_code=town_code), format)


@router.get(
    "/v1/worklists/long-running/households",
    response_model=Report,
    summary="两年以上监测对象逐户处置路径 / each long-running household and its route",
    description="route=unrouted 只列未确定路径的农户。",
    responses=REPORT_RESPONSES,
)
async def long_running_households(
    ctx: ReportReaderCtx,
    town_code: Annotated[TownCode | None, Query()] = None,
    route: Annotated[RouteFilter | None, Query()] = None,
    format: ReportFormat = "json",
) -> Response:
    report = await service.households_report(ctx, town_code=town_code, route=route)
    return report_response(report, format)


@router.get(
    "/v1/households/{household_id}/long-running-route",
    response_model=LongRunningRouteOut,
    summary="两年以上监测对象的处置路径及历次决定 / the household's route and its history",
    responses=problem_responses(401, 403, 404, 422),
)
async def get_route(household_id: uuid.UUID, ctx: ReaderCtx) -> JSONResponse:
    out = await service.route_of(ctx, await load_household(ctx, household_id))
    return JSONResponse(out.model_dump(mode="json"), headers={"ETag": etag_for(out.version)})


@router.post(
    "/v1/households/{household_id}/long-running-route",
    status_code=201,
    response_model=LongRunningRouteOut,
    summary="确定或改变处置路径（镇、区；需 If-Match）/ decide the route of a long-running household",
    description=(
        "风险消除 / 兜底保障 / 完善帮扶计划，附理由；改变路径保留历次决定。If-Match 为当前 version"
        '（首次决定为 "0"）。非两年以上监测对象返回 409 not_long_running。'
    ),
    responses=problem_responses(400, 401, 403, 404, 409, 412, 413, 422, 428),
)
async def decide_route(household_id: uuid.UUID, body: RouteDecisionIn, ctx: RouteDeciderCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    household = await load_household(ctx, household_id, for_update=True)
    out = await service.decide_route(ctx, household, body)
    return await ctx.respond(out, status_code=201, headers={"ETag": etag_for(out.version)})
