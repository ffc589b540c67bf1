"""Employment spells (就业经历): a worker has at most one open main spell; main spells never
overlap; ending the open one without a new one makes the worker unemployed, which monitoring
hears of (坚决杜绝因失业导致规模性返贫). The database recounts the worker with every change
(``employment.recount``) and records the count at commit for the floor check to announce.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

from sqlalchemy import select

from services.employment.models import Channel, Spell, Worker, WorkerStatus, WorkPlace
from services.employment.settings import EmploymentSettings
from services.employment.spells import repository
from services.employment.spells.repository import LostJob, OpenJob, RowOutcome, SpellUpdate
from services.employment.spells.schemas import SpellCreate
from services.employment.workers.events import WORKER_UNEMPLOYED, WorkerUnemployed
from shared import clock
from shared.context import RequestContext
from shared.errors import Conflict, InvalidTransition, ValidationFailed
from shared.labels import LabelledEnum
from shared.tabular import ImportReport, Row, RowProblem, RowResult, read_rows

JOB_CHANGE = "更换工作"


class OverlappingSpell(Conflict):
    code = "overlapping_spell"
    title_zh, title_en = "就业经历时间重叠", "Overlapping employment spells"


def check_dates(started_on: date, ended_on: date | None, today: date) -> None:
    if started_on > today:
        raise ValidationFailed("started_on", "开始日期不能晚于今天", "started_on is in the future")
    if ended_on is not None:
        if ended_on > today:
            raise ValidationFailed("ended_on", "结束日期不能晚于今天", "ended_on is in the future")
        if ended_on < started_on:
            raise ValidationFailed("ended_on", "结束日期早于开始日期", "ended_on is before started_on")


def unemployed_event(worker: Worker, ended_on: date) -> WorkerUnemployed:
    return WorkerUnemployed(
        worker_id=worker.id,
        household_id=worker.household_id,
        town_code=worker.town_code,
        village_code=worker.village_code,
        ended_on=ended_on,
    )


async def refresh_worker(ctx: RequestContext, worker: Worker) -> None:
    """Copy the latest main spell onto the worker (status and current job)."""
    latest = await ctx.session.scalar(
        select(Spell)
        .where(Spell.worker_id == worker.id, Spell.is_main)
        .order_by(Spell.started_on.desc())
        .limit(1)
    )
    if latest is None:
        return
    snapshot = {
        "status": WorkerStatus.EMPLOYED if latest.ended_on is None else WorkerStatus.UNEMPLOYED,
        "employer": latest.employer,
        "place": latest.place,
        "monthly_wage": latest.monthly_wage,
        "employed_since": latest.started_on,
        "ended_on": latest.ended_on,
        "end_reason": latest.end_reason,
    }
    for name, value in snapshot.items():
        if getattr(worker, name) != value:  # an unchanged worker keeps its version (and ETag)
            setattr(worker, name, value)


async def _add(ctx: RequestContext, worker: Worker, data: SpellCreate, changes: dict[str, Any]) -> Spell:
    spell = Spell(worker_id=worker.id, town_code=worker.town_code, **data.model_dump())
    ctx.session.add(spell)
    await ctx.session.flush()
    await ctx.audit("create", "spell", spell.id, {"worker_id": worker.id, **changes})
    return spell


async def first_spell(ctx: RequestContext, worker: Worker, data: SpellCreate) -> Spell:
    """A new worker's first job: nothing to close or overlap, and the worker was born with its
    snapshot (registration stays a handful of statements)."""
    return await _add(ctx, worker, data, data.model_dump())


async def open_spell(ctx: RequestContext, worker: Worker, data: SpellCreate) -> Spell:
    """Record a job; a later open main job closes the current one the day before it starts."""
    today = clock.today()
    check_dates(data.started_on, data.ended_on, today)
    changes: dict[str, Any] = data.model_dump()
    if data.is_main:
        current = await repository.open_main(ctx.session, worker.id)
        if current is not None and data.ended_on is None and data.started_on > current.started_on:
            current.ended_on = data.started_on - timedelta(days=1)
            current.end_reason = JOB_CHANGE
            await ctx.session.flush()
            changes["closed_spell_id"] = current.id
        if await repository.main_overlapping(
            ctx.session, worker.id, data.started_on, data.ended_on, besides=None
        ):
            raise OverlappingSpell(
                "与该务工人员已有的就业经历时间重叠", "overlaps an existing main spell of this worker"
            )
    spell = await _add(ctx, worker, data, changes)
    if data.is_main:
        await refresh_worker(ctx, worker)
        await ctx.session.flush()
    return spell


async def end_main_spell(ctx: RequestContext, worker: Worker, ended_on: date, reason: str) -> Worker:
    """失业登记: the open main spell ends with no new one — the worker is unemployed."""
    current = await repository.open_main(ctx.session, worker.id)
    if current is None or worker.status is not WorkerStatus.EMPLOYED:
        raise InvalidTransition("该务工人员已是未就业状态", "worker is already unemployed")
    check_dates(current.started_on, ended_on, clock.today())
    current.ended_on = ended_on
    current.end_reason = reason
    await ctx.session.flush()
    await refresh_worker(ctx, worker)
    await ctx.session.flush()
    await ctx.audit(
        "job_loss",
        "worker",
        worker.id,
        {"status": worker.status.value, "spell_id": current.id, "ended_on": ended_on, "reason": reason},
    )
    await ctx.publish(WORKER_UNEMPLOYED, worker.id, unemployed_event(worker, ended_on))
    return worker


# 动态采集 file: one row per worker, Chinese headers as the towns' ledgers have them.
COLUMNS = {
    "worker_id": "务工人员编号",
    "status": "就业状态",
    "employer": "就业单位",
    "place": "务工地点",
    "sector": "行业",
    "channel": "就业渠道",
    "started_on": "开始日期",
    "ended_on": "结束日期",
    "monthly_wage": "月工资",
    "reason": "说明",
}
# Besides the statuses' values and labels, the short words the towns' ledgers use.
STATUS_WORDS = {"务工": WorkerStatus.EMPLOYED, "就业": WorkerStatus.EMPLOYED, "失业": WorkerStatus.UNEMPLOYED}
REFUSALS = {
    "unknown": ("worker_id", "未知的务工人员，或不在您的辖区"),
    "overlap": ("started_on", "与该务工人员已有的就业经历时间重叠"),
    "end_before_start": ("ended_on", "结束日期早于当前就业的开始日期"),
}
IMPORT_REASONS = {"lost": "动态采集：未就业", "changed": JOB_CHANGE}


class RowError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.problem = RowProblem(field=COLUMNS[field], message=message)


def _cell(values: dict[str, str], field: str) -> str:
    return values.get(COLUMNS[field], "")


def _date(values: dict[str, str], field: str, today: date) -> date | None:
    raw = _cell(values, field)
    if not raw:
        return None
    try:
        value = date.fromisoformat(raw)
    except ValueError as exc:
        raise RowError(field, f"不是有效的日期：{raw}（应为 2025-03-01）") from exc
    if value > today:
        raise RowError(field, "日期不能晚于今天")
    return value


def _worker_id(values: dict[str, str]) -> uuid.UUID:
    raw = _cell(values, "worker_id")
    try:
        return uuid.UUID(raw)
    except ValueError as exc:
        raise RowError("worker_id", f"不是有效的务工人员编号：{raw}") from exc


def _status(values: dict[str, str]) -> WorkerStatus:
    raw = _cell(values, "status")
    status = WorkerStatus.parse(raw) or STATUS_WORDS.get(raw)
    if status is None:
        raise RowError("status", "就业状态应为「务工」或「未就业」")
    return status


def _channel(values: dict[str, str]) -> Channel | None:
    raw = _cell(values, "channel")
    if not raw:
        return None
    channel = Channel.parse(raw)
    if channel is None:
        raise RowError("channel", f"未知的就业渠道：{raw}")
    return channel


def _wage(values: dict[str, str]) -> Decimal | None:
    raw = _cell(values, "monthly_wage")
    if not raw:
        return None
    try:
        wage = Decimal(raw)
    except InvalidOperation as exc:
        raise RowError("monthly_wage", f"不是有效的金额：{raw}") from exc
    if not wage.is_finite() or wage < 0 or wage != wage.quantize(Decimal("0.01")) or wage >= 10**14:
        raise RowError("monthly_wage", "月工资须为非负金额，最多两位小数")
    return wage


def _current_job(
    values: dict[str, str], worker_id: uuid.UUID, started_on: date | None, ended_on: date | None
) -> SpellUpdate:
    employer = _cell(values, "employer")
    if not employer or len(employer) > 200:
        raise RowError("employer", "务工须填写就业单位（200 字以内）")
    place = WorkPlace.parse(_cell(values, "place"))
    if place is None:
        raise RowError("place", "务工地点应为「县内」「省内县外」或「省外」")
    channel = _channel(values)
    if started_on is None:
        raise RowError("started_on", "务工须填写开始日期")
    if ended_on is not None:
        raise RowError("ended_on", "务工（在岗）不应填写结束日期；已离岗请填「未就业」")
    sector = _cell(values, "sector")[:100] or None
    return SpellUpdate(
        worker_id=worker_id,
        employed=True,
        employer=employer,
        place=place.value,
        sector=sector,
        channel=channel.value if channel else None,
        started_on=started_on,
        monthly_wage=_wage(values),
    )


def parse_row(values: dict[str, str], today: date) -> SpellUpdate:
    """One file row as a staging record (without its row number); raises RowError."""
    worker_id = _worker_id(values)
    employed = _status(values) is WorkerStatus.EMPLOYED
    started_on = _date(values, "started_on", today)
    ended_on = _date(values, "ended_on", today)
    if employed:
        return _current_job(values, worker_id, started_on, ended_on)
    if ended_on is None:
        raise RowError("ended_on", "未就业须填写结束日期（最后工作日）")
    return SpellUpdate(
        worker_id=worker_id, employed=False, ended_on=ended_on, reason=_cell(values, "reason") or None
    )


def _refused(row: int, field: str, message: str, worker_id: uuid.UUID | None = None) -> RowResult:
    return RowResult(
        row=row,
        status="refused",
        id=str(worker_id) if worker_id else None,
        problems=[RowProblem(field=COLUMNS[field], message=message)],
    )


@dataclass(frozen=True, slots=True)  # slots: one object a row for the cycle collector to walk, not two
class Unchanged:
    """A file row already found to repeat its worker's open main job word for word
    (``repeats_open_job``): counted unchanged without being parsed, staged or planned."""

    number: int
    worker_id: uuid.UUID


class Parsed(NamedTuple):
    records: list[tuple[Any, ...]]  # the staging records of the good rows the database decides
    unchanged: list[uuid.UUID]  # workers whose good row changes nothing (their record is verified)


def parse_file(
    rows: Iterable[Row | Unchanged],
    report: ImportReport,
    today: date,
    open_jobs: Mapping[uuid.UUID, OpenJob | None] | None = None,
) -> Parsed:
    """The good rows, each bad row into the report (refused). ``open_jobs`` (each listed worker's
    open main job as read just before, ``None`` for none) lets a row that cannot change anything
    skip the database's plan: a worker out of work said to be out of work."""
    parsed = Parsed([], [])
    seen: set[uuid.UUID] = set()
    for row in rows:
        if isinstance(row, Unchanged):
            update: SpellUpdate | None = None
            worker_id = row.worker_id
        else:
            try:
                update = parse_row(row.values, today)
            except RowError as exc:
                report.add(RowResult(row=row.number, status="refused", problems=[exc.problem]))
                continue
            worker_id = update.worker_id
        if worker_id in seen:
            report.add(_refused(row.number, "worker_id", "同一务工人员在文件中出现多次"))
            continue
        seen.add(worker_id)
        if update is not None and not (
            open_jobs is not None
            and not update.employed
            and worker_id in open_jobs
            and open_jobs[worker_id] is None
        ):
            parsed.records.append((row.number, *update))
        else:
            parsed.unchanged.append(worker_id)
    return parsed


# The cells ``repeats_open_job`` compares, in this order.
JOB_FIELDS = ("status", "employer", "place", "sector", "channel", "started_on", "ended_on", "monthly_wage")
_EMPLOYED_WORDS = frozenset(
    word
    for word in (*(s.value for s in WorkerStatus), *(s.label for s in WorkerStatus), *STATUS_WORDS)
    if _status({COLUMNS["status"]: word}) is WorkerStatus.EMPLOYED
)


def _stored_value_of(enum: type[LabelledEnum]) -> dict[str, str]:
    """Each word the full path reads for ``enum`` (a value or a label), to the value it stores."""
    words = (word for member in enum for word in (member.value, member.label))
    return {word: parsed.value for word in words if (parsed := enum.parse(word)) is not None}


_PLACES = _stored_value_of(WorkPlace)
_CHANNELS: dict[str, str | None] = {"": None, **_stored_value_of(Channel)}
_NO_MATCH = object()


def repeats_open_job(cells: tuple[str, ...], job: OpenJob, today: str) -> bool:
    """Whether a row's ``JOB_FIELDS`` cells say, word for word, the worker's open main job.

    Such a row would parse to exactly that job and be planned ``unchanged`` (most rows of a month's
    file): it is neither parsed nor staged. A row saying the same in other words (``3000`` for
    ``3000.00``, a sector cut to 100 characters) takes the full path and comes out the same.
    ``today`` is ISO text: a stored start date is no later than the day it was checked on."""
    status, employer, place, sector, channel, started_on, ended_on, wage = cells
    return (
        status in _EMPLOYED_WORDS
        and not ended_on
        and employer == job.employer
        and 0 < len(employer) <= 200
        and _PLACES.get(place, _NO_MATCH) == job.place
        and (sector or None) == job.sector
        and _CHANNELS.get(channel, _NO_MATCH) == job.channel
        and started_on == job.started_on
        and started_on <= today
        and (wage or None) == job.monthly_wage
    )


def row_result(outcome: RowOutcome) -> RowResult:
    """What the report says of a row the database decided on."""
    if outcome.action in repository.REFUSED:
        field, message = REFUSALS[outcome.action]
        return _refused(outcome.row_no, field, message, outcome.worker_id)
    status = "accepted" if outcome.action in repository.CHANGED else "unchanged"
    return RowResult(row=outcome.row_no, status=status, id=str(outcome.worker_id))


async def apply_file(ctx: RequestContext, parsed: Parsed, report: ImportReport, collected_on: date) -> None:
    """Apply the good rows at once and announce the job losses."""
    outcome, lost = await repository.apply_updates(
        ctx.session,
        parsed.records,
        unchanged=parsed.unchanged,
        scope=(ctx.principal.division_prefix or "") + "%",
        collected_on=collected_on,
        audit={
            "actor": ctx.principal.subject,
            "role": ctx.principal.role.value,
            "request_id": ctx.request_id,
        },
        reasons=IMPORT_REASONS,
    )
    for row in outcome.refused:
        report.add(row_result(row))
    accepted = sum(outcome.tally.get(action, 0) for action in repository.CHANGED)
    report.count("accepted", accepted)
    report.count("unchanged", outcome.tally.get("unchanged", 0))
    await publish_job_losses(ctx, lost)


async def import_updates(
    ctx: RequestContext, content: bytes, filename: str, collected_on: date
) -> ImportReport:
    """务工数据动态采集: a month's file updates every listed worker at once; a bad row is reported
    and skipped, and importing the same file again changes nothing."""
    settings = ctx.settings_as(EmploymentSettings)
    today = clock.today()
    if collected_on > today:
        raise ValidationFailed("collected_on", "采集日期不能晚于今天", "collected_on is in the future")
    report = ImportReport()
    rows = read_rows(content, filename, max_rows=settings.bulk_update_max_rows)
    parsed = parse_file(rows, report, today)
    if parsed.records or parsed.unchanged:
        await apply_file(ctx, parsed, report, collected_on)
    report.rows.sort(key=lambda r: r.row)
    summary = report.model_dump(include={"total", "accepted", "unchanged", "refused"})
    await ctx.audit(
        "import", "spell_updates", None, {"file": filename, "collected_on": collected_on, **summary}
    )
    return report


async def publish_job_losses(ctx: RequestContext, lost: list[LostJob]) -> None:
    """One worker.unemployed per job loss, written to the outbox in one statement."""
    await ctx.component.outbox.add_many(
        ctx.session,
        WORKER_UNEMPLOYED,
        [(str(job.worker_id), WorkerUnemployed(**job._asdict())) for job in lost],
    )
