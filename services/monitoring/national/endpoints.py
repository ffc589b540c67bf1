"""国家防返贫监测信息系统 exchange: export in its collection layout, reconcile a workbook back."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, File, Response, UploadFile

from services.monitoring.access import NationalExchangeCtx
from services.monitoring.national import service
from shared.errors import problem_responses
from shared.tabular import XLSX_MEDIA_TYPE, ImportReport

router = APIRouter(prefix="/v1/national", tags=["national 国家系统数据交换"])


@router.get(
    "/export",
    summary="按国家系统采集表布局导出（农户基础信息、收入、帮扶措施）/ export in the national layout",
    responses={200: {"content": {XLSX_MEDIA_TYPE: {}}}, **problem_responses(401, 403)},
    response_class=Response,
)
async def export(ctx: NationalExchangeCtx) -> Response:
    content = await service.export(ctx)
    filename = "防返贫监测信息采集表.xlsx"
    return Response(
        content,
        media_type=XLSX_MEDIA_TYPE,
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"},
    )


@router.post(
    "/reconcile",
    response_model=dict[str, ImportReport],
    summary="核对国家系统采集表（按身份证号逐行比对，不写入）/ reconcile a national workbook, row by row",
    responses=problem_responses(401, 403, 413, 422),
)
async def reconcile(
    ctx: NationalExchangeCtx, file: Annotated[UploadFile, File(description="XLSX（采集表布局）")]
) -> dict[str, ImportReport]:
    return await service.reconcile(ctx, await file.read())
