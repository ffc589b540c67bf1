from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, Literal

from limits import parse as parse_limit
from pydantic import Field, field_validator, model_validator

from shared.settings import Environment, ServiceSettings

DEV_ID_NUMBER_KEY = "dev-only-id-number-key"  # refused in production below


# What a 脱贫村 must have on any day (assistance forces): 包抓, 包扶, 帮建, 驻村工作队.
CoverageRequirement = Literal["leader", "department", "enterprise", "work_team"]


class MonitoringSettings(ServiceSettings):
    """防返贫监测帮扶 — settings (env: XIANJIE_MONITORING_* then XIANJIE_*)."""

    component: ClassVar[str] = "monitoring"
    needs_object_store: ClassVar[bool] = True  # evidence files (佐证材料)
    needs_id_number_match: ClassVar[bool] = True  # issue 13: member.changed carries the match hash
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

    # --- self-declaration (农户自主申报, seed §一(一) 农户自主申报) ---
    # Public, no login: limits per caller, counted in PostgreSQL so every replica shares them, in
    # the `limits` syntax ("3/day", "30/hour"). (practice) A family declares a difficulty once or
    # twice; 3 a day per phone leaves room for a correction. A village office or a carrier's NAT
    # puts many farmers behind one address, hence the larger allowance per client address.
    self_declaration_phone_limit: str = "3/day"
    self_declaration_client_limit: str = "30/hour"
    # Looking up progress (code + phone) per client address: bounds guessing phones for a code.
    self_declaration_lookup_limit: str = "30/hour"

    @field_validator(
        "self_declaration_phone_limit", "self_declaration_client_limit", "self_declaration_lookup_limit"
    )
    @classmethod
    def _parsable_limit(cls, value: str) -> str:
        parse_limit(value)  # raises ValueError on a malformed limit such as "lots"
        return value

    # --- identification time limit and long-running cases ---
    # ``identification_limit_days`` counted in working days (法定工作日, the Chinese holiday calendar
    # of the chinesecalendar package) rather than calendar days: some provinces set "20 个工作日"
    # where the national practice is "15 天内完成识别" (practice).
    identification_limit_working_days: bool = False
    # How often the time-limit check looks for cases past the limit (0: off); practice, not the seed.
    identification_check_interval_seconds: int = Field(default=3600, ge=0)
    # An alert still waiting to be verified after this many days is on the town's pending list
    # (practice: 及时核实, a week; not in the seed).
    pending_alert_days: int = Field(default=7, ge=1, le=90)
    # --- assistance plans: delivery ---
    # 低保 and 特困供养 are granted by civil affairs (民政, seed §一(一): 兜底 once they are fully in
    # place), so only that department's officers and systems record them delivered (practice; the
    # department as gateway tokens name it).
    civil_affairs_departments: list[str] = Field(default_factory=lambda: ["民政局"])
    # A plan's measures, amendments included, are answered with the plan: bounded (practice).
    max_measures_per_plan: int = Field(default=100, ge=1, le=1000)

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

    # --- department field matrix (issue 14) ---
    # Which department (``departments.Department``) an account's department name stands for, as
    # gateway accounts name them (practice: the district's bureau names; add the spellings in use).
    department_duties: dict[str, str] = Field(
        default_factory=lambda: {
            "医保局": "medical_insurance",
            "医疗保障局": "medical_insurance",
            "民政局": "civil_affairs",
            "教育局": "education",
            "教育体育局": "education",
            "卫健委": "health",
            "卫生健康委员会": "health",
            "住建局": "housing",
            "住房和城乡建设局": "housing",
            "人社局": "human_resources",
            "人力资源和社会保障局": "human_resources",
        }
    )
    # --- assistance forces (帮扶力量) and relocation follow-up (track H) ---
    # 脱贫村帮扶责任全覆盖 (seed §三(九): 示范区领导包抓、部门包扶、驻村工作队): what every 脱贫村 must
    # have on any day; "enterprise" (企业帮建) may be added where the district requires it.
    coverage_requirements: list[CoverageRequirement] = Field(
        default_factory=lambda: list[CoverageRequirement](("leader", "department", "work_team")),
        min_length=1,
    )
    # How often the coverage check looks for 脱贫村 left without one of them (0: off); practice.
    coverage_check_interval_seconds: int = Field(default=86400, ge=0)
    # --- 三保障和饮水安全 (issue 12, track G) ---
    # 因病返贫致贫风险: a household whose out-of-pocket medical spending in the screening year reaches
    # this share of its net income is flagged by screening (seed §一(二) 防止因病返贫致贫; the 40% is
    # the WHO threshold of 灾难性卫生支出 against capacity to pay, practice to confirm with 医保局).
    medical_out_of_pocket_income_share: Decimal = Field(default=Decimal("0.4"), gt=0, le=1)
    # Which 三保障 records each department's system sends (seed §一(二) 责任单位: 教育体育局,
    # 卫生健康委员会, 医保局, 住房和城乡建设局, 水利局); a department not listed sends none.
    guarantee_department_kinds: dict[str, list[str]] = Field(
        default_factory=lambda: {
            "住房和城乡建设局": ["housing_appraisal"],
            "水利局": ["water_check"],
            "教育体育局": ["dropout", "student_aid"],
            "医保局": ["insurance", "medical_expense"],
            "卫生健康委员会": ["medical_expense"],
        }
    )

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
