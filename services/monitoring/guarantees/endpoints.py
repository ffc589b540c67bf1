from __future__ import annotations

from fastapi.responses import JSONResponse

from services.monitoring.access import DepartmentSystemCtx
from services.monitoring.guarantees import service
from services.monitoring.guarantees.schemas import GuaranteeBatch, GuaranteeBatchReport
from shared.errors import problem_responses
from shared.routing import KitRouter

router = KitRouter(tags=["guarantees 三保障部门数据"])


@router.post(
    "/v1/guarantee-batches",
    response_model=GuaranteeBatchReport,
    summary="三保障和饮水安全部门数据批量推送（集成账号）/ a department's batch of 三保障 records",
    description=(
        "住建：housing_appraisal；水利：water_check；教育：dropout、student_aid；医保：insurance、"
        "medical_expense；卫健：medical_expense。按身份证号匹配成员，逐条回执；同一批次重复推送不会重复登记；"
        "发现新风险（新危房、饮水转为不安全、辍学、当年未参保）时产生部门预警。"
    ),
    responses=problem_responses(400, 401, 403, 413, 422),
)
async def post_batch(body: GuaranteeBatch, ctx: DepartmentSystemCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    return await ctx.respond(await service.receive_batch(ctx, body))
