"""Reports of the funds service: fund use by source and category, the project pipeline by status
and town, checkpoint progress by project. Each is a table (Chinese headers) as JSON or XLSX.

Fund figures are district-wide budget data, readable by every reader of the service; the pipeline
and checkpoint progress keep to the caller's territory.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from services.funds.checkpoints import service as checkpoints
from services.funds.checkpoints.service import ratio
from services.funds.models import (
    FUND_SOURCE_LABELS,
    PROJECT_CATEGORY_LABELS,
    PROJECT_STATUS_LABELS,
    FundSource,
)
from services.funds.projects.service import READERS
from services.funds.reports import repository
from services.funds.reports.schemas import Column, Report, ReportName
from shared.context import RequestContext
from shared.errors import ValidationFailed

MONEY_COLUMNS = [Column(key="allocated", label="安排资金（元）"), Column(key="paid", label="已支付（元）")]


async def fund_use(ctx: RequestContext, year: int) -> Report:
    funds = {r.source: r for r in await repository.fund_amounts(ctx.session, year)}
    lines: dict[FundSource, list[Any]] = {}
    for r in await repository.fund_use(ctx.session, year):
        lines.setdefault(r.source, []).append(r)
    rows: list[dict[str, Any]] = []
    for source in (s for s in FundSource if s in funds):  # allocations only come from registered funds
        label = FUND_SOURCE_LABELS[source]
        mine = sorted(lines.get(source, []), key=lambda r: r.category.value)
        rows += [
            {
                "source": label,
                "category": PROJECT_CATEGORY_LABELS[r.category],
                "allocated": r.allocated,
                "paid": r.paid,
                "progress": ratio(r.paid, r.allocated),
            }
            for r in mine
        ]
        fund = funds[source]
        paid = sum((r.paid for r in mine), Decimal("0.00"))
        rows.append(
            {
                "source": label,
                "category": "小计",
                "amount": fund.amount,
                "unallocated": fund.amount - fund.allocated,
                "allocated": fund.allocated,
                "paid": paid,
                "progress": ratio(paid, fund.allocated),
            }
        )
    return Report(
        name=ReportName.FUND_USE,
        title=f"{year}年衔接资金使用情况",
        columns=[
            Column(key="source", label="资金来源"),
            Column(key="category", label="项目类别"),
            Column(key="amount", label="资金规模（元）"),
            Column(key="unallocated", label="未安排（元）"),
            *MONEY_COLUMNS,
            Column(key="progress", label="支出进度"),
        ],
        rows=rows,
    )


async def pipeline(ctx: RequestContext, year: int | None, town_code: str | None) -> Report:
    rows = [
        {
            "town_code": r.town_code,
            "town_name": ctx.component.divisions.name(r.town_code),
            "status": PROJECT_STATUS_LABELS[r.status],
            "projects": r.projects,
            "planned_amount": r.planned_amount,
            "allocated": r.allocated,
            "paid": r.paid,
        }
        for r in await repository.pipeline(ctx.session, ctx.principal, year, town_code)
    ]
    return Report(
        name=ReportName.PIPELINE,
        title=f"{year or '各'}年度项目库进展",
        columns=[
            Column(key="town_code", label="乡镇代码"),
            Column(key="town_name", label="乡镇（街道）"),
            Column(key="status", label="项目状态"),
            Column(key="projects", label="项目数"),
            Column(key="planned_amount", label="计划投资（元）"),
            *MONEY_COLUMNS,
        ],
        rows=rows,
    )


async def checkpoint_progress(ctx: RequestContext, year: int, month: int) -> Report:
    report = await checkpoints.report(ctx, year, month)
    return Report(
        name=ReportName.CHECKPOINT_PROGRESS,
        title=f"{year}年{month}月节点资金支出进度（目标 {report.target_ratio:.0%}）",
        columns=[
            Column(key="town_name", label="乡镇（街道）"),
            Column(key="village_code", label="村（社区）代码"),
            Column(key="name", label="项目名称"),
            Column(key="category", label="项目类别"),
            *MONEY_COLUMNS,
            Column(key="progress", label="支出进度"),
            Column(key="behind", label="是否滞后"),
        ],
        rows=[
            {
                "town_name": ctx.component.divisions.name(p.town_code),
                "village_code": p.village_code,
                "name": p.name,
                "category": PROJECT_CATEGORY_LABELS[p.category],
                "allocated": p.allocated,
                "paid": p.paid,
                "progress": p.progress,
                "behind": "是" if p.behind else "否",
            }
            for p in report.projects
        ],
    )


async def build(
    ctx: RequestContext, name: ReportName, *, year: int | None, month: int | None, town_code: str | None
) -> Report:
    ctx.principal.require_role(*READERS)
    if name is ReportName.PIPELINE:
        return await pipeline(ctx, year, town_code)
    if year is None:
        raise ValidationFailed("year", "此报表需要年度（year）", "year is required")
    if name is ReportName.FUND_USE:
        return await fund_use(ctx, year)
    if month is None:
        raise ValidationFailed("month", "此报表需要节点月份（month）", "month is required")
    return await checkpoint_progress(ctx, year, month)
