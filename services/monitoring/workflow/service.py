"""识别纳入 → 帮扶 → 风险消除/兜底保障: the household workflow as a table of legal steps.

Each step names the states it may start from, the state it leads to, the roles that may take it
and what it does; anything else is an illegal transition (409). Every step is kept with actor,
time and reason.

Which role may take a step depends on the step asked for (and, for a refusal, on the level that
holds the case), so that rule lives here in the table; the endpoint admits the union of the
roles of every step (``access.WriterCtx``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from services.monitoring.dates import years_before
from services.monitoring.households.identity import require_fit
from services.monitoring.households.service import announce
from services.monitoring.households.standing import require_not_cancelled
from services.monitoring.models import (
    AlertStatus,
    Household,
    HouseholdStatus,
    MeasureKind,
    Transition,
)
from services.monitoring.settings import MonitoringSettings
from services.monitoring.workflow import repository
from services.monitoring.workflow.events import (
    HOUSEHOLD_INCLUDED,
    RISK_ELIMINATED,
    SAFETY_NET_MARKED,
    HouseholdIncluded,
    RiskEliminated,
    SafetyNetMarked,
)
from services.monitoring.workflow.schemas import Action, TransitionIn
from shared.auth import Role
from shared.context import RequestContext
from shared.errors import InvalidTransition, ValidationFailed

S = HouseholdStatus
DISTRICT = (Role.DISTRICT_ADMIN,)
TOWN_UP = (Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL)
VILLAGE_UP = (Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL, Role.VILLAGE_CADRE)
IN_CASE = (S.VERIFYING, S.VILLAGE_REVIEW, S.PUBLIC_NOTICE, S.TOWN_REVIEW, S.DISTRICT_APPROVAL)


@dataclass(frozen=True)
class Taking:
    """One step being taken: the request, the household (locked for the transaction), the ask."""

    ctx: RequestContext
    household: Household
    data: TransitionIn
    today: date


Effect = Callable[[Taking], Awaitable[None]]


def _where(household: Household) -> dict[str, Any]:
    """What every announcement of a workflow step says about the household: its id and place."""
    return {
        "household_id": household.id,
        "town_code": household.town_code,
        "village_code": household.village_code,
    }


def refusal(household: Household, action: Action, why: str = "") -> InvalidTransition:
    return InvalidTransition(
        f"农户当前状态为「{household.status.label}」，不能执行「{action.label}」{why}",
        f"{action.value} is not allowed from {household.status.value}",
        current_status=household.status.value,
    )


async def _start_verification(step: Taking) -> None:
    household = step.household
    started = await repository.move_alerts(
        step.ctx.session, household.id, AlertStatus.OPEN, AlertStatus.VERIFYING
    )
    if started is None:
        raise refusal(household, step.data.action, "：没有待核实的预警")
    household.case_started_on = started


async def _submit_village_review(step: Taking) -> None:
    if step.data.subtype is None:
        raise ValidationFailed("body.subtype", "提交评议需注明监测对象类型", "subtype required")
    if not step.data.risk_causes:
        raise ValidationFailed("body.risk_causes", "提交评议需注明风险类型", "risk causes required")
    require_fit(step.household.kind, step.data.subtype, "body.subtype")
    step.household.subtype = step.data.subtype
    step.household.risk_causes = list(dict.fromkeys(step.data.risk_causes))


async def _post_notice(step: Taking) -> None:
    posted = step.data.notice_posted_on or step.today
    started = step.household.case_started_on or step.today
    if posted > step.today or posted < started:
        raise ValidationFailed("body.notice_posted_on", "公示日期不能晚于今天或早于预警日期", "bad date")
    step.household.notice_posted_on = posted


async def _withdraw_notice(step: Taking) -> None:
    step.household.notice_posted_on = None


async def _close_notice(step: Taking) -> None:
    posted_on = step.household.notice_posted_on or step.today
    ends = posted_on + timedelta(days=step.ctx.settings_as(MonitoringSettings).objection_window_days)
    if step.today < ends:
        raise refusal(step.household, step.data.action, f"：公示期至 {ends.isoformat()} 结束")


async def _nothing_more(step: Taking) -> None:
    """The step only moves the household on."""


async def _include(step: Taking) -> None:
    ctx, household, today = step.ctx, step.household, step.today
    settings = ctx.settings_as(MonitoringSettings)
    # Checked again on inclusion: the category was fitted to the identity at the village review (and
    # a PATCH of the identity must keep it fitting), but a case filed before the rule may not fit.
    require_fit(household.kind, household.subtype, "subtype")
    await repository.move_alerts(ctx.session, household.id, AlertStatus.VERIFYING, AlertStatus.CONFIRMED)
    # Being monitored is the status; the household's identity (kind) stays what it is.
    household.included_on = today
    household.closed_on = None
    # 16–59 on the inclusion date: born after (today − 60 years), by (today − 16 years).
    able = await repository.able_bodied_member_ids(
        ctx.session,
        household.id,
        born_after=years_before(today, settings.working_age_max + 1),
        born_by=years_before(today, settings.working_age_min),
    )
    assert household.subtype is not None
    await ctx.publish(
        HOUSEHOLD_INCLUDED,
        household.id,
        HouseholdIncluded(
            **_where(household),
            subtype=household.subtype.value,
            risk_causes=[c.value for c in household.risk_causes],
            included_on=today,
            able_bodied_member_ids=able,
        ),
    )


async def _reject(step: Taking) -> None:
    await repository.move_alerts(
        step.ctx.session, step.household.id, AlertStatus.VERIFYING, AlertStatus.DISMISSED
    )
    back_to_rest(step.household)


def back_to_rest(household: Household) -> None:
    """A refused case leaves the household where it was before: not monitored, or risk eliminated."""
    if household.included_on is not None:
        household.status = S.RISK_ELIMINATED
        return
    household.status = S.NOT_MONITORED
    household.subtype = None
    household.risk_causes = []
    household.case_started_on = None
    household.notice_posted_on = None


async def _eliminate_risk(step: Taking) -> None:
    household = step.household
    household.closed_on = step.today
    await step.ctx.publish(
        RISK_ELIMINATED,
        household.id,
        RiskEliminated(**_where(household), eliminated_on=step.today),
    )


async def _mark_safety_net(step: Taking) -> None:
    household = step.household
    if not await repository.has_measure(step.ctx.session, household.id, MeasureKind.SAFETY_NET):
        raise refusal(household, step.data.action, "：需先在帮扶计划中落实低保等兜底保障措施")
    household.closed_on = step.today
    await step.ctx.publish(
        SAFETY_NET_MARKED,
        household.id,
        SafetyNetMarked(**_where(household), marked_on=step.today),
    )


@dataclass(frozen=True)
class Step:
    sources: tuple[HouseholdStatus, ...]
    target: HouseholdStatus | None  # None: back to where the household rested before the case
    roles: tuple[Role, ...]
    effect: Effect
    # Where the roles depend on the state the step starts from.
    roles_from: Mapping[HouseholdStatus, tuple[Role, ...]] = field(default_factory=dict)

    def roles_for(self, status: HouseholdStatus) -> tuple[Role, ...]:
        return self.roles_from.get(status, self.roles)


STEPS = {
    Action.START_VERIFICATION: Step(
        (S.NOT_MONITORED, S.RISK_ELIMINATED), S.VERIFYING, VILLAGE_UP, _start_verification
    ),
    Action.SUBMIT_VILLAGE_REVIEW: Step((S.VERIFYING,), S.VILLAGE_REVIEW, VILLAGE_UP, _submit_village_review),
    Action.VILLAGE_APPROVE: Step((S.VILLAGE_REVIEW,), S.PUBLIC_NOTICE, VILLAGE_UP, _post_notice),
    Action.OBJECT: Step((S.PUBLIC_NOTICE,), S.VERIFYING, VILLAGE_UP, _withdraw_notice),
    Action.CLOSE_NOTICE: Step((S.PUBLIC_NOTICE,), S.TOWN_REVIEW, VILLAGE_UP, _close_notice),
    Action.TOWN_APPROVE: Step((S.TOWN_REVIEW,), S.DISTRICT_APPROVAL, TOWN_UP, _nothing_more),
    Action.APPROVE: Step((S.DISTRICT_APPROVAL,), S.INCLUDED, DISTRICT, _include),
    # Refusing inclusion is decided at the level that holds the case.
    Action.REJECT: Step(
        IN_CASE, None, VILLAGE_UP, _reject, roles_from={S.TOWN_REVIEW: TOWN_UP, S.DISTRICT_APPROVAL: DISTRICT}
    ),
    Action.ELIMINATE_RISK: Step((S.INCLUDED,), S.RISK_ELIMINATED, TOWN_UP, _eliminate_risk),
    Action.MARK_SAFETY_NET: Step((S.INCLUDED,), S.SAFETY_NET, TOWN_UP, _mark_safety_net),
}


async def transition(ctx: RequestContext, household: Household, data: TransitionIn) -> Household:
    require_not_cancelled(household)  # a cancelled household is history, not a case
    step = STEPS[data.action]
    # A role rule that depends on the data (the step asked for, the household's status), so it
    # stays here rather than in the endpoint's signature.
    ctx.principal.require_role(*step.roles_for(household.status))
    ctx.require_if_match(household.version)
    if household.status not in step.sources:
        raise refusal(household, data.action)
    from_status = household.status
    await step.effect(Taking(ctx=ctx, household=household, data=data, today=date.today()))
    if step.target is not None:
        household.status = step.target
    ctx.session.add(
        Transition(
            household_id=household.id,
            action=data.action.value,
            from_status=from_status,
            to_status=household.status,
            actor=ctx.principal.subject,
            actor_role=ctx.principal.role.value,
            reason=data.reason,
        )
    )
    await ctx.session.flush()
    await ctx.audit(
        data.action.value,
        "household",
        household.id,
        {"from": from_status.value, "to": household.status.value, "reason": data.reason},
    )
    # Every step moves the status: other services follow it (with the flushed version).
    await announce(ctx, household)
    return household
