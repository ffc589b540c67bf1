from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import ClassVar

from pydantic import Field

from services.monitoring.models import SocialForceKind, SupportKind, TeamRole
from shared.labels import label_of
from shared.schemas import InputModel, Money, OutputModel, PositiveMoney, VillageCode


class VillageDesignation(InputModel):
    lifted_out_village: bool = Field(description="是否脱贫村")
    since: date = Field(description="自何日起（认定日期）")


class VillageOut(OutputModel):
    village_code: str
    town_code: str
    village_name: str | None = None
    lifted_out_village: bool
    since: date
    version: int
    updated_at: datetime


class AssignmentIn(InputModel):
    kind: SupportKind
    village_code: VillageCode
    responsible: str = Field(min_length=1, max_length=100, description="领导姓名、包扶部门或帮建企业")
    user_id: str | None = Field(default=None, max_length=100, description="登录本系统的账号（网关用户 id）")
    valid_from: date
    valid_to: date | None = None
    note: str = Field(default="", max_length=2000)


class AssignmentPatch(InputModel):
    responsible: str | None = Field(default=None, min_length=1, max_length=100)
    user_id: str | None = Field(default=None, max_length=100)
    valid_to: date | None = Field(default=None, description="任期结束日（含）")
    note: str | None = Field(default=None, max_length=2000)


class AssignmentOut(OutputModel):
    id: uuid.UUID
    kind: SupportKind
    town_code: str
    village_code: str
    responsible: str
    user_id: str | None
    valid_from: date
    valid_to: date | None
    note: str
    version: int
    created_at: datetime
    updated_at: datetime

    kind_label: ClassVar[property] = label_of("kind")


class TeamMemberIn(InputModel):
    role: TeamRole
    name: str = Field(min_length=1, max_length=50)
    user_id: str | None = Field(default=None, max_length=100, description="网关用户 id（登录者）")
    valid_from: date | None = Field(default=None, description="默认为工作队任期开始日")


class TeamIn(InputModel):
    village_code: VillageCode
    sending_unit: str = Field(min_length=1, max_length=100, description="派出单位")
    valid_from: date
    valid_to: date | None = None
    predecessor_id: uuid.UUID | None = Field(
        default=None, description="轮换：被接替的上一支工作队（其任期在本队开始前一日结束）"
    )
    members: list[TeamMemberIn] = Field(default_factory=list, max_length=30)


class TeamPatch(InputModel):
    sending_unit: str | None = Field(default=None, min_length=1, max_length=100)
    valid_to: date | None = None


class MemberDeparture(InputModel):
    valid_to: date = Field(description="离队日期（含）")


class TeamMemberOut(OutputModel):
    id: uuid.UUID
    team_id: uuid.UUID
    role: TeamRole
    name: str
    user_id: str | None
    valid_from: date
    valid_to: date | None

    role_label: ClassVar[property] = label_of("role")


class TeamOut(OutputModel):
    id: uuid.UUID
    town_code: str
    village_code: str
    sending_unit: str
    valid_from: date
    valid_to: date | None
    predecessor_id: uuid.UUID | None
    members: list[TeamMemberOut] = Field(default_factory=list)
    version: int
    created_at: datetime
    updated_at: datetime


class TrainingIn(InputModel):
    team_id: uuid.UUID
    member_id: uuid.UUID
    topic: str = Field(min_length=1, max_length=200)
    organiser: str = Field(min_length=1, max_length=100, description="举办单位")
    held_on: date
    hours: Decimal = Field(gt=0, le=1000, max_digits=5, decimal_places=1, description="学时")


class TrainingOut(OutputModel):
    id: uuid.UUID
    team_id: uuid.UUID
    member_id: uuid.UUID
    village_code: str
    topic: str
    organiser: str
    held_on: date
    hours: Decimal
    created_at: datetime
    updated_at: datetime


class SocialForceIn(InputModel):
    kind: SocialForceKind
    name: str = Field(min_length=1, max_length=100)
    village_code: VillageCode
    user_id: str | None = Field(default=None, max_length=100)
    contribution: str = Field(default="", max_length=4000, description="帮扶内容")
    valid_from: date
    valid_to: date | None = None


class SocialForcePatch(InputModel):
    contribution: str | None = Field(default=None, max_length=4000)
    valid_to: date | None = None


class SocialForceOut(OutputModel):
    id: uuid.UUID
    kind: SocialForceKind
    name: str
    town_code: str
    village_code: str
    user_id: str | None
    contribution: str
    valid_from: date
    valid_to: date | None
    version: int
    created_at: datetime
    updated_at: datetime

    kind_label: ClassVar[property] = label_of("kind")


class PurchaseIn(InputModel):
    purchasing_unit: str | None = Field(
        default=None, min_length=1, max_length=100, description="采购单位（部门干部默认本部门）"
    )
    village_code: VillageCode = Field(description="帮扶产品来自的村")
    product: str = Field(min_length=1, max_length=100)
    amount: PositiveMoney
    purchased_on: date


class PurchaseOut(OutputModel):
    id: uuid.UUID
    purchasing_unit: str
    town_code: str
    village_code: str
    product: str
    amount: Money
    purchased_on: date
    recorded_by: str
    created_at: datetime
    updated_at: datetime
