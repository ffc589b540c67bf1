"""Per-site figures of relocation follow-up (JSON or XLSX)."""

from __future__ import annotations

from datetime import date

from services.monitoring.relocation import repository
from services.monitoring.settings import MonitoringSettings
from shared.context import RequestContext
from shared.reports import Report


def _share(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}%" if whole else ""


async def site_figures(ctx: RequestContext, day: date, town_code: str | None) -> Report:
    settings = ctx.settings_as(MonitoringSettings)
    rows = await repository.site_figures(
        ctx.session,
        day,
        settings.working_age_min,
        settings.working_age_max,
        prefix=ctx.principal.division_prefix,
        town=town_code,
    )
    divisions = ctx.component.divisions
    return Report.of(
        "relocation-sites",
        f"易地搬迁安置点后续扶持情况（{day.isoformat()}）",
        [
            ("town_name", "乡镇"),
            ("village_name", "所在村（社区）"),
            ("name", "安置点"),
            ("planned_households", "规划户数"),
            ("households", "已入住搬迁户"),
            ("labour", "劳动年龄有劳动能力人数"),
            ("employed", "有务工登记人数"),
            ("employment_share", "务工登记占比"),
            ("running_measures", "在实施后续扶持措施"),
            ("with_site_measure", "安置点措施覆盖户数"),
            ("with_any_measure", "有帮扶措施户数"),
        ],
        [
            {
                **{k: v for k, v in r.items() if k != "site_id"},
                "site_id": str(r["site_id"]),
                "town_name": divisions.name(r["town_code"]) or r["town_code"],
                "village_name": divisions.name(r["village_code"]) or r["village_code"],
                "employment_share": _share(r["employed"], r["labour"]),
            }
            for r in rows
        ],
    )
