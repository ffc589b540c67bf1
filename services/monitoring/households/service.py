"""Household rules: registering and changing households and members, and what is announced."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable, Sequence
from datetime import date
from itertools import islice, repeat
from typing import Any, NamedTuple

from sqlalchemy.ext.asyncio import AsyncSession

from services.monitoring.access import vault
from services.monitoring.accounts.service import require_helper
from services.monitoring.dates import age_on
from services.monitoring.health.service import require_insured_follows_records
from services.monitoring.households import repository
from services.monitoring.households.events import (
    HOUSEHOLD_CHANGED,
    HOUSEHOLD_CHANGED_ROWS,
    HOUSEHOLD_REGISTERED,
    MEMBER_CHANGED,
    MEMBER_CHANGED_ROWS,
    HouseholdChanged,
    HouseholdRegistered,
    MemberChanged,
    household_changed,
    member_changed,
)
from services.monitoring.households.id_numbers import IdNumberVault, InvalidIdNumber, mask, parse
from services.monitoring.households.identity import require_fit
from services.monitoring.households.repository import ImportOutcome, ImportRecord
from services.monitoring.households.schemas import (
    HouseholdCreate,
    HouseholdUpdate,
    MemberCreate,
    MemberOut,
    MemberUpdate,
)
from services.monitoring.households.standing import require_not_cancelled
from services.monitoring.housing.service import require_flags_follow_records
from services.monitoring.models import (
    Health,
    Household,
    HouseholdKind,
    LabourCapacity,
    Member,
    Schooling,
    outbox,
)
from services.monitoring.settings import MonitoringSettings
from shared import clock
from shared.auth import Role
from shared.context import RequestContext
from shared.errors import Conflict, ValidationFailed
from shared.events.outbox import add_from_query_ordered, ordered_uuids
from shared.id_number_match import hmac_sha256_many, id_number_match_hash
from shared.labels import LabelledEnum
from shared.tabular import (
    ImportReport,
    RowProblem,
    RowResult,
    cyclic_gc_paused,
    read_rows,
    release_freed_memory,
)

# Roles shown full ID numbers: the district, and town/village cadres who keep their own territory's
# records (they can only ever reach households of their territory). Write answers stay masked,
# because they are kept for Idempotency-Key replays.
ID_NUMBER_READERS = (Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL, Role.VILLAGE_CADRE)
AUDIT_EXCLUDED = {"head_name", "address", "members", "name", "id_number"}


class DuplicateIdNumber(Conflict):
    code = "duplicate_id_number"
    title_zh, title_en = "身份证号已登记", "ID number already registered"


async def announce(ctx: RequestContext, household: Household, before: HouseholdChanged | None = None) -> None:
    """``household.changed`` with the row's (flushed) version — unless nothing it carries changed
    since ``before``: a change of the name or address only is nobody else's business."""
    now = household_changed(household)
    if before is None or now.model_copy(update={"version": before.version}) != before:
        await ctx.publish(HOUSEHOLD_CHANGED, household.id, now)


async def announce_member(ctx: RequestContext, member: Member, before: MemberChanged | None = None) -> None:
    """``member.changed`` with the row's (flushed) version, unless nothing it carries changed."""
    now = member_changed(member)
    if before is None or now.model_copy(update={"version": before.version}) != before:
        await ctx.publish(MEMBER_CHANGED, member.id, now)


def member_out(ctx: RequestContext, member: Member, *, reveal: bool) -> MemberOut:
    reveal = reveal and ctx.principal.role in ID_NUMBER_READERS
    return MemberOut(
        id=member.id,
        household_id=member.household_id,
        name=member.name,
        id_number=vault(ctx).open(member.id_number_cipher) if reveal else member.id_number_masked,
        id_number_masked=not reveal,
        birth_date=member.birth_date if reveal else None,
        age=age_on(member.birth_date, clock.today()),
        relation=member.relation,
        health=member.health,
        labour=member.labour,
        schooling=member.schooling,
        medical_insured=member.medical_insured,
        joined_on=member.joined_on,
        left_on=member.left_on,
        version=member.version,
        updated_at=member.updated_at,
    )


def _checked_id_number(raw: str, field: str) -> tuple[str, date]:
    try:
        return parse(raw)
    except InvalidIdNumber as exc:
        raise ValidationFailed(field, str(exc), "invalid national ID number") from exc


async def protect_id_number(
    ctx: RequestContext, raw: str, field: str, except_member: uuid.UUID | None = None
) -> dict[str, Any]:
    """The member columns that keep a valid, not yet actively registered ID number (hash, cipher,
    masked form, birth date); 422 for an invalid one, 409 ``duplicate_id_number`` for a taken one."""
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
        "id_number_match_hash": id_number_match_hash(
            number, ctx.settings_as(MonitoringSettings).id_number_match_key
        ),
    }


async def register(ctx: RequestContext, data: HouseholdCreate) -> Household:
    ctx.component.divisions.require_town(data.town_code)
    ctx.component.divisions.require_village(data.village_code, data.town_code)
    ctx.principal.require_may_write_in(data.village_code)
    if data.helper_user_id is not None:
        await require_helper(ctx, data.helper_user_id, data.village_code)
    household = await repository.insert_household(ctx.session, data.model_dump(exclude={"members"}))
    seen: set[bytes] = set()
    members: list[Member] = []
    for index, member in enumerate(data.members):
        protected = await protect_id_number(ctx, member.id_number, f"body.members.{index}.id_number")
        if protected["id_number_hash"] in seen:
            raise DuplicateIdNumber(
                "同一户中身份证号重复", "ID number repeated", field=f"body.members.{index}"
            )
        seen.add(protected["id_number_hash"])
        members.append(
            Member(household_id=household.id, **member.model_dump(exclude={"id_number"}), **protected)
        )
    if members:
        ctx.session.add_all(members)
        await ctx.session.flush()
    await ctx.audit(
        "create",
        "household",
        household.id,
        {**data.model_dump(exclude=AUDIT_EXCLUDED), "members": len(data.members)},
    )
    # Registered, changed (as ``announce`` would), then each member: one statement.
    subject = str(household.id)
    registered = HouseholdRegistered(
        household_id=household.id,
        town_code=household.town_code,
        village_code=household.village_code,
        kind=household.kind.value,
    )
    await outbox.add_events(
        ctx.session,
        [
            (HOUSEHOLD_REGISTERED, subject, registered),
            (HOUSEHOLD_CHANGED, subject, household_changed(household)),
            *((MEMBER_CHANGED, str(m.id), member_changed(m)) for m in members),
        ],
    )
    return household


async def update(ctx: RequestContext, household: Household, data: HouseholdUpdate) -> Household:
    ctx.require_if_match(household.version)
    require_not_cancelled(household)
    changes = data.model_dump(exclude_unset=True)
    if changes.get("kind") is not None:
        # A household being (or once) monitored keeps a category that must still fit who it is.
        require_fit(changes["kind"], household.subtype, "body.kind")
    if changes.get("helper_user_id") is not None:
        await require_helper(ctx, changes["helper_user_id"], household.village_code)
    await require_flags_follow_records(ctx, household, changes)
    before = household_changed(household)
    for name, value in changes.items():
        setattr(household, name, value)
    await ctx.session.flush()
    await ctx.audit(
        "update", "household", household.id, {k: v for k, v in changes.items() if k not in AUDIT_EXCLUDED}
    )
    await announce(ctx, household, before)
    return household


async def add_member(ctx: RequestContext, household: Household, data: MemberCreate) -> Member:
    """Register a member the roll lacked (a correction: a member since the household was formed).
    A birth, moving or marrying in is an arrival (``changes``), dated and kept in the history."""
    require_not_cancelled(household)
    protected = await protect_id_number(ctx, data.id_number, "body.id_number")
    member = Member(
        household_id=household.id,
        **data.model_dump(exclude={"id_number"}),
        **protected,
        joined_on=max(household.formed_on, protected["birth_date"]),
    )
    ctx.session.add(member)
    await ctx.session.flush()
    await ctx.audit("create", "member", member.id, data.model_dump(exclude=AUDIT_EXCLUDED))
    await announce_member(ctx, member)
    return member


async def update_member(ctx: RequestContext, member: Member, data: MemberUpdate) -> Member:
    ctx.require_if_match(member.version)
    changes = data.model_dump(exclude_unset=True, exclude={"id_number"})
    await require_insured_follows_records(ctx, member, changes)
    if data.id_number is not None:
        changes.update(
            await protect_id_number(ctx, data.id_number, "body.id_number", except_member=member.id)
        )
    before = member_changed(member)
    for name, value in changes.items():
        setattr(member, name, value)
    await ctx.session.flush()
    audited = {k: v for k, v in changes.items() if k not in AUDIT_EXCLUDED and not k.startswith("id_number")}
    await ctx.audit(
        "update", "member", member.id, {**audited, "id_number_changed": data.id_number is not None}
    )
    await announce_member(ctx, member, before)
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
# The choice columns, the enum a cell names (by label or code) and what an empty cell means
# (``None``: the column is required).
IMPORT_CHOICES: tuple[tuple[str, type[LabelledEnum], LabelledEnum | None], ...] = (
    ("kind", HouseholdKind, None),
    ("health", Health, None),
    ("labour", LabourCapacity, None),
    ("schooling", Schooling, Schooling.NOT_APPLICABLE),
)
# Announce the households and heads the import inserted (the staging table names them; a known
# head's row names ids that were never inserted, so it joins nothing).
_ANNOUNCE_IMPORTED = """
    SELECT h.id AS subject, h.id AS household_id, h.town_code, h.village_code, h.kind
    FROM monitoring.households h JOIN import_rows r ON r.household_id = h.id
"""
_ANNOUNCE_IMPORTED_HOUSEHOLDS = f"""
    SELECT {HOUSEHOLD_CHANGED_ROWS} FROM monitoring.households h JOIN import_rows r ON r.household_id = h.id
"""  # noqa: S608 - constant SQL
_ANNOUNCE_IMPORTED_HEADS = f"""
    SELECT {MEMBER_CHANGED_ROWS} FROM monitoring.members m JOIN import_rows r ON r.member_id = m.id
"""  # noqa: S608 - constant SQL


class RowRefused(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


_FIELDS = tuple(IMPORT_HEADERS)
_HEADERS = tuple(IMPORT_HEADERS.values())


def ledger_cells(values: dict[str, str]) -> dict[str, str]:
    """The row's cells by field, or :class:`RowRefused` naming the first required one left empty."""
    # zip/map over C functions: a ledger of a million rows builds a million of these.
    cells = dict(zip(_FIELDS, map(str.strip, map(values.get, _HEADERS, repeat(""))), strict=True))
    for field in REQUIRED_IMPORT_FIELDS:
        if not cells[field]:
            raise RowRefused(IMPORT_HEADERS[field], "必填")
    return cells


# Each choice column's accepted cells (its enum's codes and Chinese labels) → the code stored.
_CHOICE_CELLS = {
    field: {
        **{m.value: m.value for m in enum},
        **{m.label: m.value for m in enum},
        **({"": default.value} if default is not None else {}),
    }
    for field, enum, default in IMPORT_CHOICES
}


def ledger_choice(
    cells: dict[str, str], field: str, enum: type[LabelledEnum], default: LabelledEnum | None
) -> LabelledEnum:
    """The member a choice cell names by its Chinese label or its code; an empty optional cell's default."""
    if not cells[field] and default is not None:
        return default
    member = enum.parse(cells[field])
    if member is None:
        raise RowRefused(IMPORT_HEADERS[field], f"应为：{'、'.join(enum.labels().values())}")
    return member


def _choice_codes(cells: dict[str, str]) -> list[str]:
    """The choice columns' codes in ``IMPORT_CHOICES`` order: a dict lookup per cell, the enum's
    own parse (and its refusal) only for a cell that is not a code or label as written."""
    codes = []
    for field, enum, default in IMPORT_CHOICES:
        code = _CHOICE_CELLS[field].get(cells[field])
        codes.append(code if code is not None else ledger_choice(cells, field, enum, default).value)
    return codes


class CheckedRow(NamedTuple):
    """A ledger row that passed every check, its ID number still in the clear (it never leaves the
    process this way: :func:`protect` turns a batch of them into COPY records)."""

    row_no: int
    number: str
    town_code: str
    village_code: str
    head_name: str
    address: str
    kind: str
    member_count: int
    birth_date: date
    health: str
    labour: str
    schooling: str
    medical_insured: bool


def checked_row(row_number: int, cells: dict[str, str], today: date | None = None) -> CheckedRow:
    """The row's values once every cell is valid, or :class:`RowRefused` naming the column and why
    (``today``: the day birth dates must not be after, read once for a whole file)."""
    if len(cells["head_name"]) > 50 or len(cells["address"]) > 200:
        raise RowRefused(IMPORT_HEADERS["head_name"], "户主姓名或住址过长")
    try:
        number, birth = parse(cells["id_number"], today)
    except InvalidIdNumber as exc:
        raise RowRefused(IMPORT_HEADERS["id_number"], str(exc)) from exc
    kind, health, labour, schooling = _choice_codes(cells)
    count = cells["member_count"]
    if not count.isdigit() or not 1 <= int(count) <= 50:
        raise RowRefused(IMPORT_HEADERS["member_count"], "应为 1–50 的整数")
    insured = cells["medical_insured"]
    if insured not in ("", "是", "否"):
        raise RowRefused(IMPORT_HEADERS["medical_insured"], "应为 是 或 否")
    return CheckedRow(
        row_number,
        number,
        cells["town_code"],
        cells["village_code"],
        cells["head_name"],
        cells["address"],
        kind,
        int(count),
        birth,
        health,
        labour,
        schooling,
        insured != "否",
    )


def protect(rows: Sequence[CheckedRow], id_numbers: IdNumberVault, match_key: str) -> list[ImportRecord]:
    """COPY records of checked rows: each ID number hashed (the vault's key and the suite's match
    key) and sealed, the whole batch's ciphers in one pass (:meth:`IdNumberVault.seal_many`)."""
    numbers = [row.number for row in rows]
    ciphers = id_numbers.seal_many(numbers)
    encoded = [number.encode() for number in numbers]
    # id_number_match_hash(number, key) of each, without re-normalising a parsed number.
    matches = [digest.hex() for digest in hmac_sha256_many(match_key.encode(), encoded)]
    ids = ordered_uuids(2 * len(rows))
    return [
        ImportRecord(
            row.row_no,
            row.town_code,
            row.village_code,
            row.head_name,
            row.address,
            row.kind,
            row.member_count,
            digest,
            cipher,
            mask(row.number),
            row.birth_date,
            row.health,
            row.labour,
            row.schooling,
            row.medical_insured,
            match,
            household_id,
            member_id,
        )
        for row, digest, cipher, match, household_id, member_id in zip(
            rows, id_numbers.digest_many(encoded), ciphers, matches, ids[0::2], ids[1::2], strict=True
        )
    ]


def ledger_record(
    row_number: int, cells: dict[str, str], id_numbers: IdNumberVault, match_key: str
) -> ImportRecord:
    """A row whose place was checked, as a COPY record with the ID number protected, or
    :class:`RowRefused` naming the column and the reason (one row of what the import does in bulk)."""
    return protect([checked_row(row_number, cells)], id_numbers, match_key)[0]


class _Places:
    """The caller's answer for each (town, village) pair, asked of the registry once per pair."""

    def __init__(self, ctx: RequestContext) -> None:
        self.ctx = ctx
        self.known: dict[tuple[str, str], RowRefused | None] = {}

    def check(self, cells: dict[str, str]) -> None:
        pair = (cells["town_code"], cells["village_code"])
        if pair not in self.known:
            try:
                _check_place(self.ctx, cells)
                self.known[pair] = None
            except RowRefused as exc:
                self.known[pair] = exc
        refusal = self.known[pair]
        if refusal is not None:
            raise RowRefused(refusal.field, refusal.message)


def _check_place(ctx: RequestContext, cells: dict[str, str]) -> None:
    divisions = ctx.component.divisions
    try:
        divisions.require_town(cells["town_code"])
    except ValidationFailed as exc:
        raise RowRefused(IMPORT_HEADERS["town_code"], exc.detail_zh or "") from exc
    try:
        divisions.require_village(cells["village_code"], cells["town_code"])
    except ValidationFailed as exc:
        raise RowRefused(IMPORT_HEADERS["village_code"], exc.detail_zh or "") from exc
    if not ctx.principal.covers(cells["village_code"]):
        raise RowRefused(IMPORT_HEADERS["village_code"], "不在您的辖区内")


class _LedgerReader:
    """A ledger's rows read, checked, hashed and sealed a chunk at a time; the refused ones by row
    number as they come.

    Rows are checked one by one (each refusal names its column), the ID numbers of a chunk's
    valid ones then hashed and sealed as one batch. A head's second row anywhere in the file is
    refused. :meth:`chunk` runs in a worker thread while the database takes the chunk before.
    """

    def __init__(self, ctx: RequestContext, content: bytes, filename: str) -> None:
        settings = ctx.settings_as(MonitoringSettings)
        self.rows = read_rows(content, filename, max_rows=settings.import_max_rows)
        self.refused: dict[int, RowResult] = {}
        self.first_row_of: dict[str, int] = {}
        self.places = _Places(ctx)
        self.today = clock.today()
        self.vault = vault(ctx)
        self.match_key = settings.id_number_match_key
        # Whether the whole file was read; set to stop a reading the import no longer waits for.
        self.done = False
        self.stopped = False

    def chunk(self, size: int) -> list[ImportRecord]:
        """The valid ones of the next ``size`` rows as records (``done`` once the file is read)."""
        checked: list[CheckedRow] = []
        read = 0
        with cyclic_gc_paused():
            for row in islice(self.rows, size):
                read += 1
                if self.stopped:
                    break
                try:
                    cells = ledger_cells(row.values)
                    self.places.check(cells)
                    record = checked_row(row.number, cells, self.today)
                    # The same normalised number is the same hash: a second row of one head is refused.
                    if record.number in self.first_row_of:
                        first = self.first_row_of[record.number]
                        raise RowRefused(IMPORT_HEADERS["id_number"], f"与第 {first} 行重复")
                except RowRefused as exc:
                    problem = RowProblem.model_construct(field=exc.field, message=exc.message)
                    self.refused[row.number] = RowResult.model_construct(
                        row=row.number, status="refused", id=None, problems=[problem]
                    )
                    continue
                self.first_row_of[record.number] = row.number
                checked.append(record)
            self.done = read < size
            return protect(checked, self.vault, self.match_key)


def ledger_report(
    outcome: dict[int, ImportOutcome], refused: dict[int, RowResult], covers: Callable[[str], bool]
) -> ImportReport:
    """Every row in file order: the refused with their problem, the others with their household.

    A row whose head is registered in a household the caller may not see (``covers`` its village)
    is refused the way ``POST /households`` refuses a taken ID number: a bare "already registered",
    without the household's id or place (no oracle of who lives where).
    """
    report = ImportReport()
    for number in sorted([*outcome, *refused]):
        if number in refused:
            report.add(refused[number])
        elif not covers(outcome[number].village_code):
            problem = RowProblem(field=IMPORT_HEADERS["id_number"], message=DuplicateIdNumber.title_zh)
            report.add(RowResult(row=number, status="refused", problems=[problem]))
        else:
            status, household_id, _ = outcome[number]
            # Built without validation: a million accepted rows are values this module just chose.
            result = RowResult.model_construct(row=number, status=status, id=household_id, problems=[])
            report.add(result, keep_all=True)
    return report


async def announce_imported(session: AsyncSession) -> None:
    """The households and heads the import just inserted, each announced in its transaction:
    ``household.registered``, and the ``household.changed`` / ``member.changed`` others project."""
    await add_from_query_ordered(outbox, session, HOUSEHOLD_REGISTERED, _ANNOUNCE_IMPORTED)
    await add_from_query_ordered(outbox, session, HOUSEHOLD_CHANGED, _ANNOUNCE_IMPORTED_HOUSEHOLDS)
    await add_from_query_ordered(outbox, session, MEMBER_CHANGED, _ANNOUNCE_IMPORTED_HEADS)


# Rows read a chunk: the file is read, checked and sealed a chunk at a time in a worker thread
# while the database takes the chunk before (on 2 cores Python and PostgreSQL then work side by
# side instead of taking turns); small enough that the database starts early, large enough that
# a chunk's fixed statements are few.
IMPORT_CHUNK_ROWS = 20_000


async def import_file(ctx: RequestContext, content: bytes, filename: str) -> ImportReport:
    """Create households (and their heads) from a ledger; a bad row never blocks the good ones.

    A household is known by its head's ID number, so importing the same file again changes nothing.
    The whole file is one transaction: a failure anywhere leaves nothing of it.
    """
    reader = _LedgerReader(ctx, content, filename)
    outcome: dict[int, ImportOutcome] = {}
    reading = asyncio.ensure_future(asyncio.to_thread(reader.chunk, IMPORT_CHUNK_ROWS))
    try:
        while True:
            records = await reading
            if not reader.done:
                # The next chunk is read while the database takes this one.
                reading = asyncio.ensure_future(asyncio.to_thread(reader.chunk, IMPORT_CHUNK_ROWS))
            if records:
                taken = await repository.import_households(ctx.session, records)
                outcome.update(taken)
                if any(result.status == "accepted" for result in taken.values()):
                    await announce_imported(ctx.session)
            del records
            if reader.done:
                break
    except BaseException:
        # A thread cannot be cancelled: stop the reading at its next row and let it end.
        reader.stopped = True
        if not reading.done():
            await asyncio.wait([reading])
        raise
    with cyclic_gc_paused():
        report = ledger_report(outcome, reader.refused, ctx.principal.covers)
    # What reading the file allocated is garbage now (the report, a row each, lives on until the
    # answer is sent): hand it back rather than let glibc keep it.
    del outcome, reader
    release_freed_memory()
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
