from __future__ import annotations

from typing import Annotated

from fastapi import Query
from fastapi.responses import Response

from services.monitoring.access import ReportReaderCtx
from services.monitoring.reports import service
from services.monitoring.reports.schemas import GroupBy, ReportName
from shared.reports import REPORT_RESPONSES, Report, ReportFormat, report_response
from shared.routing import KitRouter
from shared.schemas import IsoDate, TownCode

router = KitRouter(prefix="/v1/reports", tags=["reports 报表"])


@router.get(
    "/{name}",
    response_model=Report,
    summary="报表（JSON 或 XLSX 下载）/ a report, as JSON or an XLSX download",
    description=(
        "households 农户分布（group=status|subtype|risk_cause|kind）；long-running 两年及以上未消除风险；"
        "lacking-developmental 开发式措施不足；identification-overdue 识别超时限；"
        "helper-coverage 帮扶责任覆盖；"
        "helper-missing 未明确帮扶责任人；data-quality 疑点数据（按镇、按规则编号）。"
    ),
    responses=REPORT_RESPONSES,
)
async def get_report(
    name: ReportName,
    ctx: ReportReaderCtx,
    town_code: Annotated[TownCode | None, Query()] = None,
    group: Annotated[GroupBy, Query(description="仅 households 报表")] = GroupBy.STATUS,
    as_of: Annotated[
        IsoDate | None,
        Query(description="仅 households 报表：统计日期（默认今天），按当日在册的农户与成员计数"),
    ] = None,
    format: ReportFormat = "json",
) -> Response:
    return report_response(
        await service.build(ctx, name, town_code=town_code, group=group, as_of=as_of), format
    )
