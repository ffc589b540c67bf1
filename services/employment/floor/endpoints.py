from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from services.employment import access
from services.employment.floor import repository, service
from services.employment.floor.schemas import (
    FloorCheck,
    FloorOut,
    FloorSeries,
    MonthPoint,
    PlaceCount,
    TownCount,
)
from services.employment.models import FLOOR_STATE_LABELS, WORK_PLACE_LABELS, WorkPlace
from shared.context import Ctx, RequestContext
from shared.errors import ValidationFailed, problem_responses
from shared.schemas import TownCode

# YYYY-MM from 2000 on: earlier months predate any record (and year 0 is no date at all).
MONTH = r"^(2\d{3})-(0[1-9]|1[0-2])$"

router = APIRouter(prefix="/v1/floor", tags=["floor 就业规模底线"])


def _town_for(ctx: RequestContext, town_code: str | None) -> str | None:
    """Town and village accounts see their own town's counts; asking for another town is 404-like."""
    prefix = ctx.principal.division_prefix
    if prefix is None:
        return town_code
    own = prefix[:9]
    if town_code not in (None, own):
        ctx.principal.require_covers(town_code)
    return own


@router.get(
    "",
    response_model=FloorOut,
    summary="某日务工就业人数（按乡镇、务工地点）/ employed count at a date",
    responses=problem_responses(401, 403, 404, 422),
)
async def employed_at(
    ctx: Ctx,
    as_of: Annotated[date | None, Query(description="统计日期，默认今天")] = None,
    town_code: Annotated[TownCode | None, Query()] = None,
) -> FloorOut:
    access.require_reader(ctx)
    settings = access.settings_of(ctx)
    as_of = as_of or date.today()
    town = _town_for(ctx, town_code)
    rows = await repository.counts_at(ctx.session, as_of, town)
    towns: dict[str, int] = {}
    places: dict[WorkPlace, int] = dict.fromkeys(WorkPlace, 0)
    for town_of_row, place, employed in rows:
        towns[town_of_row] = towns.get(town_of_row, 0) + employed
        places[place] += employed
    employed = sum(places.values())
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
        state_label=FLOOR_STATE_LABELS[state] if state else None,
        by_town=[
            TownCount(town_code=t, town_name=ctx.component.divisions.name(t), employed=n)
            for t, n in sorted(towns.items())
        ],
        by_place=[
            PlaceCount(place=p, place_label=WORK_PLACE_LABELS[p], employed=n) for p, n in places.items()
        ],
    )


@router.get(
    "/series",
    response_model=FloorSeries,
    summary="按月趋势（看板 JSON）/ monthly trend for dashboards",
    responses=problem_responses(401, 403, 404, 422),
)
async def monthly_trend(
    ctx: Ctx,
    from_month: Annotated[str, Query(alias="from", pattern=MONTH, examples=["2025-01"])],
    to_month: Annotated[str | None, Query(alias="to", pattern=MONTH)] = None,
    town_code: Annotated[TownCode | None, Query()] = None,
) -> FloorSeries:
    access.require_reader(ctx)
    settings = access.settings_of(ctx)
    today = date.today()
    first = date.fromisoformat(f"{from_month}-01")
    last = date.fromisoformat(f"{to_month}-01") if to_month else today.replace(day=1)
    if last < first or last > today.replace(day=1):
        raise ValidationFailed(
            "to", "截止月份须不早于起始月份且不晚于本月", "'to' must be between 'from' and this month"
        )
    if (last.year - first.year) * 12 + last.month - first.month >= 120:
        raise ValidationFailed("from", "一次最多查询 120 个月", "at most 120 months at once")
    town = _town_for(ctx, town_code)
    points: dict[date, MonthPoint] = {}
    for month, as_of, place, employed in await repository.monthly_series(
        ctx.session, first, last, today, town
    ):
        point = points.setdefault(
            month,
            MonthPoint(
                month=month.strftime("%Y-%m"), as_of=as_of, employed=0, by_place=dict.fromkeys(WorkPlace, 0)
            ),
        )
        point.by_place[WorkPlace(place)] = employed
        point.employed += employed
    return FloorSeries(
        town_code=town,
        floor=settings.employment_floor,
        warning_line=settings.employment_floor + settings.floor_warning_margin,
        place_labels=WORK_PLACE_LABELS,
        points=list(points.values()),
    )


@router.post(
    "/check",
    response_model=FloorCheck,
    summary="立即复核底线状态（定时任务亦会复核）/ re-evaluate the floor now",
    responses=problem_responses(401, 403),
)
async def check_now(ctx: Ctx) -> FloorCheck:
    access.require_district_writer(ctx)
    state = await service.evaluate(ctx.session, ctx.publish, access.settings_of(ctx))
    await ctx.audit("check", "floor", None, {"state": state.value})
    return FloorCheck(as_of=date.today(), state=state, state_label=FLOOR_STATE_LABELS[state])
