"""Income rules: net and per-capita net income, and the yearly monitoring line (监测线)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from services.monitoring.incomes import repository
from services.monitoring.incomes.schemas import IncomeIn, IncomeOut, LineIn
from services.monitoring.models import Household, Income, MonitoringLine
from shared.context import RequestContext

CENT = Decimal("0.01")


def per_capita(net_income: Decimal, member_count: int) -> Decimal:
    return (net_income / member_count).quantize(CENT, rounding=ROUND_HALF_UP)


def income_out(income: Income, household: Household, lines: dict[int, Decimal]) -> IncomeOut:
    per_head = per_capita(income.net_income, household.member_count)
    line = lines.get(income.year)
    return IncomeOut(
        id=income.id,
        household_id=income.household_id,
        year=income.year,
        wages=income.wages,
        business=income.business,
        property=income.property,
        transfers=income.transfers,
        business_costs=income.business_costs,
        rigid_expenses=income.rigid_expenses,
        net_income=income.net_income,
        per_capita_net_income=per_head,
        monitoring_line=line,
        below_line=None if line is None else per_head < line,
        version=income.version,
        updated_at=income.updated_at,
    )


async def record_income(
    ctx: RequestContext, household: Household, year: int, data: IncomeIn
) -> tuple[Income, bool]:
    """Create or replace one year's income; replacing needs the current version (If-Match)."""
    income = await repository.income(ctx.session, household.id, year)
    created = income is None
    if income is None:
        income = Income(household_id=household.id, year=year, **data.model_dump())
        ctx.session.add(income)
    else:
        ctx.require_if_match(income.version)
        for name, value in data.model_dump().items():
            setattr(income, name, value)
    await ctx.session.flush()
    await ctx.session.refresh(income, ["net_income"])
    await ctx.audit(
        "create" if created else "update", "income", income.id, {"year": year, **data.model_dump()}
    )
    return income, created


async def set_line(ctx: RequestContext, year: int, data: LineIn) -> tuple[MonitoringLine, bool]:
    line = await repository.line(ctx.session, year, for_update=True)
    created = line is None
    if line is None:
        line = MonitoringLine(year=year, amount=data.amount)
        ctx.session.add(line)
    else:
        ctx.require_if_match(line.version)
        line.amount = data.amount
    await ctx.session.flush()
    await ctx.audit("create" if created else "update", "monitoring_line", year, {"amount": data.amount})
    return line, created
