from __future__ import annotations

import hashlib
from datetime import date
from typing import Annotated, Any

from fastapi import File, Form, Query, UploadFile
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

from services.employment.access import ReaderCtx, WriterCtx
from services.employment.national import service
from shared.errors import problem_responses
from shared.import_refusals import keep_refused_rows
from shared.routing import KitRouter
from shared.tabular import XLSX_MEDIA_TYPE, ColumnSpec, ImportReport, upload_content, xlsx_response

router = KitRouter(tags=["national 国家系统务工数据"])
_XLSX: dict[int | str, dict[str, Any]] = {200: {"content": {XLSX_MEDIA_TYPE: {}}}}


class _Upload(BaseModel):
    """What an Idempotency-Key is bound to for an upload: the file's digest and the date."""

    sha256: str
    collected_on: date


@router.post(
    "/v1/national/work-file/import",
    response_model=ImportReport,
    summary="导入国家系统每月务工数据（按身份证号码匹配，逐行报告）/ import the national monthly work file",
    description="列名见 national_work_layout.yaml（区县可按实际模板调整）。身份证号码只用于匹配，不保存。"
    "同一文件重复导入不产生任何变化。",
    responses=problem_responses(400, 401, 403, 413, 422),
)
async def import_work_file(
    ctx: WriterCtx,
    file: Annotated[UploadFile, File(description="CSV（UTF-8/GBK）或 XLSX，国家系统模板")],
    collected_on: Annotated[date, Form(description="采集（核实）日期")],
) -> JSONResponse:
    content = await upload_content(file)
    upload = _Upload(sha256=hashlib.sha256(content).hexdigest(), collected_on=collected_on)
    if (replay := await ctx.idempotent_replay(upload)) is not None:
        return replay
    report = await service.import_work_file(ctx, content, file.filename or "", collected_on)
    return await ctx.respond(await keep_refused_rows(ctx, report, content, file.filename or ""))


@router.post(
    "/v1/national/work-file/fill",
    response_class=Response,
    summary="按国家系统模板填报每月务工状态（XLSX）/ fill the national monthly work file",
    description="上传国家系统下发的模板（含身份证号码、姓名），返回同一批行并按月末记录填写务工各列；"
    "身份证号码取自上传文件，本服务不保存。辖区外或未登记的行务工各列留空。",
    responses=_XLSX | problem_responses(400, 401, 403, 413, 422),
)
async def fill_work_file(
    ctx: ReaderCtx,
    file: Annotated[UploadFile, File(description="国家系统下发的模板（CSV 或 XLSX）")],
    month: Annotated[str, Query(pattern=r"^\d{4}-\d{2}$", description="月份 YYYY-MM")],
) -> Response:
    columns, rows = await service.fill_work_file(ctx, await upload_content(file), file.filename or "", month)
    # The wage is money (its header, 月收入, does not say 元); the rest is inferred (dates, text).
    typed: list[ColumnSpec] = [(f, h, "money" if f == "monthly_wage" else None) for f, h in columns]
    return xlsx_response(f"务工状态-{month}.xlsx", typed, rows, sheet_title="务工状态")
