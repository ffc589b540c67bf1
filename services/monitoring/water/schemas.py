from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar

from pydantic import Field

from services.monitoring.models import WaterSiteStatus
from shared.labels import label_of
from shared.schemas import InputModel, OutputModel


class WaterCheckIn(InputModel):
    checked_on: date = Field(description="核查（走访）日期")
    safe: bool = Field(description="饮水是否安全（水量、水质、取水方便程度、供水保证率均达标）")
    finding: str = Field(default="", max_length=2000, description="不安全时写明原因")


class WaterCheckOut(OutputModel):
    id: uuid.UUID
    household_id: uuid.UUID
    checked_on: date
    safe: bool
    finding: str
    created_at: datetime


class WaterCheckRecorded(OutputModel):
    check: WaterCheckOut
    water_safe: bool = Field(description="农户饮水是否安全（按最近一次核查）")


class WaterSiteOut(OutputModel):
    id: uuid.UUID
    code: str
    name: str
    works: str
    town_code: str
    village_code: str
    year: int
    status: WaterSiteStatus
    completed_on: date | None
    funds_project_id: uuid.UUID | None
    demo: bool
    version: int
    updated_at: datetime

    status_label: ClassVar[property] = label_of("status")


class SiteProgressIn(InputModel):
    status: WaterSiteStatus
    completed_on: date | None = Field(default=None, description="完工日期（状态为已完工时必填）")
