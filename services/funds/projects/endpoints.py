from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query
from fastapi.responses import JSONResponse

from services.funds.access import DistrictCtx, ImplementerCtx, ReaderCtx, WriterCtx, visible_project
from services.funds.models import Project, ProjectCategory, ProjectStatus
from services.funds.projects import repository, service
from services.funds.projects.schemas import (
    AcceptanceCreate,
    ElevatedReviewCreate,
    EvaluationCreate,
    IndicatorOut,
    ProjectAssetOut,
    ProjectCreate,
    ProjectDossier,
    ProjectOut,
    ProjectUpdate,
    StepCreate,
    StepOut,
    TargetsSet,
)
from shared.context import RequestContext, etag_for
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page
from shared.routing import KitRouter
from shared.schemas import TownCode, VillageCode

router = KitRouter(prefix="/v1/projects", tags=["projects 项目库"])


@router.post(
    "",
    status_code=201,
    response_model=ProjectOut,
    summary="申报项目 / propose a project",
    responses=problem_responses(400, 401, 403, 413, 422),
)
async def create_project(body: ProjectCreate, ctx: WriterCtx) -> JSONResponse:
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
    ctx: ReaderCtx,
    town_code: Annotated[TownCode | None, Query()] = None,
    village_code: Annotated[VillageCode | None, Query()] = None,
    category: Annotated[ProjectCategory | None, Query()] = None,
    status: Annotated[ProjectStatus | None, Query()] = None,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[ProjectOut]:
    query = repository.filtered(
        ctx.principal,
        town_code=town_code,
        village_code=village_code,
        category=category,
        status=status,
        year=year,
        updated_since=updated_since,
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
async def get_project(project_id: uuid.UUID, ctx: ReaderCtx) -> JSONResponse:
    out = ProjectOut.model_validate(await visible_project(ctx, project_id))
    return JSONResponse(out.model_dump(mode="json"), headers={"ETag": etag_for(out.version)})


@router.patch(
    "/{project_id}",
    response_model=ProjectOut,
    summary="修改申报中的项目（需 If-Match）/ amend a proposed project (If-Match required)",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 413, 422, 428),
)
async def update_project(project_id: uuid.UUID, body: ProjectUpdate, ctx: WriterCtx) -> JSONResponse:
    project = await service.amend(ctx, await visible_project(ctx, project_id, for_update=True), body)
    return await _answer(ctx, project)


async def _answer(ctx: RequestContext, project: Project) -> JSONResponse:
    out = ProjectOut.model_validate(project)
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})


WRITE_PROBLEMS = problem_responses(400, 401, 403, 404, 409, 412, 413, 422, 428)


@router.get(
    "/{project_id}/dossier",
    response_model=ProjectDossier,
    summary="项目档案：流程记录、绩效目标、资产 / history, performance indicators and assets",
    responses=problem_responses(401, 403, 404, 422),
)
async def get_dossier(project_id: uuid.UUID, ctx: ReaderCtx) -> ProjectDossier:
    project = await visible_project(ctx, project_id)
    return ProjectDossier(
        project=ProjectOut.model_validate(project),
        steps=[StepOut.model_validate(s) for s in await repository.steps(ctx.session, project.id)],
        indicators=[
            IndicatorOut.model_validate(i) for i in await repository.indicators(ctx.session, project.id)
        ],
        assets=[ProjectAssetOut.model_validate(a) for a in await repository.assets(ctx.session, project.id)],
    )


@router.post(
    "/{project_id}/steps",
    response_model=ProjectOut,
    summary="推进项目流程（需 If-Match）/ move a project to its next stage (If-Match required)",
    responses=WRITE_PROBLEMS,
)
async def advance_project(project_id: uuid.UUID, body: StepCreate, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    project = await service.advance(ctx, await visible_project(ctx, project_id, for_update=True), body)
    return await _answer(ctx, project)


@router.post(
    "/{project_id}/elevated-review",
    response_model=ProjectOut,
    summary="登记省级提级综合论证（需 If-Match）/ record the provincial elevated review",
    responses=WRITE_PROBLEMS,
)
async def record_elevated_review(
    project_id: uuid.UUID, body: ElevatedReviewCreate, ctx: DistrictCtx
) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    project = await service.record_elevated_review(
        ctx, await visible_project(ctx, project_id, for_update=True), body
    )
    return await _answer(ctx, project)


@router.put(
    "/{project_id}/performance-targets",
    response_model=list[IndicatorOut],
    summary="设定绩效目标（入库前，需 If-Match）/ set performance targets at entry",
    responses=WRITE_PROBLEMS,
)
async def set_targets(project_id: uuid.UUID, body: TargetsSet, ctx: WriterCtx) -> JSONResponse:
    project = await visible_project(ctx, project_id, for_update=True)
    indicators = await service.set_targets(ctx, project, body)
    content = [IndicatorOut.model_validate(i).model_dump(mode="json") for i in indicators]
    return JSONResponse(content, headers={"ETag": etag_for(project.version)})


@router.post(
    "/{project_id}/performance-evaluation",
    response_model=ProjectOut,
    summary="绩效评价（完工后，需 If-Match）/ evaluate performance of a completed project",
    responses=WRITE_PROBLEMS,
)
async def evaluate(project_id: uuid.UUID, body: EvaluationCreate, ctx: ImplementerCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    project = await service.evaluate(ctx, await visible_project(ctx, project_id, for_update=True), body)
    return await _answer(ctx, project)


@router.post(
    "/{project_id}/acceptance",
    response_model=ProjectOut,
    summary="项目验收并列明形成的资产（需 If-Match）/ accept a project with the assets it formed",
    responses=WRITE_PROBLEMS,
)
async def accept(project_id: uuid.UUID, body: AcceptanceCreate, ctx: DistrictCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    project = await service.accept(ctx, await visible_project(ctx, project_id, for_update=True), body)
    return await _answer(ctx, project)
