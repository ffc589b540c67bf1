"""Spreadsheets in and out: the way towns hold their ledgers (台账) today.

Reading accepts CSV (UTF-8, UTF-8 with BOM, or GBK as Chinese Excel writes it) and XLSX; writing
produces XLSX with a Chinese header row. Import endpoints answer with an :class:`ImportReport`:
one line per refused row, so a bad row never blocks the good ones.
"""

from __future__ import annotations

import csv
import ctypes
import ctypes.util
import gc
import io
import re
import zipfile
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any, Literal
from urllib.parse import quote

from fastapi import UploadFile
from fastapi.responses import Response
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
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


class EmptyFile(AppError):
    status, code, title_zh, title_en = 422, "empty_file", "上传的文件是空的", "The uploaded file is empty"


class NoRows(AppError):
    status, code, title_zh, title_en = 422, "no_rows", "文件没有数据行", "The file has no data rows"


async def upload_content(file: UploadFile, *, rows: bool = True) -> bytes:
    """The bytes of an uploaded ledger, refused here before any work when the file is empty or
    (``rows``) has no line below its header — nothing to import is a mistake, not a success."""
    content = await file.read()
    if not content.strip():
        raise EmptyFile("请选择要导入的文件（文件为空）", "choose the file to import (it is empty)")
    if rows:
        lines = read_rows(content, file.filename or "")
        try:
            if next(lines, None) is None:
                raise NoRows("文件只有表头，没有数据行", "the file has a header row and nothing below it")
        finally:
            lines.close()
    return content


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Python's cycle collector off for a stretch of synchronous bulk work, back on after if it was
    on.

    Reading a ledger of 100k rows allocates millions of small acyclic objects (cells, tuples,
    report rows) that reference counting frees; each allocation burst still triggers collections
    that walk every live object: ~1.5 s of a 100k-row import's ~4.8 s of Python, measured. The
    switch is the process's: work run meanwhile on other threads (monitoring's import reads a
    chunk in a worker thread while the event loop goes on) has its cycles collected only once the
    stretch ends — a few seconds at most, and reference counting still frees everything else.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim: Callable[[int], int] = libc.malloc_trim
    except (OSError, AttributeError):  # not glibc (musl, macOS): nothing to release this way
        return None
    return trim


def release_freed_memory() -> None:
    """Give the heap memory a bulk import freed back to the operating system (~5 ms).

    glibc keeps freed small blocks in its arenas. Five 100k-row ledger imports in one process,
    everything freed after each: RSS 118 → 157 → 184 → 185 → 211 → 212 MB, while tracemalloc
    saw under 2 kB more live Python memory after the fifth than after the first (no leak); with
    ``malloc_trim(0)`` after each: 118 → 128 → 131 → 131 → 132 → 134 MB (bench/BULK.md). Does
    nothing where the C library has no ``malloc_trim``.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@dataclass(frozen=True)
class Row:
    number: int  # 1-based line number as the user sees it in the file (header is line 1)
    values: dict[str, str]


def read_rows(content: bytes, filename: str = "", *, max_rows: int = 1_000_000) -> Generator[Row]:
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
        # Every column named: a full row's cells zip with the header at C speed (the usual case).
        all_named = all(names)
        for number, cells in enumerate(reader, start=2):
            if number - 1 > max_rows:
                raise UnreadableFile(f"行数超过上限 {max_rows}", f"more than {max_rows} rows")
            if all_named and len(cells) == len(names):
                values = dict(zip(names, map(str.strip, cells), strict=True))
                if any(values.values()):
                    yield Row(number, values)
            elif any(c.strip() for c in cells):
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
    refused_rows_url: str | None = Field(
        default=None,
        description="被拒的行（原列 + 问题）的 XLSX 下载地址，保留若干天；无被拒的行时为空 / "
        "where the refused rows (original columns and their problem) download as XLSX for a few days",
    )

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

    def count(self, status: Literal["accepted", "unchanged"], rows: int) -> None:
        """``rows`` more rows of ``status``, counted and not listed — what ``add`` does with each
        such row, for a bulk step that knows only how many there were."""
        self.total += rows
        if status == "accepted":
            self.accepted += rows
        else:
            self.unchanged += rows


ColumnKind = Literal["text", "money", "int", "number", "date", "datetime"]
"""How a column is written to a worksheet: money as numbers with two decimals, dates as dates."""

NUMBER_FORMATS: dict[str, str] = {
    "money": "#,##0.00",
    "int": "0",
    "number": "General",
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm:ss",
    "text": "@",
}
# Excel refuses a sheet name over 31 characters or holding any of these.
_SHEET_FORBIDDEN = re.compile(r"[\\/?*:\[\]]")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DECIMAL = re.compile(r"^-?\d+(\.\d+)?$")
_POINTED_DECIMAL = re.compile(r"^-?\d+\.\d+$")
# A header saying it holds money: in yuan (元), or an amount (金额).
MONEY_WORDS = ("元", "金额")


def sheet_name(title: str, taken: Iterable[str] = ()) -> str:
    """``title`` as Excel accepts a sheet name: forbidden characters dropped, at most 31 characters,
    not starting or ending with an apostrophe, unique (case-insensitively) among ``taken``."""
    name = _SHEET_FORBIDDEN.sub("", ILLEGAL_CHARACTERS_RE.sub("", title)).strip().strip("'").strip()
    name = name[:31].strip() or "报表"
    used = {t.casefold() for t in taken}
    candidate, n = name, 1
    while candidate.casefold() in used:
        n += 1
        suffix = f"({n})"
        candidate = name[: 31 - len(suffix)] + suffix
    return candidate


def infer_kind(values: Iterable[Any], header: str = "") -> ColumnKind:
    """The kind a column's values say, where they say it unambiguously: Decimal is money, a date a
    date, an int a count; an ISO date string a date; a decimal string with a point (how the JSON side
    writes amounts and ratios) a number — money when its header says so (元, 金额). Other text stays text:
    codes and ID numbers are digits without a point, and stay as typed."""
    kind: ColumnKind | None = None
    for value in values:
        if value is None or value == "":
            continue
        if isinstance(value, bool):
            this: ColumnKind = "text"
        elif isinstance(value, Decimal):
            this = "money"
        elif isinstance(value, datetime):
            this = "datetime"
        elif isinstance(value, date):
            this = "date"
        elif isinstance(value, int):
            this = "int"
        elif isinstance(value, float):
            this = "number"
        elif isinstance(value, str) and _ISO_DATE.match(value):
            this = "date"
        elif isinstance(value, str) and _POINTED_DECIMAL.match(value):
            this = "money" if any(word in header for word in MONEY_WORDS) else "number"
        else:
            return "text"
        if kind is not None and kind != this:
            if {kind, this} <= {"int", "number", "money"}:
                this = "money" if "money" in (kind, this) else "number"
            else:
                return "text"
        kind = this
    return kind or "text"


def _excel_value(value: Any, kind: ColumnKind = "text") -> Any:
    if value is None or value == "":
        return None
    if kind in ("money", "number", "int") and isinstance(value, str | Decimal | int | float):
        if isinstance(value, str):
            if not _DECIMAL.match(value.strip()):
                return ILLEGAL_CHARACTERS_RE.sub("", value)
            value = Decimal(value.strip())
        if isinstance(value, Decimal):
            # Excel has no decimal type; the cell is for reading and summing — the API keeps Decimal.
            return int(value) if kind == "int" and value == value.to_integral_value() else float(value)
        return value
    if kind in ("date", "datetime") and isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            return ILLEGAL_CHARACTERS_RE.sub("", value)
        value = parsed.date() if kind == "date" and _ISO_DATE.match(value.strip()) else parsed
    if isinstance(value, str):
        # Control characters a worksheet cannot hold (they may sit in old records): drop them.
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    if isinstance(value, list | tuple | set):
        return "、".join(str(v) for v in value)
    if isinstance(value, dict):
        return str(value)
    if isinstance(value, bool):
        return "是" if value else "否"
    return value


ColumnSpec = tuple[str, str] | tuple[str, str, ColumnKind | None]
"""(key, Chinese header) or (key, Chinese header, kind); without a kind it is inferred from the values."""


def _display_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, float):
        text = f"{value:,.2f}"
    elif isinstance(value, datetime):
        text = "0000-00-00 00:00:00"
    elif isinstance(value, date):
        text = "0000-00-00"
    else:
        text = str(value)
    # Chinese characters take two columns' width.
    return max((sum(2 if ord(ch) > 0x2E80 else 1 for ch in line) for line in text.split("\n")), default=0)


def write_sheet(
    workbook: Workbook,
    title: str,
    columns: Sequence[ColumnSpec],
    rows: Iterable[dict[str, Any]],
) -> None:
    """One sheet of ``workbook`` (write-only or not): a frozen header row, typed cells with number
    formats, columns wide enough for their content (within bounds)."""
    rows = list(rows)
    keys = [c[0] for c in columns]
    kinds: list[ColumnKind] = [
        (c[2] if len(c) > 2 and c[2] else infer_kind((r.get(c[0]) for r in rows), c[1])) for c in columns
    ]
    table = [[_excel_value(r.get(k), kind) for k, kind in zip(keys, kinds, strict=True)] for r in rows]
    sheet = workbook.create_sheet(title=sheet_name(title, workbook.sheetnames))
    for index, (_, header, *_rest) in enumerate(columns, start=1):
        sample = [header, *(line[index - 1] for line in table[:2000])]
        width = max(_display_width(v) for v in sample) + 2
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width, 8), 60)
    sheet.freeze_panes = "A2"
    header_font = Font(bold=True)
    heading = []
    for _, header, *_rest in columns:
        cell = WriteOnlyCell(sheet, value=header) if isinstance(sheet, WriteOnlyWorksheet) else None
        if cell is None:
            heading.append(header)
            continue
        cell.font = header_font
        heading.append(cell)
    sheet.append(heading)
    for line in table:
        out: list[Any] = []
        for value, kind in zip(line, kinds, strict=True):
            if value is None or not isinstance(sheet, WriteOnlyWorksheet):
                out.append(value)
                continue
            cell = WriteOnlyCell(sheet, value=value)
            if kind != "text" and not isinstance(value, str):
                cell.number_format = NUMBER_FORMATS[kind]
            elif isinstance(value, str):
                cell.number_format = "@"  # text stays text when someone types into it
            out.append(cell)
        sheet.append(out)


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_download(filename: str, content: bytes) -> Response:
    return Response(
        content,
        media_type=XLSX_MEDIA_TYPE,
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"},
    )


def xlsx_response(
    filename: str,
    columns: Sequence[ColumnSpec],
    rows: Iterable[dict[str, Any]],
    *,
    sheet_title: str = "报表",
) -> Response:
    """An XLSX download: ``columns`` are (key, Chinese header[, kind]), ``rows`` dicts by key."""
    workbook = Workbook(write_only=True)
    write_sheet(workbook, sheet_title, columns, rows)
    return xlsx_download(filename, workbook_bytes(workbook))
