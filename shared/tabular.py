"""Spreadsheets in and out: the way towns hold their ledgers (台账) today.

Reading accepts CSV (UTF-8, UTF-8 with BOM, or GBK as Chinese Excel writes it) and XLSX; writing
produces XLSX with a Chinese header row. Import endpoints answer with an :class:`ImportReport`:
one line per refused row, so a bad row never blocks the good ones.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal
from urllib.parse import quote

from fastapi.responses import Response
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from pydantic import BaseModel, Field

from shared.errors import AppError

XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class UnreadableFile(AppError):
    status, code, title_zh, title_en = (
        422,
        "unreadable_file",
        "无法读取上传的表格文件",
        "Unreadable spreadsheet",
    )


@dataclass(frozen=True)
class Row:
    number: int  # 1-based line number as the user sees it in the file (header is line 1)
    values: dict[str, str]


def read_rows(content: bytes, filename: str = "", *, max_rows: int = 1_000_000) -> Iterator[Row]:
    """Rows of the first sheet as ``{header: text}``; empty rows skipped, cells stripped."""
    if content[:4] == b"PK\x03\x04" or filename.lower().endswith(".xlsx"):
        yield from _xlsx_rows(content, max_rows)
    else:
        yield from _csv_rows(content, max_rows)


def _decode(content: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile("文件编码无法识别（请用 UTF-8 或 GBK）", "unknown text encoding")


def _csv_rows(content: bytes, max_rows: int) -> Iterator[Row]:
    # newline="" lets the csv module handle line breaks itself, quoted ones included.
    reader = csv.reader(io.StringIO(_decode(content), newline=""))
    try:
        header = next(reader, None)
        if not header:
            raise UnreadableFile("文件没有表头", "no header row")
        names = [h.strip() for h in header]
        for number, cells in enumerate(reader, start=2):
            if number - 1 > max_rows:
                raise UnreadableFile(f"行数超过上限 {max_rows}", f"more than {max_rows} rows")
            if any(c.strip() for c in cells):
                yield Row(
                    number,
                    {n: (cells[i].strip() if i < len(cells) else "") for i, n in enumerate(names) if n},
                )
    except csv.Error as exc:
        raise UnreadableFile(
            f"CSV 格式错误（第 {reader.line_num} 行）", f"malformed CSV at line {reader.line_num}"
        ) from exc


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _xlsx_rows(content: bytes, max_rows: int) -> Iterator[Row]:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UnreadableFile("不是有效的 XLSX 文件", "not a valid XLSX file") from exc
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None)
        if not header:
            raise UnreadableFile("文件没有表头", "no header row")
        names = [_cell_text(h) for h in header]
        for number, cells in enumerate(rows, start=2):
            if number - 1 > max_rows:
                raise UnreadableFile(f"行数超过上限 {max_rows}", f"more than {max_rows} rows")
            texts = [_cell_text(c) for c in cells]
            if any(texts):
                yield Row(number, {n: (texts[i] if i < len(texts) else "") for i, n in enumerate(names) if n})
    finally:
        workbook.close()


class RowProblem(BaseModel):
    field: str | None = None
    message: str


class RowResult(BaseModel):
    row: int
    status: Literal["accepted", "unchanged", "refused"]
    id: str | None = None
    problems: list[RowProblem] = Field(default_factory=list)


class ImportReport(BaseModel):
    """Per-row outcome of a bulk import; only refused rows are listed unless asked otherwise."""

    total: int = 0
    accepted: int = 0
    unchanged: int = 0
    refused: int = 0
    rows: list[RowResult] = Field(default_factory=list)

    def add(self, result: RowResult, *, keep_all: bool = False) -> None:
        self.total += 1
        if result.status == "accepted":
            self.accepted += 1
        elif result.status == "unchanged":
            self.unchanged += 1
        else:
            self.refused += 1
        if keep_all or result.status == "refused":
            self.rows.append(result)


def _excel_value(value: Any) -> Any:
    if isinstance(value, str):
        # Control characters a worksheet cannot hold (they may sit in old records): drop them.
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    if isinstance(value, Decimal):
        return float(value)  # Excel has no decimal type; display only — the API keeps Decimal
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    if isinstance(value, list | tuple | set):
        return "、".join(str(v) for v in value)
    if isinstance(value, dict):
        return str(value)
    return value


def xlsx_response(
    filename: str,
    columns: Sequence[tuple[str, str]],
    rows: Iterable[dict[str, Any]],
    *,
    sheet_title: str = "报表",
) -> Response:
    """An XLSX download: ``columns`` are (key, Chinese header) pairs, ``rows`` dicts by key."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title[:31])
    sheet.append([header for _, header in columns])
    for row in rows:
        sheet.append([_excel_value(row.get(key)) for key, _ in columns])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return Response(
        buffer.getvalue(),
        media_type=XLSX_MEDIA_TYPE,
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"},
    )
