from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar

from pydantic import Field

from services.monitoring.households.schemas import HouseholdOut, MemberCreate, MemberOut
from services.monitoring.models import ChangeKind
from shared.labels import LabelledEnum, label_of
from shared.schemas import InputModel, OutputModel, VillageCode

Reason = Field(min_length=1, max_length=2000, description="变动原因或依据（必填，留痕）")
EffectiveOn = Field(description="变动生效日期：不晚于今天，不早于农户立户或成员入户之日")


class DepartureKind(LabelledEnum):
    DEATH = "death", "死亡"
    MOVE_OUT = "move_out", "迁出"
    MARRIAGE_OUT = "marriage_out", "婚出"


class ArrivalKind(LabelledEnum):
    BIRTH = "birth", "出生"
    MOVE_IN = "move_in", "迁入"
    MARRIAGE_IN = "marriage_in", "婚入"


class CancellationCause(LabelledEnum):
    """Why the whole household ends; its remaining members leave with it on that day."""

    DIED_OUT = "died_out", "全户死亡（自然消亡）"
    MOVED_AWAY = "moved_away", "全户迁出"


class DepartureIn(InputModel):
    member_id: uuid.UUID
    kind: DepartureKind
    effective_on: date = EffectiveOn
    reason: str = Reason
    new_head_member_id: uuid.UUID | None = Field(
        default=None, description="户主离户时必填：接任户主的在册成员"
    )


class ArrivalIn(InputModel):
    kind: ArrivalKind
    effective_on: date = EffectiveOn
    reason: str = Reason
    member: MemberCreate


class SplitIn(InputModel):
    member_ids: list[uuid.UUID] = Field(min_length=1, max_length=50, description="分出的在册成员")
    head_member_id: uuid.UUID = Field(description="新户户主（分出的成员之一）")
    remaining_head_member_id: uuid.UUID | None = Field(
        default=None, description="原户主随分户迁出时必填：原户接任户主的在册成员"
    )
    village_code: VillageCode | None = Field(default=None, description="新户所在村（默认与原户相同）")
    address: str | None = Field(default=None, max_length=200, description="新户住址（默认与原户相同）")
    effective_on: date = EffectiveOn
    reason: str = Reason


class MergeIn(InputModel):
    into_household_id: uuid.UUID = Field(description="并入的农户（须在您的辖区内）")
    effective_on: date = EffectiveOn
    reason: str = Reason


class CancellationIn(InputModel):
    cause: CancellationCause
    effective_on: date = EffectiveOn
    reason: str = Reason


class ChangeOut(OutputModel):
    id: int
    household_id: uuid.UUID = Field(description="发生变动的农户（分户、合户时为成员迁出的农户）")
    member_id: uuid.UUID | None
    member_name: str | None
    kind: ChangeKind
    effective_on: date
    reason: str
    other_household_id: uuid.UUID | None = Field(description="分户、合户的另一户")
    actor: str
    actor_role: str
    at: datetime

    kind_label: ClassVar[property] = label_of("kind")


class ChangeResult(OutputModel):
    household: HouseholdOut = Field(description="所办理的农户（变动后），ETag 为其版本")
    changes: list[ChangeOut] = Field(description="本次写入的变动记录")
    other_household: HouseholdOut | None = Field(default=None, description="分户新立的农户，或合户并入的农户")
    member: MemberOut | None = Field(default=None, description="新入户的成员（身份证号脱敏）")
