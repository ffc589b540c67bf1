from __future__ import annotations

from typing import Annotated

from fastapi import Query
from fastapi.responses import Response

from services.assets.access import ReaderCtx
from services.assets.reports import service
from shared.reports import REPORT_RESPONSES, Report, ReportFormat, report_response
from shared.routing import KitRouter

router = KitRouter(prefix="/v1/reports", tags=["assets 报表"])


@router.get(
    "/assets-summary",
    response_model=Report,
    responses=REPORT_RESPONSES,
    summary="资产分类统计（按镇、类型、状态）/ assets by town, kind and status",
)
async def assets_summary(ctx: ReaderCtx, format: ReportFormat = "json") -> Response:
    return report_response(await service.assets_summary(ctx), format)


@router.get(
    "/value-by-year",
    response_model=Report,
    responses=REPORT_RESPONSES,
    summary="各年度形成资产价值 / value formed per year",
)
async def value_by_year(ctx: ReaderCtx, format: ReportFormat = "json") -> Response:
    return report_response(await service.value_by_year(ctx), format)


@router.get(
    "/revenue",
    response_model=Report,
    responses=REPORT_RESPONSES,
    summary="资产收益与分配（按镇）/ revenue and distribution by town",
)
async def revenue(
    ctx: ReaderCtx,
    year: Annotated[int, Query(ge=2000, le=2100, description="年度")],
    format: ReportFormat = "json",
) -> Response:
    return report_response(await service.revenue_and_distribution(ctx, year), format)


@router.get(
    "/revenue-by-month",
    response_model=Report,
    responses=REPORT_RESPONSES,
    summary="光伏收益与收益分配（按月）/ PV revenue and distributions by month",
)
async def revenue_by_month(
    ctx: ReaderCtx,
    year: Annotated[int, Query(ge=2000, le=2100, description="年度")],
    format: ReportFormat = "json",
) -> Response:
    return report_response(await service.revenue_by_month(ctx, year), format)


@router.get(
    "/idle", response_model=Report, responses=REPORT_RESPONSES, summary="低效闲置资产清单 / idle assets list"
)
async def idle(ctx: ReaderCtx, format: ReportFormat = "json") -> Response:
    return report_response(await service.idle_list(ctx), format)


@router.get(
    "/ledger-origin",
    response_model=Report,
    responses=REPORT_RESPONSES,
    summary="台账来源构成（项目验收/手工登记/存量导入）/ the ledger by origin",
)
async def ledger_origin(ctx: ReaderCtx, format: ReportFormat = "json") -> Response:
    return report_response(await service.ledger_by_origin(ctx), format)


@router.get(
    "/book-value",
    response_model=Report,
    responses=REPORT_RESPONSES,
    summary="经营性资产账面价值（按镇）/ operating assets' book value by town",
)
async def book_value(ctx: ReaderCtx, format: ReportFormat = "json") -> Response:
    return report_response(await service.book_values(ctx), format)


@router.get(
    "/public-welfare-use",
    response_model=Report,
    responses=REPORT_RESPONSES,
    summary="公益性资产使用状况（按镇）/ public-welfare assets by use status",
)
async def public_welfare_use(ctx: ReaderCtx, format: ReportFormat = "json") -> Response:
    return report_response(await service.public_welfare_use(ctx), format)
