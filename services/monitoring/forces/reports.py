"""Reports of the assistance forces (JSON or XLSX through ``shared.reports``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from services.monitoring.forces import repository
from services.monitoring.forces.service import LABELS, required_kinds
from shared.context import RequestContext
from shared.reports import Report


def _scope(ctx: RequestContext, town_code: str | None) -> dict[str, Any]:
    return {"prefix": ctx.principal.division_prefix, "town": town_code}


def _name(ctx: RequestContext, code: str) -> str:
    return ctx.component.divisions.name(code) or code


async def coverage(ctx: RequestContext, day: date, town_code: str | None) -> Report:
    rows = await repository.coverage(ctx.session, day, required=required_kinds(ctx), **_scope(ctx, town_code))
    return Report.of(
        "forces-coverage",
        f"脱贫村帮扶力量覆盖（{day.isoformat()}）",
        [
            ("town_code", "乡镇代码"),
            ("town_name", "乡镇"),
            ("village_code", "村代码"),
            ("village_name", "村"),
            ("leader", "示范区领导包抓"),
            ("department", "部门包扶"),
            ("enterprise", "企业帮建"),
            ("work_team", "驻村工作队派出单位"),
            ("first_secretary", "第一书记"),
            ("missing", "缺位"),
            ("need_helper", "脱贫户和监测户（当前）"),
            ("without_helper", "未明确帮扶责任人（当前）"),
        ],
        [
            {
                **r,
                "town_name": _name(ctx, r["town_code"]),
                "village_name": _name(ctx, r["village_code"]),
                "missing": "、".join(LABELS[m] for m in r["missing"]),
            }
            for r in rows
        ],
    )


async def gaps(ctx: RequestContext, day: date, town_code: str | None) -> Report:
    rows = await repository.gaps(ctx.session, day, required=required_kinds(ctx), **_scope(ctx, town_code))
    return Report.of(
        "forces-gaps",
        f"脱贫村帮扶力量缺位清单（{day.isoformat()}）",
        [
            ("town_code", "乡镇代码"),
            ("town_name", "乡镇"),
            ("village_code", "村代码"),
            ("village_name", "村"),
            ("requirement", "缺位类型代码"),
            ("requirement_label", "缺位"),
            ("gap_from", "缺位起始日"),
        ],
        [
            {
                **r,
                "town_name": _name(ctx, r["town_code"]),
                "village_name": _name(ctx, r["village_code"]),
                "requirement_label": LABELS[r["requirement"]],
                "gap_from": r["gap_from"].isoformat(),
            }
            for r in rows
        ],
    )


async def team_activity(ctx: RequestContext, year: int, town_code: str | None) -> Report:
    rows = await repository.team_activity(
        ctx.session, date(year, 1, 1), date(year, 12, 31), **_scope(ctx, town_code)
    )
    return Report.of(
        "team-activity",
        f"{year} 年驻村工作队工作情况",
        [
            ("town_name", "乡镇"),
            ("village_code", "村代码"),
            ("village_name", "村"),
            ("sending_unit", "派出单位"),
            ("valid_from", "任期开始"),
            ("valid_to", "任期结束"),
            ("first_secretary", "第一书记"),
            ("members", "队员人次"),
            ("visits", "昼访夜谈次数"),
            ("households_visited", "走访户数"),
            ("trainings", "培训人次"),
            ("training_hours", "培训学时"),
        ],
        [
            {
                **{k: v for k, v in r.items() if k != "team_id"},
                "team_id": str(r["team_id"]),
                "town_name": _name(ctx, r["town_code"]),
                "village_name": _name(ctx, r["village_code"]),
                "valid_from": r["valid_from"].isoformat(),
                "valid_to": r["valid_to"].isoformat() if r["valid_to"] else "",
                "training_hours": f"{r['training_hours']:.1f}",
            }
            for r in rows
        ],
    )


async def consumption(ctx: RequestContext, year: int, town_code: str | None) -> Report:
    rows = await repository.consumption(
        ctx.session, date(year, 1, 1), date(year, 12, 31), **_scope(ctx, town_code)
    )
    return Report.of(
        "consumption",
        f"{year} 年消费帮扶（按采购单位）",
        [
            ("purchasing_unit", "采购单位"),
            ("purchases", "采购笔数"),
            ("villages", "涉及村数"),
            ("amount", "金额（元）"),
        ],
        [{**r, "amount": f"{r['amount']:.2f}"} for r in rows],
    )
