"""小额信贷: loans to eligible borrowers (脱贫人口、监测对象), repayments, overdue detection, the
overdue ratio by town against a configured bound (贷款逾期额度控制在合理水平) and 应贷尽贷 coverage.

Borrowers are linked by household and member id only, and those ids are monitoring's: a loan is
recorded only for a household and member of the reference projection that the caller may name,
that agree with the loan and may borrow as the kind it states (borrowers.py). Term and amount are
bounded by configuration; the amount ceiling (5 万) holds for what a household owes on all its
loans together, under concurrency too. The district and town officials (their town) record loans
and repayments; village cadres read their village's loans; auditors read all (access.py).
"""

from __future__ import annotations

import calendar
import uuid
from datetime import date
from decimal import Decimal

from services.funds.microcredit import repository
from services.funds.microcredit.borrowers import require_borrower
from services.funds.microcredit.repository import OverdueCounts
from services.funds.microcredit.schemas import (
    LoanCreate,
    OverdueReport,
    RepaymentCreate,
    TownOverdue,
)
from services.funds.models import Loan, Repayment
from services.funds.ratios import ratio
from services.funds.settings import FundsSettings
from shared import clock
from shared.context import RequestContext
from shared.db import advisory_xact_lock
from shared.errors import Conflict, ValidationFailed


class RepaymentExceedsBalance(Conflict):
    code = "repayment_exceeds_balance"
    title_zh, title_en = "还款金额超过贷款余额", "Repayment exceeds the balance"


class HouseholdCeilingExceeded(Conflict):
    code = "household_ceiling_exceeded"
    title_zh, title_en = "超过单户小额信贷余额上限", "Over the household's micro-credit ceiling"


def over_ceiling(owed: Decimal, amount: Decimal, ceiling: Decimal) -> HouseholdCeilingExceeded | None:
    """5 万 is per household: what it still owes on every loan plus this one, not each loan alone."""
    if owed + amount <= ceiling:
        return None
    return HouseholdCeilingExceeded(
        f"该户未还贷款余额 {owed:.2f} 元，加本笔 {amount:.2f} 元超过单户上限 {ceiling:.2f} 元",
        f"the household owes {owed:.2f}; with {amount:.2f} that is over the ceiling of {ceiling:.2f}",
    )


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def check_terms(data: LoanCreate, settings: FundsSettings) -> None:
    """What the loan's own figures must respect, whoever borrows."""
    if data.amount > settings.microcredit_max_amount:
        raise ValidationFailed(
            "amount", f"小额信贷单户不超过 {settings.microcredit_max_amount:.2f} 元", "amount over the limit"
        )
    if data.term_months > settings.microcredit_max_term_months:
        raise ValidationFailed(
            "term_months",
            f"贷款期限不超过 {settings.microcredit_max_term_months} 个月",
            "term over the limit",
        )
    if data.issued_on > clock.today():
        raise ValidationFailed("issued_on", "放贷日期不能晚于今天", "issued_on is in the future")


async def require_headroom(ctx: RequestContext, household_id: uuid.UUID, amount: Decimal) -> None:
    """Refuse a loan that takes the household over the ceiling. Loans of one household are recorded
    one at a time (a lock held until commit), so two at once cannot each see room for itself."""
    await advisory_xact_lock(ctx.session, f"funds.loans.household:{household_id}", wait=True)
    owed = await repository.outstanding(ctx.session, household_id)
    ceiling = ctx.settings_as(FundsSettings).microcredit_max_amount
    if (problem := over_ceiling(owed, amount, ceiling)) is not None:
        raise problem


async def grant(ctx: RequestContext, data: LoanCreate) -> Loan:
    village = ctx.component.divisions.require_village(data.village_code)
    ctx.principal.require_may_write_in(data.village_code)
    check_terms(data, ctx.settings_as(FundsSettings))
    await require_borrower(ctx, data)
    await require_headroom(ctx, data.household_id, data.amount)
    loan = Loan(
        **data.model_dump(),
        town_code=village.town_code,
        due_on=add_months(data.issued_on, data.term_months),
    )
    ctx.session.add(loan)
    await ctx.session.flush()
    await ctx.audit("create", "loan", loan.id, data.model_dump())
    return loan


async def repay(ctx: RequestContext, loan: Loan, data: RepaymentCreate) -> Repayment:
    ctx.principal.require_may_write_in(loan.village_code)
    if not loan.issued_on <= data.repaid_on <= clock.today():
        raise ValidationFailed("repaid_on", "还款日期须在放贷日与今天之间", "repaid_on out of range")
    if not await repository.repay(ctx.session, loan.id, data.amount):
        raise RepaymentExceedsBalance(
            f"贷款余额为 {loan.amount - loan.repaid:.2f} 元", f"balance is {loan.amount - loan.repaid:.2f}"
        )
    repayment = Repayment(loan_id=loan.id, **data.model_dump())
    ctx.session.add(repayment)
    await ctx.session.flush()
    await ctx.audit("repay", "loan", loan.id, data.model_dump())
    return repayment


def town_overdue(counts: OverdueCounts, name: str | None, bound: Decimal) -> TownOverdue:
    """A town's (or the total's) overdue ratio, flagged when it is over the bound."""
    share = ratio(counts.overdue_balance, counts.outstanding)
    return TownOverdue(
        **counts._asdict(),
        town_name=name,
        overdue_ratio=share,
        over_bound=share is not None and share > bound,
    )


def total_of(towns: list[OverdueCounts]) -> OverdueCounts:
    return OverdueCounts(
        town_code="",
        loans=sum(t.loans for t in towns),
        outstanding=sum((t.outstanding for t in towns), Decimal("0.00")),
        overdue_loans=sum(t.overdue_loans for t in towns),
        overdue_balance=sum((t.overdue_balance for t in towns), Decimal("0.00")),
    )


async def overdue_report(ctx: RequestContext, as_of: date) -> OverdueReport:
    bound = ctx.settings_as(FundsSettings).microcredit_overdue_ratio_max
    counts = await repository.overdue_by_town(ctx.session, ctx.principal, as_of)
    towns = [town_overdue(c, ctx.component.divisions.name(c.town_code), bound) for c in counts]
    total = town_overdue(total_of(counts), "合计", bound)
    return OverdueReport(as_of=as_of, bound=bound, total=total, towns=towns)
