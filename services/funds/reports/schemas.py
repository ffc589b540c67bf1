from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel


class ReportName(StrEnum):
    FUND_USE = "fund-use"  # 资金使用：按来源和类别
    PIPELINE = "pipeline"  # 项目进展：按状态和乡镇
    CHECKPOINT_PROGRESS = "checkpoint-progress"  # 节点支出进度：按项目


class Column(BaseModel):
    key: str
    label: str


class Report(BaseModel):
    name: ReportName
    title: str
    columns: list[Column]
    rows: list[dict[str, Any]]
