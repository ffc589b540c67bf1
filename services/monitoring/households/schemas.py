from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar

from pydantic import Field

from services.monitoring.models import (
    EliminationStage,
    Health,
    HouseholdKind,
    HouseholdStatus,
    LabourCapacity,
    Relation,
    RiskCause,
    Schooling,
    Subtype,
)
from shared.labels import label_of, labels_of
from shared.schemas import InputModel, OutputModel, TownCode, VillageCode

IdNumberText = str  # validated by the service (checksum, birth date), never by a regex alone


class MemberCreate(InputModel):
    name: str = Field(min_length=1, max_length=50, description="姓名")
    id_number: IdNumberText = Field(min_length=1, max_length=32, description="身份证号（18 位，含校验位）")
    relation: Relation
    health: Health = Health.HEALTHY
    labour: LabourCapacity
    schooling: Schooling = Schooling.NOT_APPLICABLE
    medical_insured: bool = Field(default=True, description="参加基本医疗保险")


class MemberUpdate(InputModel):
    name: str | None = Field(default=None, min_length=1, max_length=50)
    id_number: IdNumberText | None = Field(default=None, min_length=1, max_length=32)
    relation: Relation | None = None
    health: Health | None = None
    labour: LabourCapacity | None = None
    schooling: Schooling | None = None
    medical_insured: bool | None = None


class MemberOut(OutputModel):
    id: uuid.UUID
    household_id: uuid.UUID
    name: str
    id_number: str = Field(description="完整号码仅对区级管理员和本辖区镇村干部显示，其他角色为脱敏号码")
    id_number_masked: bool
    birth_date: date | None = Field(description="仅在显示完整身份证号时给出")
    age: int
    relation: Relation
    health: Health
    labour: LabourCapacity
    schooling: Schooling
    medical_insured: bool
    joined_on: date = Field(description="入户日期（登记、出生、迁入、婚入）")
    left_on: date | None = Field(description="离户日期（死亡、迁出、婚出）；为空即在册")
    version: int
    updated_at: datetime

    relation_label: ClassVar[property] = label_of("relation")

    health_label: ClassVar[property] = label_of("health")

    labour_label: ClassVar[property] = label_of("labour")

    schooling_label: ClassVar[property] = label_of("schooling")


class HouseholdCreate(InputModel):
    town_code: TownCode
    village_code: VillageCode
    head_name: str = Field(min_length=1, max_length=50, description="户主姓名")
    address: str = Field(default="", max_length=200)
    kind: HouseholdKind
    member_count: int = Field(ge=1, le=50)
    helper_user_id: str | None = Field(default=None, max_length=100, description="帮扶责任人用户编号")
    housing_safe: bool = Field(default=True, description="住房安全")
    water_safe: bool = Field(default=True, description="饮水安全")
    members: list[MemberCreate] = Field(default_factory=list, max_length=50)


class HouseholdUpdate(InputModel):
    head_name: str | None = Field(default=None, min_length=1, max_length=50)
    address: str | None = Field(default=None, max_length=200)
    kind: HouseholdKind | None = None
    member_count: int | None = Field(default=None, ge=1, le=50)
    helper_user_id: str | None = Field(default=None, max_length=100)
    housing_safe: bool | None = None
    water_safe: bool | None = None


class HouseholdOut(OutputModel):
    id: uuid.UUID
    town_code: str
    village_code: str
    head_name: str
    address: str
    kind: HouseholdKind
    member_count: int
    helper_user_id: str | None
    status: HouseholdStatus
    subtype: Subtype | None
    risk_causes: list[RiskCause]
    housing_safe: bool
    water_safe: bool
    case_started_on: date | None
    notice_posted_on: date | None
    included_on: date | None
    closed_on: date | None
    formed_on: date = Field(description="立户日期（登记或分户之日）")
    cancelled_on: date | None = Field(description="注销日期；已注销的农户默认不在列表和统计中")
    elimination_stage: EliminationStage | None = Field(
        description="风险消除程序所处环节（进行中时；其间仍为监测对象 status=included）"
    )
    version: int
    created_at: datetime
    updated_at: datetime

    kind_label: ClassVar[property] = label_of("kind")

    elimination_stage_label: ClassVar[property] = label_of("elimination_stage", optional=True)

    status_label: ClassVar[property] = label_of("status")

    subtype_label: ClassVar[property] = label_of("subtype", optional=True)

    risk_cause_labels: ClassVar[property] = labels_of("risk_causes")
