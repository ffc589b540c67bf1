from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import Field, computed_field

from services.funds.models import (
    PROJECT_CATEGORY_LABELS,
    PROJECT_STATUS_LABELS,
    ProjectCategory,
    ProjectStatus,
)
from shared.schemas import InputModel, Money, OutputModel, PositiveMoney, TownCode, VillageCode


class ProjectCreate(InputModel):
    name: str = Field(min_length=1, max_length=200, description="项目名称")
    town_code: TownCode
    village_code: VillageCode | None = Field(default=None, description="实施村（可空：镇级项目）")
    category: ProjectCategory
    year: int = Field(ge=2000, le=2100, description="项目年度")
    planned_amount: PositiveMoney = Field(description="计划投资（元）")


class ProjectUpdate(InputModel):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    category: ProjectCategory | None = None
    year: int | None = Field(default=None, ge=2000, le=2100)
    planned_amount: PositiveMoney | None = None


class ProjectOut(OutputModel):
    id: uuid.UUID
    name: str
    town_code: str
    village_code: str | None
    category: ProjectCategory
    year: int
    planned_amount: Money
    status: ProjectStatus
    requires_elevated_review: bool
    proposing_department: str | None
    version: int
    created_at: datetime
    updated_at: datetime

    @computed_field  # type: ignore[prop-decorator]
    @property
    def category_label(self) -> str:
        return PROJECT_CATEGORY_LABELS[self.category]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def status_label(self) -> str:
        return PROJECT_STATUS_LABELS[self.status]
