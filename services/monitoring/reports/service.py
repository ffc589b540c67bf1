"""Reports for officials: what each one shows, in Chinese, for the caller's territory."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from services.monitoring.households.service import settings_of, years_before
from services.monitoring.models import (
    HOUSEHOLD_KIND_LABELS,
    HOUSEHOLD_STATUS_LABELS,
    RISK_CAUSE_LABELS,
    SUBTYPE_LABELS,
    HouseholdKind,
    HouseholdStatus,
    RiskCause,
    Subtype,
)
from services.monitoring.reports import repository
from services.monitoring.reports.schemas import Column, GroupBy, Report, ReportName
from shared.auth import Role
from shared.context import RequestContext

REPORT_READERS = (
    Role.DISTRICT_ADMIN,
    Role.TOWN_OFFICIAL,
    Role.VILLAGE_CADRE,
    Role.DEPARTMENT_OFFICER,
    Role.AUDITOR,
)

TITLES = {
    ReportName.HOUSEHOLDS: "农户分布统计",
    ReportName.LONG_RUNNING: "两年及以上未消除风险监测对象及处置情况",
    ReportName.LACKING_DEVELOPMENTAL: "有劳动能力但开发式帮扶措施不足的监测户",
    ReportName.IDENTIFICATION_OVERDUE: "识别纳入超时限",
    ReportName.HELPER_COVERAGE: "帮扶责任覆盖与镇党委书记遍访",
    ReportName.HELPER_MISSING: "未明确帮扶责任人的农户",
    ReportName.DATA_QUALITY: "疑点数据",
}

DATA_QUALITY_RULES = {
    1: "纳入监测超过规定天数仍无帮扶措施",
    2: "兜底保障户无兜底保障类措施",
    3: "标注风险消除但最近年度人均纯收入低于监测线",
    4: "登记成员数与家庭人口数不一致",
    5: "脱贫户或监测户未明确帮扶责任人",
    6: "脱贫户或监测户有劳动能力的劳动年龄成员无务工就业记录",
}

GROUP_LABELS: dict[GroupBy, tuple[str, dict[Any, str], type]] = {
    GroupBy.STATUS: ("状态", HOUSEHOLD_STATUS_LABELS, HouseholdStatus),
    GroupBy.SUBTYPE: ("监测对象类型", SUBTYPE_LABELS, Subtype),
    GroupBy.RISK_CAUSE: ("风险类型", RISK_CAUSE_LABELS, RiskCause),
    GroupBy.KIND: ("农户类型", HOUSEHOLD_KIND_LABELS, HouseholdKind),
}

HOUSEHOLD_COLUMNS = [("town_name", "乡镇（街道）"), ("village_name", "村（社区）"), ("head_name", "户主")]


def _label(labels: dict[Any, str], enum: type, value: str | None) -> str:
    return labels[enum(value)] if value else "（未填）"


async def build(ctx: RequestContext, name: ReportName, *, town_code: str | None, group: GroupBy) -> Report:
    ctx.principal.require_role(*REPORT_READERS)
    settings = settings_of(ctx)
    today = date.today()
    scope = {"prefix": ctx.principal.division_prefix, "town": town_code}
    divisions = ctx.component.divisions
    columns: list[tuple[str, str]]
    title = TITLES[name]
    match name:
        case ReportName.HOUSEHOLDS:
            header, labels, enum = GROUP_LABELS[group]
            rows = await repository.households_by(ctx.session, group.value, **scope)
            for row in rows:
                row["group_label"] = _label(labels, enum, row["group_value"])
            columns = [
                ("town_name", "乡镇（街道）"),
                ("group_value", "分组编码"),
                ("group_label", header),
                ("households", "户数"),
            ]
            title = f"{title}（按{header}）"
        case ReportName.LONG_RUNNING:
            rows = await repository.long_running(
                ctx.session,
                years_before(today, settings.long_running_years),
                today.year,
                settings.long_running_years,
                **scope,
            )
            for row in rows:
                row["disposition"] = _disposition(row, today.year)
            columns = [
                *HOUSEHOLD_COLUMNS,
                ("included_on", "纳入日期"),
                ("status_label", "当前状态"),
                ("disposition", "处置情况"),
            ]
        case ReportName.LACKING_DEVELOPMENTAL:
            rows = await repository.lacking_developmental(
                ctx.session,
                years_before(today, settings.working_age_max + 1),
                years_before(today, settings.working_age_min),
                settings.min_developmental_measures,
                **scope,
            )
            columns = [
                *HOUSEHOLD_COLUMNS,
                ("able_bodied", "有劳动能力成员数"),
                ("developmental_measures", "开发式帮扶措施数"),
            ]
        case ReportName.IDENTIFICATION_OVERDUE:
            rows = await repository.identification_overdue(
                ctx.session, today, settings.identification_limit_days, **scope
            )
            columns = [
                *HOUSEHOLD_COLUMNS,
                ("status_label", "状态"),
                ("case_started_on", "首次预警日期"),
                ("included_on", "纳入日期"),
                ("days", "用时（天）"),
            ]
            title = f"{title}（{settings.identification_limit_days} 天）"
        case ReportName.HELPER_COVERAGE:
            rows = await repository.helper_coverage(ctx.session, date(today.year, 1, 1), **scope)
            for row in rows:
                row["coverage"] = f"{row['with_helper'] * 100 / row['households']:.1f}%"
            columns = [
                ("town_name", "乡镇（街道）"),
                ("households", "应明确帮扶责任人户数"),
                ("with_helper", "已明确"),
                ("without_helper", "未明确"),
                ("coverage", "覆盖率"),
                ("secretary_visited", "本年镇党委书记已遍访户数"),
                ("helper_visited", "本年帮扶责任人已走访户数"),
            ]
        case ReportName.HELPER_MISSING:
            rows = await repository.helper_missing(ctx.session, **scope)
            for row in rows:
                row["kind_label"] = HOUSEHOLD_KIND_LABELS[HouseholdKind(row["kind"])]
            columns = [*HOUSEHOLD_COLUMNS, ("kind_label", "农户类型"), ("status_label", "状态")]
        case ReportName.DATA_QUALITY:
            rows = await repository.data_quality(
                ctx.session,
                today,
                settings.measure_grace_days,
                years_before(today, settings.working_age_max + 1),
                years_before(today, settings.working_age_min),
                **scope,
            )
            for row in rows:
                row["rule"] = DATA_QUALITY_RULES[row["rule_no"]]
            columns = [
                ("town_name", "乡镇（街道）"),
                ("rule_no", "规则编号"),
                ("rule", "疑点规则"),
                ("village_name", "村（社区）"),
                ("head_name", "户主"),
            ]
    for row in rows:
        if "town_code" in row:
            row["town_name"] = divisions.name(row["town_code"]) or row["town_code"]
        if "village_code" in row:
            row["village_name"] = divisions.name(row["village_code"]) or row["village_code"]
        if "status" in row:
            row["status_label"] = HOUSEHOLD_STATUS_LABELS[HouseholdStatus(row["status"])]
    return Report(
        name=name,
        title=title,
        generated_at=datetime.now(UTC),
        columns=[Column(key=k, label=label) for k, label in columns],
        rows=rows,
    )


def _disposition(row: dict[str, Any], year: int) -> str:
    if row["status"] == HouseholdStatus.RISK_ELIMINATED:
        return "已标注风险消除"
    if row["status"] == HouseholdStatus.SAFETY_NET:
        return "已标注兜底保障户"
    return f"逐户完善帮扶计划（{year} 年已制定）" if row["has_plan"] else "待处置"
