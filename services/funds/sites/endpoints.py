from __future__ import annotations

import uuid

from fastapi.responses import JSONResponse

from services.funds.access import ImplementerCtx, ReaderCtx
from services.funds.sites import service
from services.funds.sites.schemas import ProjectSites, SiteCreate, SiteOut, SiteProgress
from shared.context import etag_for
from shared.errors import problem_responses
from shared.routing import KitRouter

router = KitRouter(prefix="/v1", tags=["projects 项目库"])


@router.post(
    "/projects/{project_id}/sites",
    status_code=201,
    response_model=SiteOut,
    summary="登记项目点位 / add a site to a project",
    responses=problem_responses(400, 401, 403, 404, 409, 413, 422),
)
async def add_site(project_id: uuid.UUID, body: SiteCreate, ctx: ImplementerCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    out = SiteOut.model_validate(await service.add_site(ctx, project_id, body))
    return await ctx.respond(out, status_code=201, headers={"ETag": etag_for(out.version)})


@router.get(
    "/projects/{project_id}/sites",
    response_model=ProjectSites,
    summary="项目点位及加权进度 / a project's sites and its progress from them",
    responses=problem_responses(401, 403, 404, 422),
)
async def list_sites(project_id: uuid.UUID, ctx: ReaderCtx) -> ProjectSites:
    return await service.sites_of(ctx, project_id)


@router.put(
    "/project-sites/{site_id}/progress",
    response_model=SiteOut,
    summary="报告点位进度（需 If-Match）/ report a site's progress",
    responses=problem_responses(400, 401, 403, 404, 412, 413, 422, 428),
)
async def report_progress(site_id: uuid.UUID, body: SiteProgress, ctx: ImplementerCtx) -> JSONResponse:
    site = await service.site_for_update(ctx, site_id)
    out = SiteOut.model_validate(await service.report_progress(ctx, site, body))
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})
