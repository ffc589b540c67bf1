from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar

from pydantic import Field

from services.funds.models import IndustryClass, IndustryFlagKind, LinkKind
from shared.labels import label_of
from shared.schemas import InputModel, Money, NonNegativeMoney, OutputModel, TownCode, VillageCode


class ParkCreate(InputModel):
    town_code: TownCode
    name: str = Field(min_length=1, max_length=200, examples=["克井镇乡村振兴产业园"])
    established_year: int | None = Field(default=None, ge=2000, le=2100)


class ParkOut(OutputModel):
    id: uuid.UUID
    town_code: str
    name: str
    established_year: int | None
    created_at: datetime
    updated_at: datetime


class IndustryCreate(InputModel):
    town_code: TownCode
    village_code: VillageCode | None = Field(default=None, description="村级产业；空为镇级")
    name: str = Field(min_length=1, max_length=200, examples=["北大河村食用菌"])
    industry_class: IndustryClass = Field(description="四个一批：巩固、升级、盘活、调整")
    park_id: uuid.UUID | None = Field(default=None, description="所属本镇乡村振兴产业园")
    year: int = Field(ge=2000, le=2100, description="分类年度")


class IndustryOut(OutputModel):
    id: uuid.UUID
    town_code: str
    village_code: str | None
    name: str
    industry_class: IndustryClass
    park_id: uuid.UUID | None
    year: int
    version: int
    created_at: datetime
    updated_at: datetime

    industry_class_label: ClassVar[property] = label_of("industry_class")


class BusinessCreate(InputModel):
    name: str = Field(min_length=1, max_length=200, examples=["济源市北大河食用菌专业合作社"])
    kind: str = Field(min_length=1, max_length=40, examples=["农民专业合作社", "企业", "家庭农场"])


class BusinessOut(OutputModel):
    id: uuid.UUID
    industry_id: uuid.UUID
    name: str
    kind: str
    failing_since: date | None
    created_at: datetime
    updated_at: datetime


class LinkCreate(InputModel):
    household_id: uuid.UUID = Field(description="监测服务中的农户（经本服务的农户投影核验）")
    kind: LinkKind = Field(description="联农带农方式：务工工资、入股分红、订单收购")
    annual_amount: NonNegativeMoney | None = Field(default=None, description="年收益（元），可空")
    since: date


class LinkOut(OutputModel):
    id: uuid.UUID
    business_id: uuid.UUID
    household_id: uuid.UUID
    town_code: str
    village_code: str
    kind: LinkKind
    annual_amount: Money | None
    since: date
    ended_on: date | None
    created_at: datetime
    updated_at: datetime

    kind_label: ClassVar[property] = label_of("kind")


class FlagCreate(InputModel):
    kind: IndustryFlagKind
    business_id: uuid.UUID | None = Field(default=None, description="经营主体经营困难时必填")
    link_id: uuid.UUID | None = Field(default=None, description="联农带农中断时必填")
    observed_on: date
    note: str = Field(min_length=1, max_length=2000)


class FlagOut(OutputModel):
    id: uuid.UUID
    kind: IndustryFlagKind
    business_id: uuid.UUID
    link_id: uuid.UUID | None
    observed_on: date
    note: str
    households_alerted: int = Field(description="为之发出预警事件的农户数")
    created_at: datetime

    kind_label: ClassVar[property] = label_of("kind")
