from __future__ import annotations

from typing import Annotated

from fastapi import Query
from fastapi.responses import Response

from services.funds.access import LoanReaderCtx, ReaderCtx
from services.funds.reports import service
from services.funds.reports.schemas import ReportName
from shared.reports import REPORT_RESPONSES, Report, ReportFormat, report_response
from shared.routing import KitRouter
from shared.schemas import TownCode

router = KitRouter(prefix="/v1/reports", tags=["reports 报表"])

Year = Annotated[int | None, Query(ge=2000, le=2100)]


# Before "/{name}", which would match its path: its readers are those of loans, not every reader.
@router.get(
    "/microcredit-coverage",
    response_model=Report,
    summary="小额信贷应贷尽贷覆盖率（按乡镇）/ micro-credit coverage of eligible households by town",
    description="脱贫户和监测户（按监测服务的事件）中年内有贷款的户数与覆盖率；需 year。",
    responses=REPORT_RESPONSES,
)
async def microcredit_coverage(
    ctx: LoanReaderCtx, year: Year = None, format: ReportFormat = "json"
) -> Response:
    return report_response(await service.microcredit_coverage(ctx, service.ReportQuery(year=year)), format)


@router.get(
    "/{name}",
    response_model=Report,
    summary="报表（JSON 或 XLSX 下载）/ a report, as JSON or an XLSX download",
    description=(
        "fund-use 资金使用（按来源、类别；需 year）；"
        "pipeline 项目库进展（按乡镇、状态；可选 year、town_code）；"
        "checkpoint-progress 节点支出进度（按项目；需 year、month）。"
    ),
    responses=REPORT_RESPONSES,
)
async def get_report(
    name: ReportName,
    ctx: ReaderCtx,
    year: Year = None,
    month: Annotated[int | None, Query(ge=1, le=12)] = None,
    town_code: Annotated[TownCode | None, Query()] = None,
    format: ReportFormat = "json",
) -> Response:
    report = await service.build(ctx, name, service.ReportQuery(year=year, month=month, town_code=town_code))
    return report_response(report, format)
