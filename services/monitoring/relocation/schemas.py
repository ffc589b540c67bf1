from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar

from pydantic import Field

from services.monitoring.models import RelocationMeasureKind
from shared.labels import label_of
from shared.schemas import InputModel, OutputModel, VillageCode


class SiteIn(InputModel):
    name: str = Field(min_length=1, max_length=100, description="安置点名称")
    village_code: VillageCode = Field(description="安置点所在村（社区）")
    planned_households: int = Field(ge=0, le=100000, description="规划安置户数")


class SitePatch(InputModel):
    name: str | None = Field(default=None, min_length=1, max_length=100)
    planned_households: int | None = Field(default=None, ge=0, le=100000)


class SiteOut(OutputModel):
    id: uuid.UUID
    name: str
    town_code: str
    village_code: str
    planned_households: int
    version: int
    created_at: datetime
    updated_at: datetime


class RelocationIn(InputModel):
    household_id: uuid.UUID
    moved_on: date = Field(description="搬迁入住日期")


class RelocationOut(OutputModel):
    household_id: uuid.UUID
    site_id: uuid.UUID
    moved_on: date
    recorded_by: str
    created_at: datetime
    updated_at: datetime


class SiteMeasureIn(InputModel):
    kind: RelocationMeasureKind
    title: str = Field(min_length=1, max_length=200)
    starts_on: date
    ends_on: date | None = None
    household_ids: list[uuid.UUID] = Field(
        default_factory=list, max_length=5000, description="受益的搬迁户（须安置在本点）"
    )


class SiteMeasurePatch(InputModel):
    ends_on: date | None = None
    household_ids: list[uuid.UUID] | None = Field(default=None, max_length=5000)


class SiteMeasureOut(OutputModel):
    id: uuid.UUID
    site_id: uuid.UUID
    kind: RelocationMeasureKind
    title: str
    starts_on: date
    ends_on: date | None
    household_ids: list[uuid.UUID]
    version: int
    created_at: datetime
    updated_at: datetime

    kind_label: ClassVar[property] = label_of("kind")
