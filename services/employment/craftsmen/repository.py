from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.employment.models import (
    CraftLevel,
    Craftsman,
    CraftsmanNomination,
    LabourBrand,
    LabourBrandWorker,
    NominationStatus,
    NominationTier,
    Worker,
    WorkerStatus,
)
from shared.auth import Principal
from shared.db import in_territory


def craftsmen(principal: Principal, town_code: str | None, level: CraftLevel | None) -> Select[Craftsman]:
    query = select(Craftsman).where(in_territory(principal, Craftsman.village_code))
    if town_code:
        query = query.where(Craftsman.town_code == town_code)
    if level:
        query = query.where(Craftsman.level == level)
    return query


async def craftsman(session: AsyncSession, principal: Principal, craftsman_id: uuid.UUID) -> Craftsman | None:
    return await session.scalar(
        select(Craftsman)
        .where(Craftsman.id == craftsman_id, in_territory(principal, Craftsman.village_code))
        .with_for_update()
    )


async def nomination(
    session: AsyncSession, principal: Principal, nomination_id: uuid.UUID
) -> CraftsmanNomination | None:
    return await session.scalar(
        select(CraftsmanNomination)
        .where(
            CraftsmanNomination.id == nomination_id, in_territory(principal, CraftsmanNomination.village_code)
        )
        .with_for_update()
    )


async def live_nomination(
    session: AsyncSession, craftsman_id: uuid.UUID, tier: NominationTier
) -> CraftsmanNomination | None:
    return await session.scalar(
        select(CraftsmanNomination).where(
            CraftsmanNomination.craftsman_id == craftsman_id,
            CraftsmanNomination.tier == tier,
            CraftsmanNomination.status != NominationStatus.REJECTED,
        )
    )


async def nominations_of(session: AsyncSession, craftsman_id: uuid.UUID) -> list[CraftsmanNomination]:
    rows = await session.scalars(
        select(CraftsmanNomination)
        .where(CraftsmanNomination.craftsman_id == craftsman_id)
        .order_by(CraftsmanNomination.nominated_on, CraftsmanNomination.created_at)
    )
    return list(rows)


async def by_town(session: AsyncSession, principal: Principal) -> list[Any]:
    """Per town: craftsmen by title, and nominations still open by tier."""
    open_ = CraftsmanNomination.status == NominationStatus.NOMINATED
    titles = (
        select(
            Craftsman.town_code,
            func.count().label("craftsmen"),
            func.count().filter(Craftsman.level == CraftLevel.PROVINCIAL_MASTER).label("provincial"),
            func.count().filter(Craftsman.level == CraftLevel.NATIONAL_MASTER).label("national"),
        )
        .where(in_territory(principal, Craftsman.village_code))
        .group_by(Craftsman.town_code)
        .subquery()
    )
    pending = (
        select(
            CraftsmanNomination.town_code,
            func.count().filter(open_, CraftsmanNomination.tier == NominationTier.PROVINCIAL).label("p_open"),
            func.count().filter(open_, CraftsmanNomination.tier == NominationTier.NATIONAL).label("n_open"),
        )
        .where(in_territory(principal, CraftsmanNomination.village_code))
        .group_by(CraftsmanNomination.town_code)
        .subquery()
    )
    query = (
        select(
            titles.c.town_code,
            titles.c.craftsmen,
            titles.c.provincial,
            titles.c.national,
            func.coalesce(pending.c.p_open, 0),
            func.coalesce(pending.c.n_open, 0),
        )
        .outerjoin(pending, pending.c.town_code == titles.c.town_code)
        .order_by(titles.c.town_code)
    )
    return list((await session.execute(query)).all())


def brands() -> Select[LabourBrand]:
    """Brands are district-wide: everyone who reads employment sees them all."""
    return select(LabourBrand)


async def brand(session: AsyncSession, brand_id: uuid.UUID) -> LabourBrand | None:
    return await session.get(LabourBrand, brand_id)


def brand_workers(principal: Principal, brand_id: uuid.UUID) -> Select[LabourBrandWorker]:
    return select(LabourBrandWorker).where(
        LabourBrandWorker.brand_id == brand_id, in_territory(principal, LabourBrandWorker.village_code)
    )


async def brands_report(session: AsyncSession, principal: Principal) -> list[Any]:
    """Per brand: workers in the caller's territory and how many of them are employed now."""
    members = (
        select(
            LabourBrandWorker.brand_id,
            func.count().label("workers"),
            func.count().filter(Worker.status == WorkerStatus.EMPLOYED).label("employed"),
        )
        .join(Worker, Worker.id == LabourBrandWorker.worker_id)
        .where(in_territory(principal, LabourBrandWorker.village_code))
        .group_by(LabourBrandWorker.brand_id)
        .subquery()
    )
    query = (
        select(
            LabourBrand.name,
            LabourBrand.trade,
            func.coalesce(members.c.workers, 0),
            func.coalesce(members.c.employed, 0),
        )
        .outerjoin(members, members.c.brand_id == LabourBrand.id)
        .order_by(LabourBrand.name)
    )
    return list((await session.execute(query)).all())
