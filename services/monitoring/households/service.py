"""Household rules: who may register or change which household and member, and what is announced."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from services.monitoring.households import repository
from services.monitoring.households.events import HOUSEHOLD_REGISTERED, HouseholdRegistered
from services.monitoring.households.id_numbers import IdNumberVault, InvalidIdNumber, mask, parse, vault_for
from services.monitoring.households.schemas import (
    HouseholdCreate,
    HouseholdUpdate,
    MemberCreate,
    MemberOut,
    MemberUpdate,
)
from services.monitoring.models import (
    HEALTH_LABELS,
    HOUSEHOLD_KIND_LABELS,
    LABOUR_LABELS,
    SCHOOLING_LABELS,
    Health,
    Household,
    HouseholdKind,
    LabourCapacity,
    Member,
    Schooling,
    outbox,
)
from services.monitoring.settings import MonitoringSettings
from shared.auth import Principal, Role
from shared.context import RequestContext
from shared.errors import Conflict, ValidationFailed
from shared.tabular import ImportReport, RowProblem, RowResult, read_rows

WRITERS = (Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL, Role.VILLAGE_CADRE)
READERS = (*WRITERS, Role.DEPARTMENT_OFFICER, Role.HELPER, Role.AUDITOR)
# Roles shown full ID numbers: the district, and town/village cadres who keep their own territory's
# records (they can only ever reach households of their territory). Write answers stay masked,
# because they are kept for Idempotency-Key replays.
ID_NUMBER_READERS = (Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL, Role.VILLAGE_CADRE)
AUDIT_EXCLUDED = {"head_name", "address", "members", "name", "id_number"}


class DuplicateIdNumber(Conflict):
    code = "duplicate_id_number"
    title_zh, title_en = "身份证号已登记", "ID number already registered"


def settings_of(ctx: RequestContext) -> MonitoringSettings:
    settings = ctx.component.settings
    assert isinstance(settings, MonitoringSettings)
    return settings


def vault(ctx: RequestContext) -> IdNumberVault:
    return vault_for(settings_of(ctx).id_number_key)


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def member_out(ctx: RequestContext, member: Member, *, reveal: bool) -> MemberOut:
    reveal = reveal and ctx.principal.role in ID_NUMBER_READERS
    return MemberOut(
        id=member.id,
        household_id=member.household_id,
        name=member.name,
        id_number=vault(ctx).open(member.id_number_cipher) if reveal else member.id_number_masked,
        id_number_masked=not reveal,
        birth_date=member.birth_date if reveal else None,
        age=age_on(member.birth_date, date.today()),
        relation=member.relation,
        health=member.health,
        labour=member.labour,
        schooling=member.schooling,
        medical_insured=member.medical_insured,
        version=member.version,
        updated_at=member.updated_at,
    )


def _checked_id_number(raw: str, field: str) -> tuple[str, date]:
    try:
        return parse(raw)
    except InvalidIdNumber as exc:
        raise ValidationFailed(field, str(exc), "invalid national ID number") from exc


async def _protect(
    ctx: RequestContext, raw: str, field: str, except_member: uuid.UUID | None = None
) -> dict[str, Any]:
    number, birth = _checked_id_number(raw, field)
    digest = vault(ctx).digest(number)
    if await repository.id_number_taken(ctx.session, digest, except_member):
        raise DuplicateIdNumber(
            f"身份证号 {mask(number)} 已登记", "ID number already registered", field=field
        )
    return {
        "id_number_hash": digest,
        "id_number_cipher": vault(ctx).seal(number),
        "id_number_masked": mask(number),
        "birth_date": birth,
    }


def _require_writer(principal: Principal) -> None:
    principal.require_write()
    principal.require_role(*WRITERS)


async def register(ctx: RequestContext, data: HouseholdCreate) -> Household:
    _require_writer(ctx.principal)
    ctx.component.divisions.require_town(data.town_code)
    ctx.component.divisions.require_village(data.village_code, data.town_code)
    ctx.principal.require_may_write_in(data.village_code)
    household = Household(**data.model_dump(exclude={"members"}))
    ctx.session.add(household)
    await ctx.session.flush()
    seen: set[bytes] = set()
    for index, member in enumerate(data.members):
        protected = await _protect(ctx, member.id_number, f"body.members.{index}.id_number")
        if protected["id_number_hash"] in seen:
            raise DuplicateIdNumber(
                "同一户中身份证号重复", "ID number repeated", field=f"body.members.{index}"
            )
        seen.add(protected["id_number_hash"])
        ctx.session.add(
            Member(household_id=household.id, **member.model_dump(exclude={"id_number"}), **protected)
        )
    await ctx.session.flush()
    await ctx.audit(
        "create",
        "household",
        household.id,
        {**data.model_dump(exclude=AUDIT_EXCLUDED), "members": len(data.members)},
    )
    await ctx.publish(
        HOUSEHOLD_REGISTERED,
        household.id,
        HouseholdRegistered(
            household_id=household.id,
            town_code=household.town_code,
            village_code=household.village_code,
            kind=household.kind.value,
        ),
    )
    return household


async def update(ctx: RequestContext, household: Household, data: HouseholdUpdate) -> Household:
    _require_writer(ctx.principal)
    ctx.require_if_match(household.version)
    changes = data.model_dump(exclude_unset=True)
    for name, value in changes.items():
        setattr(household, name, value)
    await ctx.session.flush()
    await ctx.audit(
        "update", "household", household.id, {k: v for k, v in changes.items() if k not in AUDIT_EXCLUDED}
    )
    return household


async def add_member(ctx: RequestContext, household: Household, data: MemberCreate) -> Member:
    _require_writer(ctx.principal)
    protected = await _protect(ctx, data.id_number, "body.id_number")
    member = Member(household_id=household.id, **data.model_dump(exclude={"id_number"}), **protected)
    ctx.session.add(member)
    await ctx.session.flush()
    await ctx.audit("create", "member", member.id, data.model_dump(exclude=AUDIT_EXCLUDED))
    return member


async def update_member(ctx: RequestContext, member: Member, data: MemberUpdate) -> Member:
    _require_writer(ctx.principal)
    ctx.require_if_match(member.version)
    changes = data.model_dump(exclude_unset=True, exclude={"id_number"})
    if data.id_number is not None:
        changes.update(await _protect(ctx, data.id_number, "body.id_number", except_member=member.id))
    for name, value in changes.items():
        setattr(member, name, value)
    await ctx.session.flush()
    audited = {k: v for k, v in changes.items() if k not in AUDIT_EXCLUDED and not k.startswith("id_number")}
    await ctx.audit(
        "update", "member", member.id, {**audited, "id_number_changed": data.id_number is not None}
    )
    return member


# --- bulk import (the towns' household ledgers) -------------------------------------------------

IMPORT_HEADERS = {
    "town_code": "乡镇代码",
    "village_code": "村代码",
    "head_name": "户主姓名",
    "id_number": "户主身份证号",
    "address": "住址",
    "kind": "户类型",
    "member_count": "家庭人口数",
    "health": "健康状况",
    "labour": "劳动能力",
    "schooling": "在校情况",
    "medical_insured": "参加医保",
}
REQUIRED_IMPORT_FIELDS = (
    "town_code",
    "village_code",
    "head_name",
    "id_number",
    "kind",
    "member_count",
    "health",
    "labour",
)


def _choice(value: str, labels: dict[Any, str]) -> Any:
    """A cell holding either the Chinese label or the code of an enum member."""
    for member, label in labels.items():
        if value in (label, member.value):
            return member
    raise ValueError("、".join(labels.values()))


class RowRefused(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _import_record(ctx: RequestContext, row_number: int, values: dict[str, str]) -> tuple[Any, ...]:
    """One file row as a COPY record, or :class:`RowRefused` naming the column and the reason."""
    cells = {field: values.get(header, "").strip() for field, header in IMPORT_HEADERS.items()}
    for field in REQUIRED_IMPORT_FIELDS:
        if not cells[field]:
            raise RowRefused(IMPORT_HEADERS[field], "必填")
    try:
        ctx.component.divisions.require_town(cells["town_code"])
        ctx.component.divisions.require_village(cells["village_code"], cells["town_code"])
    except ValidationFailed as exc:
        raise RowRefused(IMPORT_HEADERS[exc.field_problems[0].field], exc.detail_zh or "") from exc
    if not ctx.principal.covers(cells["village_code"]):
        raise RowRefused(IMPORT_HEADERS["village_code"], "不在您的辖区内")
    if len(cells["head_name"]) > 50 or len(cells["address"]) > 200:
        raise RowRefused(IMPORT_HEADERS["head_name"], "户主姓名或住址过长")
    try:
        number_text, birth = parse(cells["id_number"])
    except InvalidIdNumber as exc:
        raise RowRefused(IMPORT_HEADERS["id_number"], str(exc)) from exc
    enums = {}
    for field, labels, default in (
        ("kind", HOUSEHOLD_KIND_LABELS, None),
        ("health", HEALTH_LABELS, None),
        ("labour", LABOUR_LABELS, None),
        ("schooling", SCHOOLING_LABELS, Schooling.NOT_APPLICABLE),
    ):
        if not cells[field] and default is not None:
            enums[field] = default
            continue
        try:
            enums[field] = _choice(cells[field], labels)
        except ValueError as exc:
            raise RowRefused(IMPORT_HEADERS[field], f"应为：{exc}") from exc
    if not cells["member_count"].isdigit() or not 1 <= int(cells["member_count"]) <= 50:
        raise RowRefused(IMPORT_HEADERS["member_count"], "应为 1–50 的整数")
    if cells["medical_insured"] not in ("", "是", "否"):
        raise RowRefused(IMPORT_HEADERS["medical_insured"], "应为 是 或 否")
    v = vault(ctx)
    return (
        row_number,
        uuid.uuid4(),
        uuid.uuid4(),
        cells["town_code"],
        cells["village_code"],
        cells["head_name"],
        cells["address"],
        HouseholdKind(enums["kind"]).value,
        int(cells["member_count"]),
        v.digest(number_text),
        v.seal(number_text),
        mask(number_text),
        birth,
        Health(enums["health"]).value,
        LabourCapacity(enums["labour"]).value,
        Schooling(enums["schooling"]).value,
        cells["medical_insured"] != "否",
    )


async def import_file(ctx: RequestContext, content: bytes, filename: str) -> ImportReport:
    """Create households (and their heads) from a ledger; a bad row never blocks the good ones.

    A household is known by its head's ID number, so importing the same file again changes nothing.
    """
    _require_writer(ctx.principal)
    report = ImportReport()
    records: list[tuple[Any, ...]] = []
    refused: dict[int, RowResult] = {}
    seen: dict[bytes, int] = {}
    for row in read_rows(content, filename, max_rows=settings_of(ctx).import_max_rows):
        try:
            record = _import_record(ctx, row.number, row.values)
        except RowRefused as exc:
            refused[row.number] = RowResult(
                row=row.number, status="refused", problems=[RowProblem(field=exc.field, message=exc.message)]
            )
            continue
        digest = record[9]
        if digest in seen:
            refused[row.number] = RowResult(
                row=row.number,
                status="refused",
                problems=[
                    RowProblem(field=IMPORT_HEADERS["id_number"], message=f"与第 {seen[digest]} 行重复")
                ],
            )
            continue
        seen[digest] = row.number
        records.append(record)
    outcome = await repository.import_households(ctx.session, records) if records else {}
    for number in sorted([*outcome, *refused]):
        if number in refused:
            report.add(refused[number])
        else:
            status, household_id = outcome[number]
            report.add(RowResult(row=number, status=status, id=household_id), keep_all=True)
    if report.accepted:
        await outbox.add_from_query(
            ctx.session,
            HOUSEHOLD_REGISTERED,
            """
            SELECT h.id AS subject, h.id AS household_id, h.town_code, h.village_code, h.kind
            FROM monitoring.households h JOIN import_rows r ON r.household_id = h.id
            """,
        )
    await ctx.audit(
        "import",
        "household",
        None,
        {
            "file": filename,
            "accepted": report.accepted,
            "unchanged": report.unchanged,
            "refused": report.refused,
        },
    )
    return report
