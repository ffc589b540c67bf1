from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from services.funds.models import Project, ProjectCategory, ProjectStatus
from services.funds.projects import repository, service
from services.funds.projects.schemas import ProjectCreate, ProjectOut, ProjectUpdate
from shared.context import Ctx, etag_for
from shared.errors import NotFound, problem_responses
from shared.pagination import Page, keyset_page
from shared.schemas import TownCode, VillageCode

UPDATED_SINCE_HELP = "只返回此时间之后有变化的记录（增量同步）"

router = APIRouter(prefix="/v1/projects", tags=["projects 项目库"])


@router.post(
    "",
    status_code=201,
    response_model=ProjectOut,
    summary="申报项目 / propose a project",
    responses=problem_responses(400, 401, 403, 413, 422),
)
async def create_project(body: ProjectCreate, ctx: Ctx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    project = await service.propose(ctx, body)
    out = ProjectOut.model_validate(project)
    return await ctx.respond(
        out, status_code=201, headers={"ETag": etag_for(out.version), "Location": f"/v1/projects/{out.id}"}
    )


@router.get(
    "",
    response_model=Page[ProjectOut],
    summary="项目列表 / list projects",
    responses=problem_responses(401, 403, 422),
)
async def list_projects(
    ctx: Ctx,
    town_code: Annotated[TownCode | None, Query()] = None,
    village_code: Annotated[VillageCode | None, Query()] = None,
    category: Annotated[ProjectCategory | None, Query()] = None,
    status: Annotated[ProjectStatus | None, Query()] = None,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    updated_since: Annotated[datetime | None, Query(description=UPDATED_SINCE_HELP)] = None,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Page[ProjectOut]:
    ctx.principal.require_role(*service.READERS)
    query = repository.filtered(
        ctx.principal, town_code=town_code, village_code=village_code, category=category,
        status=status, year=year, updated_since=updated_since,
    )
    rows, next_cursor = await keyset_page(
        ctx.session, query, (Project.updated_at, Project.id), cursor=cursor, limit=limit
    )
    return Page[ProjectOut](items=[ProjectOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.get(
    "/{project_id}",
    response_model=ProjectOut,
    summary="项目详情 / get a project",
    responses=problem_responses(401, 403, 404, 422),
)
async def get_project(project_id: uuid.UUID, ctx: Ctx) -> JSONResponse:
    ctx.principal.require_role(*service.READERS)
    project = await repository.get(ctx.session, ctx.principal, project_id)
    if project is None:
        raise NotFound()
    out = ProjectOut.model_validate(project)
    return JSONResponse(out.model_dump(mode="json"), headers={"ETag": etag_for(out.version)})


@router.patch(
    "/{project_id}",
    response_model=ProjectOut,
    summary="修改申报中的项目（需 If-Match）/ amend a proposed project (If-Match required)",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 413, 422, 428),
)
async def update_project(project_id: uuid.UUID, body: ProjectUpdate, ctx: Ctx) -> JSONResponse:
    ctx.principal.require_role(*service.READERS)
    project = await repository.get(ctx.session, ctx.principal, project_id, for_update=True)
    if project is None:
        raise NotFound()
    project = await service.amend(ctx, project, body)
    out = ProjectOut.model_validate(project)
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})
