"""Worker rules: who may register workers or report a job loss, and what is announced.

Roles:
- district_admin: every worker; town_official / village_cadre: only inside their division code
  (another town's worker is "not found"; registering one there is refused with 403).
- integrator: the HR department's system (人社局, configurable as ``hr_departments``) pushes
  employment data district-wide, so it may read, register workers and report job losses like a
  district user; other departments' systems get 403.
- department_officer and auditor: read everything; auditor writes are refused (403).
- helper: no access yet — this service does not know which households a helper is assigned to
  (that lives in monitoring), so it cannot scope them.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.exc import IntegrityError

from services.employment.models import Worker, WorkerStatus
from services.employment.settings import EmploymentSettings
from services.employment.workers import repository
from services.employment.workers.events import (
    WORKER_REGISTERED,
    WORKER_UNEMPLOYED,
    WorkerRegistered,
    WorkerUnemployed,
)
from services.employment.workers.schemas import JobLoss, WorkerCreate
from shared.auth import Role
from shared.context import RequestContext
from shared.errors import Conflict, Forbidden, InvalidTransition, ValidationFailed

WRITERS = (Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL, Role.VILLAGE_CADRE, Role.INTEGRATOR)
READERS = (*WRITERS, Role.DEPARTMENT_OFFICER, Role.AUDITOR)


def _settings(ctx: RequestContext) -> EmploymentSettings:
    settings = ctx.component.settings
    return settings if isinstance(settings, EmploymentSettings) else EmploymentSettings()


def _require_hr_system(ctx: RequestContext) -> None:
    principal = ctx.principal
    if principal.role is Role.INTEGRATOR and principal.department not in _settings(ctx).hr_departments:
        raise Forbidden("仅人社部门系统可访问务工数据", "only the HR department's system may access workers")


def require_reader(ctx: RequestContext) -> None:
    ctx.principal.require_role(*READERS)
    _require_hr_system(ctx)


def require_writer(ctx: RequestContext) -> None:
    ctx.principal.require_write()
    ctx.principal.require_role(*WRITERS)
    _require_hr_system(ctx)



async def register(ctx: RequestContext, data: WorkerCreate) -> Worker:
    require_writer(ctx)
    ctx.component.divisions.require_town(data.town_code)
    ctx.component.divisions.require_village(data.village_code, data.town_code)
    ctx.principal.require_may_write_in(data.village_code)
    if data.employed_since is not None and data.employed_since > date.today():
        raise ValidationFailed(
            "employed_since", "就业开始日期不能晚于今天", "employed_since is in the future"
        )
    if await repository.member_registered(ctx.session, data.member_id):
        raise Conflict("该家庭成员已登记为务工人员", "this member is already registered as a worker")
    worker = Worker(**data.model_dump())
    ctx.session.add(worker)
    try:
        await ctx.session.flush()
    except IntegrityError as exc:  # a concurrent registration of the same member won the race
        raise Conflict("该家庭成员已登记为务工人员", "this member is already registered as a worker") from exc
    await ctx.audit("create", "worker", worker.id, data.model_dump())
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
    require_writer(ctx)
    ctx.require_if_match(worker.version)
    if worker.status is not WorkerStatus.EMPLOYED:
        raise InvalidTransition("该务工人员已是未就业状态", "worker is already unemployed")
    if data.ended_on > date.today():
        raise ValidationFailed("ended_on", "就业结束日期不能晚于今天", "ended_on is in the future")
    if worker.employed_since is not None and data.ended_on < worker.employed_since:
        raise ValidationFailed(
            "ended_on", "就业结束日期早于就业开始日期", "ended_on is before employed_since"
        )
    worker.status = WorkerStatus.UNEMPLOYED
    worker.ended_on = data.ended_on
    worker.end_reason = data.reason
    await ctx.session.flush()
    await ctx.audit(
        "job_loss", "worker", worker.id,
        {"status": worker.status.value, "ended_on": data.ended_on, "reason": data.reason},
    )
    await ctx.publish(
        WORKER_UNEMPLOYED,
        worker.id,
        WorkerUnemployed(
            worker_id=worker.id,
            household_id=worker.household_id,
            town_code=worker.town_code,
            village_code=worker.village_code,
            ended_on=data.ended_on,
        ),
    )
    return worker
