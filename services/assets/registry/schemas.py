from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, Field, model_validator

from services.assets.distributions.schemas import DistributionOut
from services.assets.idle.schemas import IdleFlagOut
from services.assets.models import (
    AssetKind,
    AssetOrigin,
    AssetStatus,
    DisposalMethod,
    LifecycleAction,
    OwnerKind,
    UseStatus,
)
from services.assets.operations.schemas import MonthlyOut, PvStationOut
from shared.labels import label_of
from shared.schemas import InputModel, Money, NonNegativeMoney, OutputModel, TownCode, VillageCode

Latitude = Annotated[Decimal, Field(ge=-90, le=90, max_digits=9, decimal_places=6, description="纬度")]
Longitude = Annotated[Decimal, Field(ge=-180, le=180, max_digits=9, decimal_places=6, description="经度")]
Category = Annotated[
    str, Field(min_length=1, max_length=100, description="资产类别，如 光伏电站、厂房、道路")
]
OrgName = Annotated[str, Field(min_length=1, max_length=200)]


class _Coordinates(InputModel):
    latitude: Latitude | None = None
    longitude: Longitude | None = None

    @model_validator(mode="after")
    def _paired(self) -> Any:
        if (self.latitude is None) != (self.longitude is None):
            raise ValueError("经纬度须同时填写 / latitude and longitude go together")
        return self


class AssetCreate(_Coordinates):
    name: str = Field(min_length=1, max_length=200, description="资产名称")
    kind: AssetKind
    category: Category
    town_code: TownCode
    village_code: VillageCode
    value: NonNegativeMoney = Field(description="资产价值（元）")
    formed_on: date = Field(description="资产形成日期")
    source_project_id: uuid.UUID | None = Field(
        default=None,
        description="形成该资产的项目：须为资金服务已验收、在您辖区内的项目，资产须在项目所在乡镇（及村）",
    )
    owner_kind: OwnerKind
    owner_name: OrgName | None = Field(default=None, description="产权主体（组织名称）")
    manager_name: OrgName | None = Field(default=None, description="管护主体（组织名称）")


class AssetUpdate(_Coordinates):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    kind: AssetKind | None = None
    category: Category | None = None
    value: NonNegativeMoney | None = None
    formed_on: date | None = None
    owner_kind: OwnerKind | None = None
    owner_name: OrgName | None = None
    manager_name: OrgName | None = None


class AssetOut(OutputModel):
    id: uuid.UUID
    name: str
    kind: AssetKind
    category: str
    town_code: str
    village_code: str
    latitude: Decimal | None
    longitude: Decimal | None
    value: Money
    formed_on: date
    source_project_id: uuid.UUID | None
    source_asset_ref: str | None
    owner_kind: OwnerKind
    owner_name: str | None
    manager_name: str | None
    status: AssetStatus
    origin: AssetOrigin
    legacy_ref: str | None
    legacy_project_name: str | None
    use_status: UseStatus | None
    use_status_since: date | None
    version: int
    created_at: datetime
    updated_at: datetime

    kind_label: ClassVar[property] = label_of("kind")

    origin_label: ClassVar[property] = label_of("origin")

    use_status_label: ClassVar[property] = label_of("use_status", optional=True)

    owner_kind_label: ClassVar[property] = label_of("owner_kind")

    status_label: ClassVar[property] = label_of("status")


class Document(InputModel):
    title: str = Field(min_length=1, max_length=200, description="文件名称")
    ref: str = Field(min_length=1, max_length=300, description="文号或存档地址")


class _Step(InputModel):
    occurred_on: date = Field(description="发生日期")
    reason: str | None = Field(default=None, min_length=1, max_length=2000, description="事由")
    documents: list[Document] = Field(default_factory=list, max_length=50)


class ConfirmOwnership(_Step):
    """确权: who owns the asset from now on."""

    action: Literal["confirm_ownership"]
    owner_kind: OwnerKind
    owner_name: OrgName = Field(description="产权主体（组织名称）")


class HandOver(_Step):
    """移交: the owner hands the asset to whoever manages and operates it."""

    action: Literal["hand_over"]
    manager_name: OrgName = Field(description="管护主体（组织名称）")


class StartOperation(_Step):
    """投入管护运营."""

    action: Literal["start_operation"]


class Approval(InputModel):
    approved_by: OrgName = Field(description="审批机关")
    approval_ref: str = Field(min_length=1, max_length=100, description="批复文号")
    approved_on: date


class Dispose(_Step):
    """处置: only with an approval, a method and a reason."""

    action: Literal["dispose"]
    method: DisposalMethod
    approval: Approval | None = Field(default=None, description="审批（必填；缺少时拒绝处置）")


LifecycleRequest = Annotated[
    ConfirmOwnership | HandOver | StartOperation | Dispose, Field(discriminator="action")
]


class LifecycleStepOut(OutputModel):
    id: uuid.UUID
    action: LifecycleAction
    from_status: AssetStatus | None
    to_status: AssetStatus
    occurred_on: date
    reason: str | None
    documents: list[dict[str, Any]]
    details: dict[str, Any] | None
    disposal_method: DisposalMethod | None
    approved_by: str | None
    approval_ref: str | None
    approved_on: date | None
    actor: str
    actor_role: str
    recorded_at: datetime

    action_label: ClassVar[property] = label_of("action")

    disposal_method_label: ClassVar[property] = label_of("disposal_method", optional=True)


class SourceProjectOut(OutputModel):
    project_id: uuid.UUID
    town_code: str
    village_code: str | None
    category: str
    year: int
    accepted_on: date
    total_investment: Money
    fund_shares: list[dict[str, Any]] = Field(description="资金来源 [{fund_id, source, amount}]")


class OperationTotalsOut(BaseModel):
    maintenance_count: int
    maintenance_cost: Money
    open_incidents: int = Field(description="未排除的运维故障")
    months_recorded: int
    revenue: Money = Field(description="累计运营收益（元）")
    generation_kwh: Decimal = Field(description="累计发电量（千瓦时）")


class AssetCard(BaseModel):
    """资产卡片: the asset, where it came from, everything that happened to it, and what it earns."""

    asset: AssetOut
    source_project: SourceProjectOut | None = Field(
        description="来源项目及其资金构成；无来源项目、或项目不在您的数据范围内时为空"
    )
    history: list[LifecycleStepOut]
    pv_station: PvStationOut | None
    operation_totals: OperationTotalsOut
    recent_months: list[MonthlyOut] = Field(description="最近 12 个月的运营记录")
    distributions: list[DistributionOut]
    open_idle_flags: list[IdleFlagOut]
