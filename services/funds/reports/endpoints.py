from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from services.funds.access import ReaderCtx
from services.funds.reports import service
from services.funds.reports.schemas import Report, ReportName
from shared.errors import problem_responses
from shared.schemas import TownCode
from shared.tabular import XLSX_MEDIA_TYPE, xlsx_response

router = APIRouter(prefix="/v1/reports", tags=["reports 报表"])


@router.get(
    "/{name}",
    response_model=Report,
    summary="报表（JSON 或 XLSX 下载）/ a report, as JSON or an XLSX download",
    description=(
        "fund-use 资金使用（按来源、类别；需 year）；"
        "pipeline 项目库进展（按乡镇、状态；可选 year、town_code）；"
        "checkpoint-progress 节点支出进度（按项目；需 year、month）。"
    ),
    responses={
        **problem_responses(401, 403, 422),
        200: {"content": {XLSX_MEDIA_TYPE: {}}, "description": "JSON 报表，或 format=xlsx 时的 Excel 文件"},
    },
)
async def get_report(
    name: ReportName,
    ctx: ReaderCtx,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    month: Annotated[int | None, Query(ge=1, le=12)] = None,
    town_code: Annotated[TownCode | None, Query()] = None,
    format: Annotated[Literal["json", "xlsx"], Query()] = "json",
) -> Report | Response:
    report = await service.build(ctx, name, service.ReportQuery(year=year, month=month, town_code=town_code))
    if format == "xlsx":
        return xlsx_response(
            f"{report.title}.xlsx",
            [(c.key, c.label) for c in report.columns],
            report.rows,
            sheet_title=report.title,
        )
    return report
