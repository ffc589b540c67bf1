"""Reports for the ledger (资产台账统计): the same rows serve the JSON answer and the XLSX download.

Readers as for the ledger (services/assets/access.py); territorial roles see their own division only.
"""

from __future__ import annotations

from decimal import Decimal

from services.assets.models import RevenueUse
from services.assets.reports import repository
from shared.context import RequestContext
from shared.reports import Report


def _money(value: Decimal | None) -> str:
    return f"{(value or Decimal(0)):.2f}"


async def assets_summary(ctx: RequestContext) -> Report:
    names = ctx.component.divisions
    rows = await repository.by_kind_status_town(ctx.session, ctx.principal.division_prefix)
    return Report.of(
        "assets-summary",
        "帮扶项目资产分类统计（按镇、类型、状态）",
        [
            ("town_code", "乡镇代码"),
            ("town_name", "乡镇"),
            ("kind", "资产类型"),
            ("status", "状态"),
            ("count", "资产数"),
            ("value", "资产价值（元）"),
        ],
        [
            {
                "town_code": r.town_code,
                "town_name": names.name(r.town_code),
                "kind": r.kind.label,
                "status": r.status.label,
                "count": r.count,
                "value": _money(r.value),
            }
            for r in rows
        ],
    )


async def value_by_year(ctx: RequestContext) -> Report:
    rows = await repository.value_by_year(ctx.session, ctx.principal.division_prefix)
    return Report.of(
        "value-by-year",
        "各年度形成资产价值",
        [("year", "年度"), ("kind", "资产类型"), ("count", "资产数"), ("value", "形成资产价值（元）")],
        [{"year": r.year, "kind": r.kind.label, "count": r.count, "value": _money(r.value)} for r in rows],
    )


async def revenue_and_distribution(ctx: RequestContext, year: int) -> Report:
    names = ctx.component.divisions
    rows = await repository.revenue_and_distribution(ctx.session, ctx.principal.division_prefix, year)
    uses = [(use.value, f"{use.label}（元）") for use in RevenueUse]
    return Report.of(
        "revenue",
        f"{year}年资产收益与分配",
        [
            ("town_code", "乡镇代码"),
            ("town_name", "乡镇"),
            ("revenue", "运营收益（元）"),
            ("generation_kwh", "光伏发电量（千瓦时）"),
            ("maintenance_cost", "管护费用（元）"),
            ("distributions", "分配决定数"),
            ("distributed", "分配总额（元）"),
            *uses,
        ],
        [
            {
                "town_code": r.town_code,
                "town_name": names.name(r.town_code),
                "revenue": _money(r.revenue),
                "generation_kwh": f"{r.generation_kwh:.2f}",
                "maintenance_cost": _money(r.maintenance_cost),
                "distributions": r.distributions,
                "distributed": _money(r.distributed),
                **{use.value: _money(getattr(r, use.value)) for use in RevenueUse},
            }
            for r in rows
        ],
    )


async def revenue_by_month(ctx: RequestContext, year: int) -> Report:
    """The dashboard's monthly view: PV revenue and revenue distributed, every month of the year."""
    prefix = ctx.principal.division_prefix
    pv = await repository.pv_revenue_by_month(ctx.session, prefix, year)
    shared_out = await repository.distributed_by_month(ctx.session, prefix, year)
    rows = []
    for month in range(1, 13):
        station, decided = pv.get(month), shared_out.get(month)
        rows.append(
            {
                "month": f"{year}-{month:02d}",
                "pv_revenue": _money(station.revenue if station else Decimal(0)),
                "generation_kwh": f"{station.generation_kwh if station else 0:.2f}",
                "distributions": decided.distributions if decided else 0,
                "distributed": _money(decided.distributed if decided else Decimal(0)),
            }
        )
    return Report.of(
        "revenue-by-month",
        f"{year}年光伏收益与收益分配（按月）",
        [
            ("month", "月份"),
            ("pv_revenue", "光伏电站收益（元）"),
            ("generation_kwh", "光伏发电量（千瓦时）"),
            ("distributions", "分配决定数"),
            ("distributed", "分配总额（元）"),
        ],
        rows,
    )


async def idle_list(ctx: RequestContext) -> Report:
    names = ctx.component.divisions
    rows = await repository.idle_list(ctx.session, ctx.principal.division_prefix)
    return Report.of(
        "idle",
        "低效闲置资产清单",
        [
            ("town_name", "乡镇"),
            ("village_name", "村（社区）"),
            ("asset_name", "资产名称"),
            ("category", "类别"),
            ("value", "资产价值（元）"),
            ("rule", "认定规则"),
            ("measure", "指标"),
            ("flagged_on", "标记日期"),
            ("proposed_action", "拟处置方式"),
            ("action_note", "说明"),
        ],
        [
            {
                "town_name": names.name(r.town_code),
                "village_name": names.name(r.village_code) or r.village_code,
                "asset_name": r.name,
                "category": r.category,
                "value": _money(r.value),
                "rule": r.rule.label,
                "measure": str(r.measure),
                "flagged_on": r.flagged_on.isoformat(),
                "proposed_action": r.proposed_action.label if r.proposed_action else None,
                "action_note": r.action_note,
            }
            for r in rows
        ],
    )


async def ledger_by_origin(ctx: RequestContext) -> Report:
    names = ctx.component.divisions
    rows = await repository.ledger_by_origin(ctx.session, ctx.principal.division_prefix)
    return Report.of(
        "ledger-origin",
        "统一资产台账来源构成（项目验收形成、手工登记、存量台账导入）",
        [
            ("town_code", "乡镇代码"),
            ("town_name", "乡镇"),
            ("origin", "来源"),
            ("count", "资产数"),
            ("value", "资产价值（元）"),
        ],
        [
            {
                "town_code": r.town_code,
                "town_name": names.name(r.town_code),
                "origin": r.origin.label,
                "count": r.count,
                "value": _money(r.value),
            }
            for r in rows
        ],
    )


async def book_values(ctx: RequestContext) -> Report:
    names = ctx.component.divisions
    rows = await repository.book_values(ctx.session, ctx.principal.division_prefix)
    return Report.of(
        "book-value",
        "经营性资产账面价值（按镇）",
        [
            ("town_code", "乡镇代码"),
            ("town_name", "乡镇"),
            ("count", "资产数"),
            ("valued", "有折旧或评估记录的资产数"),
            ("original_value", "入账价值（元）"),
            ("book_value", "账面价值（元）"),
            ("change", "增减（元）"),
        ],
        [
            {
                "town_code": r.town_code,
                "town_name": names.name(r.town_code),
                "count": r.count,
                "valued": r.valued,
                "original_value": _money(r.original_value),
                "book_value": _money(r.book_value),
                "change": _money(r.book_value - r.original_value),
            }
            for r in rows
        ],
    )


async def public_welfare_use(ctx: RequestContext) -> Report:
    names = ctx.component.divisions
    rows = await repository.public_welfare_use(ctx.session, ctx.principal.division_prefix)
    return Report.of(
        "public-welfare-use",
        "公益性资产使用状况（按镇）",
        [
            ("town_code", "乡镇代码"),
            ("town_name", "乡镇"),
            ("use_status", "使用状况"),
            ("count", "资产数"),
            ("value", "资产价值（元）"),
        ],
        [
            {
                "town_code": r.town_code,
                "town_name": names.name(r.town_code),
                "use_status": r.use_status.label,
                "count": r.count,
                "value": _money(r.value),
            }
            for r in rows
        ],
    )
