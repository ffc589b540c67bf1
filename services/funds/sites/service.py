"""Project sites (e.g. the 31 water-pipe sites of 2025, seed §二(二)): a project's work in several
places, each with its progress; the project's progress is their weighted mean (weight = the site's
share of the work, 1 each by default). Sites are written by those who implement the project."""

from __future__ import annotations

import uuid
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select

from services.funds.access import location, visible_project
from services.funds.models import ProjectSite
from services.funds.sites.schemas import ProjectSites, SiteCreate, SiteOut, SiteProgress
from shared.context import RequestContext
from shared.errors import NotFound, ValidationFailed

CENTS = Decimal("0.01")


async def add_site(ctx: RequestContext, project_id: uuid.UUID, data: SiteCreate) -> ProjectSite:
    project = await visible_project(ctx, project_id)
    ctx.principal.require_may_write_in(location(project))
    if data.village_code is not None and not data.village_code.startswith(project.town_code):
        raise ValidationFailed(
            "village_code", "点位须在项目所在乡镇", "the site is outside the project's town"
        )
    site = ProjectSite(project_id=project.id, **data.model_dump())
    ctx.session.add(site)
    await ctx.session.flush()
    await ctx.audit("create", "project_site", site.id, data.model_dump())
    return site


async def sites_of(ctx: RequestContext, project_id: uuid.UUID) -> ProjectSites:
    project = await visible_project(ctx, project_id)
    rows = list(
        await ctx.session.scalars(
            select(ProjectSite).where(ProjectSite.project_id == project.id).order_by(ProjectSite.name)
        )
    )
    weight = sum((s.weight for s in rows), Decimal(0))
    progress = (
        (sum((s.weight * s.progress_percent for s in rows), Decimal(0)) / weight).quantize(
            CENTS, ROUND_HALF_UP
        )
        if weight
        else None
    )
    return ProjectSites(
        project_id=project.id,
        sites=[SiteOut.model_validate(s) for s in rows],
        completed=sum(1 for s in rows if s.progress_percent == 100),
        progress_percent=progress,
    )


async def site_for_update(ctx: RequestContext, site_id: uuid.UUID) -> ProjectSite:
    site = await ctx.session.get(ProjectSite, site_id, with_for_update=True)
    if site is None:
        raise NotFound()
    await visible_project(ctx, site.project_id)  # 404 outside the caller's territory
    return site


async def report_progress(ctx: RequestContext, site: ProjectSite, data: SiteProgress) -> ProjectSite:
    ctx.require_if_match(site.version)
    project = await visible_project(ctx, site.project_id)
    ctx.principal.require_may_write_in(location(project))
    site.progress_percent = data.progress_percent
    site.progress_on = data.progress_on
    await ctx.session.flush()
    await ctx.audit("progress", "project_site", site.id, data.model_dump())
    return site
