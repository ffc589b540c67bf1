"""Corrections' queries and the conditional UPDATEs that take running totals down.

Each decrement is one UPDATE whose WHERE holds the rule (nothing reversed twice, no allocation
taken back below what was paid from it); the row lock decides races and the CHECKs back it.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Select, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.funds.models import (
    Allocation,
    Correction,
    CorrectionKind,
    CorrectionStatus,
    Fund,
    Loan,
    Payment,
    Project,
    Repayment,
)
from shared.auth import Principal
from shared.db import in_territory


def scoped(principal: Principal) -> Select[Correction]:
    return select(Correction).where(in_territory(principal, Correction.division_code))


def filtered(
    principal: Principal,
    *,
    status: CorrectionStatus | None,
    kind: CorrectionKind | None,
    updated_since: datetime | None,
) -> Select[Correction]:
    query = scoped(principal)
    if status:
        query = query.where(Correction.status == status)
    if kind:
        query = query.where(Correction.kind == kind)
    if updated_since:
        query = query.where(Correction.updated_at > updated_since)
    return query


async def get(
    session: AsyncSession, principal: Principal, correction_id: uuid.UUID, *, for_update: bool = False
) -> Correction | None:
    query = scoped(principal).where(Correction.id == correction_id)
    if for_update:
        query = query.with_for_update()
    return (await session.execute(query)).scalar_one_or_none()


async def take_back_payment(session: AsyncSession, payment: Payment, amount: Decimal) -> bool:
    """Reverse ``amount`` of an original payment and take it off its allocation, fund and project."""
    done = await session.scalar(
        update(Payment)
        .where(
            Payment.id == payment.id,
            Payment.corrects_id.is_(None),
            Payment.reversed + amount <= Payment.amount,
        )
        .values(reversed=Payment.reversed + amount, updated_at=func.now())
        .returning(Payment.id)
        .execution_options(synchronize_session=False)
    )
    if done is None:
        return False
    for table, key in (
        (Allocation, payment.allocation_id),
        (Fund, payment.fund_id),
        (Project, payment.project_id),
    ):
        await session.execute(
            update(table)
            .where(table.id == key)
            .values(paid=table.paid - amount, updated_at=func.now())
            .execution_options(synchronize_session=False)
        )
    return True


async def take_back_allocation(session: AsyncSession, allocation: Allocation, amount: Decimal) -> bool:
    """Reverse ``amount`` of an original allocation not yet paid out; the fund and project follow."""
    done = await session.scalar(
        update(Allocation)
        .where(
            Allocation.id == allocation.id,
            Allocation.corrects_id.is_(None),
            Allocation.paid + Allocation.reversed + amount <= Allocation.amount,
        )
        .values(reversed=Allocation.reversed + amount, updated_at=func.now())
        .returning(Allocation.id)
        .execution_options(synchronize_session=False)
    )
    if done is None:
        return False
    for statement in (
        update(Fund).where(Fund.id == allocation.fund_id).values(allocated=Fund.allocated - amount),
        update(Project)
        .where(Project.id == allocation.project_id)
        .values(allocated=Project.allocated - amount),
    ):
        await session.execute(
            statement.values(updated_at=func.now()).execution_options(synchronize_session=False)
        )
    return True


async def take_back_repayment(session: AsyncSession, repayment: Repayment, amount: Decimal) -> bool:
    """Reverse ``amount`` of an original repayment: the loan owes it again (its status follows)."""
    done = await session.scalar(
        update(Repayment)
        .where(
            Repayment.id == repayment.id,
            Repayment.corrects_id.is_(None),
            Repayment.reversed + amount <= Repayment.amount,
        )
        .values(reversed=Repayment.reversed + amount)
        .returning(Repayment.id)
        .execution_options(synchronize_session=False)
    )
    if done is None:
        return False
    await session.execute(
        update(Loan)
        .where(Loan.id == repayment.loan_id)
        .values(repaid=Loan.repaid - amount, updated_at=func.now())
        .execution_options(synchronize_session=False)
    )
    return True
