"""国家防返贫监测信息系统 exchange: export in its collection layout, reconcile a workbook back."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import File, Query, Response, UploadFile

from services.monitoring.access import NationalExchangeCtx
from services.monitoring.national import service
from shared.errors import problem_responses
from shared.import_refusals import keep_rows
from shared.routing import KitRouter
from shared.tabular import XLSX_MEDIA_TYPE, ImportReport, upload_content

router = KitRouter(prefix="/v1/national", tags=["national 国家系统数据交换"])


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
    return await service.reconcile(ctx, await upload_content(file, rows=False))


@router.post(
    "/import",
    response_model=dict[str, ImportReport],
    summary="导入国家系统采集表，应用区里接受的更改（先试运行）/ import a national workbook",
    description="按身份证号码（密钥散列）匹配本辖区的成员与户，逐行报告。可导入修改的列：户主姓名、家庭住址、"
    "住房/饮水是否安全，成员姓名、在校生状况、健康状况、劳动技能、是否参加医保，以及各年度收入（可新登记）；"
    "其他列不一致时该行被拒。apply=false（默认）为试运行：报告与实际导入相同，但不写入。",
    responses=problem_responses(401, 403, 413, 422),
)
async def import_national_workbook(
    ctx: NationalExchangeCtx,
    file: Annotated[UploadFile, File(description="XLSX（采集表布局）")],
    apply: Annotated[bool, Query(description="true 时写入；默认 false 只试运行")] = False,
) -> dict[str, ImportReport]:
    content = await upload_content(file, rows=False)
    reports, sheets = await service.import_workbook(ctx, content, apply=apply)
    for name, report in reports.items():
        header, rows = sheets.get(name, ([], {}))
        await keep_rows(ctx, report, header, rows, f"{file.filename or 'national'}（{name}）")
    return reports
