"""识别纳入 → 帮扶 → 风险消除/兜底保障: the household workflow as a table of legal steps.

Each step names the states it may start from, the state it leads to, the roles that may take it
and what it does; anything else is an illegal transition (409). Every step is kept with actor,
time and reason.

Which role may take a step depends on the step asked for (and, for a refusal, on the level that
holds the case), so that rule lives here in the table; the endpoint admits the union of the
roles of every step (``access.WriterCtx``).

风险消除 is earned (``elimination``): it follows the same democratic procedure as inclusion
(household check → village democratic review → public notice → town review → district approval).
Its stages are a column beside the status (``Household.elimination_stage``), not new statuses,
because the household is still a 监测对象 until the district approves: every count of monitored
households (reports, list filters, employment's and funds' projections of ``household.changed``,
which read ``status == "included"``) must keep counting it, and a stage column leaves all of them
true without touching one. A step's place is therefore the pair (status, stage), ``Place``.

Public-notice objections are records (``services.monitoring.objections``): an objection found upheld
takes the ``object`` / ``object_elimination`` step; neither can be asked for directly.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, NamedTuple

from services.monitoring.dates import years_before
from services.monitoring.households.identity import require_fit
from services.monitoring.households.service import announce
from services.monitoring.households.standing import require_not_cancelled
from services.monitoring.models import (
    AlertStatus,
    EliminationStage,
    Household,
    HouseholdStatus,
    RiskResolution,
    Transition,
)
from services.monitoring.objections import repository as objections
from services.monitoring.settings import MonitoringSettings
from services.monitoring.workflow import elimination, repository
from services.monitoring.workflow.events import (
    HOUSEHOLD_INCLUDED,
    RISK_ELIMINATED,
    SAFETY_NET_MARKED,
    HouseholdIncluded,
    RiskEliminated,
    SafetyNetMarked,
)
from services.monitoring.workflow.schemas import (
    Action,
    ConditionOut,
    EliminationCheckOut,
    RiskResolutionIn,
    TransitionIn,
)
from shared import clock
from shared.auth import Role
from shared.context import RequestContext
from shared.errors import AppError, Conflict, InvalidTransition, ValidationFailed

S = HouseholdStatus
E = EliminationStage
DISTRICT = (Role.DISTRICT_ADMIN,)
TOWN_UP = (Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL)
VILLAGE_UP = (Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL, Role.VILLAGE_CADRE)


class Place(NamedTuple):
    """Where a household stands: its status and, during the 风险消除 procedure, the stage.

    A pair rather than one enum: the procedures share stage names (村级评议, 公示…) but not meaning,
    and two string enums with the same value would compare equal."""

    status: HouseholdStatus
    stage: EliminationStage | None = None

    @property
    def label(self) -> str:
        return self.stage.label if self.stage else self.status.label


def place_of(household: Household) -> Place:
    return Place(household.status, household.elimination_stage)


IN_CASE = tuple(
    Place(s) for s in (S.VERIFYING, S.VILLAGE_REVIEW, S.PUBLIC_NOTICE, S.TOWN_REVIEW, S.DISTRICT_APPROVAL)
)
IN_ELIMINATION = tuple(Place(S.INCLUDED, stage) for stage in E)
MONITORED = Place(S.INCLUDED)


class EliminationConditionsUnmet(AppError):
    status, code = 422, "elimination_conditions_unmet"
    title_zh, title_en = "不符合风险消除条件", "Risk elimination conditions are not met"


class OpenObjection(Conflict):
    code = "open_objection"
    title_zh, title_en = "公示异议尚未处理", "An objection to the notice is still open"


class SafetyNetNotInPlace(Conflict):
    code = "safety_net_not_in_place"
    title_zh, title_en = "低保或特困供养尚未落实", "低保 or 特困供养 is not in place"


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
    place = place_of(household)
    stage = {"current_stage": place.stage.value} if place.stage else {}
    return InvalidTransition(
        f"农户当前状态为「{place.label}」，不能执行「{action.label}」{why}",
        f"{action.value} is not allowed from {household.status.value}",
        current_status=household.status.value,
        **stage,
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


def _notice_posted(step: Taking, started: date) -> None:
    posted = step.data.notice_posted_on or step.today
    if posted > step.today or posted < started:
        raise ValidationFailed(
            "body.notice_posted_on", "公示日期不能晚于今天或早于本程序开始日期", "bad date"
        )
    step.household.notice_posted_on = posted


async def _post_notice(step: Taking) -> None:
    _notice_posted(step, step.household.case_started_on or step.today)


async def _post_elimination_notice(step: Taking) -> None:
    started = await repository.last_taken_on(
        step.ctx.session, step.household.id, Action.START_ELIMINATION.value
    )
    _notice_posted(step, started or step.today)


async def _withdraw_notice(step: Taking) -> None:
    step.household.notice_posted_on = None


async def _close_notice(step: Taking) -> None:
    posted_on = step.household.notice_posted_on or step.today
    ends = posted_on + timedelta(days=step.ctx.settings_as(MonitoringSettings).objection_window_days)
    if step.today < ends:
        raise refusal(step.household, step.data.action, f"：公示期至 {ends.isoformat()} 结束")
    # The household is locked: an objection lodged meanwhile waits for this step, or this for it.
    still_open = await objections.open_count(step.ctx.session, step.household.id)
    if still_open:
        raise OpenObjection(
            f"公示期间收到的异议尚有 {still_open} 件未处理，处理（成立或不成立）后方可结束公示",
            f"{still_open} objection(s) to the notice are still open",
            open_objections=still_open,
        )


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


async def assess_elimination(
    ctx: RequestContext, household: Household, today: date
) -> elimination.Assessment:
    """The conditions of risk elimination as the records stand today (``elimination.assess``)."""
    session = ctx.session
    incomes = await repository.incomes(session, household.id)
    facts = elimination.Facts(
        household=household,
        members=await repository.active_members(session, household.id),
        incomes=incomes,
        lines=await repository.lines(session, {i.year for i in incomes}),
        resolved=await repository.resolved_causes(session, household.id, household.included_on),
        delivered_measures=await repository.delivered_measures(
            session, household.id, household.included_on, today
        ),
        today=today,
    )
    return elimination.assess(facts, ctx.settings_as(MonitoringSettings))


async def _require_conditions(step: Taking) -> None:
    """Starting the procedure, and approving it at the district, need every condition met."""
    assessment = await assess_elimination(step.ctx, step.household, step.today)
    if assessment.eligible:
        return
    unmet = assessment.unmet
    raise EliminationConditionsUnmet(
        "不符合风险消除条件：" + "；".join(f"{v.condition.label}（{v.explanation}）" for v in unmet),
        "unmet: " + ", ".join(v.condition.value for v in unmet),
        unmet=[
            {
                "condition": v.condition.value,
                "condition_label": v.condition.label,
                "explanation": v.explanation,
            }
            for v in unmet
        ],
        safety_net_route=assessment.safety_net_route,
    )


async def _eliminate_risk(step: Taking) -> None:
    # Checked again at approval: income, members, measures may have changed during the procedure.
    await _require_conditions(step)
    household = step.household
    household.closed_on = step.today
    await step.ctx.publish(
        RISK_ELIMINATED,
        household.id,
        RiskEliminated(**_where(household), eliminated_on=step.today),
    )


def safety_net_in_place(basis: list[repository.SafetyNetMeasure], today: date) -> str | None:
    """None when a 低保 or 特困供养 measure is delivered and still running today; else why not."""
    if not basis:
        return (
            "帮扶计划中没有低保或特困供养措施（住房、饮水、教育、参保、医疗救助等其他保障不能标注兜底保障户）"
        )
    delivered = [m for m in basis if m.delivered_on is not None and m.delivered_on <= today]
    if not delivered:
        return "低保或特困供养措施尚未落实（未登记落实日期）"
    if not any(m.ends_on >= today for m in delivered):
        return "已落实的低保或特困供养措施均已到期"
    return None


async def _mark_safety_net(step: Taking) -> None:
    household = step.household
    why_not = safety_net_in_place(
        await repository.safety_net_basis(step.ctx.session, household.id), step.today
    )
    if why_not is not None:
        raise SafetyNetNotInPlace(f"须先足额落实低保或特困供养等兜底保障：{why_not}", why_not)
    household.closed_on = step.today
    await step.ctx.publish(
        SAFETY_NET_MARKED,
        household.id,
        SafetyNetMarked(**_where(household), marked_on=step.today),
    )


@dataclass(frozen=True)
class Step:
    sources: tuple[Place, ...]
    target: Place | None  # None: back to where the household rested before the case
    roles: tuple[Role, ...]
    effect: Effect
    # Where the roles depend on the place the step starts from.
    roles_from: Mapping[Place, tuple[Role, ...]] = field(default_factory=dict)
    # Taken only when an objection to the notice is found upheld (objections.service), never asked for.
    on_upheld_objection: bool = False

    def roles_for(self, place: Place) -> tuple[Role, ...]:
        return self.roles_from.get(place, self.roles)


def _in_elimination(stage: EliminationStage) -> Place:
    return Place(S.INCLUDED, stage)


STEPS = {
    Action.START_VERIFICATION: Step(
        (Place(S.NOT_MONITORED), Place(S.RISK_ELIMINATED)),
        Place(S.VERIFYING),
        VILLAGE_UP,
        _start_verification,
    ),
    Action.SUBMIT_VILLAGE_REVIEW: Step(
        (Place(S.VERIFYING),), Place(S.VILLAGE_REVIEW), VILLAGE_UP, _submit_village_review
    ),
    Action.VILLAGE_APPROVE: Step(
        (Place(S.VILLAGE_REVIEW),), Place(S.PUBLIC_NOTICE), VILLAGE_UP, _post_notice
    ),
    Action.OBJECT: Step(
        (Place(S.PUBLIC_NOTICE),), Place(S.VERIFYING), VILLAGE_UP, _withdraw_notice, on_upheld_objection=True
    ),
    Action.CLOSE_NOTICE: Step((Place(S.PUBLIC_NOTICE),), Place(S.TOWN_REVIEW), VILLAGE_UP, _close_notice),
    Action.TOWN_APPROVE: Step((Place(S.TOWN_REVIEW),), Place(S.DISTRICT_APPROVAL), TOWN_UP, _nothing_more),
    Action.APPROVE: Step((Place(S.DISTRICT_APPROVAL),), MONITORED, DISTRICT, _include),
    # Refusing inclusion is decided at the level that holds the case.
    Action.REJECT: Step(
        IN_CASE,
        None,
        VILLAGE_UP,
        _reject,
        roles_from={Place(S.TOWN_REVIEW): TOWN_UP, Place(S.DISTRICT_APPROVAL): DISTRICT},
    ),
    Action.MARK_SAFETY_NET: Step((MONITORED,), Place(S.SAFETY_NET), TOWN_UP, _mark_safety_net),
    # 风险消除: the conditions are checked when the household check starts and again at approval.
    Action.START_ELIMINATION: Step(
        (MONITORED,), _in_elimination(E.HOUSEHOLD_CHECK), VILLAGE_UP, _require_conditions
    ),
    Action.SUBMIT_ELIMINATION_REVIEW: Step(
        (_in_elimination(E.HOUSEHOLD_CHECK),), _in_elimination(E.VILLAGE_REVIEW), VILLAGE_UP, _nothing_more
    ),
    Action.POST_ELIMINATION_NOTICE: Step(
        (_in_elimination(E.VILLAGE_REVIEW),),
        _in_elimination(E.PUBLIC_NOTICE),
        VILLAGE_UP,
        _post_elimination_notice,
    ),
    Action.OBJECT_ELIMINATION: Step(
        (_in_elimination(E.PUBLIC_NOTICE),),
        _in_elimination(E.HOUSEHOLD_CHECK),
        VILLAGE_UP,
        _withdraw_notice,
        on_upheld_objection=True,
    ),
    Action.CLOSE_ELIMINATION_NOTICE: Step(
        (_in_elimination(E.PUBLIC_NOTICE),), _in_elimination(E.TOWN_REVIEW), VILLAGE_UP, _close_notice
    ),
    Action.TOWN_APPROVE_ELIMINATION: Step(
        (_in_elimination(E.TOWN_REVIEW),), _in_elimination(E.DISTRICT_APPROVAL), TOWN_UP, _nothing_more
    ),
    Action.ELIMINATE_RISK: Step(
        (_in_elimination(E.DISTRICT_APPROVAL),), Place(S.RISK_ELIMINATED), DISTRICT, _eliminate_risk
    ),
    # Not eliminated after all: back to assistance, decided at the level that holds the procedure.
    Action.HALT_ELIMINATION: Step(
        IN_ELIMINATION,
        MONITORED,
        VILLAGE_UP,
        _nothing_more,
        roles_from={
            _in_elimination(E.TOWN_REVIEW): TOWN_UP,
            _in_elimination(E.DISTRICT_APPROVAL): DISTRICT,
        },
    ),
}


class ObjectionRequired(AppError):
    status, code = 422, "objection_required"
    title_zh, title_en = "公示异议须登记并处理", "An objection is lodged and handled as a record"


async def transition(ctx: RequestContext, household: Household, data: TransitionIn) -> Household:
    """A step asked for through ``POST .../transitions``."""
    require_not_cancelled(household)  # a cancelled household is history, not a case
    step = STEPS[data.action]
    if step.on_upheld_objection:
        raise ObjectionRequired(
            "公示异议请登记为异议记录（POST /v1/households/{id}/objections），经处理认定成立后自动退回",
            "lodge an objection and find it upheld instead",
        )
    # A role rule that depends on the data (the step asked for, the household's place), so it
    # stays here rather than in the endpoint's signature.
    ctx.principal.require_role(*step.roles_for(place_of(household)))
    ctx.require_if_match(household.version)
    return await take(ctx, household, data)


async def take(ctx: RequestContext, household: Household, data: TransitionIn) -> Household:
    """Take the step (roles and version already checked by the caller), keeping who, when and why."""
    step = STEPS[data.action]
    before = place_of(household)
    if before not in step.sources:
        raise refusal(household, data.action)
    await step.effect(Taking(ctx=ctx, household=household, data=data, today=clock.today()))
    if step.target is not None:
        household.status, household.elimination_stage = step.target
    after = place_of(household)
    ctx.session.add(
        Transition(
            household_id=household.id,
            action=data.action.value,
            from_status=before.status,
            to_status=after.status,
            from_stage=before.stage,
            to_stage=after.stage,
            actor=ctx.principal.subject,
            actor_role=ctx.principal.role.value,
            reason=data.reason,
        )
    )
    await ctx.session.flush()
    changes: dict[str, Any] = {"from": before.status.value, "to": after.status.value, "reason": data.reason}
    if before.stage or after.stage:
        changes |= {
            "from_stage": before.stage.value if before.stage else None,
            "to_stage": after.stage.value if after.stage else None,
        }
    await ctx.audit(data.action.value, "household", household.id, changes)
    # Every step moves the status: other services follow it (with the flushed version).
    await announce(ctx, household)
    return household


# --- 风险消除条件: checking them, and recording each risk cause resolved -----------------------------


class CauseAlreadyResolved(Conflict):
    code = "cause_already_resolved"
    title_zh, title_en = "该风险已登记消除", "This risk cause is already recorded resolved"


async def elimination_check(ctx: RequestContext, household: Household) -> EliminationCheckOut:
    today = clock.today()
    assessment = await assess_elimination(ctx, household, today)
    return EliminationCheckOut(
        household_id=household.id,
        checked_on=today,
        eligible=assessment.eligible,
        safety_net_route=assessment.safety_net_route,
        conditions=[
            ConditionOut(condition=v.condition, met=v.met, explanation=v.explanation)
            for v in assessment.verdicts
        ],
    )


async def record_resolution(
    ctx: RequestContext, household: Household, data: RiskResolutionIn
) -> RiskResolution:
    """A recorded risk cause of the household, resolved while it is monitored (one record per cause
    and inclusion; the household is locked, so two cadres recording the same cause take turns)."""
    if household.status is not S.INCLUDED or household.included_on is None:
        raise InvalidTransition(
            f"农户当前状态为「{household.status.label}」：只有监测对象（帮扶中）可登记风险消除",
            "only a monitored household has risks to resolve",
            current_status=household.status.value,
        )
    if data.cause not in household.risk_causes:
        recorded = "、".join(c.label for c in household.risk_causes)
        raise ValidationFailed(
            "body.cause", f"该户未登记风险「{data.cause.label}」（登记的风险：{recorded}）"
        )
    today = clock.today()
    if not household.included_on <= data.resolved_on <= today:
        raise ValidationFailed(
            "body.resolved_on",
            f"消除日期须在纳入监测（{household.included_on.isoformat()}）之后、不晚于今天",
            "resolved_on must lie between inclusion and today",
        )
    if await repository.resolution_exists(ctx.session, household.id, data.cause, household.included_on):
        raise CauseAlreadyResolved(f"风险「{data.cause.label}」本次纳入以来已登记消除")
    resolution = RiskResolution(
        household_id=household.id,
        town_code=household.town_code,
        village_code=household.village_code,
        cause=data.cause,
        case_included_on=household.included_on,
        resolved_on=data.resolved_on,
        how=data.how,
        recorded_by=ctx.principal.subject,
        recorded_by_role=ctx.principal.role.value,
    )
    ctx.session.add(resolution)
    await ctx.session.flush()
    await ctx.audit(
        "resolve_risk",
        "household",
        household.id,
        {"cause": data.cause.value, "resolved_on": data.resolved_on.isoformat(), "how": data.how},
    )
    return resolution
