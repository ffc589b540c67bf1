"""饮水安全 (seed §一(二)): household water checks from visits, and the registry of water sites.

``Household.water_safe`` is the latest check's finding, so screening's "饮水不安全" line follows the
visits. Sites come from the district's list (CSV/XLSX, one report line per row), matched on their
code so a re-import changes only what changed; a site's funds project must be an approved project of
funds (projected from its ``project.approved`` events, ADR 0005) in the site's town.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, cast

from sqlalchemy import Table
from sqlalchemy.dialects.postgresql import insert

from services.monitoring.models import (
    Household,
    ProjectedFundsProject,
    WaterCheck,
    WaterSite,
    WaterSiteStatus,
)
from services.monitoring.settings import MonitoringSettings
from services.monitoring.water import repository
from services.monitoring.water.events import PROJECT_APPROVED, UNSAFE_WATER_FOUND, UnsafeWaterFound
from services.monitoring.water.schemas import SiteProgressIn, WaterCheckIn, WaterSiteIn
from shared import clock
from shared.context import RequestContext
from shared.errors import ValidationFailed
from shared.events.consumer import EventContext
from shared.projections import UnknownReference
from shared.reports import Report
from shared.tabular import ImportReport, RowProblem, RowResult, read_rows

PROJECTED_FUNDS_PROJECTS = cast(Table, ProjectedFundsProject.__table__)
FUNDS = "funds"


async def on_project_approved(ctx: EventContext) -> None:
    """funds: project.approved → the project a water site may name. Only this table is written (a
    rebuild replays this); an older announcement never replaces a newer one."""
    project = ctx.read(PROJECT_APPROVED)
    row = insert(PROJECTED_FUNDS_PROJECTS).values(
        project_id=project.project_id,
        town_code=project.town_code,
        village_code=project.village_code,
        category=project.category,
        year=project.year,
        announced_at=ctx.event.time,
    )
    await ctx.session.execute(
        row.on_conflict_do_update(
            index_elements=[PROJECTED_FUNDS_PROJECTS.c.project_id],
            set_={
                n: row.excluded[n] for n in ("town_code", "village_code", "category", "year", "announced_at")
            },
            where=PROJECTED_FUNDS_PROJECTS.c.announced_at < row.excluded.announced_at,
        )
    )


# --- household water checks ---


async def record_check(
    ctx: RequestContext, household: Household, data: WaterCheckIn, *, origin_ref: str | None = None
) -> WaterCheck:
    """Record a check (``household`` locked by the caller); the latest one sets ``water_safe``."""
    if data.checked_on > clock.today():
        raise ValidationFailed("body.checked_on", "核查日期不能晚于今天", "checked_on is in the future")
    if not data.safe and not data.finding.strip():
        raise ValidationFailed("body.finding", "饮水不安全须写明原因", "an unsafe finding needs its reason")
    previous = await repository.latest_check(ctx.session, household.id)
    check = WaterCheck(
        household_id=household.id,
        town_code=household.town_code,
        village_code=household.village_code,
        checked_on=data.checked_on,
        safe=data.safe,
        finding=data.finding.strip(),
        recorded_by=ctx.principal.subject,
        origin_ref=origin_ref,
    )
    ctx.session.add(check)
    await ctx.session.flush()
    await ctx.audit("create", "water_check", check.id, data.model_dump())
    if previous is None or data.checked_on > previous.checked_on:
        was_safe = household.water_safe
        household.water_safe = data.safe
        await ctx.session.flush()
        if was_safe and not data.safe:
            await ctx.publish(
                UNSAFE_WATER_FOUND,
                household.id,
                UnsafeWaterFound(
                    household_id=household.id,
                    town_code=household.town_code,
                    village_code=household.village_code,
                    check_id=check.id,
                    checked_on=data.checked_on,
                ),
            )
    return check


# --- water sites ---

SITE_HEADERS = {
    "code": "点位编号",
    "name": "点位名称",
    "works": "供水工程",
    "town_code": "乡镇代码",
    "village_code": "村代码",
    "year": "年度",
    "status": "状态",
    "completed_on": "完工日期",
    "funds_project_id": "资金项目编号",
    "demo": "演示数据",
}
_STATUS_BY_TEXT = {**{s.value: s for s in WaterSiteStatus}, **{s.label: s for s in WaterSiteStatus}}


class RowRefused(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class SiteRow:
    code: str
    name: str
    works: str
    town_code: str
    village_code: str
    year: int
    status: WaterSiteStatus
    completed_on: date | None
    funds_project_id: uuid.UUID | None
    demo: bool

    def values(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in SITE_HEADERS if k != "code"}


def _required(values: dict[str, str], key: str, max_length: int) -> str:
    value = values.get(SITE_HEADERS[key], "")
    if not value:
        raise RowRefused(SITE_HEADERS[key], "必填")
    if len(value) > max_length:
        raise RowRefused(SITE_HEADERS[key], f"不超过 {max_length} 个字")
    return value


def _date(values: dict[str, str], key: str) -> date | None:
    text = values.get(SITE_HEADERS[key], "")
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise RowRefused(SITE_HEADERS[key], "日期格式应为 YYYY-MM-DD") from None


def site_row(ctx: RequestContext, values: dict[str, str]) -> SiteRow:
    """One file row checked on its own (place, territory, status and date); projects come later."""
    divisions = ctx.component.divisions
    town_code = _required(values, "town_code", 9)
    village_code = _required(values, "village_code", 12)
    try:
        divisions.require_town(town_code)
        divisions.require_village(village_code, town_code)
    except ValidationFailed as exc:
        raise RowRefused(SITE_HEADERS["village_code"], exc.detail_zh or "区划代码有误") from None
    if not ctx.principal.covers(village_code):
        raise RowRefused(SITE_HEADERS["village_code"], "不在您的数据范围内")
    year_text = _required(values, "year", 4)
    if not year_text.isdigit() or not 2000 <= int(year_text) <= 2100:
        raise RowRefused(SITE_HEADERS["year"], "年度应为 2000–2100 的整数")
    status = _STATUS_BY_TEXT.get(_required(values, "status", 20))
    if status is None:
        raise RowRefused(SITE_HEADERS["status"], "状态应为 未开工 / 在建 / 已完工")
    completed_on = _date(values, "completed_on")
    if (status is WaterSiteStatus.COMPLETED) != (completed_on is not None):
        raise RowRefused(SITE_HEADERS["completed_on"], "已完工的点位须填完工日期，其他状态不填")
    if completed_on is not None and completed_on > clock.today():
        raise RowRefused(SITE_HEADERS["completed_on"], "完工日期不能晚于今天")
    project_text = values.get(SITE_HEADERS["funds_project_id"], "")
    try:
        project_id = uuid.UUID(project_text) if project_text else None
    except ValueError:
        raise RowRefused(SITE_HEADERS["funds_project_id"], "资金项目编号格式有误") from None
    return SiteRow(
        code=_required(values, "code", 40),
        name=_required(values, "name", 200),
        works=_required(values, "works", 200),
        town_code=town_code,
        village_code=village_code,
        year=int(year_text),
        status=status,
        completed_on=completed_on,
        funds_project_id=project_id,
        demo=values.get(SITE_HEADERS["demo"], "").lower() in ("是", "true", "1", "yes"),
    )


def project_problem(ctx: RequestContext, project: ProjectedFundsProject | None, town_code: str) -> str | None:
    """Why a site may not name this project (the same words for unknown and out of scope)."""
    if project is None or not ctx.principal.covers(project.village_code or project.town_code):
        return UnknownReference.title_zh
    if project.town_code != town_code:
        return "资金项目不属于该点位所在乡镇"
    return None


async def import_sites(ctx: RequestContext, content: bytes, filename: str) -> ImportReport:
    """Create or update sites from the district's list; a bad row never blocks the good ones."""
    parsed: dict[int, SiteRow] = {}
    refused: dict[int, RowResult] = {}
    first_row_of: dict[str, int] = {}
    max_rows = ctx.settings_as(MonitoringSettings).import_max_rows
    for row in read_rows(content, filename, max_rows=max_rows):
        try:
            site = site_row(ctx, row.values)
            if site.code in first_row_of:
                raise RowRefused(SITE_HEADERS["code"], f"与第 {first_row_of[site.code]} 行重复")
        except RowRefused as exc:
            problem = RowProblem(field=exc.field, message=exc.message)
            refused[row.number] = RowResult(row=row.number, status="refused", problems=[problem])
            continue
        first_row_of[site.code] = row.number
        parsed[row.number] = site
    existing = await repository.sites_by_code(ctx.session, [s.code for s in parsed.values()])
    report = ImportReport()
    for number in sorted([*parsed, *refused]):
        if number in refused:
            report.add(refused[number])
            continue
        result = await _apply_site_row(ctx, number, parsed[number], existing.get(parsed[number].code))
        report.add(result, keep_all=True)
    await ctx.session.flush()
    await ctx.audit(
        "import",
        "water_site",
        None,
        {
            "file": filename,
            "accepted": report.accepted,
            "unchanged": report.unchanged,
            "refused": report.refused,
        },
    )
    return report


async def _apply_site_row(
    ctx: RequestContext, number: int, row: SiteRow, site: WaterSite | None
) -> RowResult:
    if site is not None and not ctx.principal.covers(site.village_code):
        # Another town's site under this code: refused without telling where it is.
        problem = RowProblem(field=SITE_HEADERS["code"], message="该点位编号已登记")
        return RowResult(row=number, status="refused", problems=[problem])
    if row.funds_project_id is not None:
        project = await ctx.session.get(ProjectedFundsProject, row.funds_project_id)
        if (message := project_problem(ctx, project, row.town_code)) is not None:
            if project is None and await ctx.component.lagging(FUNDS):
                message = "资金项目尚未同步到本系统，请稍后重新导入"
            problem = RowProblem(field=SITE_HEADERS["funds_project_id"], message=message)
            return RowResult(row=number, status="refused", problems=[problem])
    values = row.values()
    if site is None:
        site = WaterSite(code=row.code, **values)
        ctx.session.add(site)
        await ctx.session.flush()
        return RowResult(row=number, status="accepted", id=str(site.id))
    if all(getattr(site, k) == v for k, v in values.items()):
        return RowResult(row=number, status="unchanged", id=str(site.id))
    for key, value in values.items():
        setattr(site, key, value)
    await ctx.session.flush()
    return RowResult(row=number, status="accepted", id=str(site.id))


async def create_site(ctx: RequestContext, data: WaterSiteIn) -> WaterSite:
    """One site (the file import's rules, answered as errors on the body's fields)."""
    values = {SITE_HEADERS[k]: "" if v is None else str(v) for k, v in data.model_dump(mode="json").items()}
    values[SITE_HEADERS["status"]] = data.status.value
    values[SITE_HEADERS["demo"]] = "是" if data.demo else "否"
    try:
        row = site_row(ctx, values)
    except RowRefused as exc:
        key = next(k for k, header in SITE_HEADERS.items() if header == exc.field)
        raise ValidationFailed(f"body.{key}", exc.message, "invalid site") from None
    if row.funds_project_id is not None:
        project = await ctx.require_reference(
            await ctx.session.get(ProjectedFundsProject, row.funds_project_id),
            field="body.funds_project_id",
            source=FUNDS,
            place=lambda p: p.village_code or p.town_code,
        )
        if project.town_code != row.town_code:
            raise ValidationFailed(
                "body.funds_project_id", "资金项目不属于该点位所在乡镇", "the project is another town's"
            )
    site = WaterSite(code=row.code, **row.values())
    ctx.session.add(site)
    await ctx.session.flush()
    await ctx.audit("create", "water_site", site.id, data.model_dump())
    return site


async def record_progress(ctx: RequestContext, site: WaterSite, data: SiteProgressIn) -> WaterSite:
    ctx.require_if_match(site.version)
    if (data.status is WaterSiteStatus.COMPLETED) != (data.completed_on is not None):
        raise ValidationFailed(
            "body.completed_on", "已完工须填完工日期，其他状态不填", "completed_on goes with completed only"
        )
    if data.completed_on is not None and data.completed_on > clock.today():
        raise ValidationFailed("body.completed_on", "完工日期不能晚于今天", "completed_on is in the future")
    site.status = data.status
    site.completed_on = data.completed_on
    await ctx.session.flush()
    await ctx.audit("update", "water_site", site.id, data.model_dump())
    return site


def _rate(part: int, whole: int) -> str:
    if whole == 0:
        return "—"
    return f"{(Decimal(part) * 100 / whole).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


async def progress_report(
    ctx: RequestContext, *, as_of: date, town_code: str | None, year: int | None
) -> Report:
    prefix = ctx.principal.division_prefix
    if town_code:
        prefix = town_code if prefix is None or town_code.startswith(prefix) else "-"
    rows: list[dict[str, Any]] = await repository.progress(ctx.session, as_of=as_of, prefix=prefix, year=year)
    for row in rows:
        row["town_name"] = ctx.component.divisions.name(str(row["town_code"])) or ""
        row["completion_rate"] = _rate(int(row["completed"]), int(row["sites"]))
    if rows:
        total = {
            k: sum(int(r[k]) for r in rows)
            for k in ("sites", "villages", "completed", "under_construction", "planned")
        }
        rows.append(
            {
                "town_code": "",
                "town_name": "合计",
                **total,
                "completion_rate": _rate(total["completed"], total["sites"]),
            }
        )
    return Report.of(
        "water-sites-progress",
        f"农村供水工程点位进度（截至 {as_of.isoformat()}）",
        [
            ("town_code", "乡镇代码"),
            ("town_name", "乡镇"),
            ("villages", "涉及村数"),
            ("sites", "点位数"),
            ("completed", "已完工"),
            ("under_construction", "在建"),
            ("planned", "未开工"),
            ("completion_rate", "完工率"),
        ],
        rows,
    )
