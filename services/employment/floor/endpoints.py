from __future__ import annotations

from typing import Annotated

from fastapi import Query

from services.employment.access import DistrictWriterCtx, ReaderCtx
from services.employment.floor import repository, service
from services.employment.floor.schemas import FloorCheck, FloorOut, FloorSeries, PlaceCount, TownCount
from services.employment.models import WorkPlace
from services.employment.settings import EmploymentSettings
from shared import clock
from shared.errors import problem_responses
from shared.routing import KitRouter
from shared.schemas import IsoDate, TownCode

# YYYY-MM from 2000 on: earlier months predate any record (and year 0 is no date at all).
MONTH = r"^(2\d{3})-(0[1-9]|1[0-2])$"

router = KitRouter(prefix="/v1/floor", tags=["floor 就业规模底线"])


@router.get(
    "",
    response_model=FloorOut,
    summary="某日务工就业人数（按乡镇、务工地点）/ employed count at a date",
    responses=problem_responses(401, 403, 404, 422),
)
async def employed_at(
    ctx: ReaderCtx,
    as_of: Annotated[IsoDate | None, Query(description="统计日期，默认今天")] = None,
    town_code: Annotated[TownCode | None, Query()] = None,
) -> FloorOut:
    settings = ctx.settings_as(EmploymentSettings)
    as_of = as_of or clock.today()
    town = service.town_in_view(ctx.principal, town_code)
    towns, places = service.tally(await repository.counts_at(ctx.session, as_of, town))
    employed = sum(places.values())
    # The floor is the district's: a town's count is shown without a state.
    state = (
        None
        if town
        else service.state_for(employed, settings.employment_floor, settings.floor_warning_margin)
    )
    return FloorOut(
        as_of=as_of,
        town_code=town,
        employed=employed,
        floor=settings.employment_floor,
        warning_margin=settings.floor_warning_margin,
        state=state,
        state_label=state.label if state else None,
        by_town=[
            TownCount(town_code=t, town_name=ctx.component.divisions.name(t), employed=n)
            for t, n in sorted(towns.items())
        ],
        by_place=[PlaceCount(place=p, place_label=p.label, employed=n) for p, n in places.items()],
    )


@router.get(
    "/series",
    response_model=FloorSeries,
    summary="按月趋势（看板 JSON）/ monthly trend for dashboards",
    responses=problem_responses(401, 403, 404, 422),
)
async def monthly_trend(
    ctx: ReaderCtx,
    from_month: Annotated[str, Query(alias="from", pattern=MONTH, examples=["2025-01"])],
    to_month: Annotated[str | None, Query(alias="to", pattern=MONTH)] = None,
    town_code: Annotated[TownCode | None, Query()] = None,
) -> FloorSeries:
    settings = ctx.settings_as(EmploymentSettings)
    today = clock.today()
    first, last = service.month_range(from_month, to_month, today)
    town = service.town_in_view(ctx.principal, town_code)
    rows = await repository.monthly_series(ctx.session, first, last, today, town)
    return FloorSeries(
        town_code=town,
        floor=settings.employment_floor,
        warning_line=settings.employment_floor + settings.floor_warning_margin,
        place_labels=WorkPlace.labels(),
        points=service.series_points(rows),
    )


@router.post(
    "/check",
    response_model=FloorCheck,
    summary="立即复核底线状态（定时任务亦会复核）/ re-evaluate the floor now",
    responses=problem_responses(401, 403),
)
async def check_now(ctx: DistrictWriterCtx) -> FloorCheck:
    settings = ctx.settings_as(EmploymentSettings)
    state = await service.evaluate(ctx.session, ctx.publish, settings, recheck=True)
    await ctx.audit("check", "floor", None, {"state": state.value})
    return FloorCheck(as_of=clock.today(), state=state, state_label=state.label)
