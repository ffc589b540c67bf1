from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar

from pydantic import Field

from services.employment.models import Channel, WorkPlace
from shared.labels import label_of
from shared.schemas import InputModel, Money, NonNegativeMoney, OutputModel


class SpellCreate(InputModel):
    """A new job. If an open main spell began earlier, it ends the day before (a job change)."""

    employer: str = Field(min_length=1, max_length=200, description="就业单位")
    place: WorkPlace = Field(description="务工地点：县内 / 省内县外 / 省外")
    sector: str | None = Field(default=None, min_length=1, max_length=100, description="行业")
    channel: Channel | None = Field(default=None, description="就业渠道")
    monthly_wage: NonNegativeMoney | None = Field(default=None, description="月工资（元）")
    started_on: date = Field(description="开始日期")
    ended_on: date | None = Field(default=None, description="结束日期（最后工作日）；在岗则为空")
    is_main: bool = Field(default=True, description="主要就业（计入就业规模）；兼职为 false")


class SpellOut(OutputModel):
    id: uuid.UUID
    worker_id: uuid.UUID
    is_main: bool
    employer: str
    place: WorkPlace
    sector: str | None
    channel: Channel | None
    monthly_wage: Money | None
    started_on: date
    ended_on: date | None
    end_reason: str | None
    created_at: datetime
    updated_at: datetime

    place_label: ClassVar[property] = label_of("place")

    channel_label: ClassVar[property] = label_of("channel", optional=True)
