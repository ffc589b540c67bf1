"""Exchange with the national 防返贫监测 information system: the collection layout (``layout.yaml``)
as an XLSX export, and the same workbook read back as a per-row reconciliation keyed by ID number.

Every column names its ``source`` below; a district adjusts headers and order in the layout file.
Values are written as people read them (labels, 是/否), money as numbers with two decimals and
dates as dates, so Excel sums and sorts them; read back, each cell is normalised by its column's kind,
so a workbook exported and read back compares equal cell by cell.

Import (``import_workbook``) applies what the district accepts: rows matched by the ID number's keyed
hash, the columns an import may change applied (audited, announced through the outbox), every row
reported; a dry run first, which does the same work in a savepoint and rolls it back.
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from openpyxl import Workbook, load_workbook
from pydantic import BaseModel
from sqlalchemy import select

from services.monitoring.access import vault
from services.monitoring.health.service import require_insured_follows_records
from services.monitoring.households.events import household_changed, member_changed
from services.monitoring.households.service import AUDIT_EXCLUDED, announce, announce_member
from services.monitoring.housing.service import require_flags_follow_records
from services.monitoring.incomes.service import per_capita
from services.monitoring.models import (
    AssistancePlan,
    Health,
    Household,
    Income,
    LabourCapacity,
    Measure,
    Member,
    Relation,
    Schooling,
)
from shared.context import RequestContext
from shared.db import in_territory
from shared.errors import AppError
from shared.labels import LabelledEnum
from shared.tabular import (
    ColumnKind,
    ColumnSpec,
    ImportReport,
    RowProblem,
    RowResult,
    UnreadableFile,
    sheet_name,
    workbook_bytes,
    write_sheet,
)

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


# How each source is written to the workbook: money as numbers (two decimals), dates as dates, counts
# and years as whole numbers; everything else — ID numbers and codes included — as text.
MONEY_SOURCES = {
    *(f"income.{n}" for n in ("wages", "business", "property", "transfers", "business_costs", "net_income")),
    "income.per_capita",
}
DATE_SOURCES = {"measure.starts_on", "measure.ends_on", "measure.delivered_on"}
INT_SOURCES = {"household.member_count", "income.year", "plan.year"}


def kind_of(source: str) -> ColumnKind:
    if source in MONEY_SOURCES:
        return "money"
    if source in DATE_SOURCES:
        return "date"
    return "int" if source in INT_SOURCES else "text"


def sheet_title(sheet: Sheet) -> str:
    return sheet_name(sheet.title)


def _cell(value: Any, kind: ColumnKind) -> str:
    """A cell read back as the text ``row_of`` writes, whether Excel kept it typed or as text."""
    if value is None:
        return ""
    if kind == "money":
        try:
            return f"{Decimal(str(value).strip()):.2f}"
        except ArithmeticError:
            return str(value).strip()
    if kind == "date" and isinstance(value, datetime):
        return value.date().isoformat()
    if kind == "int" and isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


async def export(ctx: RequestContext) -> bytes:
    workbook = Workbook(write_only=True)
    found = await records(ctx)
    exported = 0
    for sheet in layout():
        columns: list[ColumnSpec] = [(c.header, c.header, kind_of(c.source)) for c in sheet.columns]
        write_sheet(workbook, sheet.title, columns, (row_of(sheet, r) for r in found[sheet.name]))
        exported += len(found[sheet.name])
    await ctx.audit("export", "national_exchange", None, {"rows": exported})
    return workbook_bytes(workbook)


def _read_sheets(content: bytes) -> dict[str, tuple[list[str], list[tuple[int, dict[str, str]]]]]:
    """Each layout sheet found in the workbook: its header and its non-empty rows as text."""
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:
        raise UnreadableFile("不是有效的 XLSX 文件", "not a valid XLSX file") from exc
    found: dict[str, tuple[list[str], list[tuple[int, dict[str, str]]]]] = {}
    try:
        for sheet in layout():
            if sheet_title(sheet) not in workbook.sheetnames:
                continue
            kinds = {c.header: kind_of(c.source) for c in sheet.columns}
            lines = workbook[sheet_title(sheet)].iter_rows(values_only=True)
            header = [str(h or "").strip() for h in next(lines, ())]
            rows: list[tuple[int, dict[str, str]]] = []
            for number, cells in enumerate(lines, start=2):
                theirs = {h: _cell(c, kinds.get(h, "text")) for h, c in zip(header, cells, strict=False) if h}
                if any(theirs.values()):
                    rows.append((number, theirs))
            found[sheet.name] = (header, rows)
    finally:
        workbook.close()
    return found


async def reconcile(ctx: RequestContext, content: bytes) -> dict[str, ImportReport]:
    """Each row of each sheet against the records: unchanged, or refused with the columns that differ
    (or an ID number unknown in the caller's territory). Nothing is written."""
    sheets = _read_sheets(content)
    found = await records(ctx)
    reports: dict[str, ImportReport] = {}
    for sheet in layout():
        report = ImportReport()
        reports[sheet.name] = report
        ours = {_key(sheet, row_of(sheet, r)): row_of(sheet, r) for r in found[sheet.name]}
        for number, theirs in sheets.get(sheet.name, ([], []))[1]:
            report.add(_compare(sheet, number, theirs, ours), keep_all=True)
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


# --- import: apply what the district accepts --------------------------------------------------------
# The columns an import may change: facts the national system's collectors record about a person or a
# household. Place, kind, status and category change through their own procedures (the workflow,
# identity), measures through the assistance plan; a difference there is reported, never applied.
EDITABLE_HOUSEHOLD = {"head_name", "address", "housing_safe", "water_safe"}
EDITABLE_MEMBER = {"name", "schooling", "health", "labour", "medical_insured"}
EDITABLE_INCOME = {"wages", "business", "property", "transfers", "business_costs"}
# Follow from the others: a stale value in the file is not a change.
COMPUTED = {"income.net_income", "income.per_capita"}
MEMBER_CHOICES: dict[str, type[LabelledEnum]] = {
    "schooling": Schooling,
    "health": Health,
    "labour": LabourCapacity,
}


class _RowRefused(Exception):
    def __init__(self, problems: list[RowProblem]) -> None:
        self.problems = problems


def _parse(source: str, header: str, text: str) -> Any:
    entity, name = source.split(".", 1)
    if name in ("housing_safe", "water_safe", "medical_insured"):
        if text not in ("是", "否"):
            raise _RowRefused([RowProblem(field=header, message="应为：是、否")])
        return text == "是"
    if name in MEMBER_CHOICES:
        choice = MEMBER_CHOICES[name].parse(text)
        if choice is None:
            labels = "、".join(MEMBER_CHOICES[name].labels().values())
            raise _RowRefused([RowProblem(field=header, message=f"应为：{labels}")])
        return choice
    if entity == "income":
        try:
            amount = Decimal(text)
        except ArithmeticError:
            amount = Decimal(-1)
        if not amount.is_finite() or amount < 0 or amount != amount.quantize(Decimal("0.01")):
            raise _RowRefused([RowProblem(field=header, message="应为不小于 0 的金额（元，最多两位小数）")])
        return amount.quantize(Decimal("0.01"))
    limit = 200 if name == "address" else 50
    if (name != "address" and not text) or len(text) > limit:
        raise _RowRefused([RowProblem(field=header, message=f"不能为空，最多 {limit} 字")])
    return text


def _changes(
    sheet: Sheet, theirs: dict[str, str], mine: dict[str, str], editable: dict[str, set[str]]
) -> dict[str, dict[str, Any]]:
    """What the row changes, by entity ({"household": {...}, "member": {...}}); a difference in a
    column that may not change refuses the row."""
    changes: dict[str, dict[str, Any]] = {}
    problems: list[RowProblem] = []
    for column in sheet.columns:
        if column.source in COMPUTED or theirs.get(column.header, "") == mine[column.header]:
            continue
        entity, name = column.source.split(".", 1)
        if name not in editable.get(entity, set()):
            problems.append(
                RowProblem(
                    field=column.header,
                    message=f"此列不能通过导入修改（本系统：{mine[column.header] or '空'}）",
                )
            )
            continue
        try:
            changes.setdefault(entity, {})[name] = _parse(column.source, column.header, theirs[column.header])
        except _RowRefused as refused:
            problems += refused.problems
    if problems:
        raise _RowRefused(problems)
    return changes


async def _members_by_number(ctx: RequestContext, numbers: set[str]) -> dict[str, tuple[Household, Member]]:
    """Active members in the caller's territory whose ID number is one of ``numbers``, matched by the
    keyed hash the members table is indexed on (nothing is decrypted to match)."""
    opened = vault(ctx)
    digests = {opened.digest(n): n for n in numbers if n}
    if not digests:
        return {}
    found = await ctx.session.execute(
        select(Household, Member)
        .join(Member, Member.household_id == Household.id)
        .where(
            in_territory(ctx.principal, Household.village_code),
            Member.left_on.is_(None),
            Member.id_number_hash.in_(list(digests)),
        )
    )
    return {digests[bytes(m.id_number_hash)]: (h, m) for h, m in found}


async def import_workbook(
    ctx: RequestContext, content: bytes, *, apply: bool
) -> tuple[dict[str, ImportReport], dict[str, tuple[list[str], dict[int, dict[str, str]]]]]:
    """Apply the rows that differ from the records in the columns an import may change; report every
    row (accepted: changed or, in a dry run, would change). A dry run (``apply`` false) does all the
    work and checks inside a savepoint it then rolls back, so its report is exactly what applying
    would do. Returns the reports and each sheet's header and rows (for the refused rows' download)."""
    sheets = _read_sheets(content)
    by_name = {s.name: s for s in layout()}
    reports = {name: ImportReport() for name in by_name}
    numbers = {
        theirs.get(by_name[name].key[0], "")
        for name in ("members", "incomes")
        if name in sheets
        for _, theirs in sheets[name][1]
    }
    known = await _members_by_number(ctx, numbers)
    household_edits: dict[uuid.UUID, dict[str, Any]] = {}
    # The records as they were before this file: a household's columns repeat on every member's row,
    # and each row is compared with the state before any row was applied.
    before = {
        number: row_of(
            by_name["members"], Record(household=h, head_id_number="", member=m, member_id_number=number)
        )
        for number, (h, m) in known.items()
    }
    outer = await ctx.session.begin_nested()

    async def members_row(number: int, theirs: dict[str, str]) -> RowResult:
        sheet = by_name["members"]
        key = theirs.get(sheet.key[0], "")
        if key not in known:
            raise _RowRefused([RowProblem(field=sheet.key[0], message="本系统（本辖区）没有对应记录")])
        household, member = known[key]
        changes = _changes(
            sheet, theirs, before[key], {"household": EDITABLE_HOUSEHOLD, "member": EDITABLE_MEMBER}
        )
        if not changes:
            return RowResult(row=number, status="unchanged", id=str(member.id))
        household_changes = changes.get("household", {})
        earlier = household_edits.setdefault(household.id, {})
        clash = [n for n, v in household_changes.items() if n in earlier and earlier[n] != v]
        if clash:
            raise _RowRefused([RowProblem(message="同一户的其他行对户的信息填写不同")])
        household_changes = {n: v for n, v in household_changes.items() if n not in earlier}
        if household_changes:
            await require_flags_follow_records(ctx, household, household_changes)
            previous = household_changed(household)
            for name, value in household_changes.items():
                setattr(household, name, value)
            earlier.update(household_changes)
            await ctx.session.flush()
            audited = {k: v for k, v in household_changes.items() if k not in AUDIT_EXCLUDED}
            await ctx.audit("national_import", "household", household.id, audited)
            await announce(ctx, household, previous)
        member_changes = changes.get("member", {})
        if member_changes:
            await require_insured_follows_records(ctx, member, member_changes)
            previous_member = member_changed(member)
            for name, value in member_changes.items():
                setattr(member, name, value)
            await ctx.session.flush()
            audited = {k: v for k, v in member_changes.items() if k not in AUDIT_EXCLUDED}
            await ctx.audit("national_import", "member", member.id, audited)
            await announce_member(ctx, member, previous_member)
        return RowResult(row=number, status="accepted", id=str(member.id))

    async def incomes_row(number: int, theirs: dict[str, str]) -> RowResult:
        sheet = by_name["incomes"]
        key = theirs.get(sheet.key[0], "")
        if key not in known:
            raise _RowRefused([RowProblem(field=sheet.key[0], message="本系统（本辖区）没有对应记录")])
        household, _ = known[key]
        year_header = sheet.key[1]
        year_text = theirs.get(year_header, "")
        if not year_text.isdigit() or not 2000 <= int(year_text) <= 2100:
            raise _RowRefused([RowProblem(field=year_header, message="应为年份，如 2025")])
        income = await ctx.session.scalar(
            select(Income).where(Income.household_id == household.id, Income.year == int(year_text))
        )
        record = Record(household=household, head_id_number=key, income=income)
        if income is None:
            blank = {c.header: "" for c in sheet.columns}
            blank.update({sheet.key[0]: key, year_header: year_text})
            mine = blank
        else:
            mine = row_of(sheet, record)
        changes = _changes(sheet, theirs, mine, {"income": EDITABLE_INCOME}).get("income", {})
        if not changes:
            return RowResult(row=number, status="unchanged", id=str(income.id) if income else None)
        if income is None:
            missing = [
                c.header
                for c in sheet.columns
                if c.source.split(".", 1)[1] in EDITABLE_INCOME and c.source.split(".", 1)[1] not in changes
            ]
            if missing:
                raise _RowRefused([RowProblem(field=h, message="新登记年度收入时必填") for h in missing])
            income = Income(
                household_id=household.id, year=int(year_text), rigid_expenses=Decimal("0.00"), **changes
            )
            ctx.session.add(income)
            action = "national_import_create"
        else:
            for name, value in changes.items():
                setattr(income, name, value)
            action = "national_import"
        await ctx.session.flush()
        await ctx.audit(action, "income", income.id, {"year": int(year_text), **changes})
        return RowResult(row=number, status="accepted", id=str(income.id))

    found_measures = await records(ctx) if "measures" in sheets else {"measures": []}
    measures_sheet = by_name["measures"]
    ours_measures = {
        _key(measures_sheet, row_of(measures_sheet, r)): row_of(measures_sheet, r)
        for r in found_measures["measures"]
    }

    async def measures_row(number: int, theirs: dict[str, str]) -> RowResult:
        result = _compare(measures_sheet, number, theirs, ours_measures)
        if result.status == "refused" and result.problems[0].field != measures_sheet.key[0]:
            result.problems = [
                RowProblem(field=p.field, message=f"{p.message}；帮扶措施请在帮扶计划中修改")
                for p in result.problems
            ]
        return result

    handlers = {"members": members_row, "incomes": incomes_row, "measures": measures_row}
    try:
        for name, handler in handlers.items():
            for number, theirs in sheets.get(name, ([], []))[1]:
                row_savepoint = await ctx.session.begin_nested()
                try:
                    result = await handler(number, theirs)
                except _RowRefused as refused:
                    await row_savepoint.rollback()
                    result = RowResult(row=number, status="refused", problems=refused.problems)
                except AppError as error:
                    await row_savepoint.rollback()
                    message = error.detail_zh or error.title_zh
                    result = RowResult(row=number, status="refused", problems=[RowProblem(message=message)])
                else:
                    await row_savepoint.commit()
                reports[name].add(result, keep_all=True)
    finally:
        if apply:
            await outer.commit()
        else:
            await outer.rollback()
    await ctx.audit(
        "import" if apply else "import_dry_run",
        "national_exchange",
        None,
        {n: {"accepted": r.accepted, "refused": r.refused} for n, r in reports.items()},
    )
    originals = {name: (header, dict(rows)) for name, (header, rows) in sheets.items()}
    return reports, originals
