"""Exchange with the national 防返贫监测 information system: the collection layout (``layout.yaml``)
as an XLSX export, and the same workbook read back as a per-row reconciliation keyed by ID number.

Every column names its ``source`` below; a district adjusts headers and order in the layout file.
Values are written as people read them (labels, 是/否, yuan with two decimals, ISO dates), so a
workbook exported and read back compares equal cell by cell.
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from openpyxl import Workbook, load_workbook
from pydantic import BaseModel
from sqlalchemy import select

from services.monitoring.access import vault
from services.monitoring.incomes.service import per_capita
from services.monitoring.models import AssistancePlan, Household, Income, Measure, Member, Relation
from shared.context import RequestContext
from shared.db import in_territory
from shared.tabular import ImportReport, RowProblem, RowResult, UnreadableFile

LAYOUT_FILE = Path(__file__).with_name("layout.yaml")


class Column(BaseModel):
    header: str
    source: str


class Sheet(BaseModel):
    name: str
    title: str
    key: list[str]
    columns: list[Column]


@cache
def layout(path: Path = LAYOUT_FILE) -> list[Sheet]:
    sheets = [Sheet.model_validate(s) for s in yaml.safe_load(path.read_text("utf-8"))["sheets"]]
    for sheet in sheets:
        unknown = [c.source for c in sheet.columns if c.source not in SOURCES]
        if unknown or not set(sheet.key) <= {c.header for c in sheet.columns}:
            raise ValueError(f"layout sheet {sheet.name}: unknown sources {unknown} or key not a column")
    return sheets


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    label = getattr(value, "label", None)
    if isinstance(label, str):
        return label
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


@dataclass
class Record:
    """What one row is made of (whichever of these its sheet uses)."""

    household: Household
    head_id_number: str
    member: Member | None = None
    member_id_number: str = ""
    income: Income | None = None
    plan: AssistancePlan | None = None
    measure: Measure | None = None


def _member_value(name: str) -> Callable[[Record], Any]:
    return lambda r: getattr(r.member, name)


SOURCES: dict[str, Callable[[Record], Any]] = {
    **{
        f"household.{name}": (lambda n: lambda r: getattr(r.household, n))(name)
        for name in (
            "town_code",
            "village_code",
            "head_name",
            "address",
            "kind",
            "status",
            "subtype",
            "member_count",
            "housing_safe",
            "water_safe",
        )
    },
    **{
        f"member.{name}": _member_value(name)
        for name in ("name", "relation", "schooling", "health", "labour", "medical_insured")
    },
    "member.id_number": lambda r: r.member_id_number,
    "head.id_number": lambda r: r.head_id_number,
    **{
        f"income.{name}": (lambda n: lambda r: getattr(r.income, n))(name)
        for name in ("year", "wages", "business", "property", "transfers", "business_costs", "net_income")
    },
    "income.per_capita": lambda r: (
        per_capita(r.income.net_income, r.household.member_count) if r.income else None
    ),
    "plan.year": lambda r: r.plan.year if r.plan else None,
    **{
        f"measure.{name}": (lambda n: lambda r: getattr(r.measure, n))(name)
        for name in ("kind", "description", "owner", "starts_on", "ends_on", "delivered_on")
    },
}


def row_of(sheet: Sheet, record: Record) -> dict[str, str]:
    return {c.header: _text(SOURCES[c.source](record)) for c in sheet.columns}


async def records(
    ctx: RequestContext, household_ids: list[uuid.UUID] | None = None
) -> dict[str, list[Record]]:
    """Every sheet's records in the caller's territory (or of the given households)."""
    query = select(Household).where(in_territory(ctx.principal, Household.village_code))
    if household_ids is not None:
        query = query.where(Household.id.in_(household_ids))
    households = {
        h.id: h for h in await ctx.session.scalars(query.order_by(Household.village_code, Household.id))
    }
    ids = list(households)
    members = list(
        await ctx.session.scalars(
            select(Member)
            .where(Member.household_id.in_(ids), Member.left_on.is_(None))
            .order_by(Member.household_id, Member.id)
        )
    )
    opened = vault(ctx)
    numbers = {m.id: opened.open(m.id_number_cipher) for m in members}
    # A household is keyed by its head's ID number (the first member if none is marked head).
    heads = {m.household_id: numbers[m.id] for m in members if m.relation is Relation.HEAD}
    for m in members:
        heads.setdefault(m.household_id, numbers[m.id])
    incomes = await ctx.session.scalars(
        select(Income).where(Income.household_id.in_(ids)).order_by(Income.household_id, Income.year)
    )
    measures = await ctx.session.execute(
        select(Measure, AssistancePlan)
        .join(AssistancePlan, AssistancePlan.id == Measure.plan_id)
        .where(Measure.household_id.in_(ids))
        .order_by(Measure.household_id, Measure.starts_on, Measure.id)
    )

    def base(household_id: uuid.UUID) -> Record:
        return Record(household=households[household_id], head_id_number=heads.get(household_id, ""))

    return {
        "members": [
            Record(**{**vars(base(m.household_id)), "member": m, "member_id_number": numbers[m.id]})
            for m in members
        ],
        "incomes": [Record(**{**vars(base(i.household_id)), "income": i}) for i in incomes],
        "measures": [Record(**{**vars(base(m.household_id)), "measure": m, "plan": p}) for m, p in measures],
    }


async def export(ctx: RequestContext) -> bytes:
    workbook = Workbook(write_only=True)
    found = await records(ctx)
    exported = 0
    for sheet in layout():
        ws = workbook.create_sheet(title=sheet.title[:31])
        ws.append([c.header for c in sheet.columns])
        for record in found[sheet.name]:
            row = row_of(sheet, record)
            ws.append([row[c.header] for c in sheet.columns])  # text cells: ID numbers keep their digits
            exported += 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    await ctx.audit("export", "national_exchange", None, {"rows": exported})
    return buffer.getvalue()


async def reconcile(ctx: RequestContext, content: bytes) -> dict[str, ImportReport]:
    """Each row of each sheet against the records: unchanged, or refused with the columns that differ
    (or an ID number unknown in the caller's territory). Nothing is written."""
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:
        raise UnreadableFile("不是有效的 XLSX 文件", "not a valid XLSX file") from exc
    found = await records(ctx)
    reports: dict[str, ImportReport] = {}
    for sheet in layout():
        report = ImportReport()
        reports[sheet.name] = report
        if sheet.title[:31] not in workbook.sheetnames:
            continue
        ours = {_key(sheet, row_of(sheet, r)): row_of(sheet, r) for r in found[sheet.name]}
        rows = workbook[sheet.title[:31]].iter_rows(values_only=True)
        header = [str(h or "").strip() for h in next(rows, ())]
        for number, cells in enumerate(rows, start=2):
            theirs = {
                h: ("" if c is None else str(c).strip()) for h, c in zip(header, cells, strict=False) if h
            }
            if not any(theirs.values()):
                continue
            report.add(_compare(sheet, number, theirs, ours), keep_all=True)
    workbook.close()
    await ctx.audit("reconcile", "national_exchange", None, {s: r.total for s, r in reports.items()})
    return reports


def _key(sheet: Sheet, row: dict[str, str]) -> tuple[str, ...]:
    return tuple(row.get(k, "") for k in sheet.key)


def _compare(
    sheet: Sheet, number: int, theirs: dict[str, str], ours: dict[tuple[str, ...], dict[str, str]]
) -> RowResult:
    mine = ours.get(_key(sheet, theirs))
    if mine is None:
        return RowResult(
            row=number,
            status="refused",
            problems=[RowProblem(field=sheet.key[0], message="本系统（本辖区）没有对应记录")],
        )
    differing = [c.header for c in sheet.columns if theirs.get(c.header, "") != mine[c.header]]
    if not differing:
        return RowResult(row=number, status="unchanged")
    return RowResult(
        row=number,
        status="refused",
        problems=[
            RowProblem(field=h, message=f"与本系统不一致（本系统：{mine[h] or '空'}）") for h in differing
        ],
    )
