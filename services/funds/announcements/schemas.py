from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import Field, computed_field

from services.funds.models import (
    AnnouncementKind,
    ProjectCategory,
    ProjectStatus,
)
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

    @computed_field  # type: ignore[prop-decorator]
    @property
    def kind_label(self) -> str:
        return self.kind.label


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

    @computed_field  # type: ignore[prop-decorator]
    @property
    def category_label(self) -> str:
        return self.category.label

    @computed_field  # type: ignore[prop-decorator]
    @property
    def status_label(self) -> str:
        return self.status.label


class PublicAnnouncement(OutputModel):
    id: uuid.UUID
    kind: AnnouncementKind
    starts_on: date = Field(description="公示开始")
    ends_on: date = Field(description="公示结束")
    project: PublicProject

    @computed_field  # type: ignore[prop-decorator]
    @property
    def kind_label(self) -> str:
        return self.kind.label
