"""Tables of the assets service (schema ``assets``)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from shared.db import MONEY, make_metadata, pg_enum
from shared.labels import LabelledEnum
from shared.tables import add_kit_tables

SCHEMA = "assets"


class Base(DeclarativeBase):
    metadata = make_metadata(SCHEMA)


kit = add_kit_tables(Base.metadata, import_refusals=True)


class AssetKind(LabelledEnum):
    OPERATING = "operating", "经营性"
    PUBLIC_WELFARE = "public_welfare", "公益性"
    HOUSEHOLD = "household", "到户类"


class OwnerKind(LabelledEnum):
    VILLAGE_COLLECTIVE = "village_collective", "村集体"
    HOUSEHOLD = "household", "农户"
    OTHER = "other", "其他"


class AssetStatus(LabelledEnum):
    """An asset's life (domain §4): formed → 确权 → 移交 → 管护运营 → 处置."""

    FORMED = "formed", "已形成（待确权）"
    OWNERSHIP_CONFIRMED = "ownership_confirmed", "已确权"
    HANDED_OVER = "handed_over", "已移交"
    IN_OPERATION = "in_operation", "管护运营中"
    DISPOSED = "disposed", "已处置"


class LifecycleAction(LabelledEnum):
    REGISTER = "register", "登记"
    CORRECT = "correct", "更正登记"
    CONFIRM_OWNERSHIP = "confirm_ownership", "确权"
    HAND_OVER = "hand_over", "移交"
    START_OPERATION = "start_operation", "投入管护运营"
    DISPOSE = "dispose", "处置"


class DisposalMethod(LabelledEnum):
    TRANSFER = "transfer", "转让"
    AUCTION = "auction", "拍卖"
    DONATION = "donation", "捐赠"
    SCRAP = "scrap", "报废"
    LOSS = "loss", "损毁灭失"


class MaintenanceKind(LabelledEnum):
    ROUTINE = "routine", "日常管护"
    REPAIR = "repair", "维修"
    INCIDENT = "incident", "运维故障"


class DecisionProcedure(LabelledEnum):
    FOUR_DISCUSSIONS_TWO_PUBLICATIONS = "four_discussions_two_publications", "四议两公开"
    VILLAGERS_ASSEMBLY = "villagers_assembly", "村民（代表）会议决议"
    OTHER = "other", "其他程序"


class RevenueUse(LabelledEnum):
    PUBLIC_WELFARE_POSTS = "public_welfare_posts", "设置公益性岗位"
    SMALL_PUBLIC_WORKS = "small_public_works", "小型公益事业"
    MONITORED_HOUSEHOLD_ASSISTANCE = "monitored_household_assistance", "帮扶监测对象"
    COLLECTIVE_REINVESTMENT = "collective_reinvestment", "村集体再投入"


class IdleRule(LabelledEnum):
    NO_REVENUE = "no_revenue", "连续无收益"
    LOW_UTILISATION = "low_utilisation", "利用率偏低"
    NOT_IN_USE = "not_in_use", "公益性资产闲置或损毁"


class IdleAction(LabelledEnum):
    REVITALISE = "revitalise", "盘活"
    CHANGE_USE = "change_use", "改变用途"
    DISPOSE = "dispose", "处置"


def _enum(e: type[LabelledEnum], name: str) -> Enum:
    return pg_enum(e, name, SCHEMA)


class AssetOrigin(LabelledEnum):
    """Where a ledger line comes from, so the one ledger (统一台账) says which lines predate it."""

    PROJECT = "project", "项目验收形成"
    REGISTERED = "registered", "手工登记"
    IMPORTED = "imported", "存量台账导入"


class UseStatus(LabelledEnum):
    """公益性资产使用状况."""

    IN_USE = "in_use", "正常使用"
    IDLE = "idle", "闲置"
    DAMAGED = "damaged", "损毁"


class _Timestamps:
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


class SourceProject(Base):
    """Our reference projection of funds' accepted projects (资金、项目、资产一体化).

    Written only from ``project.accepted`` events (and rebuilt from funds' stream), so an asset can
    name its project and show its funds. Assets do not hold a foreign key to it: a rebuild empties
    it while the assets that name its rows stay.
    """

    __tablename__ = "source_projects"

    project_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str | None] = mapped_column(String(12))
    category: Mapped[str] = mapped_column(String(100))
    year: Mapped[int] = mapped_column(Integer)
    accepted_on: Mapped[date] = mapped_column(Date)
    total_investment: Mapped[Decimal] = mapped_column(MONEY)
    # [{fund_id, source, amount}] as funds announced them; read-only here.
    fund_shares: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    # When funds announced it (the event's time): a later announcement replaces an earlier one,
    # never the other way round. funds' event carries no version of the project; this orders them.
    announced_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        CheckConstraint("village_code IS NULL OR left(village_code, 9) = town_code", name="village_in_town"),
    )


class Asset(_Timestamps, Base):
    """帮扶项目资产：one line of the unified asset ledger (资产登记管理台账)."""

    __tablename__ = "assets"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[AssetKind] = mapped_column(_enum(AssetKind, "asset_kind"))
    category: Mapped[str] = mapped_column(String(100))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    latitude: Mapped[Decimal | None] = mapped_column(Numeric(9, 6))
    longitude: Mapped[Decimal | None] = mapped_column(Numeric(9, 6))
    value: Mapped[Decimal] = mapped_column(MONEY)
    formed_on: Mapped[date] = mapped_column(Date)
    # A project of funds, checked against ``source_projects`` when written (no foreign key: see there).
    source_project_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    # The asset's line in the project's acceptance (unique within the project).
    source_asset_ref: Mapped[str | None] = mapped_column(String(40))
    owner_kind: Mapped[OwnerKind] = mapped_column(_enum(OwnerKind, "owner_kind"))
    owner_name: Mapped[str | None] = mapped_column(String(200))  # 产权主体（组织名称）
    manager_name: Mapped[str | None] = mapped_column(String(200))  # 管护主体（组织名称）
    status: Mapped[AssetStatus] = mapped_column(
        _enum(AssetStatus, "asset_status"), default=AssetStatus.FORMED
    )
    version: Mapped[int] = mapped_column(Integer)
    # Where the line comes from (项目验收形成 / 手工登记 / 存量台账导入); see ``AssetOrigin``.
    origin: Mapped[AssetOrigin] = mapped_column(
        _enum(AssetOrigin, "asset_origin"), server_default=AssetOrigin.REGISTERED.value
    )
    # An imported line's number in the old ledger (原台账编号): the import's idempotency key.
    legacy_ref: Mapped[str | None] = mapped_column(String(60))
    # The project an imported asset came from when funds holds no record of it (历史项目名称, text).
    legacy_project_name: Mapped[str | None] = mapped_column(String(200))
    # 公益性资产使用状况 (public-welfare assets only) and since when it holds.
    use_status: Mapped[UseStatus | None] = mapped_column(_enum(UseStatus, "use_status"))
    use_status_since: Mapped[date | None] = mapped_column(Date)

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("(origin = 'imported') = (legacy_ref IS NOT NULL)", name="legacy_ref_iff_imported"),
        CheckConstraint(
            "legacy_project_name IS NULL OR origin = 'imported'", name="legacy_project_only_imported"
        ),
        CheckConstraint(
            "(origin = 'project') = (source_asset_ref IS NOT NULL)", name="project_origin_has_ref"
        ),
        CheckConstraint(
            "(kind = 'public_welfare') = (use_status IS NOT NULL)", name="use_status_public_welfare"
        ),
        CheckConstraint("(use_status IS NULL) = (use_status_since IS NULL)", name="use_status_dated"),
        # Importing the same old ledger again opens nothing twice.
        UniqueConstraint("village_code", "legacy_ref"),
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        CheckConstraint("value >= 0", name="value_non_negative"),
        CheckConstraint("latitude BETWEEN -90 AND 90", name="latitude_range"),
        CheckConstraint("longitude BETWEEN -180 AND 180", name="longitude_range"),
        CheckConstraint("(latitude IS NULL) = (longitude IS NULL)", name="coordinates_paired"),
        CheckConstraint(
            "source_asset_ref IS NULL OR source_project_id IS NOT NULL", name="asset_ref_needs_project"
        ),
        # A repeated project.accepted can never open the same asset twice.
        UniqueConstraint("source_project_id", "source_asset_ref"),
        Index(None, "town_code", "village_code"),
        Index(None, "source_project_id"),
        Index(None, "updated_at", "id"),
    )


class LifecycleStep(Base):
    """One step of an asset's life, with who, when, why and on which documents (全程监管)."""

    __tablename__ = "lifecycle_steps"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    asset_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(Asset.id, ondelete="CASCADE"))
    action: Mapped[LifecycleAction] = mapped_column(_enum(LifecycleAction, "lifecycle_action"))
    from_status: Mapped[AssetStatus | None] = mapped_column(_enum(AssetStatus, "asset_status"))
    to_status: Mapped[AssetStatus] = mapped_column(_enum(AssetStatus, "asset_status"))
    occurred_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(Text)
    # [{title, ref}]: file numbers or links of the documents the step rests on.
    documents: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, server_default=text("'[]'::jsonb"))
    details: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    disposal_method: Mapped[DisposalMethod | None] = mapped_column(_enum(DisposalMethod, "disposal_method"))
    approved_by: Mapped[str | None] = mapped_column(String(200))  # 审批机关
    approval_ref: Mapped[str | None] = mapped_column(String(100))  # 批复文号
    approved_on: Mapped[date | None] = mapped_column(Date)
    actor: Mapped[str] = mapped_column(String(100))
    actor_role: Mapped[str] = mapped_column(String(40))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (
        CheckConstraint(
            "action <> 'dispose' OR (approved_by IS NOT NULL AND approval_ref IS NOT NULL"
            " AND approved_on IS NOT NULL AND disposal_method IS NOT NULL AND reason IS NOT NULL)",
            name="disposal_approved",
        ),
        Index(None, "asset_id", "recorded_at"),
    )


class MaintenanceRecord(_Timestamps, Base):
    """管护记录: routine care, repairs and O&M incidents, with their cost."""

    __tablename__ = "maintenance_records"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    asset_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(Asset.id, ondelete="CASCADE"))
    kind: Mapped[MaintenanceKind] = mapped_column(_enum(MaintenanceKind, "maintenance_kind"))
    performed_on: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text)
    cost: Mapped[Decimal] = mapped_column(MONEY)
    resolved_on: Mapped[date | None] = mapped_column(Date)
    actor: Mapped[str] = mapped_column(String(100))

    __table_args__ = (
        CheckConstraint("cost >= 0", name="cost_non_negative"),
        CheckConstraint("resolved_on IS NULL OR resolved_on >= performed_on", name="resolved_after"),
        Index(None, "asset_id", "updated_at", "id"),
    )


class PvStation(_Timestamps, Base):
    """村级光伏帮扶电站: the photovoltaic profile of an asset."""

    __tablename__ = "pv_stations"

    asset_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(Asset.id, ondelete="CASCADE"), primary_key=True)
    capacity_kw: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    grid_connected_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (CheckConstraint("capacity_kw > 0", name="capacity_positive"),)


class MonthlyOperation(_Timestamps, Base):
    """One month of an asset's operation: revenue, and generation (光伏) or utilisation."""

    __tablename__ = "monthly_operations"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    asset_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(Asset.id, ondelete="CASCADE"))
    month: Mapped[date] = mapped_column(Date)  # first day of the month
    revenue: Mapped[Decimal] = mapped_column(MONEY)
    generation_kwh: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    utilisation: Mapped[Decimal | None] = mapped_column(Numeric(5, 4))  # 0..1, e.g. share of space leased
    actor: Mapped[str] = mapped_column(String(100))

    __table_args__ = (
        CheckConstraint("extract(day from month) = 1", name="month_first_day"),
        CheckConstraint("revenue >= 0", name="revenue_non_negative"),
        CheckConstraint("generation_kwh >= 0", name="generation_non_negative"),
        CheckConstraint("utilisation BETWEEN 0 AND 1", name="utilisation_range"),
        UniqueConstraint("asset_id", "month"),
        Index(None, "updated_at", "id"),
    )


class RevenueDistribution(_Timestamps, Base):
    """收益分配决定: who decided, by which procedure, and how the total is split."""

    __tablename__ = "revenue_distributions"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    asset_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(Asset.id, ondelete="RESTRICT"))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    decided_on: Mapped[date] = mapped_column(Date)
    procedure: Mapped[DecisionProcedure] = mapped_column(_enum(DecisionProcedure, "decision_procedure"))
    approving_body: Mapped[str] = mapped_column(String(200))
    decision_ref: Mapped[str | None] = mapped_column(String(100))
    total_amount: Mapped[Decimal] = mapped_column(MONEY)
    actor: Mapped[str] = mapped_column(String(100))
    # The year whose recorded revenue is shared out (收益所属年度); checked by a trigger.
    revenue_year: Mapped[int] = mapped_column(SmallInteger)

    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        CheckConstraint("total_amount > 0", name="total_positive"),
        CheckConstraint("revenue_year BETWEEN 2000 AND 2100", name="revenue_year_range"),
        Index(None, "town_code", "village_code"),
        Index(None, "asset_id"),
        Index(None, "updated_at", "id"),
    )


class DistributionShare(Base):
    """One use of a distribution and who benefits; the shares add up to the total (trigger)."""

    __tablename__ = "distribution_shares"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    distribution_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey(RevenueDistribution.id, ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(SmallInteger)  # order as decided
    use: Mapped[RevenueUse] = mapped_column(_enum(RevenueUse, "revenue_use"))
    beneficiary: Mapped[str] = mapped_column(String(200))  # e.g. 公益性岗位人员; no personal names
    beneficiary_count: Mapped[int] = mapped_column(Integer)
    amount: Mapped[Decimal] = mapped_column(MONEY)

    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("beneficiary_count >= 0", name="beneficiary_count_non_negative"),
        UniqueConstraint("distribution_id", "position"),
    )


class IdleFlag(_Timestamps, Base):
    """低效闲置: an asset a screening rule caught, and what the town proposes to do with it."""

    __tablename__ = "idle_flags"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    asset_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(Asset.id, ondelete="CASCADE"))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    rule: Mapped[IdleRule] = mapped_column(_enum(IdleRule, "idle_rule"))
    flagged_on: Mapped[date] = mapped_column(Date)
    # Months without revenue, or the average utilisation found (0..1).
    measure: Mapped[Decimal] = mapped_column(Numeric(10, 4))
    proposed_action: Mapped[IdleAction | None] = mapped_column(_enum(IdleAction, "idle_action"))
    action_note: Mapped[str | None] = mapped_column(Text)
    cleared_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        # One open flag per asset and rule: re-running a screening flags nothing twice.
        Index(
            "uq_idle_flags_open", "asset_id", "rule", unique=True, postgresql_where=text("cleared_on IS NULL")
        ),
        Index(None, "town_code", "village_code"),
        Index(None, "updated_at", "id"),
    )


# --- assets: ledger consolidation, distribution reversals, value and use (issue 13) ---


class ValuationKind(LabelledEnum):
    DEPRECIATION = "depreciation", "计提折旧"
    REVALUATION = "revaluation", "资产评估（重估）"


class DistributionReversal(Base):
    """冲销: the compensating entry that voids a distribution (红字冲销); the decision stays as it was.

    One per distribution; a corrected split is then decided anew. Reason and approval are required.
    """

    __tablename__ = "distribution_reversals"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    distribution_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey(RevenueDistribution.id, ondelete="RESTRICT"), unique=True
    )
    reversed_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    approved_by: Mapped[str] = mapped_column(String(200))
    approval_ref: Mapped[str] = mapped_column(String(100))
    approved_on: Mapped[date] = mapped_column(Date)
    actor: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (
        CheckConstraint("approved_on <= reversed_on", name="approved_before"),
        CheckConstraint("length(reason) > 0", name="reason_given"),
    )


class AssetValuation(Base):
    """经营性资产账面价值: one depreciation or revaluation, with the book value it leaves."""

    __tablename__ = "asset_valuations"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    asset_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(Asset.id, ondelete="CASCADE"))
    kind: Mapped[ValuationKind] = mapped_column(_enum(ValuationKind, "valuation_kind"))
    valued_on: Mapped[date] = mapped_column(Date)
    book_value_before: Mapped[Decimal] = mapped_column(MONEY)
    book_value: Mapped[Decimal] = mapped_column(MONEY)
    basis: Mapped[str] = mapped_column(Text)  # 计提依据 / 评估报告
    appraisal_ref: Mapped[str | None] = mapped_column(String(100))  # 评估报告文号
    actor: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (
        CheckConstraint("book_value >= 0", name="book_value_non_negative"),
        CheckConstraint(
            "kind <> 'depreciation' OR book_value <= book_value_before", name="depreciation_lowers"
        ),
        CheckConstraint("kind <> 'revaluation' OR appraisal_ref IS NOT NULL", name="revaluation_appraised"),
        UniqueConstraint("asset_id", "valued_on"),
    )


class UseCheck(Base):
    """公益性资产使用状况核查: each observed use status, the history behind ``Asset.use_status``."""

    __tablename__ = "use_checks"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    asset_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(Asset.id, ondelete="CASCADE"))
    checked_on: Mapped[date] = mapped_column(Date)
    use_status: Mapped[UseStatus] = mapped_column(_enum(UseStatus, "use_status"))
    note: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (Index(None, "asset_id", "checked_on"),)
