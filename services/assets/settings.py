from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from pydantic import Field

from shared.settings import ServiceSettings


class AssetsSettings(ServiceSettings):
    """帮扶项目资产 — settings (env: XIANJIE_ASSETS_* then XIANJIE_*).

    The seed (§四(十二)) names the idle-asset work (盘活低效闲置资产) but no thresholds; the values
    below are common practice and meant to be set by the district.
    """

    component: ClassVar[str] = "assets"
    port: int = 8004

    # 低效闲置: an operating asset with no revenue in this many whole months is flagged …
    idle_months_without_revenue: int = Field(default=6, ge=1, le=60)
    # … and one whose average utilisation over the last months is below the threshold.
    low_utilisation_threshold: Decimal = Field(default=Decimal("0.5"), gt=0, le=1)
    utilisation_window_months: int = Field(default=3, ge=1, le=24)
    # A photovoltaic station's utilisation is its generation against this yield (kWh per kW per
    # year; roughly what central-plain stations reach), so low output counts as low utilisation.
    pv_expected_kwh_per_kw_year: Decimal = Field(default=Decimal("1100"), gt=0)

    # 低效闲置 screening also runs by itself over the whole district every this many seconds (daily by
    # default; 0 turns the periodic screening off — screenings then run on request only).
    idle_screening_interval_seconds: float = Field(default=86400, ge=0)

    # --- ledger consolidation, distributions, value and use (issue 13) ---
    # 存量台账导入: rows per file (practice: a town's ledger is a few thousand lines).
    ledger_import_max_rows: int = Field(default=5000, ge=1, le=100_000)
    # 公益性资产 whose use status is idle or damaged for this many whole months is flagged by the
    # idle screening (rule not_in_use; practice, the seed names 盘活低效闲置资产 without a period).
    not_in_use_months: int = Field(default=3, ge=0, le=60)
