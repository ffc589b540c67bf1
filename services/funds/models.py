"""Tables of the funds service (schema ``funds``)."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    Enum,
    Index,
    Integer,
    Numeric,
    SmallInteger,
    String,
    Uuid,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from shared.db import declarative_base
from shared.tables import add_kit_tables

SCHEMA = "funds"
Base = declarative_base(SCHEMA)
kit = add_kit_tables(Base.metadata)


class ProjectCategory(StrEnum):
    INDUSTRY = "industry"  # 产业
    EMPLOYMENT = "employment"  # 就业
    INFRASTRUCTURE = "infrastructure"  # 小型公益性基础设施
    RELOCATION = "relocation"  # 易地搬迁后续扶持
    OTHER = "other"  # 其他


PROJECT_CATEGORY_LABELS = {
    ProjectCategory.INDUSTRY: "产业",
    ProjectCategory.EMPLOYMENT: "就业",
    ProjectCategory.INFRASTRUCTURE: "小型公益性基础设施",
    ProjectCategory.RELOCATION: "易地搬迁后续扶持",
    ProjectCategory.OTHER: "其他",
}


class ProjectStatus(StrEnum):
    """A project's life (domain §3); later stages are added as the workflow grows."""

    PROPOSED = "proposed"  # 已申报


PROJECT_STATUS_LABELS = {ProjectStatus.PROPOSED: "已申报"}


def _enum(e: type[StrEnum], name: str) -> Enum:
    return Enum(e, name=name, schema=SCHEMA, values_callable=lambda x: [m.value for m in x])


class Project(Base):
    """项目库中的项目：proposed by a village, a town or a department for a given year."""

    __tablename__ = "projects"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(200))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str | None] = mapped_column(String(12))
    category: Mapped[ProjectCategory] = mapped_column(_enum(ProjectCategory, "project_category"))
    year: Mapped[int] = mapped_column(SmallInteger)
    planned_amount: Mapped[Decimal] = mapped_column(Numeric(16, 2))
    status: Mapped[ProjectStatus] = mapped_column(
        _enum(ProjectStatus, "project_status"), default=ProjectStatus.PROPOSED
    )
    # 省级提级综合论证: decided from the planned amount against the configured threshold.
    requires_elevated_review: Mapped[bool] = mapped_column(Boolean, default=False)
    # The proposing department, when a department officer proposed it (they may then amend it).
    proposing_department: Mapped[str | None] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("village_code IS NULL OR left(village_code, 9) = town_code", name="village_in_town"),
        CheckConstraint("planned_amount > 0", name="planned_amount_positive"),
        CheckConstraint("year BETWEEN 2000 AND 2100", name="year_range"),
        Index(None, "town_code", "village_code"),
        Index(None, "year", "category"),
        Index(None, "updated_at", "id"),
    )
