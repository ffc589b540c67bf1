"""Funding stability (保持资金投入规模总体稳定, seed §四(十一)): each source's yearly total against
the year before, flagged when it falls by more than ``funding_fall_tolerance``."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select

from services.funds.models import Fund, FundSource
from services.funds.ratios import ratio
from services.funds.settings import FundsSettings
from shared.context import RequestContext
from shared.reports import Report

COLUMNS = [
    ("year", "年度"),
    ("source", "资金来源"),
    ("amount", "资金规模（元）"),
    ("previous", "上年规模（元）"),
    ("change", "增减（元）"),
    ("change_ratio", "增减幅度"),
    ("falling", "是否下降预警"),
]
TOTAL = "合计"


async def report(ctx: RequestContext, from_year: int, to_year: int) -> Report:
    tolerance = ctx.settings_as(FundsSettings).funding_fall_tolerance
    rows = (
        await ctx.session.execute(
            select(Fund.year, Fund.source, func.sum(Fund.amount))
            .where(Fund.year.between(from_year - 1, to_year))
            .group_by(Fund.year, Fund.source)
        )
    ).all()
    totals: dict[tuple[int, str], Decimal] = {}
    for year, source, amount in rows:
        totals[(year, source.label)] = Decimal(amount)
        totals[(year, TOTAL)] = totals.get((year, TOTAL), Decimal(0)) + Decimal(amount)
    lines = []
    for year in range(from_year, to_year + 1):
        for name in [*(s.label for s in FundSource), TOTAL]:
            if (year, name) not in totals and (year - 1, name) not in totals:
                continue
            amount = totals.get((year, name), Decimal("0.00"))
            previous = totals.get((year - 1, name), Decimal("0.00"))
            change = amount - previous
            share = ratio(change, previous) if previous else None
            lines.append(
                {
                    "year": year,
                    "source": name,
                    "amount": amount,
                    "previous": previous,
                    "change": change,
                    "change_ratio": share,
                    # A fall of more than the tolerated share of last year's total.
                    "falling": change < 0 and -change > previous * tolerance,
                }
            )
    return Report.of("funding-stability", f"{from_year}—{to_year}年衔接资金投入稳定性", COLUMNS, lines)
