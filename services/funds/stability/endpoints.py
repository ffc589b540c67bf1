from __future__ import annotations

from typing import Annotated

from fastapi import Query
from fastapi.responses import Response

from services.funds.access import ReaderCtx
from services.funds.stability import service
from shared.errors import ValidationFailed
from shared.reports import REPORT_RESPONSES, Report, ReportFormat, report_response
from shared.routing import KitRouter

router = KitRouter(prefix="/v1", tags=["reports 报表"])


@router.get(
    "/funding-stability",
    response_model=Report,
    summary="资金投入稳定性：分来源逐年对比，下降预警 / year-on-year totals by source",
    responses=REPORT_RESPONSES,
)
async def funding_stability(
    ctx: ReaderCtx,
    from_year: Annotated[int, Query(ge=2000, le=2100)],
    to_year: Annotated[int, Query(ge=2000, le=2100)],
    format: ReportFormat = "json",
) -> Response:
    if to_year < from_year or to_year - from_year > 20:
        raise ValidationFailed("to_year", "年度范围须在 20 年以内且不早于起始年", "bad year range")
    return report_response(await service.report(ctx, from_year, to_year), format)
