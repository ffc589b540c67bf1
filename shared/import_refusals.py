"""The refused rows of a ledger import, kept for a few days and served back as XLSX.

A town imports its ledger, some rows are refused: the per-row report says which and why, and
``refused_rows_url`` points at a workbook of exactly those rows — their original columns and a 问题
column — so the clerk can correct them in Excel and import that file again. Every import endpoint
of every service answers the same way (``keep_refused_rows``); the rows live in the component's own
``import_refusals`` table, readable by the same role in the same territory, purged after
``import_refusals_keep_days`` by a periodic task.

Cells that look like a resident ID number are masked before they are kept: the suite keeps ID
numbers only where a service's rules say so (encrypted), never in a side table. The row number of
the original file stays, so the clerk finds the full number there.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import Path, Request
from fastapi.responses import Response
from sqlalchemy import Column, DateTime, Index, MetaData, String, Table, Uuid, delete, func, insert, select
from sqlalchemy.dialects.postgresql import JSONB

from shared.auth import Role
from shared.context import RequestContext, requires
from shared.errors import NotFound, caller_prefix, problem_responses
from shared.routing import KitRouter
from shared.scheduled import PeriodicTask
from shared.tabular import XLSX_MEDIA_TYPE, ColumnSpec, ImportReport, RowResult, read_rows, xlsx_response
from shared.work import WorkContext

PATH = "/v1/import-refusals"
PROBLEM_HEADER = "问题"
ROW_HEADER = "原文件行号"
# A PRC resident ID number (18 characters, the last a digit or X) standing alone in a cell.
_ID_NUMBER = re.compile(r"(?<![0-9])(\d{6})\d{8}(\d{3}[0-9Xx])(?![0-9A-Za-z])")


def add_import_refusals_table(metadata: MetaData) -> Table:
    return Table(
        "import_refusals",
        metadata,
        Column("id", Uuid, primary_key=True),
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("actor", String(100), nullable=False),
        # Who may read it back: the same role, in the same territory.
        Column("actor_role", String(40), nullable=False),
        Column("division_code", String(12)),
        Column("source", String(200), nullable=False),  # the uploaded file's name
        Column("header", JSONB, nullable=False),  # the file's column names, in order
        Column("rows", JSONB, nullable=False),  # [{"row": n, "values": [...], "problem": "..."}]
        Index("ix_import_refusals_created_at", "created_at"),
    )


def mask_id_numbers(text: str) -> str:
    return _ID_NUMBER.sub(lambda m: f"{m.group(1)}********{m.group(2)[-4:]}", text)


def problem_text(result: RowResult) -> str:
    return "；".join(f"{p.field}：{p.message}" if p.field else p.message for p in result.problems)


def _table(ctx: RequestContext | WorkContext) -> Table:
    tables = ctx.component.tables if isinstance(ctx, RequestContext) else ctx.tables
    if tables.import_refusals is None:
        raise RuntimeError("this component keeps no import refusals (add_kit_tables(import_refusals=True))")
    return tables.import_refusals


def caller_url(request: Request, path: str) -> str:
    """``path`` as the caller reaches it: behind the gateway, with the gateway's prefix put back."""
    return caller_prefix(request) + path


async def keep_rows(
    ctx: RequestContext,
    report: ImportReport,
    header: list[str],
    rows_by_number: Mapping[int, Mapping[str, str]],
    source: str,
) -> ImportReport:
    """Keep the refused rows of ``report`` (their cells from ``rows_by_number``) and set
    ``report.refused_rows_url``. Nothing is kept when nothing was refused."""
    refused = [r for r in report.rows if r.status == "refused"]
    if not refused:
        report.refused_rows_url = None
        return report
    kept = [
        {
            "row": r.row,
            "values": [mask_id_numbers(rows_by_number.get(r.row, {}).get(h, "")) for h in header],
            "problem": problem_text(r),
        }
        for r in refused
    ]
    refusal_id = uuid.uuid4()
    await ctx.session.execute(
        insert(_table(ctx)).values(
            id=refusal_id,
            actor=ctx.principal.subject,
            actor_role=ctx.principal.role.value,
            division_code=ctx.principal.division_code,
            source=source[:200],
            header=header,
            rows=kept,
        )
    )
    report.refused_rows_url = caller_url(ctx.request, f"{PATH}/{refusal_id}")
    return report


async def keep_refused_rows(
    ctx: RequestContext, report: ImportReport, content: bytes, filename: str
) -> ImportReport:
    """``keep_rows`` for a one-sheet ledger file: the refused rows are read again from ``content``
    (only when some were refused, so a clean import pays nothing)."""
    if not report.refused:
        return report
    wanted = {r.row for r in report.rows if r.status == "refused"}
    header: list[str] = []
    rows: dict[int, dict[str, str]] = {}
    for row in read_rows(content, filename):
        if not header:
            header = list(row.values)
        if row.number in wanted:
            rows[row.number] = row.values
    return await keep_rows(ctx, report, header, rows, filename or "import")


def _readable(ctx: RequestContext, kept: Any) -> bool:
    principal = ctx.principal
    if kept["actor_role"] != principal.role.value:
        return False
    division = kept["division_code"]
    return principal.division_prefix is None or (division or "").startswith(principal.division_prefix)


# Whoever may import somewhere may read refusals back; the check on the kept row does the rest.
_ReaderCtx = Annotated[RequestContext, requires(tuple(Role))]


def import_refusals_router() -> KitRouter:
    router = KitRouter(prefix=PATH, tags=["imports 台账导入"])

    @router.get(
        "/{refusal_id}",
        summary="下载导入时被拒的行（XLSX：原列 + 问题）/ the refused rows of an import, as XLSX",
        description="同一角色、同一辖区可读；保留若干天后删除。身份证号码已遮蔽，请按原文件行号查找。",
        response_class=Response,
        responses={200: {"content": {XLSX_MEDIA_TYPE: {}}}, **problem_responses(401, 403, 404, 422)},
    )
    async def download_import_refusals(ctx: _ReaderCtx, refusal_id: Annotated[uuid.UUID, Path()]) -> Response:
        table = _table(ctx)
        keep_days = ctx.component.settings.import_refusals_keep_days
        kept = (
            (
                await ctx.session.execute(
                    select(table).where(
                        table.c.id == refusal_id,
                        table.c.created_at > datetime.now(UTC) - timedelta(days=keep_days),
                    )
                )
            )
            .mappings()
            .first()
        )
        if kept is None or not _readable(ctx, kept):
            raise NotFound("没有这批被拒的行（或已过保留期）", "no such refused rows (or expired)")
        header: list[str] = list(kept["header"])
        # Keyed by position: a file may well have a column named like ours.
        columns: list[ColumnSpec] = [("row", ROW_HEADER, "int")]
        columns += [(f"c{i}", h, "text") for i, h in enumerate(header)]
        columns.append(("problem", PROBLEM_HEADER, "text"))
        rows = [
            {"row": r["row"], **{f"c{i}": v for i, v in enumerate(r["values"])}, "problem": r["problem"]}
            for r in kept["rows"]
        ]
        return xlsx_response(f"被拒的行-{kept['source']}.xlsx", columns, rows, sheet_title="被拒的行")

    return router


async def purge_import_refusals(ctx: WorkContext) -> int:
    table = _table(ctx)
    keep_days = ctx.settings.import_refusals_keep_days
    result = await ctx.session.execute(
        delete(table).where(table.c.created_at <= datetime.now(UTC) - timedelta(days=keep_days))
    )
    return int(getattr(result, "rowcount", 0) or 0)


PURGE_IMPORT_REFUSALS = PeriodicTask(
    name="purge-import-refusals",
    run=purge_import_refusals,
    interval=lambda settings: settings.import_refusals_purge_interval_seconds,
)
