"""Reports of the funds service: fund use by source and category, the project pipeline by status
and town, checkpoint progress by project, micro-credit coverage (应贷尽贷) by town. Each is a table
(Chinese headers) as JSON or XLSX.

Fund figures are district-wide budget data, readable by every reader of the service; the pipeline
and checkpoint progress keep to the caller's territory; coverage is read by those who read loans,
within their territory.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from services.funds.checkpoints import service as checkpoints
from services.funds.microcredit import repository as loans
from services.funds.microcredit.repository import CoverageCounts
from services.funds.models import FundSource
from services.funds.ratios import ratio
from services.funds.reports import repository
from services.funds.reports.schemas import ReportName
from shared.context import RequestContext
from shared.errors import ValidationFailed
from shared.reports import Report, ReportColumn

MONEY_COLUMNS = [
    ReportColumn(key="allocated", label="安排资金（元）"),
    ReportColumn(key="paid", label="已支付（元）"),
]
TOWN_COLUMNS = [
    ReportColumn(key="town_code", label="乡镇代码"),
    ReportColumn(key="town_name", label="乡镇（街道）"),
]
FUND_USE_COLUMNS = [
    ReportColumn(key="source", label="资金来源"),
    ReportColumn(key="category", label="项目类别"),
    ReportColumn(key="amount", label="资金规模（元）"),
    ReportColumn(key="unallocated", label="未安排（元）"),
    *MONEY_COLUMNS,
    ReportColumn(key="progress", label="支出进度"),
]
PIPELINE_COLUMNS = [
    *TOWN_COLUMNS,
    ReportColumn(key="status", label="项目状态"),
    ReportColumn(key="projects", label="项目数"),
    ReportColumn(key="planned_amount", label="计划投资（元）"),
    *MONEY_COLUMNS,
]
CHECKPOINT_PROGRESS_COLUMNS = [
    ReportColumn(key="town_name", label="乡镇（街道）"),
    ReportColumn(key="village_code", label="村（社区）代码"),
    ReportColumn(key="name", label="项目名称"),
    ReportColumn(key="category", label="项目类别"),
    *MONEY_COLUMNS,
    ReportColumn(key="progress", label="支出进度"),
    ReportColumn(key="behind", label="是否滞后"),
]
COVERAGE_COLUMNS = [
    *TOWN_COLUMNS,
    ReportColumn(key="eligible", label="脱贫户和监测户（户）"),
    ReportColumn(key="borrowing", label="其中年内有贷款（户）"),
    ReportColumn(key="coverage", label="覆盖率"),
]


@dataclass(frozen=True)
class ReportQuery:
    """What a report is asked for; a report that cannot do without a parameter asks for it."""

    year: int | None = None
    month: int | None = None
    town_code: str | None = None

    def needed_year(self) -> int:
        if self.year is None:
            raise ValidationFailed("year", "此报表需要年度（year）", "year is required")
        return self.year

    def needed_month(self) -> int:
        if self.month is None:
            raise ValidationFailed("month", "此报表需要节点月份（month）", "month is required")
        return self.month


def _fund_use_rows(source: FundSource, fund: Any, lines: list[Any]) -> list[dict[str, Any]]:
    """One source's lines by project category, then its 小计 against the fund amount."""
    mine = sorted(lines, key=lambda r: r.category.value)
    rows: list[dict[str, Any]] = [
        {
            "source": source.label,
            "category": r.category.label,
            "allocated": r.allocated,
            "paid": r.paid,
            "progress": ratio(r.paid, r.allocated),
        }
        for r in mine
    ]
    paid = sum((r.paid for r in mine), Decimal("0.00"))
    subtotal = {
        "source": source.label,
        "category": "小计",
        "amount": fund.amount,
        "unallocated": fund.amount - fund.allocated,
        "allocated": fund.allocated,
        "paid": paid,
        "progress": ratio(paid, fund.allocated),
    }
    return [*rows, subtotal]


async def fund_use(ctx: RequestContext, query: ReportQuery) -> Report:
    year = query.needed_year()
    funds = {r.source: r for r in await repository.fund_amounts(ctx.session, year)}
    lines: dict[FundSource, list[Any]] = {}
    for r in await repository.fund_use(ctx.session, year):
        lines.setdefault(r.source, []).append(r)
    rows: list[dict[str, Any]] = []
    for source in (s for s in FundSource if s in funds):  # allocations only come from registered funds
        rows += _fund_use_rows(source, funds[source], lines.get(source, []))
    return Report(
        name=ReportName.FUND_USE.value, title=f"{year}年衔接资金使用情况", columns=FUND_USE_COLUMNS, rows=rows
    )


async def pipeline(ctx: RequestContext, query: ReportQuery) -> Report:
    rows = [
        {
            "town_code": r.town_code,
            "town_name": ctx.component.divisions.name(r.town_code),
            "status": r.status.label,
            "projects": r.projects,
            "planned_amount": r.planned_amount,
            "allocated": r.allocated,
            "paid": r.paid,
        }
        for r in await repository.pipeline(ctx.session, ctx.principal, query.year, query.town_code)
    ]
    return Report(
        name=ReportName.PIPELINE.value,
        title=f"{query.year or '各'}年度项目库进展",
        columns=PIPELINE_COLUMNS,
        rows=rows,
    )


async def checkpoint_progress(ctx: RequestContext, query: ReportQuery) -> Report:
    year, month = query.needed_year(), query.needed_month()
    report = await checkpoints.report(ctx, year, month)
    return Report(
        name=ReportName.CHECKPOINT_PROGRESS.value,
        title=f"{year}年{month}月节点资金支出进度（目标 {report.target_ratio:.0%}）",
        columns=CHECKPOINT_PROGRESS_COLUMNS,
        rows=[
            {
                "town_name": ctx.component.divisions.name(p.town_code),
                "village_code": p.village_code,
                "name": p.name,
                "category": p.category.label,
                "allocated": p.allocated,
                "paid": p.paid,
                "progress": p.progress,
                "behind": "是" if p.behind else "否",
            }
            for p in report.projects
        ],
    )


def coverage_row(counts: CoverageCounts, town_name: str | None) -> dict[str, Any]:
    return {
        **counts._asdict(),
        "town_name": town_name,
        "coverage": ratio(Decimal(counts.borrowing), Decimal(counts.eligible)),
    }


async def microcredit_coverage(ctx: RequestContext, query: ReportQuery) -> Report:
    """应贷尽贷: of the households that may borrow now (脱贫户 or monitored, from monitoring's
    events), those with a loan owed at some time in the year, per town and in total."""
    year = query.needed_year()
    counts = await loans.coverage_by_town(ctx.session, ctx.principal, year)
    total = CoverageCounts("", sum(c.eligible for c in counts), sum(c.borrowing for c in counts))
    rows = [coverage_row(c, ctx.component.divisions.name(c.town_code)) for c in counts]
    return Report(
        name="microcredit-coverage",
        title=f"{year}年小额信贷应贷尽贷覆盖情况",
        columns=COVERAGE_COLUMNS,
        rows=[*rows, coverage_row(total, "合计")],
    )


# What every reader of the service may ask for by name; coverage has an endpoint of its own.
REPORTS: dict[ReportName, Callable[[RequestContext, ReportQuery], Awaitable[Report]]] = {
    ReportName.FUND_USE: fund_use,
    ReportName.PIPELINE: pipeline,
    ReportName.CHECKPOINT_PROGRESS: checkpoint_progress,
}


async def build(ctx: RequestContext, name: ReportName, query: ReportQuery) -> Report:
    return await REPORTS[name](ctx, query)
