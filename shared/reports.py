"""Reports: one table — title, columns with Chinese headers, rows — answered as JSON or as an XLSX
download, the same way in every service.

A service builds a :class:`Report` from its own queries and answers ``report_response(report,
format)``; the endpoint declares ``format: ReportFormat = "json"`` and ``responses=REPORT_RESPONSES``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import Query
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from shared.errors import problem_responses
from shared.tabular import XLSX_MEDIA_TYPE, ColumnKind, ColumnSpec, xlsx_response


class ReportColumn(BaseModel):
    key: str
    label: str = Field(description="中文表头 / the column's header")
    kind: ColumnKind | None = Field(
        default=None,
        description="列的类型（money 金额、date 日期、int 整数…）；空则按取值推断 / the column's type; "
        "inferred from the values when empty. In XLSX money is a number with two decimals.",
    )


class Report(BaseModel):
    name: str = Field(description="报表名 / the report's name in its URL")
    title: str
    generated_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    columns: list[ReportColumn]
    rows: list[dict[str, Any]] = Field(description="按列的 key 取值；金额为元的小数字符串")

    @classmethod
    def of(cls, name: str, title: str, columns: Sequence[ColumnSpec], rows: list[dict[str, Any]]) -> Report:
        """``columns`` as (key, Chinese header) or (key, Chinese header, kind); a money column whose
        values are already strings says ``"money"`` (a Decimal says so itself)."""
        return cls(
            name=name,
            title=title,
            columns=[ReportColumn(key=c[0], label=c[1], kind=c[2] if len(c) > 2 else None) for c in columns],
            rows=rows,
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
            [(c.key, c.label, c.kind) for c in report.columns],
            report.rows,
            sheet_title=report.title,
        )
    return JSONResponse(report.model_dump(mode="json"))
