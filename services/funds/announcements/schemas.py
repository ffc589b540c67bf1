from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar

from pydantic import Field

from services.funds.models import (
    AnnouncementKind,
    ProjectCategory,
    ProjectStatus,
)
from shared.labels import label_of
from shared.schemas import InputModel, Money, OutputModel


class AnnouncementCreate(InputModel):
    kind: AnnouncementKind = Field(description="plan 计划公示 / result 结果公告")
    starts_on: date
    ends_on: date


class AnnouncementOut(OutputModel):
    id: uuid.UUID
    project_id: uuid.UUID
    kind: AnnouncementKind
    starts_on: date
    ends_on: date
    created_at: datetime
    updated_at: datetime

    kind_label: ClassVar[property] = label_of("kind")


class PublicProject(OutputModel):
    """What the public sees of a project: no people, only the project and its money."""

    id: uuid.UUID
    name: str
    town_code: str
    town_name: str | None
    village_code: str | None
    village_name: str | None
    category: ProjectCategory
    year: int
    planned_amount: Money
    allocated: Money
    status: ProjectStatus
    accepted_on: date | None

    category_label: ClassVar[property] = label_of("category")

    status_label: ClassVar[property] = label_of("status")


class PublicAnnouncement(OutputModel):
    id: uuid.UUID
    kind: AnnouncementKind
    starts_on: date = Field(description="公示开始")
    ends_on: date = Field(description="公示结束")
    project: PublicProject

    kind_label: ClassVar[property] = label_of("kind")
