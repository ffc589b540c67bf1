"""What the assistance forces announce (codes and dates only)."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from shared.events.envelope import EventPayload, EventSpec


class CoverageGapFound(EventPayload):
    village_code: str = Field(description="脱贫村代码（12 位）")
    town_code: str = Field(description="乡镇代码（9 位）")
    requirement: str = Field(
        description="缺少的帮扶力量：leader 示范区领导包抓 / department 部门包扶 / enterprise 企业帮建 / "
        "work_team 驻村工作队"
    )
    gap_from: date = Field(description="缺位开始日期（上一任期结束的次日，或认定为脱贫村之日）")
    found_on: date = Field(description="发现日期")


COVERAGE_GAP_FOUND = EventSpec(
    service="monitoring",
    aggregate="village",
    name="coverage_gap_found",
    payload=CoverageGapFound,
    summary="脱贫村帮扶力量缺位（每次缺位一次）/ a 脱贫村 without a leader, unit or team (once per gap)",
)

PUBLISHED = [COVERAGE_GAP_FOUND]
