from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from services.monitoring.alerts import repository, service
from services.monitoring.alerts.schemas import AlertCreate, AlertOut
from services.monitoring.models import Alert
from shared.context import Ctx
from shared.errors import NotFound, problem_responses
from shared.pagination import Page, keyset_page

router = APIRouter(prefix="/v1/alerts", tags=["alerts 预警"])


@router.post(
    "",
    status_code=201,
    response_model=AlertOut,
    summary="登记风险预警 / raise an alert",
    responses=problem_responses(400, 401, 403, 404, 413, 422),
)
async def create_alert(body: AlertCreate, ctx: Ctx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    alert = await service.raise_alert(ctx, body)
    out = AlertOut.model_validate(alert)
    return await ctx.respond(out, status_code=201, headers={"Location": f"/v1/alerts/{out.id}"})


@router.get(
    "",
    response_model=Page[AlertOut],
    summary="预警列表 / list alerts",
    responses=problem_responses(401, 403, 422),
)
async def list_alerts(
    ctx: Ctx,
    household_id: Annotated[uuid.UUID | None, Query()] = None,
    updated_since: Annotated[datetime | None, Query()] = None,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Page[AlertOut]:
    ctx.principal.require_role(*service.READERS)
    query = repository.filtered(ctx.principal, household_id=household_id, updated_since=updated_since)
    rows, next_cursor = await keyset_page(
        ctx.session, query, (Alert.updated_at, Alert.id), cursor=cursor, limit=limit
    )
    return Page[AlertOut](items=[AlertOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.get(
    "/{alert_id}",
    response_model=AlertOut,
    summary="预警详情 / get an alert",
    responses=problem_responses(401, 403, 404, 422),
)
async def get_alert(alert_id: uuid.UUID, ctx: Ctx) -> AlertOut:
    ctx.principal.require_role(*service.READERS)
    alert = await repository.get(ctx.session, ctx.principal, alert_id)
    if alert is None:
        raise NotFound()
    return AlertOut.model_validate(alert)
