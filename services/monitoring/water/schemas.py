from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar

from pydantic import Field

from services.monitoring.models import WaterSiteStatus
from shared.labels import label_of
from shared.schemas import InputModel, OutputModel, TownCode, VillageCode


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


class WaterSiteIn(InputModel):
    code: str = Field(min_length=1, max_length=40, description="点位编号（区级清单中的编号，唯一）")
    name: str = Field(min_length=1, max_length=200, description="点位名称")
    works: str = Field(min_length=1, max_length=200, description="所属供水工程")
    town_code: TownCode
    village_code: VillageCode
    year: int = Field(ge=2000, le=2100, description="项目年度")
    status: WaterSiteStatus = WaterSiteStatus.PLANNED
    completed_on: date | None = Field(default=None, description="完工日期（已完工时必填）")
    funds_project_id: uuid.UUID | None = Field(default=None, description="资金项目编号（本镇已批复的项目）")
    demo: bool = Field(default=False, description="演示数据")
