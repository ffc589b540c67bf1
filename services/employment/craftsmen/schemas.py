from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar

from pydantic import Field

from services.employment.models import CraftLevel, NominationStatus, NominationTier
from shared.labels import label_of
from shared.schemas import InputModel, OutputModel


class CraftsmanCreate(InputModel):
    worker_id: uuid.UUID
    craft: str = Field(min_length=1, max_length=100, description="技艺，如 木工、石匠、竹编、豫菜烹饪")


class CraftsmanOut(OutputModel):
    id: uuid.UUID
    worker_id: uuid.UUID
    town_code: str
    village_code: str
    craft: str
    level: CraftLevel
    version: int
    created_at: datetime
    updated_at: datetime

    level_label: ClassVar[property] = label_of("level")


class NominationCreate(InputModel):
    tier: NominationTier = Field(description="申报省级乡村工匠名师 / 推荐国家级乡村工匠名师")
    nominated_on: date = Field(description="申报（推荐）日期")
    note: str | None = Field(default=None, max_length=500)


class NominationDecision(InputModel):
    status: NominationStatus = Field(description="recognised 已认定 / rejected 未通过")
    decided_on: date
    note: str | None = Field(default=None, max_length=500)


class NominationOut(OutputModel):
    id: uuid.UUID
    craftsman_id: uuid.UUID
    town_code: str
    tier: NominationTier
    batch: int | None = Field(description="省级名师的申报批次")
    nominated_on: date
    status: NominationStatus
    decided_on: date | None
    note: str | None
    version: int

    tier_label: ClassVar[property] = label_of("tier")
    status_label: ClassVar[property] = label_of("status")


class BrandCreate(InputModel):
    name: str = Field(min_length=1, max_length=100, description="劳务品牌名称")
    trade: str = Field(min_length=1, max_length=100, description="工种或行业")


class BrandOut(OutputModel):
    id: uuid.UUID
    name: str
    trade: str
    created_at: datetime
    updated_at: datetime


class BrandWorkerCreate(InputModel):
    worker_id: uuid.UUID
    joined_on: date


class BrandWorkerOut(OutputModel):
    id: uuid.UUID
    brand_id: uuid.UUID
    worker_id: uuid.UUID
    town_code: str
    village_code: str
    joined_on: date
