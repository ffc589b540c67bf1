"""Raising alerts: by people through the API, and from other services' events."""

from __future__ import annotations

from services.monitoring.alerts.events import ALERT_RAISED, AlertRaised, WorkerUnemployed
from services.monitoring.alerts.schemas import AlertCreate
from services.monitoring.households import repository as households
from services.monitoring.models import Alert, AlertSource, Household
from shared.auth import Role
from shared.context import RequestContext
from shared.errors import NotFound
from shared.events.consumer import EventContext

RAISERS = (Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL, Role.VILLAGE_CADRE, Role.HELPER, Role.DEPARTMENT_OFFICER)
READERS = (*RAISERS, Role.AUDITOR)


class UnknownHousehold(LookupError):
    """An event names a household we do not have: retried, then parked for an operator."""


def _announcement(alert: Alert) -> AlertRaised:
    return AlertRaised(
        alert_id=alert.id,
        household_id=alert.household_id,
        town_code=alert.town_code,
        village_code=alert.village_code,
        source=alert.source.value,
    )


async def raise_alert(ctx: RequestContext, data: AlertCreate) -> Alert:
    ctx.principal.require_write()
    ctx.principal.require_role(*RAISERS)
    household = await households.get(ctx.session, ctx.principal, data.household_id)
    if household is None:
        raise NotFound("农户不存在或不在您的数据范围内", "household not found")
    alert = Alert(
        household_id=household.id,
        town_code=household.town_code,
        village_code=household.village_code,
        source=data.source,
        reason=data.reason,
    )
    ctx.session.add(alert)
    await ctx.session.flush()
    await ctx.audit("create", "alert", alert.id, data.model_dump())
    await ctx.publish(ALERT_RAISED, alert.id, _announcement(alert))
    return alert


async def on_worker_unemployed(ctx: EventContext) -> None:
    """employment: worker.unemployed → an alert for the worker's household (坚决杜绝因失业返贫)."""
    job_loss = WorkerUnemployed.model_validate(ctx.event.data)
    household = await ctx.session.get(Household, job_loss.household_id)
    if household is None:
        raise UnknownHousehold(f"household {job_loss.household_id} unknown")
    alert = Alert(
        household_id=household.id,
        town_code=household.town_code,
        village_code=household.village_code,
        source=AlertSource.EVENT,
        reason=f"务工人员失业（{job_loss.ended_on.isoformat()} 结束就业）",
        origin_ref=f"event:{ctx.event.id}",
    )
    ctx.session.add(alert)
    await ctx.session.flush()
    await ctx.audit("create", "alert", alert.id, {"worker_id": str(job_loss.worker_id)})
    await ctx.publish(ALERT_RAISED, alert.id, _announcement(alert))
