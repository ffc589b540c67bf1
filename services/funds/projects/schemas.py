from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, ClassVar

from pydantic import Field

from services.funds.models import (
    AssetKind,
    IndicatorKind,
    OwnerKind,
    ProjectCategory,
    ProjectStatus,
)
from shared.labels import label_of
from shared.schemas import (
    InputModel,
    Money,
    NonNegativeMoney,
    OutputModel,
    PositiveMoney,
    TownCode,
    VillageCode,
)

DocumentRef = Annotated[str, Field(min_length=1, max_length=300, description="文件编号或存档地址")]


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
    allocated: Money = Field(description="已安排资金（元）")
    paid: Money = Field(description="已支付（元）")
    status: ProjectStatus
    requires_elevated_review: bool
    elevated_review_on: date | None
    elevated_review_document: str | None
    proposing_department: str | None
    evaluated_on: date | None
    evaluation_conclusion: str | None
    accepted_on: date | None
    version: int
    created_at: datetime
    updated_at: datetime

    category_label: ClassVar[property] = label_of("category")

    status_label: ClassVar[property] = label_of("status")


class StepCreate(InputModel):
    to: ProjectStatus = Field(description="目标状态")
    reason: str = Field(min_length=1, max_length=2000, description="理由或结论")
    documents: list[DocumentRef] = Field(default_factory=list, max_length=50, description="依据文件")


class StepOut(OutputModel):
    id: int
    from_status: ProjectStatus | None
    to_status: ProjectStatus
    actor: str
    actor_role: str
    reason: str
    documents: list[str]
    at: datetime


class ElevatedReviewCreate(InputModel):
    """省级提级综合论证 as recorded by the district."""

    reviewed_on: date
    document: DocumentRef
    reason: str = Field(min_length=1, max_length=2000, description="论证结论")


class IndicatorIn(InputModel):
    kind: IndicatorKind
    name: str = Field(min_length=1, max_length=200, examples=["新建食用菌大棚"])
    unit: str = Field(min_length=1, max_length=20, examples=["座"])
    target: NonNegativeMoney = Field(description="目标值")


class TargetsSet(InputModel):
    indicators: list[IndicatorIn] = Field(min_length=1, max_length=50)


class IndicatorOut(OutputModel):
    id: uuid.UUID
    kind: IndicatorKind
    name: str
    unit: str
    target: Money
    actual: Money | None

    kind_label: ClassVar[property] = label_of("kind")


class ActualIn(InputModel):
    indicator_id: uuid.UUID
    actual: NonNegativeMoney


class EvaluationCreate(InputModel):
    evaluated_on: date
    conclusion: str = Field(min_length=1, max_length=2000, description="绩效评价结论")
    actuals: list[ActualIn] = Field(min_length=1, max_length=50)


class AssetIn(InputModel):
    asset_ref: str = Field(min_length=1, max_length=20, pattern=r"^[A-Za-z0-9_-]+$", examples=["1"])
    name: str = Field(min_length=1, max_length=200, description="资产名称（不含个人信息）")
    kind: AssetKind
    category: str = Field(min_length=1, max_length=100, examples=["农业设施"])
    value: PositiveMoney
    village_code: VillageCode
    owner_kind: OwnerKind


class AcceptanceCreate(InputModel):
    accepted_on: date
    reason: str = Field(min_length=1, max_length=2000, description="验收结论")
    documents: list[DocumentRef] = Field(default_factory=list, max_length=50)
    assets: list[AssetIn] = Field(default_factory=list, max_length=500, description="项目形成的资产")


class ProjectAssetOut(OutputModel):
    asset_ref: str
    name: str
    kind: AssetKind
    category: str
    value: Money
    town_code: str
    village_code: str
    owner_kind: OwnerKind
    asset_id: uuid.UUID | None = Field(default=None, description="资产台账中的资产（登记后）")


class ProjectDossier(OutputModel):
    """A project with its history, performance indicators and assets."""

    project: ProjectOut
    steps: list[StepOut]
    indicators: list[IndicatorOut]
    assets: list[ProjectAssetOut]
