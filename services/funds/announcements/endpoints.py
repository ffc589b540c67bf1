"""Announcements: recorded by officials, listed publicly without a token.

The public listing takes no request context (that requires a token): it reads through a plain
session of the component and is rate-limited per client address, counted where
``XIANJIE_RATE_LIMIT_STORAGE`` says (shared.ratelimit: this process's memory by default, Redis
when the replicas must share one count).
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncSession

from services.funds.access import ImplementerCtx, visible_project
from services.funds.announcements import repository, service
from services.funds.announcements.schemas import (
    AnnouncementCreate,
    AnnouncementOut,
    PublicAnnouncement,
    PublicProject,
)
from services.funds.models import Announcement, AnnouncementKind, Project
from services.funds.projects import repository as projects
from services.funds.settings import FundsSettings
from shared import clock
from shared.context import get_component
from shared.divisions import DivisionRegistry
from shared.errors import problem_responses
from shared.pagination import Cursor, Page, keyset_page
from shared.routing import KitRouter
from shared.schemas import TownCode

router = KitRouter(prefix="/v1/projects", tags=["announcements 公告公示"])
public_router = KitRouter(prefix="/v1/public", tags=["public 公开查询"])


def client_address(request: Request) -> str:
    """The caller as the gateway saw it: the last X-Forwarded-For hop is the one the gateway added
    (earlier hops come from the caller and could be forged); without it, the peer address."""
    forwarded = request.headers.get("x-forwarded-for")
    if forwarded:
        return forwarded.split(",")[-1].strip()
    return request.client.host if request.client else "unknown"


async def public_session(request: Request) -> AsyncIterator[AsyncSession]:
    component = get_component(request)
    await component.rate_limits.hit(
        component.settings_as(FundsSettings).public_rate_limit,
        "funds-public",
        client_address(request),
        zh="请 {retry_after} 秒后再试",
        en="retry in {retry_after} s",
    )
    async with component.db.sessions() as session:
        yield session


PublicSession = Annotated[AsyncSession, Depends(public_session)]
# Smaller pages than the kit's Limit: anyone may ask without a token, so each answer stays cheap.
PublicLimit = Annotated[int, Query(ge=1, le=100, description="每页条数 / page size")]


@router.post(
    "/{project_id}/announcements",
    status_code=201,
    response_model=AnnouncementOut,
    summary="登记公告公示 / announce a project's plan or result",
    responses=problem_responses(400, 401, 403, 404, 409, 413, 422),
)
async def announce(project_id: uuid.UUID, body: AnnouncementCreate, ctx: ImplementerCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    project = await visible_project(ctx, project_id)
    out = AnnouncementOut.model_validate(await service.announce(ctx, project, body))
    return await ctx.respond(out, status_code=201)


@public_router.get(
    "/announcements",
    response_model=Page[PublicAnnouncement],
    summary="公告公示（公开、无需登录、限流）/ public announcements (no token, rate-limited)",
    responses=problem_responses(422, 429),
)
async def list_public_announcements(
    request: Request,
    session: PublicSession,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    town_code: Annotated[TownCode | None, Query()] = None,
    kind: Annotated[AnnouncementKind | None, Query()] = None,
    cursor: Cursor = None,
    limit: PublicLimit = 20,
) -> Page[PublicAnnouncement]:
    divisions = get_component(request).divisions
    query = repository.public(today=clock.today(), year=year, town_code=town_code, kind=kind)
    rows, next_cursor = await keyset_page(
        session, query, (Announcement.updated_at, Announcement.id), cursor=cursor, limit=limit
    )
    shown = {p.id: p for p in await projects.by_ids(session, {a.project_id for a in rows})}
    items = [
        PublicAnnouncement(
            id=a.id,
            kind=a.kind,
            starts_on=a.starts_on,
            ends_on=a.ends_on,
            project=_public_project(shown[a.project_id], divisions),
        )
        for a in rows
    ]
    return Page[PublicAnnouncement](items=items, next_cursor=next_cursor)


def _public_project(project: Project, divisions: DivisionRegistry) -> PublicProject:
    return PublicProject(
        id=project.id,
        name=project.name,
        town_code=project.town_code,
        town_name=divisions.name(project.town_code),
        village_code=project.village_code,
        village_name=divisions.name(project.village_code) if project.village_code else None,
        category=project.category,
        year=project.year,
        planned_amount=project.planned_amount,
        allocated=project.allocated,
        status=project.status,
        accepted_on=project.accepted_on,
    )
