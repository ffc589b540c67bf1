from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import Field, computed_field

from services.monitoring.models import HOUSEHOLD_KIND_LABELS, HouseholdKind
from shared.schemas import InputModel, OutputModel, TownCode, VillageCode


class HouseholdCreate(InputModel):
    town_code: TownCode
    village_code: VillageCode
    head_name: str = Field(min_length=1, max_length=50, description="户主姓名")
    address: str = Field(default="", max_length=200)
    kind: HouseholdKind
    member_count: int = Field(ge=1, le=50)
    helper_user_id: str | None = Field(default=None, max_length=100, description="帮扶责任人用户编号")


class HouseholdUpdate(InputModel):
    head_name: str | None = Field(default=None, min_length=1, max_length=50)
    address: str | None = Field(default=None, max_length=200)
    kind: HouseholdKind | None = None
    member_count: int | None = Field(default=None, ge=1, le=50)
    helper_user_id: str | None = Field(default=None, max_length=100)


class HouseholdOut(OutputModel):
    id: uuid.UUID
    town_code: str
    village_code: str
    head_name: str
    address: str
    kind: HouseholdKind
    member_count: int
    helper_user_id: str | None
    version: int
    created_at: datetime
    updated_at: datetime

    @computed_field  # type: ignore[prop-decorator]
    @property
    def kind_label(self) -> str:
        return HOUSEHOLD_KIND_LABELS[self.kind]
