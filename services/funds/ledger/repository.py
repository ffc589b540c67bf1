from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Select, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.funds.models import (
    Allocation,
    Fund,
    FundSource,
    Payment,
    Project,
    ProjectCategory,
    ProjectStatus,
)
from services.funds.projects.repository import scoped as scoped_projects
from shared.auth import Principal


def funds(*, year: int | None, source: FundSource | None, updated_since: datetime | None) -> Select[Fund]:
    query = select(Fund)
    if year:
        query = query.where(Fund.year == year)
    if source:
        query = query.where(Fund.source == source)
    if updated_since:
        query = query.where(Fund.updated_at > updated_since)
    return query


async def get_fund(session: AsyncSession, fund_id: uuid.UUID, *, for_update: bool = False) -> Fund | None:
    query = select(Fund).where(Fund.id == fund_id)
    if for_update:
        query = query.with_for_update()
    return (await session.execute(query)).scalar_one_or_none()


def _visible_projects(principal: Principal) -> Select[tuple[uuid.UUID]]:
    return scoped_projects(principal).with_only_columns(Project.id)


def allocations(
    principal: Principal,
    *,
    fund_id: uuid.UUID | None,
    project_id: uuid.UUID | None,
    updated_since: datetime | None,
) -> Select[Allocation]:
    query = select(Allocation).where(Allocation.project_id.in_(_visible_projects(principal)))
    if fund_id:
        query = query.where(Allocation.fund_id == fund_id)
    if project_id:
        query = query.where(Allocation.project_id == project_id)
    if updated_since:
        query = query.where(Allocation.updated_at > updated_since)
    return query


async def get_allocation(
    session: AsyncSession, principal: Principal, allocation_id: uuid.UUID
) -> tuple[Allocation, Project] | None:
    query = (
        select(Allocation, Project)
        .join(Project, Project.id == Allocation.project_id)
        .where(Allocation.id == allocation_id, Allocation.project_id.in_(_visible_projects(principal)))
    )
    row = (await session.execute(query)).one_or_none()
    return None if row is None else (row[0], row[1])


def payments(
    principal: Principal,
    *,
    project_id: uuid.UUID | None,
    fund_id: uuid.UUID | None,
    updated_since: datetime | None,
) -> Select[Payment]:
    query = select(Payment).where(Payment.project_id.in_(_visible_projects(principal)))
    if project_id:
        query = query.where(Payment.project_id == project_id)
    if fund_id:
        query = query.where(Payment.fund_id == fund_id)
    if updated_since:
        query = query.where(Payment.updated_at > updated_since)
    return query


async def lock_central_funds(session: AsyncSession, year: int) -> None:
    """Serialise every allocation of the year's central funds (in id order: no deadlocks)."""
    await session.execute(
        select(Fund.id)
        .where(Fund.year == year, Fund.source == FundSource.CENTRAL)
        .order_by(Fund.id)
        .with_for_update()
    )


async def central_totals(session: AsyncSession, year: int) -> tuple[Decimal, Decimal, Decimal]:
    """(central amount, allocated to industry, allocated elsewhere) for the year's central funds."""
    amount = await session.scalar(
        select(func.coalesce(func.sum(Fund.amount), 0)).where(
            Fund.year == year, Fund.source == FundSource.CENTRAL
        )
    )
    is_industry = Project.category == ProjectCategory.INDUSTRY
    row = (
        await session.execute(
            select(
                func.coalesce(func.sum(Allocation.amount).filter(is_industry), 0),
                func.coalesce(func.sum(Allocation.amount).filter(~is_industry), 0),
            )
            .select_from(Allocation)
            .join(Fund, Fund.id == Allocation.fund_id)
            .join(Project, Project.id == Allocation.project_id)
            .where(Fund.year == year, Fund.source == FundSource.CENTRAL)
        )
    ).one()
    return Decimal(amount or 0), Decimal(row[0]), Decimal(row[1])


async def add_to_fund(session: AsyncSession, fund_id: uuid.UUID, amount: Decimal) -> bool:
    """Allocate from the fund unless that would exceed it (atomic: the row lock decides races)."""
    done = await session.scalar(
        update(Fund)
        .where(Fund.id == fund_id, Fund.allocated + amount <= Fund.amount)
        .values(allocated=Fund.allocated + amount, updated_at=func.now())
        .returning(Fund.id)
        .execution_options(synchronize_session=False)
    )
    return done is not None


async def add_to_project(
    session: AsyncSession, project_id: uuid.UUID, amount: Decimal, statuses: tuple[ProjectStatus, ...]
) -> bool:
    done = await session.scalar(
        update(Project)
        .where(
            Project.id == project_id,
            Project.allocated + amount <= Project.planned_amount,
            Project.status.in_(statuses),
        )
        .values(allocated=Project.allocated + amount, updated_at=func.now())
        .returning(Project.id)
        .execution_options(synchronize_session=False)
    )
    return done is not None


async def pay_from_allocation(session: AsyncSession, allocation_id: uuid.UUID, amount: Decimal) -> bool:
    """Draw on the allocation unless that would exceed it; concurrent payments queue on its row."""
    done = await session.scalar(
        update(Allocation)
        .where(
            Allocation.id == allocation_id,
            # What a correction took back is no longer there to pay from.
            Allocation.paid + Allocation.reversed + amount <= Allocation.amount,
        )
        .values(paid=Allocation.paid + amount, updated_at=func.now())
        .returning(Allocation.id)
        .execution_options(synchronize_session=False)
    )
    return done is not None


async def record_paid(
    session: AsyncSession, fund_id: uuid.UUID, project_id: uuid.UUID, amount: Decimal, status: ProjectStatus
) -> bool:
    """Carry a payment into the fund's and the project's totals; False if the project left ``status``."""
    await session.execute(
        update(Fund)
        .where(Fund.id == fund_id)
        .values(paid=Fund.paid + amount, updated_at=func.now())
        .execution_options(synchronize_session=False)
    )
    done = await session.scalar(
        update(Project)
        .where(Project.id == project_id, Project.status == status)
        .values(paid=Project.paid + amount, updated_at=func.now())
        .returning(Project.id)
        .execution_options(synchronize_session=False)
    )
    return done is not None
