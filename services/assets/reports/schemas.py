from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class Column(BaseModel):
    key: str
    header: str = Field(description="中文表头")


class ReportOut(BaseModel):
    title: str
    columns: list[Column]
    rows: list[dict[str, Any]] = Field(description="金额为元的小数字符串")
