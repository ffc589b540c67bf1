from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.funds.models import Project, ProjectCategory, ProjectStatus
from shared.auth import Principal


def scoped(principal: Principal) -> Select[tuple[Project]]:
    """Projects the caller may see at all; everything else is 'not found'.

    A town official sees every project of the town; a village cadre sees the village's projects
    and the town-wide ones (no village) of the town it belongs to.
    """
    query = select(Project)
    prefix = principal.division_prefix
    if prefix is not None:
        if len(prefix) <= 9:
            query = query.where(Project.town_code.startswith(prefix, autoescape=True))
        else:
            query = query.where(
                or_(
                    Project.village_code.startswith(prefix, autoescape=True),
                    and_(Project.village_code.is_(None), Project.town_code == prefix[:9]),
                )
            )
    return query


async def get(
    session: AsyncSession, principal: Principal, project_id: uuid.UUID, *, for_update: bool = False
) -> Project | None:
    query = scoped(principal).where(Project.id == project_id)
    if for_update:
        query = query.with_for_update()
    return (await session.execute(query)).scalar_one_or_none()


def filtered(
    principal: Principal,
    *,
    town_code: str | None,
    village_code: str | None,
    category: ProjectCategory | None,
    status: ProjectStatus | None,
    year: int | None,
    updated_since: datetime | None,
) -> Select[tuple[Project]]:
    query = scoped(principal)
    if town_code:
        query = query.where(Project.town_code == town_code)
    if village_code:
        query = query.where(Project.village_code == village_code)
    if category:
        query = query.where(Project.category == category)
    if status:
        query = query.where(Project.status == status)
    if year:
        query = query.where(Project.year == year)
    if updated_since:
        query = query.where(Project.updated_at > updated_since)
    return query
