"""Tables of the employment service (schema ``employment``)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    Index,
    Integer,
    Numeric,
    String,
    Uuid,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from shared.db import declarative_base
from shared.tables import add_kit_tables

SCHEMA = "employment"
Base = declarative_base(SCHEMA)
kit = add_kit_tables(Base.metadata)


class WorkerStatus(StrEnum):
    EMPLOYED = "employed"  # 务工就业
    UNEMPLOYED = "unemployed"  # 未就业（失业）


WORKER_STATUS_LABELS = {
    WorkerStatus.EMPLOYED: "务工就业",
    WorkerStatus.UNEMPLOYED: "未就业",
}


class WorkPlace(StrEnum):
    IN_COUNTY = "in_county"  # 县内
    IN_PROVINCE = "in_province"  # 省内县外
    OUT_OF_PROVINCE = "out_of_province"  # 省外


WORK_PLACE_LABELS = {
    WorkPlace.IN_COUNTY: "县内",
    WorkPlace.IN_PROVINCE: "省内县外",
    WorkPlace.OUT_OF_PROVINCE: "省外",
}


def _enum(e: type[StrEnum], name: str) -> Enum:
    return Enum(e, name=name, schema=SCHEMA, values_callable=lambda x: [m.value for m in x])


class Worker(Base):
    """务工人员：a member of a 脱贫户 / monitored household, tracked for stable employment.

    Only ids point back to monitoring's household and member: no personal data is copied here.
    ``employer``, ``place`` and ``monthly_wage`` describe the current (or, once unemployed, the
    last) job.
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
    monthly_wage: Mapped[Decimal | None] = mapped_column(Numeric(16, 2))
    employed_since: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(String(500))
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
        CheckConstraint("ended_on IS NULL OR employed_since IS NULL OR ended_on >= employed_since",
                        name="ended_after_started"),
        Index(None, "town_code", "village_code"),
        Index(None, "household_id"),
        Index(None, "status", "town_code"),
        Index(None, "updated_at", "id"),
    )
