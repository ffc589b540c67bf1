from __future__ import annotations

import hashlib
import uuid
from datetime import date
from typing import Annotated

from fastapi import File, Form, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from services.employment.access import ReaderCtx, WriterCtx, visible_worker
from services.employment.spells import repository, service
from services.employment.spells.schemas import SpellCreate, SpellOut
from shared.context import etag_for
from shared.errors import problem_responses
from shared.import_refusals import keep_refused_rows
from shared.routing import KitRouter
from shared.tabular import ImportReport, upload_content

router = KitRouter(tags=["spells 就业经历"])


@router.post(
    "/v1/workers/{worker_id}/spells",
    status_code=201,
    response_model=SpellOut,
    summary="登记就业经历（需 If-Match，为务工人员的版本）/ record a job (If-Match: the worker's version)",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 413, 422, 428),
)
async def add_spell(worker_id: uuid.UUID, body: SpellCreate, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    worker = await visible_worker(ctx, worker_id, for_update=True)
    ctx.require_if_match(worker.version)
    spell = await service.open_spell(ctx, worker, body)
    return await ctx.respond(
        SpellOut.model_validate(spell), status_code=201, headers={"ETag": etag_for(worker.version)}
    )


@router.get(
    "/v1/workers/{worker_id}/spells",
    response_model=list[SpellOut],
    summary="就业经历 / a worker's spells",
    responses=problem_responses(401, 403, 404, 422),
)
async def list_spells(worker_id: uuid.UUID, ctx: ReaderCtx) -> list[SpellOut]:
    worker = await visible_worker(ctx, worker_id)
    return [SpellOut.model_validate(s) for s in await repository.of_worker(ctx.session, worker.id)]


class _Upload(BaseModel):
    """What an Idempotency-Key is bound to for an upload: the file's digest and the date."""

    sha256: str
    collected_on: date


@router.post(
    "/v1/spells/import",
    response_model=ImportReport,
    summary="务工数据动态采集（CSV/XLSX 批量更新，逐行报告）/ monthly bulk update",
    description="表头：" + "、".join(service.COLUMNS.values()) + "。同一文件重复导入不产生任何变化。",
    responses=problem_responses(400, 401, 403, 413, 422),
)
async def import_updates(
    ctx: WriterCtx,
    file: Annotated[UploadFile, File(description="CSV（UTF-8/GBK）或 XLSX")],
    collected_on: Annotated[date, Form(description="采集（核实）日期")],
) -> JSONResponse:
    content = await upload_content(file)
    upload = _Upload(sha256=hashlib.sha256(content).hexdigest(), collected_on=collected_on)
    if (replay := await ctx.idempotent_replay(upload)) is not None:
        return replay
    report = await service.import_updates(ctx, content, file.filename or "", collected_on)
    return await ctx.respond(await keep_refused_rows(ctx, report, content, file.filename or ""))
