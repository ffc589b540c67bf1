from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.assets.models import (
    Asset,
    AssetKind,
    AssetStatus,
    IdleFlag,
    LifecycleStep,
    MonthlyOperation,
    OwnerKind,
    RevenueDistribution,
    SourceProject,
)
from shared.auth import Principal
from shared.db import within_prefix


def filtered(
    principal: Principal,
    *,
    town_code: str | None,
    village_code: str | None,
    kind: AssetKind | None,
    category: str | None,
    owner_kind: OwnerKind | None,
    status: AssetStatus | None,
    source_project_id: uuid.UUID | None,
    q: str | None,
    updated_since: datetime | None,
) -> Select[Asset]:
    query = select(Asset).where(within_prefix(Asset.village_code, principal.division_prefix))
    if town_code:
        query = query.where(Asset.town_code == town_code)
    if village_code:
        query = query.where(Asset.village_code == village_code)
    if kind:
        query = query.where(Asset.kind == kind)
    if category:
        query = query.where(Asset.category == category)
    if owner_kind:
        query = query.where(Asset.owner_kind == owner_kind)
    if status:
        query = query.where(Asset.status == status)
    if source_project_id:
        query = query.where(Asset.source_project_id == source_project_id)
    if q:
        query = query.where(Asset.name.icontains(q, autoescape=True))
    if updated_since:
        query = query.where(Asset.updated_at > updated_since)
    return query


async def project(session: AsyncSession, project_id: uuid.UUID) -> SourceProject | None:
    return await session.get(SourceProject, project_id)


async def history(session: AsyncSession, asset_id: uuid.UUID) -> Sequence[LifecycleStep]:
    query = (
        select(LifecycleStep)
        .where(LifecycleStep.asset_id == asset_id)
        .order_by(LifecycleStep.recorded_at, LifecycleStep.id)
    )
    return (await session.execute(query)).scalars().all()


async def open_assets(session: AsyncSession, rows: list[dict[str, Any]]) -> Sequence[Asset]:
    """Insert the project's assets in one statement; lines already opened are skipped, not doubled."""
    if not rows:
        return []
    inserted = (
        pg_insert(Asset)
        .values(rows)
        .on_conflict_do_nothing(index_elements=[Asset.source_project_id, Asset.source_asset_ref])
        .returning(Asset)
    )
    return (await session.execute(select(Asset).from_statement(inserted))).scalars().all()


async def add_steps(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    if rows:
        await session.execute(pg_insert(LifecycleStep).values(rows))


async def recent_months(session: AsyncSession, asset_id: uuid.UUID, count: int) -> Sequence[MonthlyOperation]:
    query = (
        select(MonthlyOperation)
        .where(MonthlyOperation.asset_id == asset_id)
        .order_by(MonthlyOperation.month.desc())
        .limit(count)
    )
    return (await session.execute(query)).scalars().all()


async def distributions_of(session: AsyncSession, asset_id: uuid.UUID) -> Sequence[RevenueDistribution]:
    query = (
        select(RevenueDistribution)
        .where(RevenueDistribution.asset_id == asset_id)
        .order_by(RevenueDistribution.decided_on.desc(), RevenueDistribution.id)
    )
    return (await session.execute(query)).scalars().all()


async def open_flags(session: AsyncSession, asset_id: uuid.UUID) -> Sequence[IdleFlag]:
    query = select(IdleFlag).where(IdleFlag.asset_id == asset_id, IdleFlag.cleared_on.is_(None))
    return (await session.execute(query.order_by(IdleFlag.rule))).scalars().all()
