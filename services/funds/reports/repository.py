from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.funds.models import Allocation, Fund, Project
from services.funds.projects.repository import scoped as scoped_projects
from shared.auth import Principal


async def fund_amounts(session: AsyncSession, year: int) -> list[Any]:
    query = (
        select(
            Fund.source, func.sum(Fund.amount).label("amount"), func.sum(Fund.allocated).label("allocated")
        )
        .where(Fund.year == year)
        .group_by(Fund.source)
    )
    return list((await session.execute(query)).all())


async def fund_use(session: AsyncSession, year: int) -> list[Any]:
    query = (
        select(
            Fund.source,
            Project.category,
            func.sum(Allocation.amount).label("allocated"),
            func.sum(Allocation.paid).label("paid"),
        )
        .select_from(Allocation)
        .join(Fund, Fund.id == Allocation.fund_id)
        .join(Project, Project.id == Allocation.project_id)
        .where(Fund.year == year)
        .group_by(Fund.source, Project.category)
    )
    return list((await session.execute(query)).all())


async def pipeline(
    session: AsyncSession, principal: Principal, year: int | None, town_code: str | None
) -> list[Any]:
    visible = scoped_projects(principal)
    if year:
        visible = visible.where(Project.year == year)
    if town_code:
        visible = visible.where(Project.town_code == town_code)
    projects = visible.subquery()
    query = (
        select(
            projects.c.town_code,
            projects.c.status,
            func.count().label("projects"),
            func.sum(projects.c.planned_amount).label("planned_amount"),
            func.sum(projects.c.allocated).label("allocated"),
            func.sum(projects.c.paid).label("paid"),
        )
        .group_by(projects.c.town_code, projects.c.status)
        .order_by(projects.c.town_code, projects.c.status)
    )
    return list((await session.execute(query)).all())
