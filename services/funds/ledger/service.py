"""Funds, allocations and payments: every yuan from a fund to a project and out of it.

The district registers funds and allocates them; the district and town officials (their town's
projects) record payments; every reader of the project library reads funds, and allocations and
payments of the projects they see (access.py).

Money rules are enforced by the database, not only here: the fund, allocation and project rows
carry running totals with CHECKs, and each increment is a conditional UPDATE on the parent row, so
two requests racing for the last yuan queue on that row and the second finds nothing left.
"""

from __future__ import annotations

import uuid
from decimal import ROUND_HALF_UP, Decimal

from services.funds.access import location
from services.funds.ledger import repository
from services.funds.ledger.events import INDUSTRY_SHARE_AT_RISK, IndustryShareAtRisk
from services.funds.ledger.schemas import (
    AllocationCreate,
    FundCreate,
    FundUpdate,
    IndustryShare,
    PaymentCreate,
)
from services.funds.models import (
    Allocation,
    Fund,
    FundSource,
    Payment,
    Project,
    ProjectCategory,
    ProjectStatus,
)
from services.funds.projects import repository as projects
from services.funds.ratios import ratio
from services.funds.settings import FundsSettings, ShareEnforcement
from shared import clock
from shared.context import RequestContext
from shared.errors import Conflict, InvalidTransition, NotFound, ValidationFailed

# Funds are allocated to projects in the annual plan, up to while they are under way.
FUNDABLE = (ProjectStatus.PLANNED, ProjectStatus.APPROVED, ProjectStatus.IN_PROGRESS)
CENTS = Decimal("0.01")


class FundExceeded(Conflict):
    code = "fund_exceeded"
    title_zh, title_en = "超出资金规模", "Allocation exceeds the fund"


class PlanExceeded(Conflict):
    code = "plan_exceeded"
    title_zh, title_en = "超出项目计划投资", "Allocation exceeds the project's planned investment"


class AllocationExceeded(Conflict):
    code = "allocation_exceeded"
    title_zh, title_en = "超出已安排资金", "Payment exceeds the allocation"


class IndustryShareRule(Conflict):
    code = "industry_share_rule"
    title_zh, title_en = (
        "中央衔接资金用于产业比重将低于要求",
        "Central funds' industry share would fall too low",
    )


class NotUnderWay(InvalidTransition):
    code = "project_not_under_way"
    title_zh, title_en = "项目未在实施中，不能支付", "The project is not under way"


async def create_fund(ctx: RequestContext, data: FundCreate) -> Fund:
    fund = Fund(**data.model_dump())
    ctx.session.add(fund)
    await ctx.session.flush()
    await ctx.audit("create", "fund", fund.id, data.model_dump())
    return fund


async def update_fund(ctx: RequestContext, fund: Fund, data: FundUpdate) -> Fund:
    ctx.require_if_match(fund.version)
    changes = data.model_dump(exclude_unset=True, exclude_none=True)
    if "amount" in changes and changes["amount"] < fund.allocated:
        raise FundExceeded(
            f"资金规模不能小于已安排的 {fund.allocated:.2f} 元", f"{fund.allocated:.2f} is allocated already"
        )
    breach = None
    if fund.source is FundSource.CENTRAL and "amount" in changes and changes["amount"] < fund.amount:
        breach = await _check_lowered_central(ctx, fund, fund.amount - changes["amount"])
    for name, value in changes.items():
        setattr(fund, name, value)
    await ctx.session.flush()
    await ctx.audit("update", "fund", fund.id, changes)
    if breach is not None:
        await _announce_breach(ctx, breach)
    return fund


async def _check_lowered_central(ctx: RequestContext, fund: Fund, cut: Decimal) -> IndustryShare | None:
    """A smaller central fund lowers the cap on non-industry allocations (≥70 %, seed §二(五)):
    the share is judged again as if the cut were made, under the same lock as allocations."""
    settings = ctx.settings_as(FundsSettings)
    await repository.lock_central_funds(ctx.session, fund.year)
    central, industry, other = await repository.central_totals(ctx.session, fund.year)
    after = industry_share(fund.year, (central - cut, industry, other), settings.central_industry_share_min)
    if not after.at_risk:
        return None
    if settings.industry_share_enforcement is ShareEnforcement.REFUSE:
        raise IndustryShareRule(
            f"调减后 {fund.year} 年中央衔接资金非产业项目最多可安排 {after.non_industry_limit:.2f} 元"
            f"（产业占比不低于 {settings.central_industry_share_min:.0%}），已安排 {other:.2f} 元；"
            "请先冲正非产业项目的资金安排",
            f"after the cut non-industry central allocations are capped at {after.non_industry_limit:.2f}",
            share=after.model_dump(mode="json"),
        )
    return after


async def _announce_breach(ctx: RequestContext, breach: IndustryShare) -> None:
    at_risk = IndustryShareAtRisk.model_validate(
        breach.model_dump(include=set(IndustryShareAtRisk.model_fields))
    )
    await ctx.publish(INDUSTRY_SHARE_AT_RISK, breach.year, at_risk)


def industry_share(year: int, totals: tuple[Decimal, Decimal, Decimal], minimum: Decimal) -> IndustryShare:
    central, industry, other = totals
    allocated = industry + other
    limit = (central * (1 - minimum)).quantize(CENTS, ROUND_HALF_UP)
    share = ratio(industry, allocated)
    return IndustryShare(
        year=year,
        central_amount=central,
        industry_allocated=industry,
        non_industry_allocated=other,
        industry_share_of_allocated=share,
        industry_share_min=minimum,
        non_industry_limit=limit,
        non_industry_headroom=max(limit - other, Decimal(0)),
        at_risk=other > limit,
    )


async def report_industry_share(ctx: RequestContext, year: int) -> IndustryShare:
    totals = await repository.central_totals(ctx.session, year)
    return industry_share(year, totals, ctx.settings_as(FundsSettings).central_industry_share_min)


async def _check_industry_share(
    ctx: RequestContext, settings: FundsSettings, fund: Fund, amount: Decimal
) -> IndustryShare | None:
    """The share after this non-industry allocation of central money, if it breaks the rule."""
    await repository.lock_central_funds(ctx.session, fund.year)
    central, industry, other = await repository.central_totals(ctx.session, fund.year)
    after = industry_share(
        fund.year, (central, industry, other + amount), settings.central_industry_share_min
    )
    if not after.at_risk:
        return None
    if settings.industry_share_enforcement is ShareEnforcement.REFUSE:
        raise IndustryShareRule(
            f"{fund.year} 年中央衔接资金非产业项目最多安排 {after.non_industry_limit:.2f} 元"
            f"（产业占比不低于 {settings.central_industry_share_min:.0%}），已安排 {other:.2f} 元",
            f"non-industry central allocations are capped at {after.non_industry_limit:.2f}",
            share=after.model_dump(mode="json"),
        )
    return after


async def _fundable_project(ctx: RequestContext, project_id: uuid.UUID) -> Project:
    project = await projects.get(ctx.session, ctx.principal, project_id)
    if project is None:
        raise ValidationFailed("project_id", "项目不存在", "project not found")
    if project.status not in FUNDABLE:
        raise InvalidTransition(
            "只能向已纳入年度计划、已批复或实施中的项目安排资金",
            "only planned, approved or under-way projects receive allocations",
        )
    return project


async def allocate(ctx: RequestContext, fund_id: uuid.UUID, data: AllocationCreate) -> Allocation:
    fund = await repository.get_fund(ctx.session, fund_id)
    if fund is None:
        raise NotFound("资金不存在", "fund not found")
    project = await _fundable_project(ctx, data.project_id)
    breach = None
    if fund.source is FundSource.CENTRAL and project.category is not ProjectCategory.INDUSTRY:
        breach = await _check_industry_share(ctx, ctx.settings_as(FundsSettings), fund, data.amount)
    if not await repository.add_to_fund(ctx.session, fund.id, data.amount):
        raise FundExceeded(
            f"资金剩余可安排 {fund.amount - fund.allocated:.2f} 元，不足 {data.amount:.2f} 元",
            "the fund has not enough left",
        )
    if not await repository.add_to_project(ctx.session, project.id, data.amount, FUNDABLE):
        raise PlanExceeded(
            f"项目计划投资 {project.planned_amount:.2f} 元，已安排 {project.allocated:.2f} 元",
            "the allocation exceeds the project's planned investment",
        )
    allocation = Allocation(
        fund_id=fund.id, project_id=project.id, amount=data.amount, industry_share_flagged=breach is not None
    )
    ctx.session.add(allocation)
    await ctx.session.flush()
    await ctx.audit("allocate", "allocation", allocation.id, {"fund_id": fund.id, **data.model_dump()})
    if breach is not None:
        await _announce_breach(ctx, breach)
    return allocation


async def pay(ctx: RequestContext, data: PaymentCreate) -> Payment:
    found = await repository.get_allocation(ctx.session, ctx.principal, data.allocation_id)
    if found is None:
        raise ValidationFailed("allocation_id", "资金安排不存在或不在您的数据范围内", "allocation not found")
    allocation, project = found
    ctx.principal.require_may_write_in(location(project))
    if data.paid_on > clock.today():
        raise ValidationFailed("paid_on", "支付日期不能晚于今天", "paid_on is in the future")
    if project.status is not ProjectStatus.IN_PROGRESS:
        raise NotUnderWay(f"项目当前状态为 {project.status.value}", f"the project is {project.status.value}")
    if not await repository.pay_from_allocation(ctx.session, allocation.id, data.amount):
        raise AllocationExceeded(
            f"该笔资金安排尚可支付不足 {data.amount:.2f} 元", "not enough left on the allocation"
        )
    if not await repository.record_paid(
        ctx.session, allocation.fund_id, project.id, data.amount, ProjectStatus.IN_PROGRESS
    ):
        raise NotUnderWay("项目状态已变更", "the project changed status meanwhile")
    payment = Payment(project_id=project.id, fund_id=allocation.fund_id, **data.model_dump())
    ctx.session.add(payment)
    await ctx.session.flush()
    await ctx.audit("pay", "payment", payment.id, data.model_dump())
    return payment
