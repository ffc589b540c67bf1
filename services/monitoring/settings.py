from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from pydantic import Field, model_validator

from shared.settings import Environment, ServiceSettings

DEV_ID_NUMBER_KEY = "dev-only-id-number-key"  # refused in production below


class MonitoringSettings(ServiceSettings):
    """防返贫监测帮扶 — settings (env: XIANJIE_MONITORING_* then XIANJIE_*)."""

    component: ClassVar[str] = "monitoring"
    port: int = 8001
    # Town ledgers of 100k+ rows arrive as one upload (the gateway lets 64 MiB through).
    max_body_bytes: int = Field(default=32 * 1024 * 1024, ge=1024)

    # Keys the ID-number hash (uniqueness, matching) and encryption (display to roles that need it).
    id_number_key: str = Field(default=DEV_ID_NUMBER_KEY, min_length=16, repr=False)
    # 公示异议期 (practice: 5 days).
    objection_window_days: int = Field(default=5, ge=1, le=60)
    # 识别纳入时限: first alert to inclusion (practice: 15 days; some provinces 20 working days).
    identification_limit_days: int = Field(default=15, ge=1, le=120)
    # 两年及以上未消除风险的监测对象.
    long_running_years: int = Field(default=2, ge=1, le=10)
    # 每户至少 1–2 项开发式帮扶措施.
    min_developmental_measures: int = Field(default=1, ge=1, le=5)
    # Working age for able-bodied members (16–59) and compulsory-school age (6–15).
    working_age_min: int = 16
    working_age_max: int = 59
    school_age_min: int = 6
    school_age_max: int = 15
    # Data-quality rule 1: an included household without any measure after this many days.
    measure_grace_days: int = Field(default=30, ge=1)
    department_batch_max_records: int = Field(default=5000, ge=1)
    import_max_rows: int = Field(default=200_000, ge=1)

    # --- risk elimination (风险消除) and 兜底 (issue 11, track A) ---
    # 收入持续稳定: per-capita net income above that year's line in this many consecutive income
    # years ending with the latest recorded one (2021 国家 关于健全防止返贫动态监测和帮扶机制的指导意见:
    # 收入持续稳定; two years is provincial practice).
    elimination_income_years: int = Field(default=2, ge=1, le=5)
    # Minimum time monitored before the risk may be marked eliminated (provincial practice, e.g.
    # 帮扶满 6 个月; to confirm with the province).
    elimination_min_months_monitored: int = Field(default=6, ge=0, le=60)
    # 依赖转移性收入: transfers above this share of net income (or making the difference to the line)
    # mean a household without labour lives on transfers; it is routed to 兜底, not eliminated
    # (seed §一(一); the share is practice, to confirm).
    elimination_transfer_share: Decimal = Field(default=Decimal("0.5"), ge=0, le=1)

    @model_validator(mode="after")
    def _real_key_in_production(self) -> MonitoringSettings:
        if self.environment is Environment.PRODUCTION and (
            self.id_number_key == DEV_ID_NUMBER_KEY or self.id_number_key.upper().startswith("REPLACE-ME")
        ):
            raise ValueError("XIANJIE_MONITORING_ID_NUMBER_KEY must be a real secret in production")
        return self
