"""公告公示: the district or the project's town announces a project's plan (once it is in the
annual plan) or its result (once accepted), for a period; the public listing shows them."""

from __future__ import annotations

from services.funds.access import location
from services.funds.announcements.schemas import AnnouncementCreate
from services.funds.models import Announcement, AnnouncementKind, Project, ProjectStatus
from shared.context import RequestContext
from shared.errors import InvalidTransition, ValidationFailed

S = ProjectStatus
ANNOUNCEABLE = {
    AnnouncementKind.PLAN: (S.PLANNED, S.APPROVED, S.IN_PROGRESS, S.COMPLETED, S.ACCEPTED, S.HANDED_OVER),
    AnnouncementKind.RESULT: (S.ACCEPTED, S.HANDED_OVER),
}


async def announce(ctx: RequestContext, project: Project, data: AnnouncementCreate) -> Announcement:
    ctx.principal.require_may_write_in(location(project))
    if data.ends_on < data.starts_on:
        raise ValidationFailed("ends_on", "公示结束日期不能早于开始日期", "ends_on is before starts_on")
    if project.status not in ANNOUNCEABLE[data.kind]:
        raise InvalidTransition(
            "计划公示须在项目纳入年度计划后，结果公告须在项目验收后",
            "plans are announced once planned, results once accepted",
        )
    announcement = Announcement(project_id=project.id, **data.model_dump())
    ctx.session.add(announcement)
    await ctx.session.flush()
    await ctx.audit("announce", "project", project.id, data.model_dump())
    return announcement
