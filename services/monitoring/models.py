"""Tables of the monitoring service (schema ``monitoring``)."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, DateTime, Enum, ForeignKey, Index, Integer, String, Text, Uuid, func
from sqlalchemy.orm import Mapped, mapped_column

from shared.db import declarative_base
from shared.tables import add_kit_tables

SCHEMA = "monitoring"
Base = declarative_base(SCHEMA)
kit = add_kit_tables(Base.metadata)


class HouseholdKind(StrEnum):
    LIFTED_OUT = "lifted_out"  # 脱贫户
    MONITORED = "monitored"  # 监测对象
    LOW_INCOME = "low_income"  # 农村低收入人口
    ORDINARY = "ordinary"  # 一般农户


HOUSEHOLD_KIND_LABELS = {
    HouseholdKind.LIFTED_OUT: "脱贫户",
    HouseholdKind.MONITORED: "监测对象",
    HouseholdKind.LOW_INCOME: "农村低收入人口",
    HouseholdKind.ORDINARY: "一般农户",
}


class AlertSource(StrEnum):
    SELF_DECLARED = "self_declared"  # 农户自主申报
    DEPARTMENT = "department"  # 部门筛查预警
    CADRE_VISIT = "cadre_visit"  # 基层干部日常走访
    SYSTEM = "system"  # 系统筛查
    EVENT = "event"  # 其他服务的事件（如务工失业）


ALERT_SOURCE_LABELS = {
    AlertSource.SELF_DECLARED: "农户自主申报",
    AlertSource.DEPARTMENT: "部门筛查预警",
    AlertSource.CADRE_VISIT: "基层干部走访",
    AlertSource.SYSTEM: "系统筛查",
    AlertSource.EVENT: "业务事件",
}


class AlertStatus(StrEnum):
    OPEN = "open"  # 待核实


ALERT_STATUS_LABELS = {AlertStatus.OPEN: "待核实"}


def _enum(e: type[StrEnum], name: str) -> Enum:
    return Enum(e, name=name, schema=SCHEMA, values_callable=lambda x: [m.value for m in x])


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
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("member_count >= 1", name="member_count_positive"),
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        Index(None, "town_code", "village_code"),
        Index(None, "updated_at", "id"),
        Index(None, "helper_user_id"),
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
    status: Mapped[AlertStatus] = mapped_column(_enum(AlertStatus, "alert_status"), default=AlertStatus.OPEN)
    # The event (or department record) that raised it: one alert per origin, enforced here too.
    origin_ref: Mapped[str | None] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        Index(None, "household_id"),
        Index(None, "updated_at", "id"),
        Index(None, "town_code", "village_code"),
    )
