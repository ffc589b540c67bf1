"""Tables of the employment service (schema ``employment``)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    ARRAY,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Identity,
    Index,
    Integer,
    SmallInteger,
    String,
    UniqueConstraint,
    Uuid,
    func,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import ExcludeConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, column_property, mapped_column

from shared.db import MONEY, make_metadata, pg_enum
from shared.labels import LabelledEnum
from shared.tables import add_kit_tables

SCHEMA = "employment"


class Base(DeclarativeBase):
    metadata = make_metadata(SCHEMA)


kit = add_kit_tables(Base.metadata, import_refusals=True)


class WorkerStatus(LabelledEnum):
    EMPLOYED = "employed", "务工就业"
    UNEMPLOYED = "unemployed", "未就业"


class WorkPlace(LabelledEnum):
    IN_COUNTY = "in_county", "县内"
    IN_PROVINCE = "in_province", "省内县外"
    OUT_OF_PROVINCE = "out_of_province", "省外"


def _enum(e: type[LabelledEnum], name: str) -> Enum:
    return pg_enum(e, name, SCHEMA)


class WorkerVerification(Base):
    """务工数据动态采集: the last day someone confirmed a worker's record (field app or monthly file).

    A row a worker (made by a trigger with the worker), apart from the worker's row: a confirmation
    changes none of the worker's data, so it neither moves the worker's ``version`` (ETag) nor its
    ``updated_at`` (delta sync), and a month's file confirming 46k unchanged workers writes 46k
    narrow tuples instead of 46k new worker tuples in seven indexes (ADR 0016).
    """

    __tablename__ = "worker_verifications"

    worker_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workers.id", ondelete="CASCADE"), primary_key=True
    )
    verified_on: Mapped[date] = mapped_column(Date, server_default=func.current_date())

    __table_args__ = (Index(None, "verified_on"),)  # the stale list


class Worker(Base):
    """务工人员：a member of a 脱贫户 / monitored household, tracked for stable employment.

    Only ids point back to monitoring's household and member: no personal data is copied here.
    ``status`` and the job columns are a snapshot of the current (or, once unemployed, the last)
    main spell, kept by the spell rules so lists filter without a join; spells are the history.
    """

    __tablename__ = "workers"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    household_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    member_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    status: Mapped[WorkerStatus] = mapped_column(_enum(WorkerStatus, "worker_status"))
    employer: Mapped[str | None] = mapped_column(String(200))
    place: Mapped[WorkPlace | None] = mapped_column(_enum(WorkPlace, "work_place"))
    monthly_wage: Mapped[Decimal | None] = mapped_column(MONEY)
    employed_since: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(String(500))
    skills: Mapped[list[str]] = mapped_column(ARRAY(String(100)), server_default=text("'{}'"))
    # 务工数据动态采集: the last day someone confirmed this record (field app or monthly import), kept
    # in ``worker_verifications`` and read with the worker; read-only here (workers.service.verify).
    # Not expired by a flush of the worker, which never changes it (and an async session could not
    # load it again lazily).
    verified_on: Mapped[date] = column_property(
        select(WorkerVerification.verified_on).where(WorkerVerification.worker_id == id).scalar_subquery(),
        expire_on_flush=False,
    )
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        CheckConstraint("monthly_wage >= 0", name="monthly_wage_non_negative"),
        CheckConstraint("status <> 'employed' OR place IS NOT NULL", name="employed_has_place"),
        CheckConstraint(
            "ended_on IS NULL OR employed_since IS NULL OR ended_on >= employed_since",
            name="ended_after_started",
        ),
        Index(None, "town_code", "village_code"),
        Index(None, "household_id"),
        Index(None, "status", "town_code"),
        Index(None, "updated_at", "id"),
    )


class Channel(LabelledEnum):
    SELF_FOUND = "self_found", "自主务工"
    ORGANISED = "organised", "有组织劳务输出"
    ASSISTANCE_WORKSHOP = "assistance_workshop", "就业帮扶车间"
    PUBLIC_WELFARE_POST = "public_welfare_post", "乡村公益性岗位"
    SELF_EMPLOYED = "self_employed", "自主创业"
    OTHER = "other", "其他"


class Spell(Base):
    """就业经历: one job of a worker from ``started_on`` to ``ended_on`` (the last day worked).

    Only main spells count towards the floor. The database refuses two main spells of one worker
    that overlap (exclusion constraint) and a second open one (partial unique index); a trigger
    recounts the worker's counted days (``counted_spans``) with every change here.
    """

    __tablename__ = "spells"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    worker_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("workers.id", ondelete="CASCADE"))
    town_code: Mapped[str] = mapped_column(String(9))  # the worker's, copied for the counts
    is_main: Mapped[bool] = mapped_column(Boolean, server_default=text("true"))
    employer: Mapped[str] = mapped_column(String(200))
    place: Mapped[WorkPlace] = mapped_column(_enum(WorkPlace, "work_place"))
    sector: Mapped[str | None] = mapped_column(String(100))
    channel: Mapped[Channel | None] = mapped_column(_enum(Channel, "channel"))
    monthly_wage: Mapped[Decimal | None] = mapped_column(MONEY)
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __table_args__ = (
        CheckConstraint("monthly_wage >= 0", name="monthly_wage_non_negative"),
        CheckConstraint("ended_on IS NULL OR ended_on >= started_on", name="ended_after_started"),
        Index(
            "uq_spells_one_open_main",
            "worker_id",
            unique=True,
            postgresql_where=text("is_main AND ended_on IS NULL"),
        ),
        ExcludeConstraint(
            ("worker_id", "="),
            (text("daterange(started_on, ended_on, '[]')"), "&&"),
            name="no_overlapping_main_spells",
            using="gist",
            where=text("is_main"),
        ),
        Index(None, "worker_id", "started_on"),
    )


class EmploymentChange(Base):
    """Change points of the counted workers: on ``day`` the count in (town, place) moves by ``delta``.

    The count at a date is the sum of deltas up to it. Rows are only ever appended (by
    ``employment.recount``, in the writing transaction), so concurrent writers never wait for one
    another here; the periodic floor check folds the rows of each (day, town, place) into one, which
    keeps the table at a few thousand rows whatever the number of workers.
    """

    __tablename__ = "employment_changes"

    id: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    town_code: Mapped[str] = mapped_column(String(9))
    place: Mapped[WorkPlace] = mapped_column(_enum(WorkPlace, "work_place"))
    delta: Mapped[int] = mapped_column(Integer)

    __table_args__ = (Index(None, "day", "town_code", "place"),)


class CountedSpan(Base):
    """The days a worker counts towards the floor, in one town and place (``ended_on`` the last day).

    脱贫劳动力 only (domain §2): the days of the worker's main spells — and of a public-welfare post
    held without a main job, in the county — on which their household is a 脱贫户. Kept by
    ``employment.recount`` whenever a worker's spells, posts or household identity change; the
    difference to the spans it replaces goes to ``employment_changes``.
    """

    __tablename__ = "counted_spans"

    id: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    worker_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    town_code: Mapped[str] = mapped_column(String(9))
    place: Mapped[WorkPlace] = mapped_column(_enum(WorkPlace, "work_place"))
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (Index(None, "worker_id"),)


class FloorState(LabelledEnum):
    OK = "ok", "正常"  # above the warning line
    WARNING = "warning", "接近底线预警"  # at or above the floor, within the margin
    BREACHED = "breached", "低于底线"


class FloorStatus(Base):
    """The district's last announced floor state: one row, so each change is announced once."""

    __tablename__ = "floor_status"

    id: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    state: Mapped[FloorState] = mapped_column(_enum(FloorState, "floor_state"))
    employed: Mapped[int] = mapped_column(Integer)
    as_of: Mapped[date] = mapped_column(Date)
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)


class FloorCount(Base):
    """The count at its day as each transaction that moved it committed, in commit order.

    Written at commit by a deferred trigger on ``employment_changes`` that queues the committers on
    an advisory lock for that moment only: writers work in parallel, and the sequence of counts is
    still the one their commits made. The floor check reads these in order, announces each change of
    state once, and deletes them.
    """

    __tablename__ = "floor_counts"

    id: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    as_of: Mapped[date] = mapped_column(Date)
    employed: Mapped[int] = mapped_column(Integer)


class TrainingProgram(LabelledEnum):
    YULU_PLUS = "yulu_plus", "雨露计划+"
    TOUYAN = "touyan", "头雁"  # 乡村产业振兴带头人培育
    HIGH_QUALITY_FARMER = "high_quality_farmer", "高素质农民"  # 高素质农民培育
    SKILLS = "skills", "技能培训"


class Training(Base):
    """培训记录 of a worker."""

    __tablename__ = "trainings"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    worker_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("workers.id", ondelete="CASCADE"))
    program: Mapped[TrainingProgram] = mapped_column(_enum(TrainingProgram, "training_program"))
    course: Mapped[str] = mapped_column(String(200))
    started_on: Mapped[date] = mapped_column(Date)
    completed_on: Mapped[date | None] = mapped_column(Date)
    certificate: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (
        CheckConstraint("completed_on IS NULL OR completed_on >= started_on", name="completed_after_started"),
        UniqueConstraint("worker_id", "program", "course", "started_on"),
    )


class SubsidyKind(LabelledEnum):
    TRANSPORT = "transport", "交通补贴"
    TRAINING = "training", "培训补贴"
    SOCIAL_SECURITY = "social_security", "社保补贴"
    TAX_INCENTIVE = "tax_incentive", "税收优惠"


class Subsidy(Base):
    """奖补: one subsidy granted to a worker for a period; never the same kind twice for a period."""

    __tablename__ = "subsidies"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    worker_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("workers.id", ondelete="CASCADE"))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    kind: Mapped[SubsidyKind] = mapped_column(_enum(SubsidyKind, "subsidy_kind"))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(MONEY)
    granted_on: Mapped[date] = mapped_column(Date)
    # Set only by a reversal (subsidy_reversals holds the compensating entry; the amount stays):
    # a reversed grant no longer blocks the correct one for its period.
    reversed: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("period_end >= period_start", name="period_ordered"),
        ExcludeConstraint(
            ("worker_id", "="),
            ("kind", "="),
            (text("daterange(period_start, period_end, '[]')"), "&&"),
            name="no_double_subsidy",
            using="gist",
            where=text("NOT reversed"),
        ),
        Index(None, "updated_at", "id"),
        Index(None, "town_code", "granted_on"),
    )


class Post(Base):
    """乡村公益性岗位: a post in a village (保洁、护林、安全巡查…), held by at most one worker."""

    __tablename__ = "posts"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    title: Mapped[str] = mapped_column(String(100))
    monthly_allowance: Mapped[Decimal] = mapped_column(MONEY)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        CheckConstraint("monthly_allowance >= 0", name="allowance_non_negative"),
        Index(None, "updated_at", "id"),
    )


class PostHolding(Base):
    """A worker holding a post from ``started_on`` to ``ended_on`` (last day): employment for the
    floor (a trigger recounts the worker's counted days with every change here)."""

    __tablename__ = "post_holdings"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    post_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    worker_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("workers.id", ondelete="CASCADE"))
    town_code: Mapped[str] = mapped_column(String(9))
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (
        CheckConstraint("ended_on IS NULL OR ended_on >= started_on", name="ended_after_started"),
        Index(
            "uq_post_holdings_open_post", "post_id", unique=True, postgresql_where=text("ended_on IS NULL")
        ),
        Index(
            "uq_post_holdings_open_worker",
            "worker_id",
            unique=True,
            postgresql_where=text("ended_on IS NULL"),
        ),
        Index(None, "town_code", "started_on"),
        Index(None, "worker_id"),  # a worker's counted days are recounted from their holdings
    )


class JobSupportEntry(Base):
    """An able-bodied member of a newly monitored household, listed for job support (就业帮扶).

    Filled from monitoring's ``household.included`` event; ids and codes only.
    """

    __tablename__ = "job_support"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    household_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    member_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    subtype: Mapped[str] = mapped_column(String(60))
    risk_causes: Mapped[list[str]] = mapped_column(ARRAY(String(60)))
    included_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        Index(None, "household_id"),
        Index(None, "town_code", "village_code"),
        Index(None, "updated_at", "id"),
    )


class ProjectedHousehold(Base):
    """Monitoring's household as employment sees it: a reference projection (domain §5).

    Written only from monitoring's ``household.changed`` events (and rebuilt from its stream): a
    worker's ``household_id`` is checked against it before anything is written. Workers hold no
    foreign key to it, since a rebuild empties it while the workers naming its rows stay.
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
    # from the stream gives the very same row.
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),)


class ProjectedMember(Base):
    """A household member, from monitoring's ``member.changed`` events.

    No foreign key to ``projected_households``: a member's event may be applied before its
    household's (redeliveries reorder them).
    """

    __tablename__ = "projected_members"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    household_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    labour: Mapped[str] = mapped_column(String(20))  # LabourCapacity, as monitoring sends it
    active: Mapped[bool] = mapped_column(Boolean)  # false once moved out or deceased
    version: Mapped[int] = mapped_column(Integer)
    # Issue 13: how the national work file's ID numbers find the member (shared.id_number_match);
    # the number itself is never kept here.
    id_number_match_hash: Mapped[str | None] = mapped_column(String(64), index=True)


class HouseholdIdentity(Base):
    """Whether a household is a 脱贫户 from ``since`` on, as employment learnt it — the floor's history.

    Not part of the projection: the count at a past date must not move when the projection is
    rebuilt, so a row is added only for a version newer than every one recorded here. The first
    row of a household starts at -infinity (what monitoring first said holds for the earlier days);
    a later change starts on the day monitoring made it.
    """

    __tablename__ = "household_identities"

    household_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    since: Mapped[date] = mapped_column(Date, primary_key=True)
    lifted_out: Mapped[bool] = mapped_column(Boolean)
    version: Mapped[int] = mapped_column(Integer)


# --- members who left (monitoring's household and member changes) ---


class MemberDeparture(Base):
    """The day a member left their household as monitoring announced it (``member.changed`` with
    ``active: false``: died, moved or married out, household cancelled) — the floor's history.

    Like ``household_identities``, not part of the projection: a rebuild must not move the count.
    A worker whose member left counts no more from ``left_on`` on (``counted_spans_of``).
    """

    __tablename__ = "member_departures"

    member_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    left_on: Mapped[date] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer)  # monitoring's member version that said so


# --- subsidy reversals, wage history, post allowances (issue 13) ---


class SubsidyReversal(Base):
    """冲销: the compensating entry of a subsidy paid in error — the grant is never edited, totals
    subtract this row. At most one per grant (unique)."""

    __tablename__ = "subsidy_reversals"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    subsidy_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("subsidies.id", ondelete="CASCADE"), unique=True)
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    amount: Mapped[Decimal] = mapped_column(MONEY)  # the grant's amount, positive; counted negative
    reason: Mapped[str] = mapped_column(String(500))
    reversed_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("length(btrim(reason)) > 0", name="reason_given"),
        Index(None, "town_code", "reversed_on"),
    )


class SpellWage(Base):
    """工资变动: the monthly wage of a spell from ``month`` (its first day) on — a spell's history."""

    __tablename__ = "spell_wages"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    spell_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("spells.id", ondelete="CASCADE"))
    worker_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("workers.id", ondelete="CASCADE"))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    month: Mapped[date] = mapped_column(Date)
    monthly_wage: Mapped[Decimal] = mapped_column(MONEY)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        CheckConstraint("monthly_wage >= 0", name="monthly_wage_non_negative"),
        CheckConstraint("extract(day FROM month) = 1", name="month_first_day"),
        UniqueConstraint("spell_id", "month"),
        Index(None, "worker_id", "month"),
    )


class PostAllowancePayment(Base):
    """公益性岗位补贴发放: one month's allowance paid to the holder of a post, at most once per
    holding and month, never above the post's monthly allowance (checked in the service)."""

    __tablename__ = "post_allowance_payments"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    holding_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("post_holdings.id", ondelete="CASCADE"))
    post_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    worker_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("workers.id", ondelete="CASCADE"))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    month: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(MONEY)
    paid_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("extract(day FROM month) = 1", name="month_first_day"),
        UniqueConstraint("holding_id", "month"),
        Index(None, "town_code", "month"),
    )


# --- rural craftsmen and labour brands (issue 13) ---


class CraftLevel(LabelledEnum):
    """The title a craftsman holds (seed §二(四): 省级乡村工匠名师, 国家级乡村工匠名师)."""

    CRAFTSMAN = "craftsman", "乡村工匠"
    PROVINCIAL_MASTER = "provincial_master", "省级乡村工匠名师"
    NATIONAL_MASTER = "national_master", "国家级乡村工匠名师"


class NominationTier(LabelledEnum):
    PROVINCIAL = "provincial", "申报省级乡村工匠名师"
    NATIONAL = "national", "推荐国家级乡村工匠名师"


class NominationStatus(LabelledEnum):
    NOMINATED = "nominated", "已申报"
    RECOGNISED = "recognised", "已认定"
    REJECTED = "rejected", "未通过"


class Craftsman(Base):
    """乡村工匠: a worker with a craft (木工、石匠、编织…) and the title they hold."""

    __tablename__ = "craftsmen"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    worker_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("workers.id", ondelete="CASCADE"), unique=True)
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    craft: Mapped[str] = mapped_column(String(100))
    level: Mapped[CraftLevel] = mapped_column(_enum(CraftLevel, "craft_level"))
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        CheckConstraint("length(btrim(craft)) > 0", name="craft_given"),
        Index(None, "town_code", "level"),
        Index(None, "updated_at", "id"),
    )


class CraftsmanNomination(Base):
    """A nomination of a craftsman for a title: provincial (in a numbered batch) or national.

    One open or recognised nomination per craftsman and tier (partial unique index); a rejected
    one may be followed by a new one in a later batch.
    """

    __tablename__ = "craftsman_nominations"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    craftsman_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("craftsmen.id", ondelete="CASCADE"))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    tier: Mapped[NominationTier] = mapped_column(_enum(NominationTier, "nomination_tier"))
    batch: Mapped[int | None] = mapped_column(SmallInteger)
    nominated_on: Mapped[date] = mapped_column(Date)
    status: Mapped[NominationStatus] = mapped_column(_enum(NominationStatus, "nomination_status"))
    decided_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(String(500))
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        CheckConstraint("tier <> 'provincial' OR coalesce(batch, 0) >= 1", name="provincial_has_batch"),
        CheckConstraint("(status = 'nominated') = (decided_on IS NULL)", name="decided_when_not_open"),
        CheckConstraint("decided_on IS NULL OR decided_on >= nominated_on", name="decided_after_nominated"),
        Index(
            "uq_craftsman_nominations_live",
            "craftsman_id",
            "tier",
            unique=True,
            postgresql_where=text("status <> 'rejected'"),
        ),
        Index(None, "town_code", "status"),
    )


class LabourBrand(Base):
    """劳务品牌: a named district or town brand of organised labour (e.g. 济源焊工)."""

    __tablename__ = "labour_brands"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    trade: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __table_args__ = (
        CheckConstraint("length(btrim(name)) > 0", name="name_given"),
        Index(None, "updated_at", "id"),
    )


class LabourBrandWorker(Base):
    """A worker employed under a labour brand from ``joined_on``; once per brand and worker."""

    __tablename__ = "labour_brand_workers"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    brand_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("labour_brands.id", ondelete="CASCADE"))
    worker_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("workers.id", ondelete="CASCADE"))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    joined_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        UniqueConstraint("brand_id", "worker_id"),
        Index(None, "town_code"),
    )
