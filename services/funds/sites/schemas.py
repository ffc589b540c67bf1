from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from pydantic import Field

from shared.schemas import InputModel, OutputModel, VillageCode


class SiteCreate(InputModel):
    name: str = Field(min_length=1, max_length=200, examples=["王屋镇某村村级管网"])
    village_code: VillageCode | None = Field(default=None, description="所在村，须属项目所在乡镇")
    weight: Decimal = Field(
        default=Decimal(1), gt=0, max_digits=12, decimal_places=2, description="工作量权重"
    )


class SiteProgress(InputModel):
    progress_percent: int = Field(ge=0, le=100)
    progress_on: date


class SiteOut(OutputModel):
    id: uuid.UUID
    project_id: uuid.UUID
    name: str
    village_code: str | None
    weight: Decimal
    progress_percent: int
    progress_on: date | None
    version: int
    created_at: datetime
    updated_at: datetime


class ProjectSites(OutputModel):
    project_id: uuid.UUID
    sites: list[SiteOut]
    completed: int = Field(description="已完工（100%）点位数")
    progress_percent: Decimal | None = Field(description="项目进度 = 各点位进度按权重加权平均（两位小数）")
