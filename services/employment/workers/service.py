"""Worker rules: registration (the household and member it names checked against monitoring's
projection; the first job becomes the first spell), job loss, verification (务工数据动态采集: a
cheap call from a field app), stale records and training records. Who may call them is declared
by the endpoints (``services.employment.access``); what stays here is the territory a record is
written in.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import set_committed_value

from services.employment import references
from services.employment.models import Training, Worker, WorkerStatus
from services.employment.settings import EmploymentSettings
from services.employment.spells import service as spells
from services.employment.spells.schemas import SpellCreate
from services.employment.workers import repository
from services.employment.workers.events import WORKER_REGISTERED, WorkerRegistered
from services.employment.workers.schemas import JobLoss, TrainingCreate, WorkerCreate
from shared import clock
from shared.context import RequestContext
from shared.errors import Conflict, ValidationFailed

NOT_GIVEN = "（未填写）"
ALREADY_REGISTERED = ("该家庭成员已登记为务工人员", "this member is already registered as a worker")


def first_job(data: WorkerCreate, today: date) -> SpellCreate | None:
    """An employed worker's current job, which becomes their first spell."""
    if data.status is not WorkerStatus.EMPLOYED or data.place is None:
        return None
    return SpellCreate(
        employer=data.employer or NOT_GIVEN,
        place=data.place,
        sector=data.sector,
        channel=data.channel,
        monthly_wage=data.monthly_wage,
        started_on=data.employed_since or today,
    )


def new_worker(data: WorkerCreate, job: SpellCreate | None, today: date) -> Worker:
    """Born with the snapshot of its first spell, so registering is one version, not two."""
    return Worker(
        household_id=data.household_id,
        member_id=data.member_id,
        town_code=data.town_code,
        village_code=data.village_code,
        status=WorkerStatus.EMPLOYED if job else WorkerStatus.UNEMPLOYED,
        employer=job.employer if job else None,
        place=job.place if job else None,
        monthly_wage=job.monthly_wage if job else None,
        employed_since=job.started_on if job else None,
        skills=data.skills,
        verified_on=today,
    )


def registered_event(worker: Worker) -> WorkerRegistered:
    return WorkerRegistered(
        worker_id=worker.id,
        household_id=worker.household_id,
        member_id=worker.member_id,
        town_code=worker.town_code,
        village_code=worker.village_code,
        status=worker.status.value,
        place=worker.place.value if worker.place else None,
    )


async def register(ctx: RequestContext, data: WorkerCreate) -> Worker:
    ctx.component.divisions.require_town(data.town_code)
    ctx.component.divisions.require_village(data.village_code, data.town_code)
    ctx.principal.require_may_write_in(data.village_code)
    today = clock.today()
    if data.employed_since is not None and data.employed_since > today:
        raise ValidationFailed(
            "employed_since", "就业开始日期不能晚于今天", "employed_since is in the future"
        )
    await references.require_household_member(
        ctx, data.household_id, data.member_id, data.town_code, data.village_code
    )
    if await repository.member_registered(ctx.session, data.member_id):
        raise Conflict(*ALREADY_REGISTERED)
    job = first_job(data, today)
    worker = new_worker(data, job, today)
    ctx.session.add(worker)
    try:
        await ctx.session.flush()
    except IntegrityError as exc:  # a concurrent registration of the same member won the race
        raise Conflict(*ALREADY_REGISTERED) from exc
    await ctx.audit("create", "worker", worker.id, data.model_dump())
    if job:
        await spells.first_spell(ctx, worker, job)
    await ctx.publish(WORKER_REGISTERED, worker.id, registered_event(worker))
    return worker


async def report_job_loss(ctx: RequestContext, worker: Worker, data: JobLoss) -> Worker:
    """失业登记：the worker is no longer employed; monitoring hears of it (杜绝因失业返贫)."""
    ctx.require_if_match(worker.version)
    return await spells.end_main_spell(ctx, worker, data.ended_on, data.reason)


async def verify(ctx: RequestContext, worker: Worker) -> Worker:
    """核实: someone confirmed the record today. Repeating it the same day changes nothing. A
    confirmation changes none of the worker's data: its version (ETag) and ``updated_at`` stay
    (ADR 0016)."""
    today = clock.today()
    if worker.verified_on != today:
        await repository.verify(ctx.session, worker.id, today)
        set_committed_value(worker, "verified_on", today)
        await ctx.audit("verify", "worker", worker.id, {"verified_on": today})
    return worker


def stale_before(ctx: RequestContext) -> date:
    """Records last verified before this day are stale."""
    return clock.today() - timedelta(days=ctx.settings_as(EmploymentSettings).stale_after_days)


async def add_training(ctx: RequestContext, worker: Worker, data: TrainingCreate) -> Training:
    today = clock.today()
    if data.started_on > today:
        raise ValidationFailed("started_on", "开始日期不能晚于今天", "started_on is in the future")
    if data.completed_on is not None and data.completed_on < data.started_on:
        raise ValidationFailed("completed_on", "结业日期早于开始日期", "completed_on is before started_on")
    if await repository.training_exists(ctx.session, worker.id, data):
        raise Conflict("该培训记录已登记", "this training is already recorded")
    training = Training(worker_id=worker.id, **data.model_dump())
    ctx.session.add(training)
    await ctx.session.flush()
    await ctx.audit("create", "training", training.id, {"worker_id": worker.id, **data.model_dump()})
    return training
