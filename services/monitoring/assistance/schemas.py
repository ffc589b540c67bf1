from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, ClassVar, Literal

from pydantic import Field, model_validator

from services.monitoring.models import MeasureKind, PlanAction, RiskCause
from shared.labels import LabelledEnum, label_of, labels_of
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
    member_id: uuid.UUID | None = Field(
        default=None, description="措施落实到人时填写：该户在册成员（开发式帮扶措施按人统计）"
    )

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
    member_id: uuid.UUID | None
    delivered_on: date | None = Field(description="落实日期；为空表示尚未落实")
    delivered_by: str | None
    delivery_note: str | None
    ended_on: date | None = Field(description="终止日期；为空表示未终止")
    end_reason: str | None
    replaces_id: uuid.UUID | None = Field(description="本措施替换的原措施")

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


Reason = Annotated[str, Field(min_length=1, max_length=2000, description="原因（记入调整记录）")]


class AddMeasure(InputModel):
    """增加措施."""

    action: Literal["add"]
    measure: MeasureIn
    reason: Reason


class EndMeasure(InputModel):
    """终止措施（不删除：已落实的措施留在计划和记录中）."""

    action: Literal["end"]
    measure_id: uuid.UUID
    ended_on: date = Field(description="终止日期：不早于落实日期，不晚于措施截止日期")
    reason: Reason


class ReplaceMeasure(InputModel):
    """调整措施：终止原措施，并增加接替它的新措施（两者相互关联）."""

    action: Literal["replace"]
    measure_id: uuid.UUID
    ended_on: date
    successor: MeasureIn
    reason: Reason


Amendment = Annotated[AddMeasure | EndMeasure | ReplaceMeasure, Field(discriminator="action")]


class AmendmentOut(OutputModel):
    id: int
    plan_id: uuid.UUID
    action: PlanAction
    measure_id: uuid.UUID
    successor_id: uuid.UUID | None
    reason: str
    actor: str
    actor_role: str
    actor_department: str | None
    at: datetime

    action_label: ClassVar[property] = label_of("action")


class DeliveryIn(InputModel):
    delivered_on: date = Field(description="落实日期：不早于措施开始日期，不晚于今天")
    note: str = Field(min_length=1, max_length=2000, description="落实情况")


class SafetyNetRecord(InputModel):
    record_id: str = Field(min_length=1, max_length=60, description="民政系统中的记录编号（批内唯一）")
    id_number: str = Field(min_length=1, max_length=32, description="保障对象身份证号，用于匹配农户成员")
    policy_code: str = Field(max_length=40, description="dibao 低保 / tekun 特困人员救助供养")
    delivered_on: date = Field(ge=date(2000, 1, 1), description="落实（开始发放）日期")
    note: str = Field(default="", max_length=1000)


class SafetyNetBatch(InputModel):
    batch_id: str = Field(min_length=1, max_length=60, description="批次编号")
    records: list[SafetyNetRecord] = Field(min_length=1)


class RecordOutcome(LabelledEnum):
    DELIVERED = "delivered", "已登记落实"
    ALREADY_DELIVERED = "already_delivered", "此前已登记落实"
    REFUSED = "refused", "未登记"


class RecordResult(OutputModel):
    record_id: str
    outcome: RecordOutcome
    measure_id: uuid.UUID | None = None
    reason: str | None = None

    outcome_label: ClassVar[property] = label_of("outcome")


class SafetyNetBatchReport(OutputModel):
    batch_id: str
    department: str
    received: int
    delivered: int = Field(description="本次新登记落实的措施数")
    already_delivered: int = Field(description="此前已登记落实、未重复登记的记录数")
    refused: int
    records: list[RecordResult] = Field(description="逐条结果（与推送顺序相同）")
