from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar

from pydantic import Field, model_validator

from services.monitoring.models import MeasureKind, RiskCause
from shared.labels import label_of, labels_of
from shared.schemas import InputModel, OutputModel


class PolicyIn(InputModel):
    code: str = Field(pattern=r"^[a-z][a-z0-9_]{1,39}$", description="政策编码")
    name: str = Field(min_length=1, max_length=100)
    category: str = Field(
        min_length=1, max_length=40, description="产业、就业、健康、教育、住房、饮水、社会救助……"
    )
    measure_kind: MeasureKind
    risk_causes: list[RiskCause] = Field(min_length=1, max_length=11)
    description: str = Field(default="", max_length=2000)
    responsible_unit: str = Field(default="", max_length=100)


class PolicyOut(OutputModel):
    id: uuid.UUID
    code: str
    name: str
    category: str
    measure_kind: MeasureKind
    risk_causes: list[RiskCause]
    description: str
    responsible_unit: str
    version: int
    updated_at: datetime

    measure_kind_label: ClassVar[property] = label_of("measure_kind")

    risk_cause_labels: ClassVar[property] = labels_of("risk_causes")


class Suggestion(PolicyOut):
    matched_causes: list[RiskCause] = Field(description="与农户风险类型相符的部分")


class MeasureIn(InputModel):
    policy_code: str | None = Field(default=None, max_length=40, description="来自政策工具箱（可选）")
    kind: MeasureKind | None = Field(default=None, description="不填时取政策的类型；无政策时必填")
    description: str = Field(min_length=1, max_length=2000)
    owner: str = Field(min_length=1, max_length=100, description="责任人或责任单位")
    starts_on: date
    ends_on: date

    @model_validator(mode="after")
    def _dates_in_order(self) -> MeasureIn:
        if self.ends_on < self.starts_on:
            raise ValueError("ends_on 不能早于 starts_on")
        return self


class PlanIn(InputModel):
    household_id: uuid.UUID
    year: int = Field(ge=2000, le=2100)
    goal: str = Field(min_length=1, max_length=2000, description="帮扶目标")
    measures: list[MeasureIn] = Field(min_length=1, max_length=50)


class MeasureOut(OutputModel):
    id: uuid.UUID
    policy_id: uuid.UUID | None
    kind: MeasureKind
    description: str
    owner: str
    starts_on: date
    ends_on: date

    kind_label: ClassVar[property] = label_of("kind")


class PlanOut(OutputModel):
    id: uuid.UUID
    household_id: uuid.UUID
    town_code: str
    village_code: str
    year: int
    goal: str
    measures: list[MeasureOut]
    version: int
    created_at: datetime
    updated_at: datetime
