"""Disbursement progress at a date, set-based: one pass over allocations and payments."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import CTE, Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.funds.models import Allocation, CheckpointAssessment, Fund, Payment
from services.funds.projects.repository import scoped as scoped_projects
from shared.auth import Principal


def _by_allocation(year: int, as_of: date) -> CTE:
    """Each allocation of the year's funds with what was paid from it up to ``as_of``."""
    paid = (
        select(Payment.allocation_id, func.sum(Payment.amount).label("paid"))
        .where(Payment.paid_on <= as_of)
        .group_by(Payment.allocation_id)
        .subquery()
    )
    return (
        select(
            Allocation.project_id,
            Allocation.fund_id,
            Allocation.amount.label("allocated"),
            func.coalesce(paid.c.paid, 0).label("paid"),
        )
        .join(Fund, Fund.id == Allocation.fund_id)
        .outerjoin(paid, paid.c.allocation_id == Allocation.id)
        .where(Fund.year == year)
        .cte("by_allocation")
    )


def _by_project(principal: Principal, progress: CTE) -> Select[Any]:
    visible = scoped_projects(principal).subquery()
    return (
        select(
            visible.c.id.label("project_id"),
            visible.c.name,
            visible.c.town_code,
            visible.c.village_code,
            visible.c.category,
            func.sum(progress.c.allocated).label("allocated"),
            func.sum(progress.c.paid).label("paid"),
        )
        .join(progress, progress.c.project_id == visible.c.id)
        .group_by(
            visible.c.id, visible.c.name, visible.c.town_code, visible.c.village_code, visible.c.category
        )
    )


async def projects(session: AsyncSession, principal: Principal, year: int, as_of: date) -> list[Any]:
    query = _by_project(principal, _by_allocation(year, as_of))
    return list((await session.execute(query.order_by("town_code", "name", "project_id"))).all())


async def towns(
    session: AsyncSession, principal: Principal, year: int, as_of: date, target: Decimal
) -> list[Any]:
    per_project = _by_project(principal, _by_allocation(year, as_of)).subquery()
    query = (
        select(
            per_project.c.town_code,
            func.count().label("projects"),
            func.count()
            .filter(per_project.c.paid < per_project.c.allocated * target)
            .label("projects_behind"),
            func.sum(per_project.c.allocated).label("allocated"),
            func.sum(per_project.c.paid).label("paid"),
        )
        .group_by(per_project.c.town_code)
        .order_by(per_project.c.town_code)
    )
    return list((await session.execute(query)).all())


async def funds(session: AsyncSession, year: int, as_of: date) -> list[Any]:
    progress = _by_allocation(year, as_of)
    query = (
        select(
            Fund.id.label("fund_id"),
            Fund.name,
            Fund.source,
            Fund.amount,
            func.coalesce(func.sum(progress.c.allocated), 0).label("allocated"),
            func.coalesce(func.sum(progress.c.paid), 0).label("paid"),
        )
        .outerjoin(progress, progress.c.fund_id == Fund.id)
        .where(Fund.year == year)
        .group_by(Fund.id)
        .order_by(Fund.source, Fund.name, Fund.id)
    )
    return list((await session.execute(query)).all())


def assessments(*, year: int | None, updated_since: datetime | None) -> Select[CheckpointAssessment]:
    query = select(CheckpointAssessment)
    if year:
        query = query.where(CheckpointAssessment.year == year)
    if updated_since:
        query = query.where(CheckpointAssessment.updated_at > updated_since)
    return query
