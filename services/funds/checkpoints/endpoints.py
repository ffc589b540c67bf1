from __future__ import annotations

from typing import Annotated

from fastapi import Query
from fastapi.responses import JSONResponse

from services.funds.access import DistrictCtx, ReaderCtx
from services.funds.checkpoints import repository, service
from services.funds.checkpoints.schemas import AssessmentCreate, AssessmentOut, CheckpointReport
from services.funds.models import CheckpointAssessment
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page
from shared.routing import KitRouter

router = KitRouter(prefix="/v1/checkpoints", tags=["checkpoints 资金支出节点"])


@router.get(
    "/progress",
    response_model=CheckpointReport,
    summary="节点资金支出进度（按项目、资金、乡镇）/ disbursement progress at a checkpoint",
    responses=problem_responses(401, 403, 422),
)
async def get_progress(
    ctx: ReaderCtx,
    year: Annotated[int, Query(ge=2000, le=2100)],
    month: Annotated[int, Query(ge=1, le=12, description="节点月份（默认 7、10、12）")],
    behind_only: Annotated[bool, Query(description="只列出低于目标的项目")] = False,
) -> CheckpointReport:
    report = await service.report(ctx, year, month)
    if behind_only:
        report.projects = [p for p in report.projects if p.behind]
    return report


@router.post(
    "/assessments",
    status_code=201,
    response_model=AssessmentOut,
    summary="节点评估并发布事件 / assess a checkpoint (publishes checkpoint.assessed)",
    responses=problem_responses(400, 401, 403, 413, 422),
)
async def assess(body: AssessmentCreate, ctx: DistrictCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    out = AssessmentOut.model_validate(await service.assess(ctx, body))
    return await ctx.respond(out, status_code=201)


@router.get(
    "/assessments",
    response_model=Page[AssessmentOut],
    summary="节点评估记录 / recorded assessments",
    responses=problem_responses(401, 403, 422),
)
async def list_assessments(
    ctx: ReaderCtx,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[AssessmentOut]:
    rows, next_cursor = await keyset_page(
        ctx.session,
        repository.assessments(year=year, updated_since=updated_since),
        (CheckpointAssessment.updated_at, CheckpointAssessment.id),
        cursor=cursor,
        limit=limit,
    )
    return Page[AssessmentOut](items=[AssessmentOut.model_validate(r) for r in rows], next_cursor=next_cursor)
