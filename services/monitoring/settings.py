from __future__ import annotations

from typing import ClassVar

from pydantic import Field, model_validator

from shared.settings import Environment, ServiceSettings

DEV_ID_NUMBER_KEY = "dev-only-id-number-key"  # refused in production below


class MonitoringSettings(ServiceSettings):
    """防返贫监测帮扶 — settings (env: XIANJIE_MONITORING_* then XIANJIE_*)."""

    component: ClassVar[str] = "monitoring"
    needs_object_store: ClassVar[bool] = True  # evidence files (佐证材料)
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
    # --- evidence files (佐证材料) ---
    # Practice: a phone photo is 2–8 MB, scanned minutes or a signed 承诺授权书 a few MB as PDF;
    # 20 MiB leaves room. Must stay below max_body_bytes (the multipart envelope rides along).
    evidence_max_bytes: int = Field(default=20 * 1024 * 1024, ge=1)

    @model_validator(mode="after")
    def _real_key_in_production(self) -> MonitoringSettings:
        if self.environment is Environment.PRODUCTION and (
            self.id_number_key == DEV_ID_NUMBER_KEY or self.id_number_key.upper().startswith("REPLACE-ME")
        ):
            raise ValueError("XIANJIE_MONITORING_ID_NUMBER_KEY must be a real secret in production")
        return self

    @model_validator(mode="after")
    def _evidence_fits_in_a_request(self) -> MonitoringSettings:
        if self.evidence_max_bytes > self.max_body_bytes - 64 * 1024:
            raise ValueError("evidence_max_bytes must stay 64 KiB below max_body_bytes (multipart envelope)")
        return self
