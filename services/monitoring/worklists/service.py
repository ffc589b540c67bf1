"""快速响应与两年以上监测对象: the identification time limit, the town's pending list, and the route
decided for every household monitored ``long_running_years`` or more (seed §一(一))."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.monitoring.dates import years_before
from services.monitoring.models import Household, HouseholdStatus, LongRunningDecision, LongRunningRoute
from services.monitoring.settings import MonitoringSettings
from services.monitoring.worklists import repository
from services.monitoring.worklists.deadlines import deadline
from services.monitoring.worklists.schemas import (
    LongRunningRouteOut,
    PendingItem,
    PendingKind,
    RouteDecisionIn,
    RouteDecisionOut,
    RouteFilter,
)
from shared import clock
from shared.context import RequestContext
from shared.divisions import DivisionRegistry
from shared.errors import Conflict, ValidationFailed
from shared.pagination import Page, decode_cursor, encode_cursor
from shared.reports import Report
from shared.work import WorkContext

# Not (or no longer) monitored: risk eliminated, 兜底保障户, or never included.
CLOSED = (HouseholdStatus.NOT_MONITORED, HouseholdStatus.RISK_ELIMINATED, HouseholdStatus.SAFETY_NET)


class NotLongRunning(Conflict):
    code = "not_long_running"
    title_zh, title_en = "该户不是两年及以上未消除风险的监测对象", "The household is not a long-running case"


def deadlines(starts: list[date], settings: MonitoringSettings) -> dict[date, date]:
    """Each case start's last day within the identification limit, as the settings count it."""
    limit, working = settings.identification_limit_days, settings.identification_limit_working_days
    return {started: deadline(started, limit, working) for started in starts}


def long_running_cutoff(settings: MonitoringSettings, today: date) -> date:
    """Included on or before this day: monitored ``long_running_years`` or more by ``today``."""
    return years_before(today, settings.long_running_years)


def is_long_running(household: Household, settings: MonitoringSettings, today: date) -> bool:
    """The rule of ``repository.LONG_RUNNING`` for one loaded household."""
    return (
        household.included_on is not None
        and household.included_on <= long_running_cutoff(settings, today)
        and household.closed_on is None
        and household.status not in CLOSED
    )


# -- identification time limit (the periodic task) -------------------------------------------------


async def record_overdue_identifications(ctx: WorkContext, today: date) -> int:
    """Record and announce (``identification.overdue``) each case past its limit, once per case."""
    settings = ctx.settings_as(MonitoringSettings)
    starts = await repository.case_starts(ctx.session, prefix=None, town=None, village=None)
    found = await repository.record_overdue(
        ctx.session,
        deadlines(starts, settings),
        today=today,
        limit_days=settings.identification_limit_days,
        working_days=settings.identification_limit_working_days,
    )
    if found:
        await ctx.audit("identification_overdue", "identification_overdue", None, {"cases": found})
    return found


# -- the pending list ------------------------------------------------------------------------------


def _after(cursor: str | None) -> tuple[date, str, uuid.UUID] | None:
    values = decode_cursor(cursor)
    if values is None:
        return None
    try:
        since, kind, item_id = values
        return date.fromisoformat(since), PendingKind(kind).value, uuid.UUID(item_id)
    except (ValueError, TypeError) as exc:
        raise ValidationFailed("cursor", "分页游标无效", "invalid cursor") from exc


def _item(row: dict[str, Any], divisions: DivisionRegistry) -> PendingItem:
    return PendingItem.model_validate(
        {**row, "village_name": divisions.name(row["village_code"]) or row["village_code"]}
    )


async def pending(
    ctx: RequestContext,
    *,
    town_code: str | None,
    village_code: str | None,
    kind: PendingKind | None,
    cursor: str | None,
    limit: int,
) -> Page[PendingItem]:
    """What waits on the caller's town (village, district), the longest-waiting first."""
    settings = ctx.settings_as(MonitoringSettings)
    today = clock.today()
    scoped = {"prefix": ctx.principal.division_prefix, "town": town_code, "village": village_code}
    starts = await repository.case_starts(ctx.session, **scoped)
    rows = await repository.pending(
        ctx.session,
        deadlines(starts, settings),
        today=today,
        alert_days=settings.pending_alert_days,
        cutoff=long_running_cutoff(settings, today),
        years=settings.long_running_years,
        kind=kind.value if kind else None,
        after=_after(cursor),
        limit=limit + 1,
        **scoped,
    )
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        next_cursor = encode_cursor([last["since"].isoformat(), last["kind"], str(last["item_id"])])
    return Page[PendingItem](items=[_item(r, ctx.component.divisions) for r in rows], next_cursor=next_cursor)


# -- routes of long-running households -------------------------------------------------------------


async def route_of(ctx: RequestContext, household: Household) -> LongRunningRouteOut:
    settings = ctx.settings_as(MonitoringSettings)
    today = clock.today()
    history = await repository.decisions(ctx.session, household.id)
    current = next(
        (d for d in history if d.superseded_at is None and d.included_on == household.included_on), None
    )
    return LongRunningRouteOut(
        household_id=household.id,
        long_running=is_long_running(household, settings, today),
        included_on=household.included_on,
        route=current.route if current else None,
        route_done=current is not None
        and await repository.route_done(ctx.session, household.id, year=today.year),
        version=history[0].sequence if history else 0,
        history=[RouteDecisionOut.model_validate(d) for d in history],
    )


async def decide_route(
    ctx: RequestContext, household: Household, data: RouteDecisionIn
) -> LongRunningRouteOut:
    """Record the route (the household is locked); a new decision supersedes, never erases, the last."""
    history = await repository.decisions(ctx.session, household.id)
    version = history[0].sequence if history else 0
    ctx.require_if_match(version)
    if not is_long_running(household, ctx.settings_as(MonitoringSettings), clock.today()):
        raise NotLongRunning(
            f"农户当前状态为「{household.status.label}」，纳入监测未满规定年限或已结束监测，无需确定处置路径",
            "only a household monitored long_running_years or more, not yet closed, gets a route",
        )
    assert household.included_on is not None  # a long-running household was included
    await repository.supersede(ctx.session, household.id)
    decision = LongRunningDecision(
        household_id=household.id,
        town_code=household.town_code,
        village_code=household.village_code,
        included_on=household.included_on,
        sequence=version + 1,
        route=data.route,
        reason=data.reason,
        decided_by=ctx.principal.subject,
        decided_by_role=ctx.principal.role.value,
    )
    ctx.session.add(decision)
    await ctx.session.flush()
    await ctx.audit(
        "decide_route",
        "household",
        household.id,
        {
            "route": data.route.value,
            "reason": data.reason,
            "sequence": decision.sequence,
            "replaces": history[0].route.value if history else None,
        },
    )
    return await route_of(ctx, household)


# -- the worklist as reports -------------------------------------------------------------------------

ROUTE_DONE_TEXT = {True: "已完成", False: "未完成"}


def _route_label(route: str | None) -> str:
    return LongRunningRoute(route).label if route else RouteFilter.UNROUTED.label


async def worklist_rows(
    session: AsyncSession,
    settings: MonitoringSettings,
    today: date,
    *,
    prefix: str | None,
    town_code: str | None,
    route: RouteFilter | None,
) -> list[dict[str, Any]]:
    """The worklist's households with their route, labelled (also the ``long-running`` report's rows)."""
    rows = await repository.worklist(
        session,
        cutoff=long_running_cutoff(settings, today),
        year=today.year,
        route=route.value if route else None,
        prefix=prefix,
        town=town_code,
        village=None,
    )
    for row in rows:
        row["route_label"] = _route_label(row["route"])
        row["route_done_label"] = ROUTE_DONE_TEXT[row["route_done"]] if row["route"] else "—"
    return rows


HOUSEHOLD_COLUMNS = [
    ("town_name", "乡镇（街道）"),
    ("village_name", "村（社区）"),
    ("head_name", "户主"),
    ("included_on", "纳入日期"),
    ("status_label", "当前状态"),
    ("route_label", "处置路径"),
    ("decided_at", "决定时间"),
    ("route_done_label", "路径落实"),
]


def _name_places(rows: list[dict[str, Any]], divisions: DivisionRegistry) -> None:
    for row in rows:
        row["town_name"] = divisions.name(row["town_code"]) or row["town_code"]
        if "village_code" in row:
            row["village_name"] = divisions.name(row["village_code"]) or row["village_code"]
        if "status" in row:
            row["status_label"] = HouseholdStatus(row["status"]).label


async def households_report(
    ctx: RequestContext, *, town_code: str | None, route: RouteFilter | None
) -> Report:
    settings = ctx.settings_as(MonitoringSettings)
    rows = await worklist_rows(
        ctx.session,
        settings,
        clock.today(),
        prefix=ctx.principal.division_prefix,
        town_code=town_code,
        route=route,
    )
    _name_places(rows, ctx.component.divisions)
    years = settings.long_running_years
    title = f"{years} 年及以上监测对象处置路径（{route.label if route else '全部'}）"
    return Report.of("long-running-households", title, HOUSEHOLD_COLUMNS, rows)


async def progress_report(ctx: RequestContext, *, town_code: str | None) -> Report:
    settings = ctx.settings_as(MonitoringSettings)
    today = clock.today()
    rows = await repository.progress_by_town(
        ctx.session,
        cutoff=long_running_cutoff(settings, today),
        year=today.year,
        prefix=ctx.principal.division_prefix,
        town=town_code,
        village=None,
    )
    _name_places(rows, ctx.component.divisions)
    return Report.of(
        "long-running",
        f"{settings.long_running_years} 年及以上未消除风险监测对象处置进度",
        [
            ("town_name", "乡镇（街道）"),
            ("households", "两年以上监测对象户数"),
            ("eliminate_routed", "风险消除：已确定"),
            ("eliminate_done", "风险消除：已完成"),
            ("safety_net_routed", "兜底保障：已确定"),
            ("safety_net_done", "兜底保障：已完成"),
            ("refine_plan_routed", "完善帮扶计划：已确定"),
            ("refine_plan_done", "完善帮扶计划：已完成"),
            ("unrouted", "未确定路径"),
        ],
        rows,
    )
