from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import ClassVar

from pydantic import Field

from shared.settings import ServiceSettings


class EmploymentSettings(ServiceSettings):
    """稳岗就业 — settings (env: XIANJIE_EMPLOYMENT_* then XIANJIE_*)."""

    component: ClassVar[str] = "employment"
    needs_id_number_match: ClassVar[bool] = True  # issue 13: the national work file is keyed by ID number
    port: int = 8002
    # Monthly update files of a whole district run to megabytes (100 000 rows ≈ 10 MB as CSV).
    max_body_bytes: int = Field(default=32 * 1024 * 1024, ge=1024)

    # 脱贫劳动力务工就业规模稳定在 2155 人以上 (2025 work plan): below it the floor is breached.
    employment_floor: int = Field(default=2155, ge=0)
    # (practice) Early warning: at or above the floor but fewer than floor + margin employed.
    floor_warning_margin: int = Field(default=100, ge=0)
    # How soon a change of state is announced: the counts the commits recorded are walked this often.
    floor_announce_interval_seconds: float = Field(default=1.0, gt=0)
    # The count at today changes at midnight too (a spell's last day passes): re-check this often.
    floor_check_interval_seconds: float = Field(default=3600, gt=0)
    # 务工数据动态采集更新 (practice: monthly): records not verified for longer are stale.
    stale_after_days: int = Field(default=31, ge=1)
    # 保持乡村公益性岗位规模总体稳定 (practice): headcount within ±5 % of 1 January counts as stable.
    post_stability_tolerance_percent: int = Field(default=5, ge=0, le=100)
    # Rows of one bulk update file (a district's workforce fits many times over).
    bulk_update_max_rows: int = Field(default=200_000, ge=1)
    # Departments whose systems (integrator accounts) push and sync worker data: HR (人社).
    hr_departments: list[str] = Field(default_factory=lambda: ["人社局"])

    # --- subsidy reversals, tax incentives, wage history, post allowances (issue 13) ---
    # 财政部 税务总局 人社部 农业农村部公告2023年第15号: 脱贫人口从事个体经营，每户每年 20000 元为限额
    # 扣减税费 (provinces may raise it by up to 20 %): the 税收优惠 recorded per worker and year.
    tax_incentive_yearly_cap: Decimal = Field(default=Decimal("20000.00"), gt=0)
    # 《就业促进法》第五十二条 (就业困难人员: 连续失业一定时间仍未能实现就业); one year is the usual
    # provincial reading: without a main job this many months before taking a public-welfare post.
    post_hard_to_employ_months: int = Field(default=12, ge=1)
    # Seed §二(四): 积极申报第三批省级乡村工匠名师 — the batch a provincial nomination belongs to.
    provincial_master_batch: int = Field(default=3, ge=1)

    # --- national-system work data (issue 13) ---
    # The monthly work file's column layout (practice: the template the district receives from the
    # national system); empty: services/employment/national_work_layout.yaml.
    national_work_layout_file: Path | None = None
