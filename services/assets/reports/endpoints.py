from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, Response

from services.assets.access import ReaderCtx
from services.assets.reports import service
from services.assets.reports.schemas import ReportOut
from shared.errors import problem_responses
from shared.tabular import XLSX_MEDIA_TYPE, xlsx_response

router = APIRouter(prefix="/v1/reports", tags=["assets 报表"])
Format = Annotated[Literal["json", "xlsx"], Query(description="json（默认）或 xlsx 下载")]
RESPONSES = {
    200: {"content": {XLSX_MEDIA_TYPE: {}}, "description": "报表（JSON 或 XLSX）"},
    **problem_responses(401, 403, 422),
}


def _render(report: ReportOut, fmt: str, filename: str) -> Response:
    if fmt == "xlsx":
        return xlsx_response(
            f"{filename}.xlsx",
            [(c.key, c.header) for c in report.columns],
            report.rows,
            sheet_title=report.title,
        )
    return JSONResponse(report.model_dump(mode="json"))


@router.get(
    "/assets-summary",
    response_model=ReportOut,
    responses=RESPONSES,
    summary="资产分类统计（按镇、类型、状态）/ assets by town, kind and status",
)
async def assets_summary(ctx: ReaderCtx, format: Format = "json") -> Response:
    return _render(await service.assets_summary(ctx), format, "资产分类统计")


@router.get(
    "/value-by-year",
    response_model=ReportOut,
    responses=RESPONSES,
    summary="各年度形成资产价值 / value formed per year",
)
async def value_by_year(ctx: ReaderCtx, format: Format = "json") -> Response:
    return _render(await service.value_by_year(ctx), format, "各年度形成资产")


@router.get(
    "/revenue",
    response_model=ReportOut,
    responses=RESPONSES,
    summary="资产收益与分配（按镇）/ revenue and distribution by town",
)
async def revenue(
    ctx: ReaderCtx, year: Annotated[int, Query(ge=2000, le=2100, description="年度")], format: Format = "json"
) -> Response:
    return _render(await service.revenue_and_distribution(ctx, year), format, f"{year}年资产收益与分配")


@router.get(
    "/idle", response_model=ReportOut, responses=RESPONSES, summary="低效闲置资产清单 / idle assets list"
)
async def idle(ctx: ReaderCtx, format: Format = "json") -> Response:
    return _render(await service.idle_list(ctx), format, "低效闲置资产清单")
