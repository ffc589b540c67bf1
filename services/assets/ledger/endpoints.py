from __future__ import annotations

import hashlib
from typing import Annotated

from fastapi import File, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from services.assets.access import WriterCtx
from services.assets.ledger import service
from shared.errors import problem_responses
from shared.import_refusals import keep_refused_rows
from shared.routing import KitRouter
from shared.tabular import ImportReport, upload_content

router = KitRouter(prefix="/v1/assets", tags=["assets 资产台账"])


class _Upload(BaseModel):
    """What an Idempotency-Key is bound to for an upload: the file's digest."""

    sha256: str


@router.post(
    "/import",
    response_model=ImportReport,
    summary="导入存量资产台账（CSV/XLSX，逐行报告，可重复导入）/ import an existing asset ledger",
    description="表头：" + "、".join(service.COLUMNS.values()) + "。同一文件重复导入不产生任何变化。",
    responses=problem_responses(400, 401, 403, 413, 422),
)
async def import_ledger(
    ctx: WriterCtx, file: Annotated[UploadFile, File(description="CSV（UTF-8/GBK）或 XLSX")]
) -> JSONResponse:
    content = await upload_content(file)
    if (
        replay := await ctx.idempotent_replay(_Upload(sha256=hashlib.sha256(content).hexdigest()))
    ) is not None:
        return replay
    report = await service.import_ledger(ctx, content, file.filename or "")
    return await ctx.respond(await keep_refused_rows(ctx, report, content, file.filename or ""))
