from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import Field, computed_field

from services.assets.models import (
    ASSET_KIND_LABELS,
    ASSET_STATUS_LABELS,
    OWNER_KIND_LABELS,
    AssetKind,
    AssetStatus,
    OwnerKind,
)
from shared.schemas import InputModel, Money, NonNegativeMoney, OutputModel, TownCode, VillageCode


class AssetCreate(InputModel):
    name: str = Field(min_length=1, max_length=200, description="资产名称")
    kind: AssetKind
    town_code: TownCode
    village_code: VillageCode
    value: NonNegativeMoney = Field(description="资产价值（元）")
    source_project_id: uuid.UUID | None = Field(default=None, description="形成该资产的项目（资金服务）")
    owner_kind: OwnerKind


class AssetUpdate(InputModel):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    kind: AssetKind | None = None
    value: NonNegativeMoney | None = None
    owner_kind: OwnerKind | None = None


class AssetOut(OutputModel):
    id: uuid.UUID
    name: str
    kind: AssetKind
    town_code: str
    village_code: str
    value: Money
    source_project_id: uuid.UUID | None
    owner_kind: OwnerKind
    status: AssetStatus
    version: int
    created_at: datetime
    updated_at: datetime

    @computed_field  # type: ignore[prop-decorator]
    @property
    def kind_label(self) -> str:
        return ASSET_KIND_LABELS[self.kind]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def owner_kind_label(self) -> str:
        return OWNER_KIND_LABELS[self.owner_kind]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def status_label(self) -> str:
        return ASSET_STATUS_LABELS[self.status]
