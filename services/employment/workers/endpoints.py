from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query
from fastapi.responses import JSONResponse
from sqlalchemy import Select

from services.employment.access import ReaderCtx, WriterCtx, visible_worker
from services.employment.models import Worker, WorkerStatus, WorkPlace
from services.employment.workers import repository, service
from services.employment.workers.schemas import JobLoss, TrainingCreate, TrainingOut, WorkerCreate, WorkerOut
from shared.context import RequestContext, etag_for
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page
from shared.routing import KitRouter
from shared.schemas import TownCode, VillageCode

router = KitRouter(prefix="/v1/workers", tags=["workers 务工人员"])


@router.post(
    "",
    status_code=201,
    response_model=WorkerOut,
    summary="登记务工人员 / register a worker",
    responses=problem_responses(400, 401, 403, 409, 413, 422),
)
async def create_worker(body: WorkerCreate, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    worker = await service.register(ctx, body)
    out = WorkerOut.model_validate(worker)
    return await ctx.respond(
        out, status_code=201, headers={"ETag": etag_for(out.version), "Location": f"/v1/workers/{out.id}"}
    )


async def _page(
    ctx: RequestContext, query: Select[Worker], cursor: str | None, limit: int
) -> Page[WorkerOut]:
    rows, next_cursor = await keyset_page(
        ctx.session, query, (Worker.updated_at, Worker.id), cursor=cursor, limit=limit
    )
    return Page[WorkerOut](items=[WorkerOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.get(
    "",
    response_model=Page[WorkerOut],
    summary="务工人员列表 / list workers",
    responses=problem_responses(401, 403, 422),
)
async def list_workers(
    ctx: ReaderCtx,
    town_code: Annotated[TownCode | None, Query()] = None,
    village_code: Annotated[VillageCode | None, Query()] = None,
    household_id: Annotated[uuid.UUID | None, Query()] = None,
    status: Annotated[WorkerStatus | None, Query()] = None,
    place: Annotated[WorkPlace | None, Query()] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[WorkerOut]:
    query = repository.filtered(
        ctx.principal,
        town_code=town_code,
        village_code=village_code,
        household_id=household_id,
        status=status,
        place=place,
        updated_since=updated_since,
    )
    return await _page(ctx, query, cursor, limit)


@router.get(
    "/stale",
    response_model=Page[WorkerOut],
    summary="久未核实的务工人员（按乡镇跟进）/ workers not verified for too long",
    responses=problem_responses(401, 403, 422),
)
async def list_stale(
    ctx: ReaderCtx,
    town_code: Annotated[TownCode | None, Query()] = None,
    village_code: Annotated[VillageCode | None, Query()] = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[WorkerOut]:
    query = repository.filtered(
        ctx.principal,
        town_code=town_code,
        village_code=village_code,
        verified_before=service.stale_before(ctx),
    )
    return await _page(ctx, query, cursor, limit)


@router.get(
    "/{worker_id}",
    response_model=WorkerOut,
    summary="务工人员详情 / get a worker",
    responses=problem_responses(401, 403, 404, 422),
)
async def get_worker(worker_id: uuid.UUID, ctx: ReaderCtx) -> JSONResponse:
    out = WorkerOut.model_validate(await visible_worker(ctx, worker_id))
    return JSONResponse(out.model_dump(mode="json"), headers={"ETag": etag_for(out.version)})


@router.post(
    "/{worker_id}/job-loss",
    response_model=WorkerOut,
    summary="登记失业（需 If-Match）/ report a job loss (If-Match required)",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 413, 422, 428),
)
async def report_job_loss(worker_id: uuid.UUID, body: JobLoss, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    worker = await service.report_job_loss(ctx, await visible_worker(ctx, worker_id, for_update=True), body)
    out = WorkerOut.model_validate(worker)
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})


@router.post(
    "/{worker_id}/verify",
    response_model=WorkerOut,
    summary="核实务工状态（现场一键确认）/ confirm the record is current",
    responses=problem_responses(401, 403, 404, 422),
)
async def verify_worker(worker_id: uuid.UUID, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(None)) is not None:
        return replay
    worker = await service.verify(ctx, await visible_worker(ctx, worker_id, for_update=True))
    out = WorkerOut.model_validate(worker)
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})


@router.post(
    "/{worker_id}/trainings",
    status_code=201,
    response_model=TrainingOut,
    summary="登记培训记录 / record a training",
    responses=problem_responses(400, 401, 403, 404, 409, 422),
)
async def add_training(worker_id: uuid.UUID, body: TrainingCreate, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    training = await service.add_training(ctx, await visible_worker(ctx, worker_id), body)
    return await ctx.respond(TrainingOut.model_validate(training), status_code=201)


@router.get(
    "/{worker_id}/trainings",
    response_model=list[TrainingOut],
    summary="培训记录 / a worker's trainings",
    responses=problem_responses(401, 403, 404, 422),
)
async def list_trainings(worker_id: uuid.UUID, ctx: ReaderCtx) -> list[TrainingOut]:
    worker = await visible_worker(ctx, worker_id)
    return [TrainingOut.model_validate(t) for t in await repository.trainings_of(ctx.session, worker.id)]
