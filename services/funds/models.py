"""Tables of the funds service (schema ``funds``).

Money is NUMERIC(16, 2) everywhere. Running totals (``allocated``, ``paid``, ``repaid``) sit on the
parent rows with CHECKs, so the database itself refuses any allocation beyond a fund, any payment
beyond an allocation and any repayment beyond a loan, whatever the concurrency.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    ForeignKeyConstraint,
    Identity,
    Index,
    Integer,
    Numeric,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    case,
    func,
    literal,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import DeclarativeBase, Mapped, column_property, mapped_column

from shared.db import MONEY, make_metadata, pg_enum
from shared.labels import LabelledEnum
from shared.tables import add_kit_tables

SCHEMA = "funds"


class Base(DeclarativeBase):
    metadata = make_metadata(SCHEMA)


kit = add_kit_tables(Base.metadata)

ZERO = text("0")


class ProjectCategory(LabelledEnum):
    INDUSTRY = "industry", "产业"
    EMPLOYMENT = "employment", "就业"
    INFRASTRUCTURE = "infrastructure", "小型公益性基础设施"
    RELOCATION = "relocation", "易地搬迁后续扶持"
    OTHER = "other", "其他"


class ProjectStatus(LabelledEnum):
    """A project's life (domain §3), in order; ``rejected`` ends a failed entry review."""

    PROPOSED = "proposed", "已申报"
    IN_REVIEW = "in_review", "入库论证中"
    REJECTED = "rejected", "论证未通过"
    IN_LIBRARY = "in_library", "已入库"
    PLANNED = "planned", "已纳入年度计划"
    APPROVED = "approved", "已批复并安排资金"
    IN_PROGRESS = "in_progress", "实施中"
    COMPLETED = "completed", "已完工"
    ACCEPTED = "accepted", "已验收"
    HANDED_OVER = "handed_over", "资产已移交"


# Stages a project reaches only after entering the library (used by the CHECKs below).
_ENTERED = "('in_library','planned','approved','in_progress','completed','accepted','handed_over')"
_ACCEPTED = "('accepted','handed_over')"


class FundSource(LabelledEnum):
    CENTRAL = "central", "中央财政衔接资金"
    PROVINCIAL = "provincial", "省级财政衔接资金"
    DISTRICT = "district", "区级财政衔接资金"
    CENTRAL_LOTTERY = "central_lottery", "中央专项彩票公益金（支持革命老区）"


class IndicatorKind(LabelledEnum):
    OUTPUT = "output", "产出指标"
    BENEFIT = "benefit", "效益指标"
    SATISFACTION = "satisfaction", "满意度指标"


class AssetKind(LabelledEnum):
    OPERATING = "operating", "经营性"
    PUBLIC_WELFARE = "public_welfare", "公益性"
    HOUSEHOLD = "household", "到户类"


class OwnerKind(LabelledEnum):
    VILLAGE_COLLECTIVE = "village_collective", "村集体"
    HOUSEHOLD = "household", "农户"
    OTHER = "other", "其他"


class AnnouncementKind(LabelledEnum):
    PLAN = "plan", "项目计划公示"
    RESULT = "result", "项目结果公告"


class BorrowerKind(LabelledEnum):
    LIFTED_OUT = "lifted_out", "脱贫人口"
    MONITORED = "monitored", "监测对象"


def _enum(e: type[LabelledEnum], name: str) -> Enum:
    return pg_enum(e, name, SCHEMA)


def _created() -> Mapped[datetime]:
    return mapped_column(DateTime(timezone=True), server_default=func.now())


def _updated() -> Mapped[datetime]:
    return mapped_column(DateTime(timezone=True), server_default=func.now(), onupdate=func.now())


class Project(Base):
    """项目库中的项目：proposed by a village, a town or a department for a given year."""

    __tablename__ = "projects"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(200))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str | None] = mapped_column(String(12))
    category: Mapped[ProjectCategory] = mapped_column(_enum(ProjectCategory, "project_category"))
    year: Mapped[int] = mapped_column(SmallInteger)
    planned_amount: Mapped[Decimal] = mapped_column(MONEY)
    status: Mapped[ProjectStatus] = mapped_column(
        _enum(ProjectStatus, "project_status"), default=ProjectStatus.PROPOSED
    )
    # 省级提级综合论证: decided from the planned amount against the configured threshold.
    requires_elevated_review: Mapped[bool] = mapped_column(Boolean, default=False)
    elevated_review_on: Mapped[date | None] = mapped_column(Date)
    elevated_review_document: Mapped[str | None] = mapped_column(String(300))
    # The proposing department, when a department officer proposed it (they may then amend it).
    proposing_department: Mapped[str | None] = mapped_column(String(100))
    allocated: Mapped[Decimal] = mapped_column(MONEY, server_default=ZERO, default=Decimal(0))
    paid: Mapped[Decimal] = mapped_column(MONEY, server_default=ZERO, default=Decimal(0))
    evaluated_on: Mapped[date | None] = mapped_column(Date)
    evaluation_conclusion: Mapped[str | None] = mapped_column(Text)
    accepted_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = _created()
    updated_at: Mapped[datetime] = _updated()

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("village_code IS NULL OR left(village_code, 9) = town_code", name="village_in_town"),
        CheckConstraint("planned_amount > 0", name="planned_amount_positive"),
        CheckConstraint("year BETWEEN 2000 AND 2100", name="year_range"),
        CheckConstraint("allocated >= 0 AND allocated <= planned_amount", name="allocated_within_plan"),
        CheckConstraint("paid >= 0 AND paid <= allocated", name="paid_within_allocated"),
        CheckConstraint(
            f"NOT requires_elevated_review OR status NOT IN {_ENTERED} OR elevated_review_on IS NOT NULL",
            name="elevated_review_before_entry",
        ),
        CheckConstraint(
            f"status NOT IN {_ACCEPTED} OR (evaluated_on IS NOT NULL AND accepted_on IS NOT NULL)",
            name="evaluated_before_acceptance",
        ),
        Index(None, "town_code", "village_code"),
        Index(None, "year", "category"),
        Index(None, "updated_at", "id"),
    )


class ProjectStep(Base):
    """One step of a project's life: who, when, from which status to which, why, on what papers."""

    __tablename__ = "project_steps"

    id: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    from_status: Mapped[ProjectStatus | None] = mapped_column(_enum(ProjectStatus, "project_status"))
    to_status: Mapped[ProjectStatus] = mapped_column(_enum(ProjectStatus, "project_status"))
    actor: Mapped[str] = mapped_column(String(100))
    actor_role: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text)
    documents: Mapped[list[str]] = mapped_column(ARRAY(String(300)), server_default="{}", default=list)
    at: Mapped[datetime] = _created()

    __table_args__ = (Index(None, "project_id", "id"),)


class PerformanceIndicator(Base):
    """绩效目标：set at entry, evaluated (``actual``) before acceptance."""

    __tablename__ = "performance_indicators"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    kind: Mapped[IndicatorKind] = mapped_column(_enum(IndicatorKind, "indicator_kind"))
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(20))
    target: Mapped[Decimal] = mapped_column(MONEY)
    actual: Mapped[Decimal | None] = mapped_column(MONEY)

    __table_args__ = (
        UniqueConstraint("project_id", "kind", "name"),
        CheckConstraint("target >= 0", name="target_non_negative"),
        CheckConstraint("actual IS NULL OR actual >= 0", name="actual_non_negative"),
    )


class ProjectAsset(Base):
    """An asset the accepted project formed, as announced to the asset registry."""

    __tablename__ = "project_assets"

    project_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True
    )
    asset_ref: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[AssetKind] = mapped_column(_enum(AssetKind, "asset_kind"))
    category: Mapped[str] = mapped_column(String(100))
    value: Mapped[Decimal] = mapped_column(MONEY)
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    owner_kind: Mapped[OwnerKind] = mapped_column(_enum(OwnerKind, "owner_kind"))

    __table_args__ = (
        CheckConstraint("value > 0", name="value_positive"),
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
    )


class AssetLink(Base):
    """资金、项目、资产一体化: an asset the registry registered, linked back to its project."""

    __tablename__ = "asset_links"

    asset_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    # Null for an asset registered by hand with this project as its source.
    asset_ref: Mapped[str | None] = mapped_column(String(20))
    linked_at: Mapped[datetime] = _created()

    __table_args__ = (
        ForeignKeyConstraint(
            ["project_id", "asset_ref"], ["project_assets.project_id", "project_assets.asset_ref"]
        ),
        # One registered asset per announced asset, however often the event arrives.
        UniqueConstraint("project_id", "asset_ref"),
    )


class Announcement(Base):
    """公告公示: a project's plan or result, shown publicly for a period."""

    __tablename__ = "announcements"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    kind: Mapped[AnnouncementKind] = mapped_column(_enum(AnnouncementKind, "announcement_kind"))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = _created()
    updated_at: Mapped[datetime] = _updated()

    __table_args__ = (
        CheckConstraint("ends_on >= starts_on", name="period_ordered"),
        UniqueConstraint("project_id", "kind", "starts_on"),
        Index(None, "updated_at", "id"),
    )


class Fund(Base):
    """A year's linking fund from one source (e.g. one allocation document 资金文件)."""

    __tablename__ = "funds"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    year: Mapped[int] = mapped_column(SmallInteger)
    source: Mapped[FundSource] = mapped_column(_enum(FundSource, "fund_source"))
    name: Mapped[str] = mapped_column(String(200))
    amount: Mapped[Decimal] = mapped_column(MONEY)
    allocated: Mapped[Decimal] = mapped_column(MONEY, server_default=ZERO, default=Decimal(0))
    paid: Mapped[Decimal] = mapped_column(MONEY, server_default=ZERO, default=Decimal(0))
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = _created()
    updated_at: Mapped[datetime] = _updated()

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("allocated >= 0 AND allocated <= amount", name="allocated_within_amount"),
        CheckConstraint("paid >= 0 AND paid <= allocated", name="paid_within_allocated"),
        CheckConstraint("year BETWEEN 2000 AND 2100", name="year_range"),
        Index(None, "year", "source"),
        Index(None, "updated_at", "id"),
    )


class Allocation(Base):
    """An amount of one fund assigned to one project; payments draw on it."""

    __tablename__ = "allocations"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    fund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("funds.id"))
    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("projects.id"))
    amount: Mapped[Decimal] = mapped_column(MONEY)
    paid: Mapped[Decimal] = mapped_column(MONEY, server_default=ZERO, default=Decimal(0))
    # Allowed although it breaks the central-funds industry share (enforcement mode "flag").
    industry_share_flagged: Mapped[bool] = mapped_column(Boolean, server_default=text("false"), default=False)
    # Corrections (ledger/corrections.py): a compensating row has a negative amount and names the
    # allocation it corrects; the original keeps its amount and counts what was taken back.
    corrects_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("allocations.id"))
    reversed: Mapped[Decimal] = mapped_column(MONEY, server_default=ZERO, default=Decimal(0))
    created_at: Mapped[datetime] = _created()
    updated_at: Mapped[datetime] = _updated()

    __table_args__ = (
        CheckConstraint("(amount > 0) = (corrects_id IS NULL)", name="negative_only_as_correction"),
        CheckConstraint(
            "paid >= 0 AND reversed >= 0 AND paid + reversed <= greatest(amount, 0)",
            name="paid_and_reversed_within_amount",
        ),
        Index(None, "fund_id"),
        Index(None, "project_id"),
        Index(None, "updated_at", "id"),
    )


class Payment(Base):
    """资金支付: money actually paid out of an allocation, on a date."""

    __tablename__ = "payments"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    allocation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("allocations.id"))
    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("projects.id"))
    fund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("funds.id"))
    amount: Mapped[Decimal] = mapped_column(MONEY)
    paid_on: Mapped[date] = mapped_column(Date)
    voucher: Mapped[str] = mapped_column(String(100))
    # A compensating (冲正) payment is negative and names the payment it reverses.
    corrects_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("payments.id"))
    reversed: Mapped[Decimal] = mapped_column(MONEY, server_default=ZERO, default=Decimal(0))
    created_at: Mapped[datetime] = _created()
    updated_at: Mapped[datetime] = _updated()

    __table_args__ = (
        CheckConstraint("(amount > 0) = (corrects_id IS NULL)", name="negative_only_as_correction"),
        CheckConstraint("reversed >= 0 AND reversed <= greatest(amount, 0)", name="reversed_within_amount"),
        Index(None, "project_id", "paid_on"),
        Index(None, "fund_id", "paid_on"),
        Index(None, "updated_at", "id"),
    )


class CheckpointAssessment(Base):
    """A recorded assessment of disbursement at a checkpoint (7/10/12 月节点)."""

    __tablename__ = "checkpoint_assessments"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    year: Mapped[int] = mapped_column(SmallInteger)
    month: Mapped[int] = mapped_column(SmallInteger)
    as_of: Mapped[date] = mapped_column(Date)
    target_ratio: Mapped[Decimal] = mapped_column(Numeric(5, 4))
    allocated: Mapped[Decimal] = mapped_column(MONEY)
    paid: Mapped[Decimal] = mapped_column(MONEY)
    projects_total: Mapped[int] = mapped_column(Integer)
    projects_behind: Mapped[int] = mapped_column(Integer)
    assessed_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = _created()
    updated_at: Mapped[datetime] = _updated()

    __table_args__ = (
        CheckConstraint("month BETWEEN 1 AND 12", name="month_range"),
        CheckConstraint("target_ratio BETWEEN 0 AND 1", name="target_ratio_range"),
        CheckConstraint("paid >= 0 AND allocated >= 0", name="totals_non_negative"),
        Index(None, "year", "month"),
        Index(None, "updated_at", "id"),
    )


class Loan(Base):
    """小额信贷: a loan to an eligible borrower, linked by household and member id (no names here)."""

    __tablename__ = "loans"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    household_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    member_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    borrower_kind: Mapped[BorrowerKind] = mapped_column(_enum(BorrowerKind, "borrower_kind"))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    lender: Mapped[str] = mapped_column(String(100))
    amount: Mapped[Decimal] = mapped_column(MONEY)
    term_months: Mapped[int] = mapped_column(SmallInteger)
    issued_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    repaid: Mapped[Decimal] = mapped_column(MONEY, server_default=ZERO, default=Decimal(0))
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = _created()
    updated_at: Mapped[datetime] = _updated()
    # 正常 / 逾期 / 已结清 as of today: derived, never stored — a loan falls overdue by the calendar alone.
    status: Mapped[str] = column_property(
        case(
            (repaid >= amount, literal("repaid")),
            (due_on < func.current_date(), literal("overdue")),
            else_=literal("active"),
        )
    )

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("repaid >= 0 AND repaid <= amount", name="repaid_within_amount"),
        CheckConstraint("term_months > 0", name="term_positive"),
        CheckConstraint("due_on > issued_on", name="due_after_issue"),
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        Index(None, "town_code", "village_code"),
        Index(None, "household_id"),
        Index(None, "updated_at", "id"),
    )


# Monitoring's HouseholdStatus "included" (已纳入监测): the household is a 监测对象 now.
MONITORED = "included"


class ProjectedHousehold(Base):
    """Monitoring's household as micro-credit sees it: a reference projection (domain §5).

    Written only from monitoring's ``household.changed`` events (and rebuilt from its stream), so a
    loan's ``household_id`` is checked — it exists, lies in the caller's territory, may borrow —
    before anything is written. Loans hold no foreign key to it: a rebuild empties it while the
    loans naming its rows stay.
    """

    __tablename__ = "projected_households"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    # 脱贫户: an identity kept through monitoring (a 脱贫不稳定户 is still one).
    lifted_out: Mapped[bool] = mapped_column(Boolean)
    # Monitoring's vocabulary, stored as sent: a status it adds must not stop our consumer.
    status: Mapped[str] = mapped_column(String(40))
    subtype: Mapped[str | None] = mapped_column(String(40))
    # Monitoring's row version: an older event never replaces a newer one (apply_newer).
    version: Mapped[int] = mapped_column(Integer)
    # When monitoring announced this version (the event's time), not when we applied it: a rebuild
    # from the stream then gives the very same row.
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # 注销 (died out, moved away, merged into another household): no new loan in its name.
    cancelled_on: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        Index(None, "town_code", "village_code"),
    )


class ProjectedMember(Base):
    """A member of a monitored household, from monitoring's ``member.changed`` events.

    No foreign key to ``projected_households``: a member's event may be applied before its
    household's (redeliveries reorder them); the two are joined when a loan names them.
    """

    __tablename__ = "projected_members"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    household_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    # Kept although no rule reads it yet: the banks lend to members able to work (有劳动能力), and a
    # column added later could only be filled by a rebuild.
    labour: Mapped[str] = mapped_column(String(20))
    # False once the member moved out or died: no new loan in that household's name.
    active: Mapped[bool] = mapped_column(Boolean)
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))  # as the household's

    __table_args__ = (Index(None, "household_id"),)


class Repayment(Base):
    __tablename__ = "repayments"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    loan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("loans.id"))
    amount: Mapped[Decimal] = mapped_column(MONEY)
    repaid_on: Mapped[date] = mapped_column(Date)
    # A compensating repayment is negative and names the repayment it reverses.
    corrects_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("repayments.id"))
    reversed: Mapped[Decimal] = mapped_column(MONEY, server_default=ZERO, default=Decimal(0))
    created_at: Mapped[datetime] = _created()

    __table_args__ = (
        CheckConstraint("(amount > 0) = (corrects_id IS NULL)", name="negative_only_as_correction"),
        CheckConstraint("reversed >= 0 AND reversed <= greatest(amount, 0)", name="reversed_within_amount"),
        Index(None, "loan_id"),
    )


# --- corrections ---


class CorrectionKind(LabelledEnum):
    PAYMENT = "payment", "资金支付"
    ALLOCATION = "allocation", "资金安排"
    REPAYMENT = "repayment", "小额信贷还款"


class CorrectionStatus(LabelledEnum):
    PENDING = "pending", "待审批"
    APPROVED = "approved", "已批准并冲正"
    REJECTED = "rejected", "已驳回"


class Correction(Base):
    """A request to reverse (part of) a payment, allocation or repayment, and its decision.

    Nothing is edited: once a second person approves, a compensating entry (negative amount,
    ``corrects_id``) is written and the running totals are taken down by conditional UPDATEs.
    """

    __tablename__ = "corrections"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    kind: Mapped[CorrectionKind] = mapped_column(_enum(CorrectionKind, "correction_kind"))
    target_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    # The project (payments, allocations) or loan (repayments) the entry belongs to.
    project_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("projects.id"))
    loan_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("loans.id"))
    # Where the entry is written (village, or town for a town-wide project): territory of readers.
    division_code: Mapped[str] = mapped_column(String(12))
    amount: Mapped[Decimal] = mapped_column(MONEY)
    # The day the compensating payment or repayment is booked on (the checkpoint it counts in).
    booked_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[CorrectionStatus] = mapped_column(
        _enum(CorrectionStatus, "correction_status"), default=CorrectionStatus.PENDING
    )
    requested_by: Mapped[str] = mapped_column(String(100))
    requested_by_name: Mapped[str] = mapped_column(String(100))
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decided_by_name: Mapped[str | None] = mapped_column(String(100))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decision_note: Mapped[str | None] = mapped_column(Text)
    # The compensating entry written on approval.
    entry_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = _created()
    updated_at: Mapped[datetime] = _updated()

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("length(btrim(reason)) > 0", name="reason_given"),
        CheckConstraint("(status = 'pending') = (decided_by IS NULL)", name="decided_iff_not_pending"),
        # 四眼原则: the approver is never the one who asked.
        CheckConstraint("decided_by IS NULL OR decided_by <> requested_by", name="approver_not_requester"),
        CheckConstraint("(status = 'approved') = (entry_id IS NOT NULL)", name="entry_iff_approved"),
        CheckConstraint("(project_id IS NULL) <> (loan_id IS NULL)", name="project_or_loan"),
        # One open request per entry: two pending reversals could not both be judged on the same balance.
        Index(
            "uq_corrections_one_pending",
            "kind",
            "target_id",
            unique=True,
            postgresql_where=text("status = 'pending'"),
        ),
        Index(None, "division_code"),
        Index(None, "updated_at", "id"),
    )


# --- industry support register ---


class IndustryClass(LabelledEnum):
    """四个一批 (seed §四(十一)): what is done with each assistance industry."""

    CONSOLIDATE = "consolidate", "巩固一批"
    UPGRADE = "upgrade", "升级一批"
    REVIVE = "revive", "盘活一批"
    ADJUST = "adjust", "调整一批"


class LinkKind(LabelledEnum):
    """联农带农: how a household gains from a business."""

    WAGES = "wages", "务工工资"
    DIVIDENDS = "dividends", "入股分红"
    PURCHASE = "purchase", "订单收购"


class IndustryFlagKind(LabelledEnum):
    BUSINESS_FAILING = "business_failing", "经营主体经营困难"
    LINK_BROKEN = "link_broken", "联农带农中断"


class IndustryPark(Base):
    """乡村振兴产业园: one town's park, which its assistance industries may belong to."""

    __tablename__ = "industry_parks"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    town_code: Mapped[str] = mapped_column(String(9))
    name: Mapped[str] = mapped_column(String(200))
    established_year: Mapped[int | None] = mapped_column(SmallInteger)
    created_at: Mapped[datetime] = _created()
    updated_at: Mapped[datetime] = _updated()

    __table_args__ = (
        UniqueConstraint("town_code", "name"),
        # Target of the industries' (park_id, town_code) key: a park holds only its town's industries.
        UniqueConstraint("id", "town_code"),
        Index(None, "updated_at", "id"),
    )


class AssistanceIndustry(Base):
    """帮扶产业 of a town or village, classed by 四个一批."""

    __tablename__ = "assistance_industries"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str | None] = mapped_column(String(12))
    name: Mapped[str] = mapped_column(String(200))
    industry_class: Mapped[IndustryClass] = mapped_column(_enum(IndustryClass, "industry_class"))
    park_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    year: Mapped[int] = mapped_column(SmallInteger)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = _created()
    updated_at: Mapped[datetime] = _updated()

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("village_code IS NULL OR left(village_code, 9) = town_code", name="village_in_town"),
        CheckConstraint("year BETWEEN 2000 AND 2100", name="year_range"),
        ForeignKeyConstraint(["park_id", "town_code"], ["industry_parks.id", "industry_parks.town_code"]),
        Index(None, "town_code", "village_code"),
        Index(None, "updated_at", "id"),
    )


class IndustryBusiness(Base):
    """经营主体 running an assistance industry (合作社, 企业, 家庭农场 …)."""

    __tablename__ = "industry_businesses"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    industry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assistance_industries.id"))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    # Set by a 经营困难 flag: the day the business was found failing.
    failing_since: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = _created()
    updated_at: Mapped[datetime] = _updated()

    __table_args__ = (UniqueConstraint("industry_id", "name"), Index(None, "updated_at", "id"))


class IndustryLink(Base):
    """联农带农: a household gaining from a business, and how."""

    __tablename__ = "industry_links"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    business_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("industry_businesses.id"))
    # Monitoring's household, checked against the projection when the link is made.
    household_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    kind: Mapped[LinkKind] = mapped_column(_enum(LinkKind, "link_kind"))
    annual_amount: Mapped[Decimal | None] = mapped_column(MONEY)
    since: Mapped[date] = mapped_column(Date)
    # Set when the link is flagged broken: the household no longer gains from it.
    ended_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = _created()
    updated_at: Mapped[datetime] = _updated()

    __table_args__ = (
        UniqueConstraint("business_id", "household_id", "kind"),
        CheckConstraint("annual_amount IS NULL OR annual_amount >= 0", name="amount_non_negative"),
        CheckConstraint("ended_on IS NULL OR ended_on >= since", name="ends_after_start"),
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        Index(None, "household_id"),
        Index(None, "town_code", "village_code"),
        Index(None, "updated_at", "id"),
    )


class IndustryFlag(Base):
    """An early-warning flag: a business failing, or one link broken; each raised alerts."""

    __tablename__ = "industry_flags"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    kind: Mapped[IndustryFlagKind] = mapped_column(_enum(IndustryFlagKind, "industry_flag_kind"))
    business_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("industry_businesses.id"))
    link_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("industry_links.id"))
    observed_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text)
    households_alerted: Mapped[int] = mapped_column(Integer)
    raised_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = _created()

    __table_args__ = (
        CheckConstraint("(kind = 'link_broken') = (link_id IS NOT NULL)", name="link_iff_broken_link"),
        CheckConstraint("households_alerted >= 0", name="households_non_negative"),
        Index(None, "business_id"),
    )


# --- project sites ---


class ProjectSite(Base):
    """A site of a project (e.g. one of the 31 water-pipe sites); its progress feeds the project's."""

    __tablename__ = "project_sites"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    village_code: Mapped[str | None] = mapped_column(String(12))
    # Share of the project's work at this site: the project's progress is weighted by it.
    weight: Mapped[Decimal] = mapped_column(Numeric(12, 2), server_default=text("1"), default=Decimal(1))
    progress_percent: Mapped[int] = mapped_column(SmallInteger, server_default=ZERO, default=0)
    progress_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = _created()
    updated_at: Mapped[datetime] = _updated()

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        UniqueConstraint("project_id", "name"),
        CheckConstraint("progress_percent BETWEEN 0 AND 100", name="progress_range"),
        CheckConstraint("weight > 0", name="weight_positive"),
        Index(None, "updated_at", "id"),
    )


# --- anti-relapse insurance ---


class InsurancePolicy(Base):
    """防返贫保险: a policy covering one household for a period (names no one: ids only)."""

    __tablename__ = "insurance_policies"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    household_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    insurer: Mapped[str] = mapped_column(String(100))
    policy_number: Mapped[str] = mapped_column(String(60))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    premium: Mapped[Decimal] = mapped_column(MONEY)
    sum_insured: Mapped[Decimal] = mapped_column(MONEY)
    created_at: Mapped[datetime] = _created()
    updated_at: Mapped[datetime] = _updated()

    __table_args__ = (
        UniqueConstraint("insurer", "policy_number"),
        CheckConstraint("ends_on > starts_on", name="ends_after_start"),
        CheckConstraint("premium >= 0", name="premium_non_negative"),
        CheckConstraint("sum_insured > 0", name="sum_insured_positive"),
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        Index(None, "household_id"),
        Index(None, "town_code", "village_code"),
        Index(None, "updated_at", "id"),
    )
