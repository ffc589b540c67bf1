"""国家系统务工数据 (issue 13): the national system's monthly work file, keyed by ID number.

Employment keeps no ID numbers. A row's number is hashed with the suite-wide match key
(shared.id_number_match) the moment it is read and compared with the hashes monitoring's
``member.changed`` brought; the number itself is neither stored, logged, audited nor reported.
Import hands the matched rows to the monthly update (spells.service), so its rules and per-row
report apply unchanged; fill writes the district's answer onto the rows of a received file.
"""

from __future__ import annotations

import calendar
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import Any

from services.employment.models import Channel, Spell, WorkerStatus, WorkPlace
from services.employment.national import repository
from services.employment.national.layout import NationalLayout, load_layout
from services.employment.settings import EmploymentSettings
from services.employment.spells import service as spells
from services.employment.spells.repository import OpenJob
from shared import clock
from shared.context import RequestContext
from shared.errors import ValidationFailed
from shared.id_number_match import id_number_match_hashes
from shared.tabular import ImportReport, Row, RowProblem, RowResult, read_rows

NOT_FOUND = "未找到该身份证号码对应的务工人员（未登记、尚未同步或不在您的辖区）"


def layout_of(ctx: RequestContext) -> NationalLayout:
    return load_layout(ctx.settings_as(EmploymentSettings).national_work_layout_file)


@dataclass
class _Matched:
    rows: list[Row]  # as read, in file order
    workers: dict[int, uuid.UUID]  # row number -> worker, for the rows found
    open_jobs: dict[uuid.UUID, OpenJob | None]  # each found worker's open main job, None for none


async def _match(ctx: RequestContext, content: bytes, filename: str, layout: NationalLayout) -> _Matched:
    """The file's rows and the worker each row's ID number names in the caller's area."""
    settings = ctx.settings_as(EmploymentSettings)
    id_header = layout.header("id_number")
    rows = list(read_rows(content, filename, max_rows=settings.bulk_update_max_rows))
    numbered = [row for row in rows if row.values.get(id_header, "").strip()]
    digests = id_number_match_hashes(
        (row.values[id_header] for row in numbered), settings.id_number_match_key
    )
    hashes = {row.number: digest for row, digest in zip(numbered, digests, strict=True)}
    scope = (ctx.principal.division_prefix or "") + "%"
    found = await repository.workers_by_match_hash(ctx.session, set(hashes.values()), scope)
    workers = {number: found[digest].worker_id for number, digest in hashes.items() if digest in found}
    return _Matched(rows, workers, {worker.worker_id: worker.open_job for worker in found.values()})


def _cells_of(headers: tuple[str, ...]) -> Callable[[dict[str, str]], tuple[str, ...]]:
    """The row's cells under ``headers``, "" for a column the file lacks."""
    present = itemgetter(*headers)

    def cells(values: dict[str, str]) -> tuple[str, ...]:
        try:
            return present(values)
        except KeyError:
            return tuple(values.get(header, "") for header in headers)

    return cells


def _translate(
    matched: _Matched, layout: NationalLayout, report: ImportReport, today: date
) -> list[Row | spells.Unchanged]:
    """Each found row in the monthly update's columns, or ``Unchanged`` where it repeats the worker's
    open job word for word; a row no worker was found for goes into the report, refused."""
    id_header = layout.header("id_number")
    job_cells = _cells_of(tuple(layout.header(field) for field in spells.JOB_FIELDS))
    today_text = today.isoformat()
    translated: list[Row | spells.Unchanged] = []
    for row in matched.rows:
        worker_id = matched.workers.get(row.number)
        if worker_id is None:
            message = NOT_FOUND if row.values.get(id_header, "").strip() else "未填写身份证号码"
            problem = RowProblem(field=id_header, message=message)
            report.add(RowResult(row=row.number, status="refused", problems=[problem]))
            continue
        job = matched.open_jobs[worker_id]
        if job is not None and spells.repeats_open_job(job_cells(row.values), job, today_text):
            translated.append(spells.Unchanged(row.number, worker_id))
            continue
        values = {
            spells.COLUMNS[field]: row.values.get(header, "")
            for field, header in layout.columns
            if field in spells.COLUMNS
        }
        values[spells.COLUMNS["worker_id"]] = str(worker_id)
        translated.append(Row(number=row.number, values=values))
    return translated


async def import_work_file(
    ctx: RequestContext, content: bytes, filename: str, collected_on: date
) -> ImportReport:
    """Each row found by its ID number updates that worker as the monthly update would; a row
    without a number, with one no worker in the caller's area has, or failing a rule is refused."""
    today = clock.today()
    if collected_on > today:
        raise ValidationFailed("collected_on", "采集日期不能晚于今天", "collected_on is in the future")
    layout = layout_of(ctx)
    matched = await _match(ctx, content, filename, layout)
    report = ImportReport()
    translated = _translate(matched, layout, report, today)
    parsed = spells.parse_file(translated, report, today, matched.open_jobs)
    if parsed.records or parsed.unchanged:
        await spells.apply_file(ctx, parsed, report, collected_on)
    # The monthly update names its own columns; the district reads the template's.
    national = {spells.COLUMNS[f]: h for f, h in layout.columns if f in spells.COLUMNS}
    national[spells.COLUMNS["worker_id"]] = layout.header("id_number")
    for result in report.rows:
        for problem in result.problems:
            problem.field = national.get(problem.field or "", problem.field)
    report.rows.sort(key=lambda r: r.row)
    summary = report.model_dump(include={"total", "accepted", "unchanged", "refused"})
    await ctx.audit(
        "import", "national_work_file", None, {"file": filename, "collected_on": collected_on, **summary}
    )
    return report


def month_end(month: str) -> date:
    try:
        year, number = (int(part) for part in month.split("-"))
        last = calendar.monthrange(year, number)[1]
        return min(date(year, number, last), clock.today())
    except ValueError as exc:
        raise ValidationFailed("month", "月份应为 YYYY-MM（如 2026-03）", "month is not YYYY-MM") from exc


def _answer(spell: Spell | None, day: date) -> dict[str, Any]:
    """The work columns of one worker on ``day`` in the words import reads back."""
    if spell is None:
        return {"status": WorkerStatus.UNEMPLOYED.label}
    if spell.ended_on is not None and spell.ended_on < day:
        return {
            "status": WorkerStatus.UNEMPLOYED.label,
            "ended_on": spell.ended_on.isoformat(),
            "reason": spell.end_reason or "",
        }
    channel = Channel(spell.channel).label if spell.channel else ""
    return {
        "status": WorkerStatus.EMPLOYED.label,
        "place": WorkPlace(spell.place).label,
        "employer": spell.employer,
        "sector": spell.sector or "",
        "channel": channel,
        "started_on": spell.started_on.isoformat(),
        # Text, not a number: the sheet keeps the two places a float would lose.
        "monthly_wage": str(spell.monthly_wage) if spell.monthly_wage is not None else "",
    }


async def fill_work_file(
    ctx: RequestContext, content: bytes, filename: str, month: str
) -> tuple[list[tuple[str, str]], list[dict[str, Any]]]:
    """The received file's rows with the work columns as employment's records stand at the
    month's end; ID number and name come back from the file as they were (never from storage).
    Rows no worker in the caller's area matches are returned with their work columns empty."""
    day = month_end(month)
    layout = layout_of(ctx)
    matched = await _match(ctx, content, filename, layout)
    spells_on = await repository.main_spells_on(ctx.session, set(matched.workers.values()), day)
    out: list[dict[str, Any]] = []
    for row in matched.rows:
        answer: dict[str, Any] = {}
        if (worker_id := matched.workers.get(row.number)) is not None:
            answer = _answer(spells_on.get(worker_id), day)
        out.append(
            {
                "id_number": row.values.get(layout.header("id_number"), ""),
                "name": row.values.get(layout.header("name"), ""),
                **answer,
            }
        )
    return list(layout.columns), out
