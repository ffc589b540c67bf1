"""部门数据视图: a department's officers and systems read the monitored people, their fields only."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query
from fastapi.responses import JSONResponse

from services.monitoring.access import DepartmentReaderCtx
from services.monitoring.department_view import service
from services.monitoring.department_view.schemas import DepartmentPage
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit, UpdatedSince
from shared.routing import KitRouter

router = KitRouter(prefix="/v1/department-view", tags=["department view 部门数据视图"])


@router.get(
    "/members",
    response_model=DepartmentPage,
    summary="本部门可读的监测人口字段 / monitored people, with the caller's department's fields only",
    responses=problem_responses(401, 403, 422),
)
async def department_members(
    ctx: DepartmentReaderCtx,
    division_code: Annotated[str | None, Query(pattern=r"^\d{9}(\d{3})?$", description="镇或村代码")] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 100,
) -> JSONResponse:
    page = await service.members(
        ctx, division_code=division_code, updated_since=updated_since, cursor=cursor, limit=limit
    )
    return JSONResponse(page)
