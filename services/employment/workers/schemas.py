from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, ClassVar

from pydantic import Field, model_validator

from services.employment.models import Channel, TrainingProgram, WorkerStatus, WorkPlace
from shared.labels import label_of
from shared.schemas import InputModel, Money, NonNegativeMoney, OutputModel, TownCode, VillageCode


class WorkerCreate(InputModel):
    household_id: uuid.UUID = Field(description="监测服务中的农户编号")
    member_id: uuid.UUID = Field(description="监测服务中的家庭成员编号")
    town_code: TownCode
    village_code: VillageCode
    status: WorkerStatus
    employer: str | None = Field(default=None, min_length=1, max_length=200, description="就业单位")
    place: WorkPlace | None = Field(default=None, description="务工地点：县内 / 省内县外 / 省外")
    monthly_wage: NonNegativeMoney | None = Field(default=None, description="月工资（元）")
    employed_since: date | None = Field(default=None, description="本次就业开始日期（默认今天）")
    sector: str | None = Field(default=None, min_length=1, max_length=100, description="行业")
    channel: Channel | None = Field(default=None, description="就业渠道")
    skills: list[Annotated[str, Field(min_length=1, max_length=100)]] = Field(
        default_factory=list, max_length=20, description="技能（如 电工、焊工、厨师）"
    )

    @model_validator(mode="after")
    def _employed_needs_place(self) -> WorkerCreate:
        if self.status is WorkerStatus.EMPLOYED and self.place is None:
            raise ValueError("务工就业人员必须填写务工地点（place）")
        return self


class JobLoss(InputModel):
    ended_on: date = Field(description="就业结束日期")
    reason: str = Field(min_length=1, max_length=500, description="失业原因")


class WorkerOut(OutputModel):
    id: uuid.UUID
    household_id: uuid.UUID
    member_id: uuid.UUID
    town_code: str
    village_code: str
    status: WorkerStatus
    employer: str | None
    place: WorkPlace | None
    monthly_wage: Money | None
    employed_since: date | None
    ended_on: date | None
    end_reason: str | None
    skills: list[str]
    verified_on: date = Field(
        description="最近核实日期（现场核实或月度导入）。核实不改变 version 与 updated_at，"
        "增量同步不含仅核实的记录，待跟进名单以 /v1/workers/stale 为准 / "
        "last confirmed (field app or monthly file); a confirmation changes neither version "
        "nor updated_at, so delta sync does not carry it — the stale list is /v1/workers/stale"
    )
    version: int
    created_at: datetime
    updated_at: datetime

    status_label: ClassVar[property] = label_of("status")

    place_label: ClassVar[property] = label_of("place", optional=True)


class TrainingCreate(InputModel):
    program: TrainingProgram = Field(description="培训项目：雨露计划+ / 头雁 / 高素质农民 / 技能培训")
    course: str = Field(min_length=1, max_length=200, description="课程或工种")
    started_on: date
    completed_on: date | None = Field(default=None, description="结业日期")
    certificate: str | None = Field(default=None, min_length=1, max_length=200, description="证书名称或编号")


class TrainingOut(OutputModel):
    id: uuid.UUID
    worker_id: uuid.UUID
    program: TrainingProgram
    course: str
    started_on: date
    completed_on: date | None
    certificate: str | None
    created_at: datetime

    program_label: ClassVar[property] = label_of("program")
