from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel


class ReportName(StrEnum):
    HOUSEHOLDS = "households"  # 农户分布（按镇 × 状态/类型/风险）
    LONG_RUNNING = "long-running"  # 两年及以上未消除风险的监测对象及处置
    LACKING_DEVELOPMENTAL = "lacking-developmental"  # 缺少开发式帮扶措施
    IDENTIFICATION_OVERDUE = "identification-overdue"  # 识别纳入超时限
    HELPER_COVERAGE = "helper-coverage"  # 帮扶责任全覆盖、镇党委书记遍访
    HELPER_MISSING = "helper-missing"  # 未明确帮扶责任人的农户
    DATA_QUALITY = "data-quality"  # 疑点数据


class GroupBy(StrEnum):
    STATUS = "status"
    SUBTYPE = "subtype"
    RISK_CAUSE = "risk_cause"
    KIND = "kind"


class Column(BaseModel):
    key: str
    label: str


class Report(BaseModel):
    name: ReportName
    title: str
    generated_at: datetime
    columns: list[Column]
    rows: list[dict[str, Any]]
