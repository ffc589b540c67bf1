from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import ClassVar

from pydantic import Field

from services.monitoring.models import (
    AlertSource,
    AlertStatus,
    RiskCause,
    VisitorKind,
)
from shared.labels import label_of, labels_of
from shared.schemas import InputModel, Money, OutputModel


class AlertCreate(InputModel):
    """A self-declaration (农户自主申报), recorded by the household's cadre or from a phone."""

    household_id: uuid.UUID
    source: AlertSource = Field(
        default=AlertSource.SELF_DECLARED, description="只接受 self_declared；其他来源各有专门接口"
    )
    reason: str = Field(min_length=1, max_length=2000)
    risk_causes: list[RiskCause] = Field(default_factory=list, max_length=11)


class AlertOut(OutputModel):
    id: uuid.UUID
    household_id: uuid.UUID
    town_code: str
    village_code: str
    source: AlertSource
    reason: str
    risk_causes: list[RiskCause]
    department: str | None
    status: AlertStatus
    created_at: datetime
    updated_at: datetime

    source_label: ClassVar[property] = label_of("source")

    status_label: ClassVar[property] = label_of("status")

    risk_cause_labels: ClassVar[property] = labels_of("risk_causes")


class DepartmentRecord(InputModel):
    record_id: str = Field(min_length=1, max_length=60, description="部门系统中的记录编号（批内唯一）")
    id_number: str = Field(min_length=1, max_length=32, description="身份证号，用于匹配农户")
    risk_cause: RiskCause
    reason: str = Field(min_length=1, max_length=1000)


class DepartmentBatch(InputModel):
    batch_id: str = Field(min_length=1, max_length=60, description="批次编号：同一批次重复推送不会重复预警")
    records: list[DepartmentRecord] = Field(min_length=1)


class UnmatchedRecord(OutputModel):
    record_id: str
    reason: str


class BatchReport(OutputModel):
    batch_id: str
    department: str
    received: int
    raised: int = Field(description="本次新产生的预警数")
    already_received: int = Field(description="此前已推送过、未重复预警的记录数")
    unmatched: list[UnmatchedRecord]


class PolicyExplained(InputModel):
    """明白纸: one policy of the toolbox explained during the visit."""

    policy_code: str = Field(min_length=1, max_length=40, description="帮扶政策工具箱中的政策编码")
    already_known: bool = Field(description="讲解前农户是否已知晓该政策（知晓率的分子）")


class PolicyExplainedOut(OutputModel):
    policy_code: str
    policy_name: str
    already_known: bool


class VisitCreate(InputModel):
    household_id: uuid.UUID
    visited_at: datetime
    latitude: Decimal = Field(ge=-90, le=90, max_digits=9, decimal_places=6)
    longitude: Decimal = Field(ge=-180, le=180, max_digits=9, decimal_places=6)
    findings: str = Field(min_length=1, max_length=4000)
    risk_causes: list[RiskCause] = Field(
        default_factory=list, max_length=11, description="发现风险时填写，将产生预警"
    )
    as_town_secretary: bool = Field(default=False, description="镇党委书记遍访（仅镇干部）")
    work_team_id: uuid.UUID | None = Field(
        default=None, description="驻村工作队昼访夜谈：走访人当日所在的本村工作队"
    )
    policies_explained: list[PolicyExplained] = Field(
        default_factory=list, max_length=60, description="本次讲解的政策（明白纸）及农户此前是否知晓"
    )


class VisitOut(OutputModel):
    id: uuid.UUID
    household_id: uuid.UUID
    town_code: str
    village_code: str
    visitor_id: str
    visitor_role: str
    visitor_kind: VisitorKind
    visited_at: datetime
    latitude: Decimal
    longitude: Decimal
    findings: str
    risk_causes: list[RiskCause]
    alert_id: uuid.UUID | None
    work_team_id: uuid.UUID | None = None
    policies_explained: list[PolicyExplainedOut] = Field(default_factory=list)
    created_at: datetime
    updated_at: datetime

    visitor_kind_label: ClassVar[property] = label_of("visitor_kind")


class ScreeningRequest(InputModel):
    year: int = Field(ge=2000, le=2100, description="按该年度收入与监测线筛查")


class ScreeningResult(OutputModel):
    year: int
    monitoring_line: Money
    raised: int = Field(description="新产生的系统预警数（已有待处理预警的农户不重复预警）")
