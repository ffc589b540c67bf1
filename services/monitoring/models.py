"""Tables of the monitoring service (schema ``monitoring``)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Computed,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    ForeignKeyConstraint,
    Identity,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, ExcludeConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from shared.db import MONEY, make_metadata, pg_enum
from shared.events.outbox import Outbox
from shared.labels import LabelledEnum
from shared.tables import add_kit_tables

SCHEMA = "monitoring"


class Base(DeclarativeBase):
    metadata = make_metadata(SCHEMA)


kit = add_kit_tables(Base.metadata, import_refusals=True)
# For set-based work that announces many rows at once (screening, imports, department batches).
outbox = Outbox(kit)


class HouseholdKind(LabelledEnum):
    """Who a household is (脱贫 identity): it does not change when the household is monitored.

    Being monitored (监测对象) is the household's ``status`` with its category (``subtype``); a
    脱贫户 included as 脱贫不稳定户 is still a 脱贫户 in every count (issue 11).
    """

    LIFTED_OUT = "lifted_out", "脱贫户"
    LOW_INCOME = "low_income", "农村低收入人口"
    ORDINARY = "ordinary", "一般农户"


class Subtype(LabelledEnum):
    """监测对象类型, the category a household is monitored in; which one fits depends on its identity
    (``households.identity``)."""

    UNSTABLE = "unstable", "脱贫不稳定户"
    MARGINAL = "marginal", "边缘易致贫户"
    SUDDEN_HARDSHIP = "sudden_hardship", "突发严重困难户"


class RiskCause(LabelledEnum):
    ILLNESS = "illness", "因病"
    DISABILITY = "disability", "因残"
    SCHOOLING = "schooling", "因学"
    DISASTER = "disaster", "因灾"
    ACCIDENT = "accident", "因意外事故"
    BUSINESS_FAILURE = "business_failure", "因产业失败"
    UNSTABLE_WORK = "unstable_work", "因务工就业不稳"
    LACK_OF_LABOUR = "lack_of_labour", "缺劳动力"
    HOUSING = "housing", "住房安全"
    DRINKING_WATER = "drinking_water", "饮水安全"
    # A 三保障 gap like housing and water, not an illness: someone uninsured may be healthy.
    MEDICAL_INSURANCE = "medical_insurance", "基本医疗保险未参保"
    OTHER = "other", "其他"


class HouseholdStatus(LabelledEnum):
    """Where a household stands in identification and assistance (识别纳入 → 帮扶 → 消除/兜底)."""

    NOT_MONITORED = "not_monitored", "未纳入监测"
    VERIFYING = "verifying", "核实中"
    VILLAGE_REVIEW = "village_review", "村级评议"
    PUBLIC_NOTICE = "public_notice", "公示中"
    TOWN_REVIEW = "town_review", "镇级审核"
    DISTRICT_APPROVAL = "district_approval", "区级审批"
    INCLUDED = "included", "已纳入监测（帮扶中）"
    RISK_ELIMINATED = "risk_eliminated", "风险已消除"
    SAFETY_NET = "safety_net", "兜底保障户"


class Relation(LabelledEnum):
    HEAD = "head", "户主"
    SPOUSE = "spouse", "配偶"
    CHILD = "child", "子女"
    PARENT = "parent", "父母"
    GRANDCHILD = "grandchild", "孙子女"
    OTHER = "other", "其他"


class Health(LabelledEnum):
    HEALTHY = "healthy", "健康"
    CHRONIC = "chronic", "长期慢性病"
    SERIOUS_ILLNESS = "serious_illness", "大病"
    DISABLED = "disabled", "残疾"


class LabourCapacity(LabelledEnum):
    ORDINARY = "ordinary", "普通劳动力"
    SKILLED = "skilled", "技能劳动力"
    WEAK = "weak", "弱劳动力或半劳动力"
    LOST = "lost", "丧失劳动力"
    NONE = "none", "无劳动力"


ABLE_BODIED = (LabourCapacity.ORDINARY, LabourCapacity.SKILLED)


class Schooling(LabelledEnum):
    NOT_APPLICABLE = "not_applicable", "非在校生"
    PRESCHOOL = "preschool", "学前教育"
    COMPULSORY = "compulsory", "义务教育在校"
    HIGH_SCHOOL = "high_school", "高中/中职在校"
    HIGHER = "higher", "高等教育在校"
    OUT_OF_SCHOOL = "out_of_school", "失学辍学"


class AlertSource(LabelledEnum):
    SELF_DECLARED = "self_declared", "农户自主申报"
    DEPARTMENT = "department", "部门筛查预警"
    CADRE_VISIT = "cadre_visit", "基层干部走访"
    SYSTEM = "system", "系统筛查"
    EVENT = "event", "业务事件"  # 其他服务的事件（如务工失业）


class AlertStatus(LabelledEnum):
    OPEN = "open", "待核实"
    VERIFYING = "verifying", "核实中"
    CONFIRMED = "confirmed", "已纳入监测"
    DISMISSED = "dismissed", "核实排除"


class VisitorKind(LabelledEnum):
    RESPONSIBLE_HELPER = "responsible_helper", "帮扶责任人走访"
    TOWN_SECRETARY = "town_secretary", "镇党委书记遍访"
    CADRE = "cadre", "基层干部日常走访"


class MeasureKind(LabelledEnum):
    DEVELOPMENTAL = "developmental", "开发式帮扶"
    SAFETY_NET = "safety_net", "兜底保障"  # 兜底保障/综合保障


def _enum(e: type[LabelledEnum], name: str) -> Enum:
    return pg_enum(e, name, SCHEMA)


RISK_CAUSE_ENUM = _enum(RiskCause, "risk_cause")


class EliminationStage(LabelledEnum):
    """风险消除程序: the stages of the democratic procedure a monitored household passes to have its
    risk marked eliminated (the same as inclusion's; the household stays ``included`` meanwhile)."""

    HOUSEHOLD_CHECK = "household_check", "风险消除·入户核实"
    VILLAGE_REVIEW = "village_review", "风险消除·村级民主评议"
    PUBLIC_NOTICE = "public_notice", "风险消除·公示中"
    TOWN_REVIEW = "town_review", "风险消除·镇级审核"
    DISTRICT_APPROVAL = "district_approval", "风险消除·区级审批"


ELIMINATION_STAGE_ENUM = _enum(EliminationStage, "elimination_stage")


class Household(Base):
    __tablename__ = "households"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    head_name: Mapped[str] = mapped_column(String(50))
    address: Mapped[str] = mapped_column(String(200), server_default="")
    kind: Mapped[HouseholdKind] = mapped_column(_enum(HouseholdKind, "household_kind"))
    member_count: Mapped[int] = mapped_column(Integer)
    helper_user_id: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[HouseholdStatus] = mapped_column(
        _enum(HouseholdStatus, "household_status"),
        default=HouseholdStatus.NOT_MONITORED,
        server_default=HouseholdStatus.NOT_MONITORED.value,
    )
    subtype: Mapped[Subtype | None] = mapped_column(_enum(Subtype, "household_subtype"))
    risk_causes: Mapped[list[RiskCause]] = mapped_column(
        ARRAY(RISK_CAUSE_ENUM), default=list, server_default=text("'{}'")
    )
    # 三保障和饮水安全 at household level (the schooling and insurance checks are per member).
    housing_safe: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("true"))
    water_safe: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("true"))
    case_started_on: Mapped[date | None] = mapped_column(Date)  # first alert of the current case
    notice_posted_on: Mapped[date | None] = mapped_column(Date)
    included_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)  # risk eliminated / marked safety-net
    # Since when the household exists in the records (registration, or the day a split formed it),
    # and the day it was cancelled (注销: died out, moved away, merged); counts at a date follow both.
    formed_on: Mapped[date] = mapped_column(Date, server_default=func.current_date())
    cancelled_on: Mapped[date | None] = mapped_column(Date)
    # 风险消除程序 under way (workflow.service explains why a stage beside an unchanged status).
    elimination_stage: Mapped[EliminationStage | None] = mapped_column(ELIMINATION_STAGE_ENUM)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("member_count >= 1", name="member_count_positive"),
        CheckConstraint("cancelled_on IS NULL OR cancelled_on >= formed_on", name="cancelled_after_formed"),
        # The household stays a 监测对象 while its elimination is decided.
        CheckConstraint(
            "elimination_stage IS NULL OR status = 'included'", name="elimination_only_while_included"
        ),
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        CheckConstraint(
            "status NOT IN ('included', 'risk_eliminated', 'safety_net') "
            "OR (subtype IS NOT NULL AND included_on IS NOT NULL AND cardinality(risk_causes) > 0)",
            name="monitored_has_subtype_and_causes",
        ),
        Index(None, "town_code", "village_code"),
        Index(None, "updated_at", "id"),
        # Filtered list pages walk these in (updated_at, id) order and stop after one page.
        Index(None, "town_code", "updated_at", "id"),
        Index(None, "village_code", "updated_at", "id"),
        Index(None, "status", "updated_at", "id"),
        Index(None, "helper_user_id", "updated_at", "id"),
        Index("ix_households_risk_causes", "risk_causes", postgresql_using="gin"),
        # The characters of head name and address: the list's ``q`` search at any length (a
        # surname of one character included), see the repository's ``search_chars``.
        Index(
            "ix_households_search_chars",
            text("(regexp_split_to_array(head_name, '') || regexp_split_to_array(address, ''))"),
            postgresql_using="gin",
        ),
    )


# Each household's one- and two-character terms of head name and address, its risk causes, its
# status when monitored and its category, in the list's (updated_at, id) order: a search or a
# filter walks one term's rows and stops after a page (repository.filtered). Written only by the
# households' triggers (migrations 5c0d17s0e0m1 and 5c0d18s0e0m1, which say which terms), never by
# the service.
household_search_terms = Table(
    "household_search_terms",
    Base.metadata,
    Column("term", Text, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("household_id", Uuid, nullable=False),
    Column("village_code", String(12), nullable=False),
    Column("cancelled", Boolean, nullable=False),
    Column("status", _enum(HouseholdStatus, "household_status"), nullable=False),
    Column("kind", _enum(HouseholdKind, "household_kind"), nullable=False),
    Column("subtype", _enum(Subtype, "household_subtype")),
    PrimaryKeyConstraint(
        "term",
        "updated_at",
        "household_id",
        postgresql_include=["village_code", "cancelled", "status", "kind", "subtype"],
    ),
)


class Member(Base):
    """成员. The ID number is kept as a keyed hash (unique, for matching) and encrypted (for display)."""

    __tablename__ = "members"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(50))
    # Unique among active members (``uq_members_active_id_number_hash``): a person who left one
    # household (married out, moved away) may arrive in another as a new member row.
    id_number_hash: Mapped[bytes] = mapped_column(LargeBinary(32))
    id_number_cipher: Mapped[bytes] = mapped_column(LargeBinary)
    id_number_masked: Mapped[str] = mapped_column(String(18))
    birth_date: Mapped[date] = mapped_column(Date)
    relation: Mapped[Relation] = mapped_column(_enum(Relation, "member_relation"))
    # Issue 13: the suite-wide match hash (shared.id_number_match) ``member.changed`` carries so
    # employment matches the national work file by ID number; NULL for rows registered before it
    # until ``xianjie monitoring backfill-match-hashes`` fills them.
    id_number_match_hash: Mapped[str | None] = mapped_column(String(64))
    health: Mapped[Health] = mapped_column(_enum(Health, "member_health"))
    labour: Mapped[LabourCapacity] = mapped_column(_enum(LabourCapacity, "labour_capacity"))
    schooling: Mapped[Schooling] = mapped_column(_enum(Schooling, "schooling_status"))
    medical_insured: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("true"))
    # The day the member joined the household in the records (registration, birth, moving or
    # marrying in); a split or merge moves the row and keeps it (the history says where from).
    joined_on: Mapped[date] = mapped_column(Date, server_default=func.current_date())
    # The day the member left the household (death, moving out, marriage out); then not counted.
    left_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        Index(None, "household_id"),
        CheckConstraint("left_on IS NULL OR left_on >= joined_on", name="left_after_joined"),
        Index(
            "uq_members_active_id_number_hash",
            "id_number_hash",
            unique=True,
            postgresql_where=text("left_on IS NULL"),
        ),
    )


class Income(Base):
    """年度收入: components in yuan; net income is computed by the database."""

    __tablename__ = "incomes"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(SmallInteger)
    wages: Mapped[Decimal] = mapped_column(MONEY)  # 工资性收入
    business: Mapped[Decimal] = mapped_column(MONEY)  # 生产经营性收入
    property: Mapped[Decimal] = mapped_column(MONEY)  # 财产性收入
    transfers: Mapped[Decimal] = mapped_column(MONEY)  # 转移性收入
    business_costs: Mapped[Decimal] = mapped_column(MONEY)  # 生产经营性支出
    rigid_expenses: Mapped[Decimal] = mapped_column(MONEY)  # 大额刚性支出（医疗、教育）
    net_income: Mapped[Decimal] = mapped_column(
        MONEY, Computed("wages + business + property + transfers - business_costs", persisted=True)
    )
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        UniqueConstraint("household_id", "year"),
        CheckConstraint(
            "wages >= 0 AND business >= 0 AND property >= 0 AND transfers >= 0 "
            "AND business_costs >= 0 AND rigid_expenses >= 0",
            name="components_not_negative",
        ),
        CheckConstraint("year BETWEEN 2000 AND 2100", name="plausible_year"),
        Index(None, "year", "household_id"),
    )


class MonitoringLine(Base):
    """防止返贫致贫监测线 per year (yuan per person per year)."""

    __tablename__ = "monitoring_lines"

    year: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    amount: Mapped[Decimal] = mapped_column(MONEY)
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("year BETWEEN 2000 AND 2100", name="plausible_year"),
    )


class Alert(Base):
    """预警：a signal that a household may be at risk, awaiting verification."""

    __tablename__ = "alerts"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id", ondelete="RESTRICT"))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    source: Mapped[AlertSource] = mapped_column(_enum(AlertSource, "alert_source"))
    reason: Mapped[str] = mapped_column(Text)
    risk_causes: Mapped[list[RiskCause]] = mapped_column(
        ARRAY(RISK_CAUSE_ENUM), default=list, server_default=text("'{}'")
    )
    department: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[AlertStatus] = mapped_column(_enum(AlertStatus, "alert_status"), default=AlertStatus.OPEN)
    # The event (or department record) that raised it: one alert per origin, enforced here too.
    origin_ref: Mapped[str | None] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        Index(None, "household_id"),
        Index(None, "updated_at", "id"),
        Index(None, "town_code", "village_code"),
        Index(
            "ix_alerts_pending_household",
            "household_id",
            postgresql_where=text("status IN ('open', 'verifying')"),
        ),
    )


class Visit(Base):
    """走访记录 from the field app: who, when, where (GPS), what was found."""

    __tablename__ = "visits"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id", ondelete="RESTRICT"))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    visitor_id: Mapped[str] = mapped_column(String(100))
    visitor_role: Mapped[str] = mapped_column(String(40))
    visitor_kind: Mapped[VisitorKind] = mapped_column(_enum(VisitorKind, "visitor_kind"))
    visited_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    latitude: Mapped[Decimal] = mapped_column(Numeric(9, 6))
    longitude: Mapped[Decimal] = mapped_column(Numeric(9, 6))
    findings: Mapped[str] = mapped_column(Text)
    risk_causes: Mapped[list[RiskCause]] = mapped_column(
        ARRAY(RISK_CAUSE_ENUM), default=list, server_default=text("'{}'")
    )
    alert_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("alerts.id", ondelete="RESTRICT"))
    # 驻村工作队昼访夜谈: the team the visitor visited for (seed §三(九)); NULL for other visits.
    work_team_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("work_teams.id", ondelete="RESTRICT"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        CheckConstraint("latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180", name="gps_range"),
        Index(None, "household_id", "visited_at"),
        Index(None, "updated_at", "id"),
        Index(None, "town_code", "village_code"),
    )


class Transition(Base):
    """One workflow step of a household: who, when, from which state to which, and why."""

    __tablename__ = "transitions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"))
    action: Mapped[str] = mapped_column(String(40))
    from_status: Mapped[HouseholdStatus] = mapped_column(_enum(HouseholdStatus, "household_status"))
    to_status: Mapped[HouseholdStatus] = mapped_column(_enum(HouseholdStatus, "household_status"))
    actor: Mapped[str] = mapped_column(String(100))
    actor_role: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    # Where the 风险消除 procedure stood before and after the step (status stays 'included' in it).
    from_stage: Mapped[EliminationStage | None] = mapped_column(ELIMINATION_STAGE_ENUM)
    to_stage: Mapped[EliminationStage | None] = mapped_column(ELIMINATION_STAGE_ENUM)

    __table_args__ = (Index(None, "household_id", "id"),)


class Policy(Base):
    """帮扶政策工具箱: one policy, the risk causes it addresses and the kind of measure it is."""

    __tablename__ = "policies"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(String(40))
    measure_kind: Mapped[MeasureKind] = mapped_column(_enum(MeasureKind, "measure_kind"))
    risk_causes: Mapped[list[RiskCause]] = mapped_column(ARRAY(RISK_CAUSE_ENUM))
    description: Mapped[str] = mapped_column(Text, server_default="")
    responsible_unit: Mapped[str] = mapped_column(String(100), server_default="")
    # 低保 and 特困供养 only: once delivered, the household may be marked 兜底保障户 (seed §一(一)).
    qualifies_safety_net: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("cardinality(risk_causes) > 0", name="addresses_a_risk"),
        Index(None, "updated_at", "id"),
    )


class AssistancePlan(Base):
    """帮扶计划 of a household for one year."""

    __tablename__ = "assistance_plans"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    year: Mapped[int] = mapped_column(SmallInteger)
    goal: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        UniqueConstraint("household_id", "year"),
        Index(None, "updated_at", "id"),
        Index(None, "town_code", "village_code"),
    )


class Measure(Base):
    """帮扶措施 of a plan: developmental or safety-net, with its owner and dates."""

    __tablename__ = "measures"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assistance_plans.id", ondelete="CASCADE"))
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"))
    policy_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("policies.id", ondelete="RESTRICT"))
    kind: Mapped[MeasureKind] = mapped_column(_enum(MeasureKind, "measure_kind"))
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(100))  # 责任人或责任单位
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    # For whom, when the measure is a person's (a developmental measure for an able-bodied member).
    member_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("members.id", ondelete="RESTRICT"))
    # Delivered (落实) from this day; a planned measure is not yet help.
    delivered_on: Mapped[date | None] = mapped_column(Date)
    # Who recorded the delivery (token subject) and what they noted; the plan's history keeps the rest.
    delivered_by: Mapped[str | None] = mapped_column(String(100))
    delivery_note: Mapped[str | None] = mapped_column(Text)
    # Ended (终止) before its term, with why: a plan is amended, never rewritten (issue 11).
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(Text)
    # The measure this one took over from (调整措施: one ended, its successor added).
    replaces_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("measures.id", ondelete="RESTRICT"), unique=True
    )

    __table_args__ = (
        CheckConstraint("ends_on >= starts_on", name="dates_in_order"),
        CheckConstraint("delivered_on IS NULL OR delivered_on >= starts_on", name="delivered_within_term"),
        CheckConstraint("(ended_on IS NULL) = (end_reason IS NULL)", name="ended_with_reason"),
        CheckConstraint("ended_on IS NULL OR ended_on <= ends_on", name="ended_within_term"),
        CheckConstraint(
            "ended_on IS NULL OR delivered_on IS NULL OR ended_on >= delivered_on",
            name="ended_after_delivery",
        ),
        CheckConstraint("replaces_id <> id", name="replaces_another"),
        Index(None, "plan_id"),
        Index(None, "household_id", "kind"),
        Index(None, "member_id"),
    )


class MemberEmploymentRecord(Base):
    """务工登记 as employment announced it (``worker.registered``): a projection, one row per member.

    No foreign key to ``members``: it records another service's fact, which may name a member we do
    not have (yet); the data-quality rule joins it to our members. Every column comes from the
    event, so a rebuild from employment's stream gives the same rows."""

    __tablename__ = "member_employment_records"

    member_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    worker_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    household_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    registered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ProjectedUser(Base):
    """The gateway's accounts as its ``user.changed`` events describe them: a projection, so that a
    responsible helper is a real, active account with the helper role (no names: ids, role, place).

    ``user_id`` is the account's token subject, what ``households.helper_user_id`` holds."""

    __tablename__ = "projected_users"

    user_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    role: Mapped[str] = mapped_column(String(40))
    division_code: Mapped[str | None] = mapped_column(String(12))
    active: Mapped[bool] = mapped_column(Boolean)
    version: Mapped[int] = mapped_column(Integer)


# --- self-declaration (农户自主申报) and policy awareness (知晓率) ---


class DeclarationStatus(LabelledEnum):
    """Where a public self-declaration stands in the village's inbox."""

    WAITING = "waiting", "待登记农户"  # the ID number matched no member of the village
    ALERTED = "alerted", "已转为预警"
    DISMISSED = "dismissed", "核实排除（无需登记）"


class SelfDeclaration(Base):
    """农户自主申报 from the public channel (QR code on the notice board, no login).

    It becomes an alert once it names a household: at once when the ID number matches a member of
    the declared village, else when a cadre registers the household and links it. The ID number and
    phone are kept like members' ID numbers: a keyed hash (matching, lookup) and a ciphertext; cadres
    see the masked forms."""

    __tablename__ = "self_declarations"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    tracking_code: Mapped[str] = mapped_column(String(16), unique=True)
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    applicant_name: Mapped[str] = mapped_column(String(50))
    id_number_hash: Mapped[bytes] = mapped_column(LargeBinary(32))
    id_number_cipher: Mapped[bytes] = mapped_column(LargeBinary)
    id_number_masked: Mapped[str] = mapped_column(String(18))
    phone_hash: Mapped[bytes] = mapped_column(LargeBinary(32))
    phone_cipher: Mapped[bytes] = mapped_column(LargeBinary)
    phone_masked: Mapped[str] = mapped_column(String(11))
    account: Mapped[str] = mapped_column(Text)  # what happened, in the applicant's words
    risk_causes: Mapped[list[RiskCause]] = mapped_column(
        ARRAY(RISK_CAUSE_ENUM), default=list, server_default=text("'{}'")
    )
    status: Mapped[DeclarationStatus] = mapped_column(
        _enum(DeclarationStatus, "declaration_status"), default=DeclarationStatus.WAITING
    )
    household_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("households.id", ondelete="RESTRICT"))
    alert_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("alerts.id", ondelete="RESTRICT"), unique=True
    )
    dismissal_reason: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        CheckConstraint("char_length(account) BETWEEN 1 AND 2000", name="account_bounded"),
        # An alert names its household; a waiting declaration has neither; a dismissed one no alert.
        CheckConstraint(
            "(status = 'alerted' AND alert_id IS NOT NULL AND household_id IS NOT NULL) "
            "OR (status = 'waiting' AND alert_id IS NULL AND household_id IS NULL) "
            "OR (status = 'dismissed' AND alert_id IS NULL AND dismissal_reason IS NOT NULL)",
            name="status_matches_links",
        ),
        Index(None, "updated_at", "id"),
        Index(None, "village_code", "status"),
    )


class PublicRateCounter(Base):
    """Hits of one caller (a keyed hash of a phone or client address) in one fixed window.

    Kept in PostgreSQL so that every replica counts the same hits (an atomic upsert per hit)."""

    __tablename__ = "public_rate_counters"

    bucket: Mapped[str] = mapped_column(String(100), primary_key=True)
    window_start: Mapped[datetime] = mapped_column(DateTime(timezone=True), primary_key=True)
    hits: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        CheckConstraint("hits >= 1", name="hits_positive"),
        Index(None, "window_start"),
    )


class PolicyExplanation(Base):
    """明白纸: a policy explained during a visit, and whether the household already knew it (知晓)."""

    __tablename__ = "policy_explanations"

    visit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), primary_key=True)
    policy_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("policies.id", ondelete="RESTRICT"), primary_key=True
    )
    already_known: Mapped[bool] = mapped_column(Boolean)

    __table_args__ = (Index(None, "policy_id"),)


# --- identification time limit and long-running cases ---


class LongRunningRoute(LabelledEnum):
    """两年以上监测对象的处置路径 (seed §一(一)): one of three, decided household by household."""

    ELIMINATE = "eliminate", "风险消除"  # 符合条件的标注风险消除
    SAFETY_NET = "safety_net", "兜底保障"  # 落实低保、特困供养后标注兜底保障户
    REFINE_PLAN = "refine_plan", "完善帮扶计划"  # 继续监测，逐户完善帮扶计划


class IdentificationOverdue(Base):
    """识别超时限: a case (household, first alert of the case) found past its time limit.

    The row is the guard that the case is announced (``identification.overdue``) once: a rerun, a
    second replica or a concurrent run meets the unique key and announces nothing."""

    __tablename__ = "identification_overdue"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"))
    case_started_on: Mapped[date] = mapped_column(Date)
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    # Where the case stood when found (a HouseholdStatus value: the step that is late). Text, not the
    # household_status type, so that type can be recreated with new statuses without this table.
    stage: Mapped[str] = mapped_column(String(40))
    # The last day within the limit, as counted when found (calendar or working days).
    deadline: Mapped[date] = mapped_column(Date)
    found_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        UniqueConstraint("household_id", "case_started_on"),
        CheckConstraint("deadline >= case_started_on AND found_on > deadline", name="found_past_deadline"),
        Index(None, "town_code", "village_code"),
    )


class LongRunningDecision(Base):
    """处置路径决定 of a long-running household: route, reason, who, when. A change is a new row;
    the one it replaces is kept, marked ``superseded_at`` (history)."""

    __tablename__ = "long_running_decisions"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    # The monitoring period decided on: a household included again later is a new case to decide.
    included_on: Mapped[date] = mapped_column(Date)
    # 1, 2, … per household: the route's version (its ETag) — the latest decision is the current one.
    sequence: Mapped[int] = mapped_column(Integer)
    route: Mapped[LongRunningRoute] = mapped_column(_enum(LongRunningRoute, "long_running_route"))
    reason: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(100))
    decided_by_role: Mapped[str] = mapped_column(String(40))
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    superseded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __mapper_args__ = {"eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        UniqueConstraint("household_id", "sequence"),
        CheckConstraint("sequence >= 1", name="sequence_positive"),
        CheckConstraint("length(btrim(reason)) > 0", name="reason_given"),
        CheckConstraint(
            "superseded_at IS NULL OR superseded_at >= decided_at", name="superseded_after_decided"
        ),
        # One current decision per household, whatever the code does.
        Index(
            "uq_long_running_decisions_current",
            "household_id",
            unique=True,
            postgresql_where=text("superseded_at IS NULL"),
        ),
        Index(None, "town_code", "village_code"),
    )


# --- household and member changes ---


class ChangeKind(LabelledEnum):
    """户籍与成员变动: what happened to a household or one of its members."""

    DEATH = "death", "死亡"
    MOVE_OUT = "move_out", "迁出"
    MARRIAGE_OUT = "marriage_out", "婚出"
    BIRTH = "birth", "出生"
    MOVE_IN = "move_in", "迁入"
    MARRIAGE_IN = "marriage_in", "婚入"
    SPLIT = "split", "分户"  # a member moved to the household a split formed
    MERGE = "merge", "合户"  # a member moved with their household into another
    CANCELLATION = "cancellation", "注销"


DEPARTURES = (ChangeKind.DEATH, ChangeKind.MOVE_OUT, ChangeKind.MARRIAGE_OUT)
ARRIVALS = (ChangeKind.BIRTH, ChangeKind.MOVE_IN, ChangeKind.MARRIAGE_IN)
MOVES = (ChangeKind.SPLIT, ChangeKind.MERGE)


def _kinds_sql(kinds: tuple[ChangeKind, ...]) -> str:
    return "kind IN (" + ", ".join(f"'{k.value}'" for k in kinds) + ")"


class HouseholdChange(Base):
    """One dated change of a household or a member (户籍与成员变动): append-only, never edited.

    ``household_id`` is the household the change happened in; for a split or merge the member moved
    from it to ``other_household_id`` (one row per member, shown in both households' history); a
    cancellation after a merge names the household it went into.
    """

    __tablename__ = "household_changes"

    id: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id", ondelete="RESTRICT"))
    member_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("members.id", ondelete="RESTRICT"))
    kind: Mapped[ChangeKind] = mapped_column(_enum(ChangeKind, "change_kind"))
    effective_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    other_household_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("households.id", ondelete="RESTRICT")
    )
    actor: Mapped[str] = mapped_column(String(100))
    actor_role: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (
        CheckConstraint("kind = 'cancellation' OR member_id IS NOT NULL", name="member_named"),
        CheckConstraint(
            f"CASE WHEN {_kinds_sql(MOVES)} THEN other_household_id IS NOT NULL "
            "AND other_household_id <> household_id "
            "WHEN kind = 'cancellation' THEN other_household_id IS DISTINCT FROM household_id "
            "ELSE other_household_id IS NULL END",
            name="other_household_fits",
        ),
        # A member leaves once, arrives once; a household is cancelled once.
        Index(
            "uq_household_changes_one_departure",
            "member_id",
            unique=True,
            postgresql_where=text(_kinds_sql(DEPARTURES)),
        ),
        Index(
            "uq_household_changes_one_arrival",
            "member_id",
            unique=True,
            postgresql_where=text(_kinds_sql(ARRIVALS)),
        ),
        Index(
            "uq_household_changes_one_cancellation",
            "household_id",
            unique=True,
            postgresql_where=text("kind = 'cancellation'"),
        ),
        Index(None, "household_id", "id"),
        Index(None, "other_household_id"),
        Index(None, "member_id", "effective_on"),
    )


# --- assistance plans: amendments and delivery ---


class PlanAction(LabelledEnum):
    """What was done to an assistance plan (帮扶计划调整记录)."""

    CREATE = "create", "制定计划"
    ADD = "add", "增加措施"
    END = "end", "终止措施"
    REPLACE = "replace", "调整措施（终止并替换）"
    DELIVER = "deliver", "落实措施"


class PlanAmendment(Base):
    """One change of a plan: who did what to which measure, when and why — never rewritten.

    The foreign keys to measures take no action on delete, so a measure on record here cannot be
    deleted (only ended), while a whole plan still goes with its household."""

    __tablename__ = "plan_amendments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assistance_plans.id", ondelete="CASCADE"))
    action: Mapped[PlanAction] = mapped_column(_enum(PlanAction, "plan_action"))
    measure_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("measures.id"))
    # The measure added in place of ``measure_id`` (replace only).
    successor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("measures.id"))
    reason: Mapped[str] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(100))
    actor_role: Mapped[str] = mapped_column(String(40))
    # The department the actor acts for (民政局 recording 低保), when the token names one.
    actor_department: Mapped[str | None] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (
        CheckConstraint(
            "(action = 'replace') = (successor_id IS NOT NULL)", name="successor_only_on_replace"
        ),
        Index(None, "plan_id", "id"),
        Index(None, "measure_id"),
        Index(None, "successor_id"),
    )


# --- evidence files (佐证材料) ---


class EvidenceKind(LabelledEnum):
    """What a file shows (issue 11): the paper trail the workflow's steps rest on."""

    VISIT_PHOTO = "visit_photo", "走访照片"
    REVIEW_MINUTES = "review_minutes", "村级评议会议记录"
    CONSENT = "consent", "承诺授权书"
    NOTICE_PHOTO = "notice_photo", "公示照片"
    OTHER = "other", "其他"


# What an upload may be, judged by its first bytes (evidence.sniffing), never by the client's word.
EVIDENCE_MEDIA_TYPES = ("image/jpeg", "image/png", "application/pdf")

# A supporting visit or workflow step must be one of the same household's: the foreign keys below
# name (id, household_id), which these make unique.
for _supported in (Visit.__table__, Transition.__table__):
    assert isinstance(_supported, Table)
    _supported.append_constraint(UniqueConstraint("id", "household_id"))


class Evidence(Base):
    """佐证材料: one file attached to a household's record.

    The file lives in the object store under a key of our own making (``store_key``, never the
    client's file name); this row is its record: checksum, size, sniffed type, who uploaded it when.
    Evidence is withdrawn with a reason, never deleted (the database refuses a DELETE and any change
    to what was uploaded: trigger ``evidence_is_kept``).
    """

    __tablename__ = "evidence"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id", ondelete="RESTRICT"))
    kind: Mapped[EvidenceKind] = mapped_column(_enum(EvidenceKind, "evidence_kind"))
    visit_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    transition_id: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text, server_default="")
    # Shown in the download's Content-Disposition only; cleaned, with the sniffed type's extension.
    file_name: Mapped[str] = mapped_column(String(120))
    store_key: Mapped[str] = mapped_column(String(200), unique=True)
    media_type: Mapped[str] = mapped_column(String(40))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    uploaded_by: Mapped[str] = mapped_column(String(100))
    uploaded_role: Mapped[str] = mapped_column(String(40))
    uploaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    withdrawn_by: Mapped[str | None] = mapped_column(String(100))
    withdrawal_reason: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        ForeignKeyConstraint(
            ["visit_id", "household_id"],
            ["visits.id", "visits.household_id"],
            name="fk_evidence_visit_of_the_household",
            ondelete="RESTRICT",
        ),
        ForeignKeyConstraint(
            ["transition_id", "household_id"],
            ["transitions.id", "transitions.household_id"],
            name="fk_evidence_transition_of_the_household",
            ondelete="RESTRICT",
        ),
        CheckConstraint("num_nonnulls(visit_id, transition_id) <= 1", name="supports_one_record"),
        CheckConstraint(
            "media_type IN ({})".format(", ".join(f"'{t}'" for t in EVIDENCE_MEDIA_TYPES)),
            name="allowed_media_type",
        ),
        CheckConstraint("size_bytes > 0", name="not_empty"),
        CheckConstraint("sha256 ~ '^[0-9a-f]{64}$'", name="sha256_hex"),
        CheckConstraint(
            "(withdrawn_at IS NULL) = (withdrawn_by IS NULL) "
            "AND (withdrawn_at IS NULL) = (withdrawal_reason IS NULL) "
            "AND (withdrawal_reason IS NULL OR btrim(withdrawal_reason) <> '')",
            name="withdrawal_recorded",
        ),
        Index(None, "household_id", "updated_at", "id"),
        Index(None, "updated_at", "id"),
    )


# --- risk elimination and objections (issue 11, track A) ---


class NoticeProcedure(LabelledEnum):
    """Which procedure's public notice (公示) an objection is lodged against."""

    INCLUSION = "inclusion", "识别纳入公示"
    ELIMINATION = "elimination", "风险消除公示"


class ObjectionStatus(LabelledEnum):
    """Handling an objection records its finding, which closes it."""

    OPEN = "open", "待处理"
    UPHELD = "upheld", "异议成立"
    DISMISSED = "dismissed", "异议不成立"


class RiskResolution(Base):
    """一项风险已消除: one recorded risk cause of a monitored household resolved, how and by whom.

    One per cause and inclusion (``case_included_on``): a household included again later has its
    causes resolved anew. A condition of risk elimination (every recorded cause resolved)."""

    __tablename__ = "risk_resolutions"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    cause: Mapped[RiskCause] = mapped_column(RISK_CAUSE_ENUM)
    case_included_on: Mapped[date] = mapped_column(Date)
    resolved_on: Mapped[date] = mapped_column(Date)
    how: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(100))
    recorded_by_role: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        UniqueConstraint(
            "household_id", "cause", "case_included_on", name="uq_risk_resolutions_once_per_case"
        ),
        # Resolved while monitored: a cause is resolved by the help, not before the case.
        CheckConstraint("resolved_on >= case_included_on", name="resolved_after_inclusion"),
        CheckConstraint("length(how) > 0", name="how_stated"),
        Index(None, "updated_at", "id"),
    )


class Objection(Base):
    """公示异议: lodged during a public notice (who, what, when, recorded by whom), handled with a
    finding (upheld: the case goes back; dismissed: the notice runs on), which closes it."""

    __tablename__ = "objections"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    procedure: Mapped[NoticeProcedure] = mapped_column(_enum(NoticeProcedure, "notice_procedure"))
    notice_posted_on: Mapped[date] = mapped_column(Date)
    objector_name: Mapped[str | None] = mapped_column(String(50))  # NULL: 匿名
    content: Mapped[str] = mapped_column(Text)
    lodged_on: Mapped[date] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(100))
    recorded_by_role: Mapped[str] = mapped_column(String(40))
    status: Mapped[ObjectionStatus] = mapped_column(
        _enum(ObjectionStatus, "objection_status"),
        default=ObjectionStatus.OPEN,
        server_default=ObjectionStatus.OPEN.value,
    )
    finding: Mapped[str | None] = mapped_column(Text)
    handled_by: Mapped[str | None] = mapped_column(String(100))
    handled_by_role: Mapped[str | None] = mapped_column(String(40))
    handled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        CheckConstraint("lodged_on >= notice_posted_on", name="lodged_during_notice"),
        # Open, or closed with its finding, who handled it and when: never half-handled.
        CheckConstraint(
            "(status = 'open') = (finding IS NULL AND handled_by IS NULL AND handled_at IS NULL)",
            name="closed_with_finding",
        ),
        CheckConstraint("length(content) > 0", name="content_stated"),
        Index(None, "household_id", "status"),
        Index(None, "updated_at", "id"),
    )


# --- assistance forces (帮扶力量, §三(九)) and relocation follow-up (易地搬迁后续扶持, §三(七)) ---


class SupportKind(LabelledEnum):
    """Who answers for a village (seed §三(九): 示范区领导包抓、部门包扶、企业帮建)."""

    LEADER = "leader", "示范区领导包抓"
    DEPARTMENT = "department", "部门包扶"
    ENTERPRISE = "enterprise", "企业帮建"


class TeamRole(LabelledEnum):
    FIRST_SECRETARY = "first_secretary", "第一书记"
    MEMBER = "member", "工作队员"


class SocialForceKind(LabelledEnum):
    ENTERPRISE = "enterprise", "万企兴万村民营企业"
    SOCIAL_ORGANISATION = "social_organisation", "社会组织"
    TECH_COMMISSIONER = "tech_commissioner", "科技特派员"
    INDUSTRY_ADVISER = "industry_adviser", "产业顾问组"


class RelocationMeasureKind(LabelledEnum):
    EMPLOYMENT = "employment", "就业帮扶"
    INDUSTRY = "industry", "产业配套"
    COMMUNITY = "community", "社区服务"


# A term is the days from valid_from to valid_to inclusive; an open end runs on.
_TERM = "daterange(valid_from, valid_to, '[]')"


class ForceVillage(Base):
    """A village as the assistance forces see it: whether it is a 脱贫村 (seed §三(九)). The division
    files carry codes and names only, so the district records the flag here; ``since`` dates it."""

    __tablename__ = "force_villages"

    village_code: Mapped[str] = mapped_column(String(12), primary_key=True)
    town_code: Mapped[str] = mapped_column(String(9))
    lifted_out_village: Mapped[bool] = mapped_column(Boolean)
    since: Mapped[date] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        Index(None, "updated_at", "village_code"),
    )


class SupportAssignment(Base):
    """包抓 / 包扶 / 帮建: who answers for a village, for which term. One of each kind per village
    on any day (the exclusion constraint); a successor starts after its predecessor's term ends."""

    __tablename__ = "support_assignments"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    kind: Mapped[SupportKind] = mapped_column(_enum(SupportKind, "support_kind"))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    # The leader's name, the department or the enterprise; user_id when the person logs in.
    responsible: Mapped[str] = mapped_column(String(100))
    user_id: Mapped[str | None] = mapped_column(String(100))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, server_default="")
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("valid_to IS NULL OR valid_to >= valid_from", name="term_in_order"),
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        CheckConstraint("length(responsible) > 0", name="responsible_named"),
        ExcludeConstraint(
            ("village_code", "="),
            ("kind", "="),
            (text(_TERM), "&&"),
            name="one_of_each_kind_at_a_time",
            using="gist",
        ),
        Index(None, "updated_at", "id"),
    )


class WorkTeam(Base):
    """驻村工作队: sent by a unit to a village for a term. One team per village on any day; a
    rotation (轮换) ends the old team and starts its successor, which names it (history kept)."""

    __tablename__ = "work_teams"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    sending_unit: Mapped[str] = mapped_column(String(100))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    predecessor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("work_teams.id", ondelete="RESTRICT"))
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("valid_to IS NULL OR valid_to >= valid_from", name="term_in_order"),
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        CheckConstraint("length(sending_unit) > 0", name="sending_unit_named"),
        UniqueConstraint("predecessor_id", name="uq_work_teams_one_successor"),
        ExcludeConstraint(
            ("village_code", "="), (text(_TERM), "&&"), name="one_team_at_a_time", using="gist"
        ),
        Index(None, "updated_at", "id"),
    )


class WorkTeamMember(Base):
    """第一书记 or 队员 of a team from one day to another; replacing one ends their term (kept)."""

    __tablename__ = "work_team_members"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    team_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("work_teams.id", ondelete="RESTRICT"))
    role: Mapped[TeamRole] = mapped_column(_enum(TeamRole, "team_role"))
    name: Mapped[str] = mapped_column(String(50))
    user_id: Mapped[str | None] = mapped_column(String(100))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __table_args__ = (
        CheckConstraint("valid_to IS NULL OR valid_to >= valid_from", name="term_in_order"),
        CheckConstraint("length(name) > 0", name="name_given"),
        UniqueConstraint("id", "team_id", name="uq_work_team_members_id_team_id"),
        # One first secretary per team on any day.
        ExcludeConstraint(
            ("team_id", "="),
            (text(_TERM), "&&"),
            name="one_first_secretary_at_a_time",
            using="gist",
            where=text("role = 'first_secretary'"),
        ),
        Index(None, "team_id"),
        Index(None, "user_id"),
    )


class CadreTraining(Base):
    """驻村干部培训: a member of a team trained (seed §三(九) 加大培训力度)."""

    __tablename__ = "cadre_trainings"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    team_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    member_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    village_code: Mapped[str] = mapped_column(String(12))
    topic: Mapped[str] = mapped_column(String(200))
    organiser: Mapped[str] = mapped_column(String(100))
    held_on: Mapped[date] = mapped_column(Date)
    hours: Mapped[Decimal] = mapped_column(Numeric(5, 1))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __table_args__ = (
        CheckConstraint("hours > 0", name="hours_positive"),
        CheckConstraint("length(topic) > 0", name="topic_given"),
        # The member belongs to the team named (a composite key: no training of another team's cadre).
        ForeignKeyConstraint(
            ["member_id", "team_id"],
            ["work_team_members.id", "work_team_members.team_id"],
            name="fk_cadre_trainings_member_of_team",
            ondelete="RESTRICT",
        ),
        Index(None, "updated_at", "id"),
    )


class SocialForce(Base):
    """社会帮扶力量 of a village: 万企兴万村 enterprises, social organisations, 科技特派员, 产业顾问组."""

    __tablename__ = "social_forces"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    kind: Mapped[SocialForceKind] = mapped_column(_enum(SocialForceKind, "social_force_kind"))
    name: Mapped[str] = mapped_column(String(100))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    user_id: Mapped[str | None] = mapped_column(String(100))
    contribution: Mapped[str] = mapped_column(Text, server_default="")
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("valid_to IS NULL OR valid_to >= valid_from", name="term_in_order"),
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        CheckConstraint("length(name) > 0", name="name_given"),
        Index(None, "updated_at", "id"),
    )


class ConsumptionPurchase(Base):
    """消费帮扶: a unit bought 帮扶产品 from a village, for an amount (yuan, never float)."""

    __tablename__ = "consumption_purchases"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    purchasing_unit: Mapped[str] = mapped_column(String(100))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    product: Mapped[str] = mapped_column(String(100))
    amount: Mapped[Decimal] = mapped_column(MONEY)
    purchased_on: Mapped[date] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        CheckConstraint("length(purchasing_unit) > 0", name="unit_named"),
        Index(None, "purchasing_unit", "purchased_on"),
        Index(None, "updated_at", "id"),
    )


class CoverageGap(Base):
    """A 脱贫村 found without a leader, unit or team (the periodic check): announced once per gap,
    keyed by the day the gap began (the day after the last term ended, or the village's ``since``)."""

    __tablename__ = "coverage_gaps"

    village_code: Mapped[str] = mapped_column(String(12), primary_key=True)
    requirement: Mapped[str] = mapped_column(String(20), primary_key=True)
    gap_from: Mapped[date] = mapped_column(Date, primary_key=True)
    town_code: Mapped[str] = mapped_column(String(9))
    found_on: Mapped[date] = mapped_column(Date)

    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        CheckConstraint("requirement IN ('leader', 'department', 'work_team')", name="requirement_known"),
    )


class ResettlementSite(Base):
    """易地搬迁安置点 (seed §三(七)): where relocated households live now."""

    __tablename__ = "resettlement_sites"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(100))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    planned_households: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("planned_households >= 0", name="planned_not_negative"),
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        UniqueConstraint("village_code", "name", name="uq_resettlement_sites_name_in_village"),
        Index(None, "updated_at", "id"),
    )


class HouseholdRelocation(Base):
    """A household's relocation: its site and move date (one per household: an attribute of it)."""

    __tablename__ = "household_relocations"

    household_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("households.id", ondelete="RESTRICT"), primary_key=True
    )
    site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resettlement_sites.id", ondelete="RESTRICT"))
    moved_on: Mapped[date] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __table_args__ = (Index(None, "site_id"),)


class RelocationMeasure(Base):
    """后续扶持措施 of a site: employment, industry, community services, with the households reached."""

    __tablename__ = "relocation_measures"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resettlement_sites.id", ondelete="RESTRICT"))
    kind: Mapped[RelocationMeasureKind] = mapped_column(
        _enum(RelocationMeasureKind, "relocation_measure_kind")
    )
    title: Mapped[str] = mapped_column(String(200))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    household_ids: Mapped[list[uuid.UUID]] = mapped_column(
        ARRAY(Uuid), default=list, server_default=text("'{}'")
    )
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="term_in_order"),
        CheckConstraint("length(title) > 0", name="title_given"),
        Index(None, "site_id"),
        Index(None, "updated_at", "id"),
    )


# --- 三保障和饮水安全: housing, drinking water, dropouts (issue 12, track G) ---


class HousingGrade(LabelledEnum):
    """农村住房安全性鉴定等级 (住建部《农村危险房屋鉴定技术导则》): C and D are 危房."""

    A = "a", "A级（安全）"
    B = "b", "B级（基本安全）"
    C = "c", "C级危房（局部危险）"
    D = "d", "D级危房（整体危险）"


class RenovationStatus(LabelledEnum):
    """危房改造: opened by a C/D appraisal, completed by the works, closed by a safe re-appraisal."""

    OPEN = "open", "改造中"
    COMPLETED = "completed", "已竣工待复评"
    CLOSED = "closed", "复评安全已销号"


class WaterSiteStatus(LabelledEnum):
    PLANNED = "planned", "未开工"
    UNDER_CONSTRUCTION = "under_construction", "在建"
    COMPLETED = "completed", "已完工"


class DropoutStatus(LabelledEnum):
    """控辍保学: a case opened for a child of compulsory-school age out of school, followed until closed."""

    OPEN = "open", "已立案"
    FOLLOWING = "following", "劝返跟进中"
    CLOSED = "closed", "已销案"


class DropoutOutcome(LabelledEnum):
    RETURNED = "returned", "已劝返复学"
    SPECIAL_EDUCATION = "special_education", "送教上门或特殊教育安置"
    OVER_AGE = "over_age", "已超出义务教育年龄"


class AidKind(LabelledEnum):
    """教育资助 kinds a student from a 脱贫户 or monitored household receives (学生资助政策)."""

    LIVING_ALLOWANCE = "living_allowance", "家庭经济困难学生生活补助"
    TUITION_WAIVER = "tuition_waiver", "免学费"
    NATIONAL_GRANT = "national_grant", "国家助学金"
    STUDENT_LOAN = "student_loan", "生源地信用助学贷款"
    YULU = "yulu", "雨露计划补助"
    OTHER = "other", "其他资助"


class Term(LabelledEnum):
    SPRING = "spring", "春季学期"
    AUTUMN = "autumn", "秋季学期"


class VocationalStatus(LabelledEnum):
    ENROLLED = "enrolled", "在读"
    GRADUATED = "graduated", "已毕业"
    LEFT = "left", "中途退学"


class GraduateNextStep(LabelledEnum):
    EMPLOYED = "employed", "已就业"
    SEEKING = "seeking", "待就业"
    FURTHER_STUDY = "further_study", "升学"
    ENLISTED = "enlisted", "参军"
    OTHER = "other", "其他"


class InsuranceSubsidy(LabelledEnum):
    """分类资助参保: the category a member's 城乡居民医保 contribution is subsidised in."""

    NONE = "none", "未享受资助"
    FULL = "full", "全额资助（特困人员）"
    FIXED = "fixed", "定额资助（低保对象、返贫致贫人口等）"
    PARTIAL = "partial", "部分资助（脱贫不稳定人口等）"


class HousingAppraisal(Base):
    """住房安全性鉴定: one household's house graded on a date (住建 or the town's appraisers)."""

    __tablename__ = "housing_appraisals"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    appraised_on: Mapped[date] = mapped_column(Date)
    grade: Mapped[HousingGrade] = mapped_column(_enum(HousingGrade, "housing_grade"))
    # C and D are 危房: computed, so no row can say otherwise.
    dangerous: Mapped[bool] = mapped_column(Boolean, Computed("grade IN ('c', 'd')", persisted=True))
    appraiser: Mapped[str] = mapped_column(String(100))  # 鉴定单位或鉴定人
    recorded_by: Mapped[str] = mapped_column(String(100))
    # The department record that brought it (住建 batch), one appraisal per record.
    origin_ref: Mapped[str | None] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __mapper_args__ = {"eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        # One grade per house per day: a second one the same day would leave "the latest" undefined.
        UniqueConstraint("household_id", "appraised_on"),
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        Index(None, "town_code", "village_code"),
    )


class RenovationCase(Base):
    """危房改造 case: from the dangerous appraisal to completion and the safe re-appraisal."""

    __tablename__ = "renovation_cases"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    opening_appraisal_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("housing_appraisals.id", ondelete="RESTRICT"), unique=True
    )
    opened_on: Mapped[date] = mapped_column(Date)
    status: Mapped[RenovationStatus] = mapped_column(
        _enum(RenovationStatus, "renovation_status"), default=RenovationStatus.OPEN
    )
    completed_on: Mapped[date | None] = mapped_column(Date)
    closing_appraisal_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("housing_appraisals.id", ondelete="RESTRICT"), unique=True
    )
    closed_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        # Each status carries exactly its dates: open has none, completed its completion, closed both
        # and the re-appraisal that closed it.
        CheckConstraint(
            "(status = 'open' AND completed_on IS NULL AND closed_on IS NULL"
            " AND closing_appraisal_id IS NULL)"
            " OR (status = 'completed' AND completed_on IS NOT NULL AND closed_on IS NULL"
            " AND closing_appraisal_id IS NULL)"
            " OR (status = 'closed' AND completed_on IS NOT NULL AND closed_on IS NOT NULL"
            " AND closing_appraisal_id IS NOT NULL)",
            name="dates_follow_status",
        ),
        CheckConstraint("completed_on IS NULL OR completed_on >= opened_on", name="completed_after_opened"),
        CheckConstraint("closed_on IS NULL OR closed_on >= completed_on", name="closed_after_completed"),
        # One unfinished case per household: concurrent dangerous appraisals open it once.
        Index(
            "uq_renovation_cases_unfinished_household",
            "household_id",
            unique=True,
            postgresql_where=text("status <> 'closed'"),
        ),
        Index(None, "updated_at", "id"),
        Index(None, "town_code", "village_code"),
    )


class WaterCheck(Base):
    """饮水安全核查 from a visit: is the household's water safe (水量、水质、用水方便程度、供水保证率)."""

    __tablename__ = "water_checks"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    checked_on: Mapped[date] = mapped_column(Date)
    safe: Mapped[bool] = mapped_column(Boolean)
    finding: Mapped[str] = mapped_column(Text, server_default="")
    recorded_by: Mapped[str] = mapped_column(String(100))
    # The department record that brought it (水利 batch), one check per record.
    origin_ref: Mapped[str | None] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __mapper_args__ = {"eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        UniqueConstraint("household_id", "checked_on"),
        # An unsafe finding says why.
        CheckConstraint("safe OR length(finding) > 0", name="unsafe_has_finding"),
    )


class ProjectedFundsProject(Base):
    """funds' approved projects as its ``project.approved`` events describe them: a projection, so a
    water site names a real project of its own town (ADR 0005). No version in funds' event: the
    event's time orders announcements, a later one replaces an earlier one."""

    __tablename__ = "projected_funds_projects"

    project_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str | None] = mapped_column(String(12))
    category: Mapped[str] = mapped_column(String(100))
    year: Mapped[int] = mapped_column(Integer)
    announced_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        CheckConstraint("village_code IS NULL OR left(village_code, 9) = town_code", name="village_in_town"),
    )


class WaterSite(Base):
    """农村供水工程点位 (e.g. the 2025 维修养护 project's village pipe sites): the district's list."""

    __tablename__ = "water_sites"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    # The site's number in the district's list: what a re-import matches on.
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    works: Mapped[str] = mapped_column(String(200))  # 所属供水工程
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    year: Mapped[int] = mapped_column(SmallInteger)
    status: Mapped[WaterSiteStatus] = mapped_column(_enum(WaterSiteStatus, "water_site_status"))
    completed_on: Mapped[date | None] = mapped_column(Date)
    # A funds project (checked against ``projected_funds_projects`` when written; no foreign key, as
    # a rebuild empties the projection while the sites stay).
    funds_project_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("(status = 'completed') = (completed_on IS NOT NULL)", name="completed_has_date"),
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        CheckConstraint("year BETWEEN 2000 AND 2100", name="plausible_year"),
        Index(None, "town_code", "village_code"),
        Index(None, "updated_at", "id"),
    )


class DropoutCase(Base):
    """控辍保学 case for one member: opened, followed (劝返), closed with its outcome."""

    __tablename__ = "dropout_cases"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"))
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    opened_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[DropoutStatus] = mapped_column(
        _enum(DropoutStatus, "dropout_status"), default=DropoutStatus.OPEN
    )
    follow_ups: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    last_followed_on: Mapped[date | None] = mapped_column(Date)
    last_follow_up: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[DropoutOutcome | None] = mapped_column(_enum(DropoutOutcome, "dropout_outcome"))
    closed_on: Mapped[date | None] = mapped_column(Date)
    # The department record that opened it (教育 batch), one case per record.
    origin_ref: Mapped[str | None] = mapped_column(String(200), unique=True)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        CheckConstraint(
            "(status = 'closed') = (outcome IS NOT NULL AND closed_on IS NOT NULL)", name="closed_has_outcome"
        ),
        CheckConstraint("status = 'open' OR status = 'closed' OR follow_ups > 0", name="following_followed"),
        CheckConstraint("closed_on IS NULL OR closed_on >= opened_on", name="closed_after_opened"),
        CheckConstraint(
            "last_followed_on IS NULL OR last_followed_on >= opened_on", name="followed_after_opened"
        ),
        # One case at a time per child.
        Index(
            "uq_dropout_cases_unclosed_member",
            "member_id",
            unique=True,
            postgresql_where=text("status <> 'closed'"),
        ),
        Index(None, "updated_at", "id"),
        Index(None, "town_code", "village_code"),
    )


class StudentAid(Base):
    """教育资助 received by a student (kind, amount, term): "困难学生全部得到资助" counts these."""

    __tablename__ = "student_aids"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"))
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    kind: Mapped[AidKind] = mapped_column(_enum(AidKind, "aid_kind"))
    amount: Mapped[Decimal] = mapped_column(MONEY)
    school_year: Mapped[int] = mapped_column(SmallInteger)  # the calendar year the term falls in
    term: Mapped[Term] = mapped_column(_enum(Term, "school_term"))
    granted_on: Mapped[date] = mapped_column(Date)
    origin_ref: Mapped[str | None] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __mapper_args__ = {"eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        # One grant of a kind per student and term: a re-sent record cannot pay twice.
        UniqueConstraint("member_id", "kind", "school_year", "term"),
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("school_year BETWEEN 2000 AND 2100", name="plausible_year"),
        Index(None, "school_year", "term", "town_code"),
    )


class VocationalStudent(Base):
    """雨露计划: a student of a 脱贫户 or monitored household in vocational education, from enrolment
    to graduation, and what the graduate does next (announced for employment)."""

    __tablename__ = "vocational_students"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"))
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    school: Mapped[str] = mapped_column(String(200))
    major: Mapped[str] = mapped_column(String(200))
    enrolled_on: Mapped[date] = mapped_column(Date)
    status: Mapped[VocationalStatus] = mapped_column(
        _enum(VocationalStatus, "vocational_status"), default=VocationalStatus.ENROLLED
    )
    ended_on: Mapped[date | None] = mapped_column(Date)  # graduation or leaving
    next_step: Mapped[GraduateNextStep | None] = mapped_column(_enum(GraduateNextStep, "graduate_next_step"))
    next_step_note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        CheckConstraint("(status = 'enrolled') = (ended_on IS NULL)", name="ended_unless_enrolled"),
        CheckConstraint("(status = 'graduated') = (next_step IS NOT NULL)", name="graduate_has_next_step"),
        CheckConstraint("ended_on IS NULL OR ended_on >= enrolled_on", name="ended_after_enrolled"),
        Index(
            "uq_vocational_students_enrolled_member",
            "member_id",
            unique=True,
            postgresql_where=text("status = 'enrolled'"),
        ),
        Index(None, "updated_at", "id"),
        Index(None, "town_code", "village_code"),
    )


class MemberInsurance(Base):
    """基本医疗保险参保 per member and year, with the 分类资助参保 subsidy received; the latest
    year's record sets ``Member.medical_insured``."""

    __tablename__ = "member_insurances"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"))
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    year: Mapped[int] = mapped_column(SmallInteger)
    insured: Mapped[bool] = mapped_column(Boolean)
    subsidy: Mapped[InsuranceSubsidy] = mapped_column(_enum(InsuranceSubsidy, "insurance_subsidy"))
    subsidy_amount: Mapped[Decimal] = mapped_column(MONEY)
    origin_ref: Mapped[str | None] = mapped_column(String(200), unique=True)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        UniqueConstraint("member_id", "year"),
        CheckConstraint("year BETWEEN 2000 AND 2100", name="plausible_year"),
        # A subsidy is paid towards a contribution: none without insurance, an amount iff a category.
        CheckConstraint(
            "(subsidy = 'none') = (subsidy_amount = 0) AND subsidy_amount >= 0"
            " AND (insured OR subsidy = 'none')",
            name="subsidy_with_insurance",
        ),
        Index(None, "year", "town_code"),
    )


class MedicalExpense(Base):
    """大额医疗费用: one settlement with what 基本医保, 大病保险 and 医疗救助 paid; the rest is the
    household's (computed, so no row can disagree)."""

    __tablename__ = "medical_expenses"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"))
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    settled_on: Mapped[date] = mapped_column(Date)
    total: Mapped[Decimal] = mapped_column(MONEY)
    basic_insurance_paid: Mapped[Decimal] = mapped_column(MONEY)
    serious_illness_paid: Mapped[Decimal] = mapped_column(MONEY)
    medical_assistance_paid: Mapped[Decimal] = mapped_column(MONEY)
    out_of_pocket: Mapped[Decimal] = mapped_column(
        MONEY,
        Computed(
            "total - basic_insurance_paid - serious_illness_paid - medical_assistance_paid", persisted=True
        ),
    )
    origin_ref: Mapped[str | None] = mapped_column(String(200), unique=True)
    recorded_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __mapper_args__ = {"eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        CheckConstraint("total > 0", name="total_positive"),
        CheckConstraint(
            "basic_insurance_paid >= 0 AND serious_illness_paid >= 0 AND medical_assistance_paid >= 0"
            " AND basic_insurance_paid + serious_illness_paid + medical_assistance_paid <= total",
            name="layers_within_total",
        ),
        Index(None, "household_id", "settled_on"),
    )
