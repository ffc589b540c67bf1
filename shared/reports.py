"""Reports: one table — title, columns with Chinese headers, rows — answered as JSON or as an XLSX
download, the same way in every service.

A service builds a :class:`Report` from its own queries and answers ``report_response(report,
format)``; the endpoint declares ``format: ReportFormat = "json"`` and ``responses=REPORT_RESPONSES``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import Query
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from shared.errors import problem_responses
from shared.tabular import XLSX_MEDIA_TYPE, xlsx_response


class ReportColumn(BaseModel):
    key: str
    label: str = Field(description="中文表头 / the column's header")


class Report(BaseModel):
    name: str = Field(description="报表名 / the report's name in its URL")
    title: str
    generated_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    columns: list[ReportColumn]
    rows: list[dict[str, Any]] = Field(description="按列的 key 取值；金额为元的小数字符串")

    @classmethod
    def of(cls, name: str, title: str, columns: list[tuple[str, str]], rows: list[dict[str, Any]]) -> Report:
        """``columns`` as (key, Chinese header) pairs."""
        return cls(
            name=name, title=title, columns=[ReportColumn(key=k, label=h) for k, h in columns], rows=rows
        )


ReportFormat = Annotated[
    Literal["json", "xlsx"], Query(description="json（默认）或 xlsx 下载 / json, or an XLSX download")
]

REPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    **problem_responses(401, 403, 422),
    200: {"content": {XLSX_MEDIA_TYPE: {}}, "description": "JSON 报表，或 format=xlsx 时的 Excel 文件"},
}


def report_response(report: Report, format: str) -> Response:
    if format == "xlsx":
        return xlsx_response(
            f"{report.title}.xlsx",
            [(c.key, c.label) for c in report.columns],
            report.rows,
            sheet_title=report.title,
        )
    return JSONResponse(report.model_dump(mode="json"))
