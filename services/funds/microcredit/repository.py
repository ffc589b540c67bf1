from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import NamedTuple

from sqlalchemy import Select, and_, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.funds.microcredit.schemas import LoanStatus
from services.funds.models import MONITORED, Loan, ProjectedHousehold, ProjectedMember, Repayment
from shared.auth import Principal
from shared.db import in_territory


class OverdueCounts(NamedTuple):
    """A town's loans at a date: those open and their balance, those past due and theirs."""

    town_code: str
    loans: int
    outstanding: Decimal
    overdue_loans: int
    overdue_balance: Decimal


class ProjectedBorrower(NamedTuple):
    """A projected member and the village of the household the projection files them under."""

    member: ProjectedMember
    village_code: str


class CoverageCounts(NamedTuple):
    """A town's households that may borrow, and how many of them had a loan in the year."""

    town_code: str
    eligible: int
    borrowing: int


def scoped(principal: Principal) -> Select[Loan]:
    query = select(Loan)
    query = query.where(in_territory(principal, Loan.village_code))
    return query


def filtered(
    principal: Principal,
    *,
    town_code: str | None,
    village_code: str | None,
    household_id: uuid.UUID | None,
    status: LoanStatus | None,
    updated_since: datetime | None,
) -> Select[Loan]:
    query = scoped(principal)
    if town_code:
        query = query.where(Loan.town_code == town_code)
    if village_code:
        query = query.where(Loan.village_code == village_code)
    if household_id:
        query = query.where(Loan.household_id == household_id)
    if status:
        query = query.where(Loan.status == status.value)
    if updated_since:
        query = query.where(Loan.updated_at > updated_since)
    return query


async def get(session: AsyncSession, principal: Principal, loan_id: uuid.UUID) -> Loan | None:
    return (await session.execute(scoped(principal).where(Loan.id == loan_id))).scalar_one_or_none()


async def repay(session: AsyncSession, loan_id: uuid.UUID, amount: Decimal) -> bool:
    """Take a repayment unless it exceeds the balance (atomic on the loan's row)."""
    done = await session.scalar(
        update(Loan)
        .where(Loan.id == loan_id, Loan.repaid + amount <= Loan.amount)
        .values(repaid=Loan.repaid + amount, updated_at=func.now())
        .returning(Loan.id)
        .execution_options(synchronize_session=False)
    )
    return done is not None


async def repayments(session: AsyncSession, loan_id: uuid.UUID) -> list[Repayment]:
    query = select(Repayment).where(Repayment.loan_id == loan_id).order_by(Repayment.repaid_on, Repayment.id)
    return list((await session.execute(query)).scalars())


async def overdue_by_town(session: AsyncSession, principal: Principal, as_of: date) -> list[OverdueCounts]:
    """Per town: loans and balance outstanding at ``as_of``, and those past due (set-based)."""
    repaid = (
        select(Repayment.loan_id, func.sum(Repayment.amount).label("total"))
        .where(Repayment.repaid_on <= as_of)
        .group_by(Repayment.loan_id)
        .subquery()
    )
    balance = Loan.amount - func.coalesce(repaid.c.total, 0)
    open_loan = and_(Loan.issued_on <= as_of, balance > 0)
    overdue = and_(open_loan, Loan.due_on < as_of)
    query = (
        select(
            Loan.town_code,
            func.count().filter(open_loan).label("loans"),
            func.coalesce(func.sum(balance).filter(open_loan), 0).label("outstanding"),
            func.count().filter(overdue).label("overdue_loans"),
            func.coalesce(func.sum(balance).filter(overdue), 0).label("overdue_balance"),
        )
        .outerjoin(repaid, repaid.c.loan_id == Loan.id)
        .group_by(Loan.town_code)
        .order_by(Loan.town_code)
    )
    query = query.where(in_territory(principal, Loan.village_code))
    return [OverdueCounts(*row) for row in (await session.execute(query)).all()]


async def borrower(session: AsyncSession, member_id: uuid.UUID) -> ProjectedBorrower | None:
    """The projected member with their household's village; None if either is not projected."""
    query = (
        select(ProjectedMember, ProjectedHousehold.village_code)
        .join(ProjectedHousehold, ProjectedHousehold.id == ProjectedMember.household_id)
        .where(ProjectedMember.id == member_id)
    )
    row = (await session.execute(query)).one_or_none()
    return None if row is None else ProjectedBorrower(*row)


async def outstanding(session: AsyncSession, household_id: uuid.UUID) -> Decimal:
    """What the household still owes on all its loans (overdue ones included)."""
    owed = func.coalesce(func.sum(Loan.amount - Loan.repaid), 0)
    return Decimal(await session.scalar(select(owed).where(Loan.household_id == household_id)) or 0)


async def coverage_by_town(session: AsyncSession, principal: Principal, year: int) -> list[CoverageCounts]:
    """Per town: households that may borrow now (脱贫户 or monitored), and those of them with a loan
    owed at some time in ``year`` — issued by its end and not repaid in full before it began."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    repaid_before = (
        select(func.coalesce(func.sum(Repayment.amount), 0))
        .where(Repayment.loan_id == Loan.id, Repayment.repaid_on < start)
        .scalar_subquery()
    )
    owed_in_year = (
        select(Loan.id)
        .where(Loan.household_id == ProjectedHousehold.id, Loan.issued_on <= end, repaid_before < Loan.amount)
        .exists()
    )
    query = (
        select(
            ProjectedHousehold.town_code,
            func.count().label("eligible"),
            func.count().filter(owed_in_year).label("borrowing"),
        )
        .where(
            (ProjectedHousehold.lifted_out | (ProjectedHousehold.status == MONITORED)),
            in_territory(principal, ProjectedHousehold.village_code.expression),
        )
        .group_by(ProjectedHousehold.town_code)
        .order_by(ProjectedHousehold.town_code)
    )
    return [CoverageCounts(*row) for row in (await session.execute(query)).all()]
