from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query
from fastapi.responses import JSONResponse, Response

from services.employment.access import ReaderCtx, WriterCtx
from services.employment.wages import repository, service
from services.employment.wages.schemas import WageCreate, WageOut
from shared import clock
from shared.context import etag_for
from shared.errors import NotFound, problem_responses
from shared.reports import REPORT_RESPONSES, Report, ReportFormat, report_response
from shared.routing import KitRouter

router = KitRouter(tags=["wages 工资变动"])


@router.post(
    "/v1/spells/{spell_id}/wages",
    status_code=201,
    response_model=WageOut,
    summary="登记月工资变动（需 If-Match，为务工人员的版本）/ record a monthly wage (If-Match)",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 413, 422, 428),
)
async def record_wage(spell_id: uuid.UUID, body: WageCreate, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    wage = await service.record(ctx, spell_id, body)
    found = await repository.spell_with_worker(ctx.session, ctx.principal, spell_id)
    assert found is not None  # just written in this transaction
    return await ctx.respond(
        WageOut.model_validate(wage), status_code=201, headers={"ETag": etag_for(found[1].version)}
    )


@router.get(
    "/v1/spells/{spell_id}/wages",
    response_model=list[WageOut],
    summary="就业经历的工资变动 / a spell's wage history",
    responses=problem_responses(401, 403, 404, 422),
)
async def wages(spell_id: uuid.UUID, ctx: ReaderCtx) -> list[WageOut]:
    found = await repository.spell_with_worker(ctx.session, ctx.principal, spell_id)
    if found is None:
        raise NotFound("就业经历不存在或不在您的数据范围内", "spell not found")
    return [WageOut.model_validate(w) for w in await repository.of_spell(ctx.session, spell_id)]


@router.get(
    "/v1/reports/wage-growth",
    response_model=Report,
    responses=REPORT_RESPONSES,
    summary="务工收入增长（年内首末月工资对比）/ wage growth within the year",
)
async def wage_growth(
    ctx: ReaderCtx,
    year: Annotated[int | None, Query(ge=2000, le=2100, description="年度，默认今年")] = None,
    format: ReportFormat = "json",
) -> Response:
    year = year or clock.today().year
    rows = await repository.growth(ctx.session, ctx.principal, year)
    divisions = ctx.component.divisions
    report = Report.of(
        "wage-growth",
        f"{year} 年务工人员工资增长",
        [
            ("worker_id", "务工人员编号"),
            ("town_name", "乡镇"),
            ("village_name", "村"),
            ("first_month", "首月"),
            ("first_wage", "首月工资"),
            ("latest_month", "最近月份"),
            ("latest_wage", "最近月工资"),
            ("growth_percent", "增长（%）"),
        ],
        [
            {
                "worker_id": str(r.worker_id),
                "town_name": divisions.name(r.town_code),
                "village_name": divisions.name(r.village_code),
                "first_month": r.first_month.strftime("%Y-%m"),
                "first_wage": f"{r.first_wage:.2f}",
                "latest_month": r.latest_month.strftime("%Y-%m"),
                "latest_wage": f"{r.latest_wage:.2f}",
                "growth_percent": service.growth_percent(r.first_wage, r.latest_wage),
            }
            for r in rows
        ],
    )
    return report_response(report, format)
