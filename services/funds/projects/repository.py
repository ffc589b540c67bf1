from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.funds.models import (
    Allocation,
    AssetLink,
    Fund,
    FundSource,
    IndicatorKind,
    PerformanceIndicator,
    Project,
    ProjectAsset,
    ProjectCategory,
    ProjectStatus,
    ProjectStep,
)
from shared.auth import Principal


def scoped(principal: Principal) -> Select[Project]:
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
) -> Select[Project]:
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


async def steps(session: AsyncSession, project_id: uuid.UUID) -> list[ProjectStep]:
    query = select(ProjectStep).where(ProjectStep.project_id == project_id).order_by(ProjectStep.id)
    return list((await session.execute(query)).scalars())


async def indicators(session: AsyncSession, project_id: uuid.UUID) -> list[PerformanceIndicator]:
    query = (
        select(PerformanceIndicator)
        .where(PerformanceIndicator.project_id == project_id)
        .order_by(PerformanceIndicator.kind, PerformanceIndicator.name)
    )
    return list((await session.execute(query)).scalars())


async def indicator_kinds(session: AsyncSession, project_id: uuid.UUID) -> list[IndicatorKind]:
    query = select(PerformanceIndicator.kind).where(PerformanceIndicator.project_id == project_id).distinct()
    return list((await session.execute(query)).scalars())


async def delete_indicators(session: AsyncSession, project_id: uuid.UUID) -> None:
    await session.execute(delete(PerformanceIndicator).where(PerformanceIndicator.project_id == project_id))


async def assets(session: AsyncSession, project_id: uuid.UUID) -> list[dict[str, Any]]:
    """The project's announced assets, each with the registry's asset id once it is linked."""
    query = (
        select(ProjectAsset, AssetLink.asset_id)
        .outerjoin(
            AssetLink,
            and_(
                AssetLink.project_id == ProjectAsset.project_id, AssetLink.asset_ref == ProjectAsset.asset_ref
            ),
        )
        .where(ProjectAsset.project_id == project_id)
        .order_by(ProjectAsset.asset_ref)
    )
    return [
        {**{c.key: getattr(asset, c.key) for c in ProjectAsset.__table__.columns}, "asset_id": asset_id}
        for asset, asset_id in (await session.execute(query)).all()
    ]


async def has_asset(session: AsyncSession, project_id: uuid.UUID, asset_ref: str) -> bool:
    return (await session.get(ProjectAsset, (project_id, asset_ref))) is not None


async def all_assets_linked(session: AsyncSession, project_id: uuid.UUID) -> bool:
    unlinked = await session.scalar(
        select(func.count())
        .select_from(ProjectAsset)
        .outerjoin(
            AssetLink,
            and_(
                AssetLink.project_id == ProjectAsset.project_id, AssetLink.asset_ref == ProjectAsset.asset_ref
            ),
        )
        .where(ProjectAsset.project_id == project_id, AssetLink.asset_id.is_(None))
    )
    return unlinked == 0


async def fund_shares(
    session: AsyncSession, project_id: uuid.UUID
) -> list[tuple[uuid.UUID, FundSource, Decimal]]:
    """What each fund put into the project (its allocations, summed)."""
    query = (
        select(Fund.id, Fund.source, func.sum(Allocation.amount))
        .join(Allocation, Allocation.fund_id == Fund.id)
        .where(Allocation.project_id == project_id)
        .group_by(Fund.id, Fund.source)
        .order_by(Fund.id)
    )
    return [(f, s, a) for f, s, a in (await session.execute(query)).all()]


async def by_ids(session: AsyncSession, ids: set[uuid.UUID]) -> list[Project]:
    """Projects by id, whatever the caller's scope (for the public listing of announced ones)."""
    if not ids:
        return []
    return list((await session.execute(select(Project).where(Project.id.in_(ids)))).scalars())
