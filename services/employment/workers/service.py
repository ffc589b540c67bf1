"""Worker rules: registration (the first job becomes the first spell), job loss, verification
(务工数据动态采集: a cheap call from a field app), stale records and training records.
Who may do what: see ``services.employment.access``.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.exc import IntegrityError

from services.employment import access
from services.employment.models import Training, Worker, WorkerStatus
from services.employment.spells import service as spells
from services.employment.spells.schemas import SpellCreate
from services.employment.workers import repository
from services.employment.workers.events import WORKER_REGISTERED, WorkerRegistered
from services.employment.workers.schemas import JobLoss, TrainingCreate, WorkerCreate
from shared.context import RequestContext
from shared.errors import Conflict, ValidationFailed

NOT_GIVEN = "（未填写）"
ALREADY_REGISTERED = ("该家庭成员已登记为务工人员", "this member is already registered as a worker")


async def register(ctx: RequestContext, data: WorkerCreate) -> Worker:
    access.require_writer(ctx)
    ctx.component.divisions.require_town(data.town_code)
    ctx.component.divisions.require_village(data.village_code, data.town_code)
    ctx.principal.require_may_write_in(data.village_code)
    if data.employed_since is not None and data.employed_since > date.today():
        raise ValidationFailed(
            "employed_since", "就业开始日期不能晚于今天", "employed_since is in the future"
        )
    if await repository.member_registered(ctx.session, data.member_id):
        raise Conflict(*ALREADY_REGISTERED)
    first_job = (
        SpellCreate(
            employer=data.employer or NOT_GIVEN,
            place=data.place,
            sector=data.sector,
            channel=data.channel,
            monthly_wage=data.monthly_wage,
            started_on=data.employed_since or date.today(),
        )
        if data.status is WorkerStatus.EMPLOYED and data.place is not None
        else None
    )
    # Born with the snapshot of its first spell, so registering is one version, not two.
    worker = Worker(
        household_id=data.household_id,
        member_id=data.member_id,
        town_code=data.town_code,
        village_code=data.village_code,
        status=WorkerStatus.EMPLOYED if first_job else WorkerStatus.UNEMPLOYED,
        employer=first_job.employer if first_job else None,
        place=data.place if first_job else None,
        monthly_wage=data.monthly_wage if first_job else None,
        employed_since=first_job.started_on if first_job else None,
        skills=data.skills,
        verified_on=date.today(),
    )
    ctx.session.add(worker)
    try:
        await ctx.session.flush()
    except IntegrityError as exc:  # a concurrent registration of the same member won the race
        raise Conflict(*ALREADY_REGISTERED) from exc
    await ctx.audit("create", "worker", worker.id, data.model_dump())
    if first_job:
        await spells.open_spell(ctx, worker, first_job)
    await ctx.publish(
        WORKER_REGISTERED,
        worker.id,
        WorkerRegistered(
            worker_id=worker.id,
            household_id=worker.household_id,
            member_id=worker.member_id,
            town_code=worker.town_code,
            village_code=worker.village_code,
            status=worker.status.value,
            place=worker.place.value if worker.place else None,
        ),
    )
    return worker


async def report_job_loss(ctx: RequestContext, worker: Worker, data: JobLoss) -> Worker:
    """失业登记：the worker is no longer employed; monitoring hears of it (杜绝因失业返贫)."""
    access.require_writer(ctx)
    ctx.require_if_match(worker.version)
    return await spells.end_main_spell(ctx, worker, data.ended_on, data.reason)


async def verify(ctx: RequestContext, worker: Worker) -> Worker:
    """核实: someone confirmed the record today. Repeating it the same day changes nothing."""
    access.require_writer(ctx)
    today = date.today()
    if worker.verified_on != today:
        worker.verified_on = today
        await ctx.session.flush()
        await ctx.audit("verify", "worker", worker.id, {"verified_on": today})
    return worker


def stale_before(ctx: RequestContext) -> date:
    """Records last verified before this day are stale."""
    return date.today() - timedelta(days=access.settings_of(ctx).stale_after_days)


async def add_training(ctx: RequestContext, worker: Worker, data: TrainingCreate) -> Training:
    access.require_writer(ctx)
    today = date.today()
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
