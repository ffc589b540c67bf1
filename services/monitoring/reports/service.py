"""Reports for officials: what each one shows, in Chinese, for the caller's territory.

Every report is one entry of :data:`REPORTS`: the query that fetches its rows (with what the rows
gain in Python), its columns and its title. Division names and status labels are added to every
row the same way afterwards.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.monitoring.dates import age_on, years_before
from services.monitoring.models import (
    HouseholdKind,
    HouseholdStatus,
    LabourCapacity,
    LongRunningRoute,
    RiskCause,
    Subtype,
)
from services.monitoring.reports import repository
from services.monitoring.reports.schemas import GroupBy, ReportName
from services.monitoring.settings import MonitoringSettings
from services.monitoring.worklists import service as worklists
from shared import clock
from shared.context import RequestContext
from shared.divisions import DivisionRegistry
from shared.errors import ValidationFailed
from shared.labels import LabelledEnum
from shared.reports import Report

Rows = list[dict[str, Any]]
Columns = list[tuple[str, str]]

DATA_QUALITY_RULES = {
    1: "纳入监测超过规定天数仍无帮扶措施",
    2: "兜底保障户无在落实的低保或特困供养措施",
    3: "标注风险消除但最近年度人均纯收入低于监测线",
    4: "登记成员数与家庭人口数不一致",
    5: "脱贫户或监测户未明确帮扶责任人",
    6: "脱贫户或监测户有劳动能力的劳动年龄成员无务工就业记录",
}
# The enum whose values the households report groups by.
GROUPED: dict[GroupBy, type[LabelledEnum]] = {
    GroupBy.STATUS: HouseholdStatus,
    GroupBy.SUBTYPE: Subtype,
    GroupBy.RISK_CAUSE: RiskCause,
    GroupBy.KIND: HouseholdKind,
}
NOT_FILLED = "（未填）"
HOUSEHOLD_COLUMNS = [("town_name", "乡镇（街道）"), ("village_name", "村（社区）"), ("head_name", "户主")]


@dataclass(frozen=True)
class ReportRun:
    """One report asked for: where it reads, for whom (``scope``), on which day, grouped how."""

    name: ReportName
    session: AsyncSession
    settings: MonitoringSettings
    today: date
    scope: dict[str, str | None]
    group: GroupBy
    as_of: date | None = None  # the households report counts on this day (default today)

    @property
    def working_age_births(self) -> tuple[date, date]:
        """Born after the first, by the second: aged 16–59 today (by default)."""
        return (
            years_before(self.today, self.settings.working_age_max + 1),
            years_before(self.today, self.settings.working_age_min),
        )


def group_label(group: GroupBy, value: str | None) -> str:
    return GROUPED[group](value).label if value else NOT_FILLED


def disposition(route: str | None, route_done: bool) -> str:
    """处置情况 of a long-running case: its route (seed §一(一)) and whether it is carried out."""
    if route is None:
        return "待处置"
    return f"{LongRunningRoute(route).label}（{'已完成' if route_done else '未完成'}）"


def coverage(with_helper: int, households: int) -> str:
    return f"{with_helper * 100 / households:.1f}%"


async def _households(run: ReportRun) -> Rows:
    rows = await repository.households_by(run.session, run.group.value, run.as_of or run.today, **run.scope)
    for row in rows:
        row["group_label"] = group_label(run.group, row["group_value"])
    return rows


async def _long_running(run: ReportRun) -> Rows:
    """The worklist of households monitored ``long_running_years`` or more (worklists.service)."""
    rows = await worklists.worklist_rows(
        run.session,
        run.settings,
        run.today,
        prefix=run.scope["prefix"],
        town_code=run.scope["town"],
        route=None,
    )
    for row in rows:
        row["disposition"] = disposition(row["route"], row["route_done"])
    return rows


def identity(lifted_out: bool, monitored: bool) -> str:
    """Why a person is owed developmental measures: 脱贫人口 (whether monitored or not), 监测对象."""
    if lifted_out:
        return "脱贫人口（监测对象）" if monitored else "脱贫人口"
    return "监测对象家庭成员"


async def _lacking_developmental(run: ReportRun) -> Rows:
    born_after, born_by = run.working_age_births
    rows = await repository.lacking_developmental(
        run.session, run.today, born_after, born_by, run.settings.min_developmental_measures, **run.scope
    )
    for row in rows:
        if row["row_type"] == "village_total":
            row["member_name"] = "（本村小计）"
            continue
        row["age"] = age_on(row.pop("birth_date"), run.today)
        row["labour_label"] = LabourCapacity(row["labour"]).label
        row["identity"] = identity(row["lifted_out"], row["monitored"])
    return rows


async def _identification_overdue(run: ReportRun) -> Rows:
    """Cases over the identification limit, open or included late, counted as the settings say."""
    starts = await repository.identification_case_starts(run.session, **run.scope)
    return await repository.identification_overdue(
        run.session, run.today, worklists.deadlines(starts, run.settings), **run.scope
    )


def _limit_text(settings: MonitoringSettings) -> str:
    unit = "个工作日" if settings.identification_limit_working_days else " 天"
    return f"{settings.identification_limit_days}{unit}"


async def _helper_coverage(run: ReportRun) -> Rows:
    rows = await repository.helper_coverage(run.session, date(run.today.year, 1, 1), **run.scope)
    for row in rows:
        row["coverage"] = coverage(row["with_helper"], row["households"])
    return rows


async def _helper_missing(run: ReportRun) -> Rows:
    rows = await repository.helper_missing(run.session, **run.scope)
    for row in rows:
        row["kind_label"] = HouseholdKind(row["kind"]).label
    return rows


async def _data_quality(run: ReportRun) -> Rows:
    born_after, born_by = run.working_age_births
    rows = await repository.data_quality(
        run.session, run.today, run.settings.measure_grace_days, born_after, born_by, **run.scope
    )
    for row in rows:
        row["rule"] = DATA_QUALITY_RULES[row["rule_no"]]
    return rows


BEIJING = timezone(timedelta(hours=8))


def awareness_rate(known: int, explained: int) -> str:
    """知晓率 = known / explained, one decimal of a per cent."""
    return f"{known * 100 / explained:.1f}%" if explained else "—"


async def _policy_awareness(run: ReportRun) -> Rows:
    # The year as Jiyuan counts it: from 1 January 00:00 Beijing time (UTC+8, no daylight saving).
    year_start = datetime(run.today.year, 1, 1, tzinfo=BEIJING)
    rows = await repository.policy_awareness(run.session, year_start, **run.scope)
    for row in rows:
        row["level"] = "村" if row["village_code"] else ("镇合计" if row["town_code"] else "合计")
        row["rate"] = awareness_rate(row["known"], row["explained"])
    return rows


def _fixed(*columns: tuple[str, str]) -> Callable[[ReportRun], Columns]:
    return lambda _run: list(columns)


def _titled(run: ReportRun) -> str:
    return run.name.label


@dataclass(frozen=True)
class ReportDefinition:
    rows: Callable[[ReportRun], Awaitable[Rows]]
    columns: Callable[[ReportRun], Columns]
    title: Callable[[ReportRun], str] = _titled


REPORTS = {
    ReportName.HOUSEHOLDS: ReportDefinition(
        _households,
        lambda run: [
            ("town_name", "乡镇（街道）"),
            ("group_value", "分组编码"),
            ("group_label", run.group.label),
            ("households", "户数"),
            ("members", "人数"),
        ],
        title=lambda run: (
            f"{run.name.label}（按{run.group.label}" + (f"，{run.as_of.isoformat()}）" if run.as_of else "）")
        ),
    ),
    ReportName.LONG_RUNNING: ReportDefinition(
        _long_running,
        _fixed(
            *HOUSEHOLD_COLUMNS,
            ("included_on", "纳入日期"),
            ("status_label", "当前状态"),
            ("disposition", "处置路径"),
            ("decided_at", "决定时间"),
        ),
    ),
    ReportName.LACKING_DEVELOPMENTAL: ReportDefinition(
        _lacking_developmental,
        _fixed(
            *HOUSEHOLD_COLUMNS,
            ("member_name", "姓名"),
            ("age", "年龄"),
            ("labour_label", "劳动能力"),
            ("identity", "身份"),
            ("developmental_measures", "当前开发式帮扶措施数"),
            ("people", "本村应落实人数"),
            ("lacking", "本村措施不足人数"),
        ),
        title=lambda run: f"{run.name.label}（少于 {run.settings.min_developmental_measures} 项）",
    ),
    ReportName.IDENTIFICATION_OVERDUE: ReportDefinition(
        _identification_overdue,
        _fixed(
            *HOUSEHOLD_COLUMNS,
            ("status_label", "状态"),
            ("case_started_on", "首次预警日期"),
            ("deadline", "时限截止日"),
            ("included_on", "纳入日期"),
            ("days", "用时（天）"),
            ("days_over", "超出（天）"),
        ),
        title=lambda run: f"{run.name.label}（{_limit_text(run.settings)}）",
    ),
    ReportName.HELPER_COVERAGE: ReportDefinition(
        _helper_coverage,
        _fixed(
            ("town_name", "乡镇（街道）"),
            ("households", "应明确帮扶责任人户数"),
            ("with_helper", "已明确"),
            ("without_helper", "未明确"),
            ("coverage", "覆盖率"),
            ("secretary_visited", "本年镇党委书记已遍访户数"),
            ("helper_visited", "本年帮扶责任人已走访户数"),
        ),
    ),
    ReportName.HELPER_MISSING: ReportDefinition(
        _helper_missing,
        _fixed(*HOUSEHOLD_COLUMNS, ("kind_label", "农户类型"), ("status_label", "状态")),
    ),
    ReportName.DATA_QUALITY: ReportDefinition(
        _data_quality,
        _fixed(
            ("town_name", "乡镇（街道）"),
            ("rule_no", "规则编号"),
            ("rule", "疑点规则"),
            ("village_name", "村（社区）"),
            ("head_name", "户主"),
        ),
    ),
    ReportName.POLICY_AWARENESS: ReportDefinition(
        _policy_awareness,
        _fixed(
            ("level", "层级"),
            ("town_name", "乡镇（街道）"),
            ("village_name", "村（社区）"),
            ("households", "讲解户数"),
            ("explained", "讲解政策项次"),
            ("known", "讲解前已知晓项次"),
            ("rate", "知晓率"),
        ),
        title=lambda run: f"{run.name.label}（{run.today.year} 年）",
    ),
}


def name_places(rows: Rows, divisions: DivisionRegistry) -> None:
    """Division names and status labels beside the codes, in every report that has them."""
    for row in rows:
        if "town_code" in row:
            row["town_name"] = divisions.name(row["town_code"]) or row["town_code"]
        if "village_code" in row:
            row["village_name"] = divisions.name(row["village_code"]) or row["village_code"]
        if "status" in row:
            row["status_label"] = HouseholdStatus(row["status"]).label


async def build(
    ctx: RequestContext, name: ReportName, *, town_code: str | None, group: GroupBy, as_of: date | None = None
) -> Report:
    if as_of is not None and as_of > clock.today():
        raise ValidationFailed("as_of", "统计日期不能晚于今天", "as_of is in the future")
    run = ReportRun(
        name=name,
        session=ctx.session,
        settings=ctx.settings_as(MonitoringSettings),
        today=clock.today(),
        scope={"prefix": ctx.principal.division_prefix, "town": town_code},
        group=group,
        as_of=as_of,
    )
    definition = REPORTS[name]
    rows = await definition.rows(run)
    name_places(rows, ctx.component.divisions)
    return Report.of(name, definition.title(run), definition.columns(run), rows)
