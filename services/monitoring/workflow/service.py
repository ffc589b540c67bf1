"""识别纳入 → 帮扶 → 风险消除/兜底保障: the household workflow as a table of legal steps.

Each step names the states it may start from, the state it leads to and the roles that may take
it; anything else is an illegal transition (409). Every step is kept with actor, time and reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from services.monitoring.households.service import settings_of, years_before
from services.monitoring.models import (
    HOUSEHOLD_STATUS_LABELS,
    AlertStatus,
    Household,
    HouseholdKind,
    HouseholdStatus,
    MeasureKind,
    Transition,
)
from services.monitoring.workflow import repository
from services.monitoring.workflow.events import (
    HOUSEHOLD_INCLUDED,
    RISK_ELIMINATED,
    SAFETY_NET_MARKED,
    HouseholdIncluded,
    RiskEliminated,
    SafetyNetMarked,
)
from services.monitoring.workflow.schemas import ACTION_LABELS, Action, TransitionIn
from shared.auth import Role
from shared.context import RequestContext
from shared.errors import InvalidTransition, ValidationFailed

S = HouseholdStatus
DISTRICT = (Role.DISTRICT_ADMIN,)
TOWN_UP = (Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL)
VILLAGE_UP = (Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL, Role.VILLAGE_CADRE)
IN_CASE = (S.VERIFYING, S.VILLAGE_REVIEW, S.PUBLIC_NOTICE, S.TOWN_REVIEW, S.DISTRICT_APPROVAL)


@dataclass(frozen=True)
class Step:
    sources: tuple[HouseholdStatus, ...]
    target: HouseholdStatus | None  # None: back to where the household rested before the case
    roles: tuple[Role, ...]


STEPS = {
    Action.START_VERIFICATION: Step((S.NOT_MONITORED, S.RISK_ELIMINATED), S.VERIFYING, VILLAGE_UP),
    Action.SUBMIT_VILLAGE_REVIEW: Step((S.VERIFYING,), S.VILLAGE_REVIEW, VILLAGE_UP),
    Action.VILLAGE_APPROVE: Step((S.VILLAGE_REVIEW,), S.PUBLIC_NOTICE, VILLAGE_UP),
    Action.OBJECT: Step((S.PUBLIC_NOTICE,), S.VERIFYING, VILLAGE_UP),
    Action.CLOSE_NOTICE: Step((S.PUBLIC_NOTICE,), S.TOWN_REVIEW, VILLAGE_UP),
    Action.TOWN_APPROVE: Step((S.TOWN_REVIEW,), S.DISTRICT_APPROVAL, TOWN_UP),
    Action.APPROVE: Step((S.DISTRICT_APPROVAL,), S.INCLUDED, DISTRICT),
    Action.REJECT: Step(IN_CASE, None, VILLAGE_UP),
    Action.ELIMINATE_RISK: Step((S.INCLUDED,), S.RISK_ELIMINATED, TOWN_UP),
    Action.MARK_SAFETY_NET: Step((S.INCLUDED,), S.SAFETY_NET, TOWN_UP),
}
# Refusing inclusion is decided at the level that holds the case.
REJECT_ROLES = {S.TOWN_REVIEW: TOWN_UP, S.DISTRICT_APPROVAL: DISTRICT}


def _refuse(household: Household, action: Action, why: str = "") -> InvalidTransition:
    state = HOUSEHOLD_STATUS_LABELS[household.status]
    return InvalidTransition(
        f"农户当前状态为「{state}」，不能执行「{ACTION_LABELS[action]}」{why}",
        f"{action.value} is not allowed from {household.status.value}",
        current_status=household.status.value,
    )


async def transition(ctx: RequestContext, household: Household, data: TransitionIn) -> Household:
    ctx.principal.require_write()
    step = STEPS[data.action]
    ctx.principal.require_role(*step.roles)
    if data.action is Action.REJECT:
        ctx.principal.require_role(*REJECT_ROLES.get(household.status, step.roles))
    ctx.require_if_match(household.version)
    if household.status not in step.sources:
        raise _refuse(household, data.action)
    from_status = household.status
    today = date.today()
    settings = settings_of(ctx)

    match data.action:
        case Action.START_VERIFICATION:
            started = await repository.move_alerts(
                ctx.session, household.id, AlertStatus.OPEN, AlertStatus.VERIFYING
            )
            if started is None:
                raise _refuse(household, data.action, "：没有待核实的预警")
            household.case_started_on = started
        case Action.SUBMIT_VILLAGE_REVIEW:
            if data.subtype is None:
                raise ValidationFailed("body.subtype", "提交评议需注明监测对象类型", "subtype required")
            if not data.risk_causes:
                raise ValidationFailed("body.risk_causes", "提交评议需注明风险类型", "risk causes required")
            household.subtype = data.subtype
            household.risk_causes = list(dict.fromkeys(data.risk_causes))
        case Action.VILLAGE_APPROVE:
            posted = data.notice_posted_on or today
            started = household.case_started_on or today
            if posted > today or posted < started:
                raise ValidationFailed(
                    "body.notice_posted_on", "公示日期不能晚于今天或早于预警日期", "bad date"
                )
            household.notice_posted_on = posted
        case Action.OBJECT:
            household.notice_posted_on = None
        case Action.CLOSE_NOTICE:
            posted_on = household.notice_posted_on or today
            ends = posted_on + timedelta(days=settings.objection_window_days)
            if today < ends:
                raise _refuse(household, data.action, f"：公示期至 {ends.isoformat()} 结束")
        case Action.APPROVE:
            await _include(ctx, household, today)
        case Action.REJECT:
            await repository.move_alerts(
                ctx.session, household.id, AlertStatus.VERIFYING, AlertStatus.DISMISSED
            )
            _back_to_rest(household)
        case Action.ELIMINATE_RISK:
            household.closed_on = today
            await ctx.publish(
                RISK_ELIMINATED,
                household.id,
                RiskEliminated(
                    household_id=household.id,
                    town_code=household.town_code,
                    village_code=household.village_code,
                    eliminated_on=today,
                ),
            )
        case Action.MARK_SAFETY_NET:
            if not await repository.has_measure(ctx.session, household.id, MeasureKind.SAFETY_NET):
                raise _refuse(household, data.action, "：需先在帮扶计划中落实低保等兜底保障措施")
            household.closed_on = today
            await ctx.publish(
                SAFETY_NET_MARKED,
                household.id,
                SafetyNetMarked(
                    household_id=household.id,
                    town_code=household.town_code,
                    village_code=household.village_code,
                    marked_on=today,
                ),
            )
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
    return household


def _back_to_rest(household: Household) -> None:
    """A refused case leaves the household where it was before: not monitored, or risk eliminated."""
    if household.included_on is not None:
        household.status = S.RISK_ELIMINATED
        return
    household.status = S.NOT_MONITORED
    household.subtype = None
    household.risk_causes = []
    household.case_started_on = None
    household.notice_posted_on = None


async def _include(ctx: RequestContext, household: Household, today: date) -> None:
    settings = settings_of(ctx)
    await repository.move_alerts(ctx.session, household.id, AlertStatus.VERIFYING, AlertStatus.CONFIRMED)
    household.kind = HouseholdKind.MONITORED
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
            household_id=household.id,
            town_code=household.town_code,
            village_code=household.village_code,
            subtype=household.subtype.value,
            risk_causes=[c.value for c in household.risk_causes],
            included_on=today,
            able_bodied_member_ids=able,
        ),
    )
