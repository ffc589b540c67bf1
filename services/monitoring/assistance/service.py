"""帮扶政策工具箱 and assistance plans: policies matched to a household's risks, measures chosen,
amended (add, end, replace — with history) and delivered (落实).

Who gets a plan (seed §二(五), domain.md §1): every 脱贫户 — its able-bodied people are owed
developmental measures whether or not it is monitored — and every monitored household.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func

from services.monitoring.access import (
    FIELD_WORKERS,
    is_civil_affairs,
    load_household,
    sending_department,
    vault,
)
from services.monitoring.assistance import repository
from services.monitoring.assistance.events import MEASURE_DELIVERED, MeasureDelivered
from services.monitoring.assistance.repository import MatchedMember
from services.monitoring.assistance.schemas import (
    AddMeasure,
    Amendment,
    DeliveryIn,
    EndMeasure,
    MeasureIn,
    MeasureOut,
    PlanIn,
    PlanOut,
    PolicyIn,
    PolicyOut,
    RecordOutcome,
    RecordResult,
    ReplaceMeasure,
    SafetyNetBatch,
    SafetyNetBatchReport,
    SafetyNetRecord,
    Suggestion,
)
from services.monitoring.households.id_numbers import IdNumberVault, InvalidIdNumber, parse
from services.monitoring.models import (
    AssistancePlan,
    Household,
    HouseholdKind,
    HouseholdStatus,
    Measure,
    PlanAction,
    PlanAmendment,
    Policy,
    outbox,
)
from services.monitoring.settings import MonitoringSettings
from shared import clock
from shared.context import RequestContext
from shared.errors import Conflict, Forbidden, NotFound, PayloadTooLarge, ValidationFailed

# Statuses in which a household once included is no longer monitored: back at rest.
NOT_MONITORED_NOW = (HouseholdStatus.NOT_MONITORED, HouseholdStatus.RISK_ELIMINATED)


class PlanExists(Conflict):
    code = "plan_exists"
    title_zh, title_en = "该户该年度已有帮扶计划", "A plan for this household and year exists"


class NotPlannable(Conflict):
    code = "household_not_plannable"
    title_zh, title_en = (
        "只能为脱贫户或监测对象制定帮扶计划",
        "Plans are for lifted-out or monitored households",
    )


class PlanFull(Conflict):
    code = "plan_full"
    title_zh, title_en = "帮扶计划措施数已达上限", "The plan holds as many measures as allowed"


class MeasureEnded(Conflict):
    code = "measure_ended"
    title_zh, title_en = "该措施已终止", "The measure has ended"


class MeasureDeliveredAlready(Conflict):
    code = "measure_delivered"
    title_zh, title_en = "该措施已登记落实", "The measure is already recorded as delivered"


class CivilAffairsOnly(Forbidden):
    code = "civil_affairs_only"
    title_zh, title_en = "低保、特困供养的落实由民政部门登记", "Civil affairs records this delivery"


class FieldWorkersOnly(Forbidden):
    code = "field_workers_only"
    title_zh, title_en = (
        "此措施的落实由帮扶责任人或村镇干部登记",
        "Field workers record this delivery",
    )


def monitored(household: Household) -> bool:
    """监测对象: included, and whatever follows inclusion short of going back to rest — 兜底保障户, or
    a new case of a household once included."""
    return household.included_on is not None and household.status not in NOT_MONITORED_NOW


def plannable(household: Household) -> bool:
    return household.kind is HouseholdKind.LIFTED_OUT or monitored(household)


def require_plannable(household: Household) -> None:
    if not plannable(household):
        raise NotPlannable(
            f"该户为「{household.kind.label}」、状态「{household.status.label}」：只能为脱贫户或监测对象制定帮扶计划",
            "plans are for lifted-out (脱贫户) or monitored households",
            kind=household.kind.value,
            current_status=household.status.value,
        )


async def add_policy(ctx: RequestContext, data: PolicyIn) -> Policy:
    if await repository.policy_code_taken(ctx.session, data.code):
        raise Conflict(f"政策编码 {data.code} 已存在", "policy code exists")
    policy = Policy(**{**data.model_dump(), "risk_causes": list(dict.fromkeys(data.risk_causes))})
    ctx.session.add(policy)
    await ctx.session.flush()
    await ctx.audit("create", "policy", policy.id, data.model_dump())
    return policy


async def suggest(ctx: RequestContext, household: Household) -> list[Suggestion]:
    """Policies addressing at least one of the household's risks (its case's, or its alerts' causes)."""
    causes = list(household.risk_causes)
    if not causes:
        return []
    return [
        Suggestion(
            **PolicyOut.model_validate(p).model_dump(),
            matched_causes=[c for c in p.risk_causes if c in causes],
        )
        for p in await repository.suggestions(ctx.session, causes)
    ]


def _record(
    ctx: RequestContext,
    plan: AssistancePlan,
    action: PlanAction,
    measure: Measure,
    reason: str,
    successor: Measure | None = None,
) -> PlanAmendment:
    return PlanAmendment(
        plan_id=plan.id,
        action=action,
        measure_id=measure.id,
        successor_id=successor.id if successor else None,
        reason=reason,
        actor=ctx.principal.subject,
        actor_role=ctx.principal.role.value,
        actor_department=ctx.principal.department,
    )


def _touch(plan: AssistancePlan) -> None:
    """A change of a measure is a change of its plan: new version (If-Match) and updated_at (sync)."""
    plan.updated_at = func.now()


async def create_plan(ctx: RequestContext, data: PlanIn) -> tuple[AssistancePlan, list[Measure]]:
    # Locked: a plan made here and one made by civil affairs' batch for the same year wait on each other.
    household = await load_household(ctx, data.household_id, for_update=True)
    require_plannable(household)
    if await repository.plan_exists(ctx.session, household.id, data.year):
        raise PlanExists()
    policies = await repository.policies_by_code(
        ctx.session, {m.policy_code for m in data.measures if m.policy_code}
    )
    members = await repository.active_member_ids(ctx.session, household.id)
    plan = new_plan(household, data.year, data.goal)
    measures = [
        measure(plan, index, item, policies, active_members=members)
        for index, item in enumerate(data.measures)
    ]
    ctx.session.add(plan)
    await ctx.session.flush()
    ctx.session.add_all(measures)
    await ctx.session.flush()
    ctx.session.add_all([_record(ctx, plan, PlanAction.CREATE, m, data.goal) for m in measures])
    await ctx.session.flush()
    await ctx.audit(
        "create",
        "assistance_plan",
        plan.id,
        {"household_id": household.id, "year": data.year, "measures": len(measures)},
    )
    return plan, measures


def new_plan(household: Household, year: int, goal: str) -> AssistancePlan:
    # The id is set here so that its measures can name the plan before anything is flushed.
    return AssistancePlan(
        id=uuid.uuid4(),
        household_id=household.id,
        town_code=household.town_code,
        village_code=household.village_code,
        year=year,
        goal=goal,
    )


def measure(
    plan: AssistancePlan,
    index: int,
    item: MeasureIn,
    policies: dict[str, Policy],
    *,
    active_members: Collection[uuid.UUID] = (),
    at: str | None = None,
) -> Measure:
    """A measure of the plan; one taken from the toolbox has the policy's kind unless it names one.

    A measure for a person names one of the household's members who has not left it. ``at`` is
    where the measure sits in the request (``body.measures.<index>`` by default), for errors."""
    where = at or f"body.measures.{index}"
    policy = policies.get(item.policy_code) if item.policy_code else None
    if item.policy_code and policy is None:
        raise ValidationFailed(f"{where}.policy_code", f"政策工具箱中没有 {item.policy_code}")
    kind = item.kind or (policy.measure_kind if policy else None)
    if kind is None:
        raise ValidationFailed(f"{where}.kind", "未引用政策的措施须注明类型", "kind required")
    if item.member_id is not None and item.member_id not in active_members:
        raise ValidationFailed(
            f"{where}.member_id", "不是该户的在册成员", "not a current member of the household"
        )
    return Measure(
        plan_id=plan.id,
        household_id=plan.household_id,
        policy_id=policy.id if policy else None,
        kind=kind,
        description=item.description,
        owner=item.owner,
        starts_on=item.starts_on,
        ends_on=item.ends_on,
        member_id=item.member_id,
    )


def plan_out(plan: AssistancePlan, measures: list[Measure]) -> PlanOut:
    return PlanOut(
        id=plan.id,
        household_id=plan.household_id,
        town_code=plan.town_code,
        village_code=plan.village_code,
        year=plan.year,
        goal=plan.goal,
        measures=[MeasureOut.model_validate(m) for m in measures],
        version=plan.version,
        created_at=plan.created_at,
        updated_at=plan.updated_at,
    )


# --- loading --------------------------------------------------------------------------------------


async def load_plan(ctx: RequestContext, plan_id: uuid.UUID, *, for_update: bool = False) -> AssistancePlan:
    """The plan if the caller may see it; anyone else is told it does not exist (404)."""
    plan = await repository.plan(ctx.session, ctx.principal, plan_id, for_update=for_update)
    if plan is None:
        raise NotFound("帮扶计划不存在或不在您的数据范围内", "plan not found")
    return plan


async def _measure_of(ctx: RequestContext, plan: AssistancePlan, measure_id: uuid.UUID) -> Measure:
    found = await repository.measure_in(ctx.session, plan.id, measure_id)
    if found is None:
        raise NotFound("该计划中没有此措施", "no such measure in this plan")
    return found


async def measures(ctx: RequestContext, plan: AssistancePlan) -> list[Measure]:
    return (await repository.measures_of(ctx.session, [plan.id]))[plan.id]


# --- amendments -----------------------------------------------------------------------------------


async def amend(ctx: RequestContext, plan_id: uuid.UUID, data: Amendment) -> AssistancePlan:
    """增加、终止或调整（替换）一项措施; each a row of the plan's history."""
    plan = await load_plan(ctx, plan_id, for_update=True)
    ctx.require_if_match(plan.version)
    if isinstance(data, AddMeasure):
        added = await _new_measure(ctx, plan, data.measure, "body.measure")
        ctx.session.add(_record(ctx, plan, PlanAction.ADD, added, data.reason))
        changes = {"action": data.action, "measure_id": added.id}
    elif isinstance(data, EndMeasure):
        ended = await _end(ctx, plan, data.measure_id, data.ended_on, data.reason)
        ctx.session.add(_record(ctx, plan, PlanAction.END, ended, data.reason))
        changes = {"action": data.action, "measure_id": ended.id, "ended_on": data.ended_on}
    else:
        ended, successor = await _replace(ctx, plan, data)
        ctx.session.add(_record(ctx, plan, PlanAction.REPLACE, ended, data.reason, successor))
        changes = {"action": data.action, "measure_id": ended.id, "successor_id": successor.id}
    _touch(plan)
    await ctx.session.flush()
    await ctx.audit("amend", "assistance_plan", plan.id, {**changes, "reason": data.reason})
    return plan


async def _new_measure(
    ctx: RequestContext, plan: AssistancePlan, item: MeasureIn, at: str, replaces: Measure | None = None
) -> Measure:
    household = await load_household(ctx, plan.household_id)
    require_plannable(household)
    limit = ctx.settings_as(MonitoringSettings).max_measures_per_plan
    if (await repository.measure_counts(ctx.session, [plan.id])).get(plan.id, 0) >= limit:
        raise PlanFull(f"每个帮扶计划最多 {limit} 项措施", f"at most {limit} measures per plan")
    policies = await repository.policies_by_code(
        ctx.session, {item.policy_code} if item.policy_code else set()
    )
    members = await repository.active_member_ids(ctx.session, household.id)
    made = measure(plan, 0, item, policies, active_members=members, at=at)
    made.replaces_id = replaces.id if replaces else None
    ctx.session.add(made)
    await ctx.session.flush()
    return made


async def _end(
    ctx: RequestContext, plan: AssistancePlan, measure_id: uuid.UUID, ended_on: date, reason: str
) -> Measure:
    ending = await _measure_of(ctx, plan, measure_id)
    if ending.ended_on is not None:
        raise MeasureEnded(
            f"该措施已于 {ending.ended_on.isoformat()} 终止",
            "the measure has ended",
            ended_on=str(ending.ended_on),
        )
    if ending.delivered_on is not None and ended_on < ending.delivered_on:
        raise ValidationFailed(
            "body.ended_on", f"终止日期不能早于落实日期 {ending.delivered_on.isoformat()}", "before delivery"
        )
    if ended_on > ending.ends_on:
        raise ValidationFailed(
            "body.ended_on", f"终止日期不能晚于措施截止日期 {ending.ends_on.isoformat()}", "after the term"
        )
    ending.ended_on = ended_on
    ending.end_reason = reason
    await ctx.session.flush()
    return ending


async def _replace(
    ctx: RequestContext, plan: AssistancePlan, data: ReplaceMeasure
) -> tuple[Measure, Measure]:
    ended = await _end(ctx, plan, data.measure_id, data.ended_on, data.reason)
    successor = await _new_measure(ctx, plan, data.successor, "body.successor", replaces=ended)
    return ended, successor


# --- delivery (落实) ------------------------------------------------------------------------------


def require_may_deliver(ctx: RequestContext, policy: Policy | None) -> None:
    """低保 and 特困供养 are recorded by civil affairs (民政) only; every other measure by the field
    workers of the household (a rule on the record, like the workflow's step table)."""
    if policy is not None and policy.qualifies_safety_net:
        if not is_civil_affairs(ctx.principal, ctx.component.settings):
            raise CivilAffairsOnly(
                f"「{policy.name}」的落实由民政部门（干部或民政系统）登记",
                "civil affairs records this delivery",
            )
    elif ctx.principal.role not in FIELD_WORKERS:
        raise FieldWorkersOnly()


def delivery_date_problem(measure: Measure, delivered_on: date, today: date) -> str | None:
    """Why ``delivered_on`` cannot be this measure's delivery date, or None."""
    if delivered_on < measure.starts_on:
        return f"落实日期不能早于措施开始日期 {measure.starts_on.isoformat()}"
    if delivered_on > today:
        return "落实日期不能晚于今天"
    if measure.ended_on is not None and delivered_on > measure.ended_on:
        return f"落实日期不能晚于措施终止日期 {measure.ended_on.isoformat()}"
    return None


def delivered(measure: Measure, plan: AssistancePlan, policy: Policy | None) -> MeasureDelivered:
    assert measure.delivered_on is not None
    return MeasureDelivered(
        measure_id=measure.id,
        plan_id=plan.id,
        household_id=plan.household_id,
        town_code=plan.town_code,
        village_code=plan.village_code,
        member_id=measure.member_id,
        kind=measure.kind.value,
        policy_code=policy.code if policy else None,
        qualifies_safety_net=bool(policy and policy.qualifies_safety_net),
        delivered_on=measure.delivered_on,
    )


async def deliver(
    ctx: RequestContext, plan_id: uuid.UUID, measure_id: uuid.UUID, data: DeliveryIn
) -> AssistancePlan:
    plan = await load_plan(ctx, plan_id, for_update=True)
    ctx.require_if_match(plan.version)
    target = await _measure_of(ctx, plan, measure_id)
    policy = await repository.policy(ctx.session, target.policy_id)
    require_may_deliver(ctx, policy)
    if target.delivered_on is not None:
        raise MeasureDeliveredAlready(
            f"该措施已于 {target.delivered_on.isoformat()} 登记落实",
            "already delivered",
            delivered_on=str(target.delivered_on),
        )
    if problem := delivery_date_problem(target, data.delivered_on, clock.today()):
        raise ValidationFailed("body.delivered_on", problem)
    target.delivered_on = data.delivered_on
    target.delivered_by = ctx.principal.subject
    target.delivery_note = data.note
    ctx.session.add(_record(ctx, plan, PlanAction.DELIVER, target, data.note))
    _touch(plan)
    await ctx.session.flush()
    await ctx.audit("deliver", "measure", target.id, {"plan_id": plan.id, "delivered_on": data.delivered_on})
    await ctx.publish(MEASURE_DELIVERED, target.id, delivered(target, plan, policy))
    return plan


async def history(ctx: RequestContext, plan_id: uuid.UUID) -> list[PlanAmendment]:
    plan = await load_plan(ctx, plan_id)
    return await repository.history(ctx.session, plan.id)


# --- civil affairs' batch (民政系统推送低保、特困供养) -------------------------------------------------

SAFETY_NET_GOAL = "兜底保障：落实低保、特困人员救助供养（民政部门推送）"
NO_MEMBER = "未找到该身份证号对应的在册农户成员"
NOT_SAFETY_NET = "不是低保或特困人员救助供养（policy_code 应为 dibao 或 tekun）"


def _refused(record: SafetyNetRecord, reason: str) -> RecordResult:
    return RecordResult(record_id=record.record_id, outcome=RecordOutcome.REFUSED, reason=reason)


def identify(
    records: list[SafetyNetRecord], id_numbers: IdNumberVault
) -> tuple[dict[int, bytes], dict[int, RecordResult]]:
    """The keyed hash of each record's ID number by position, and the records refused for a bad
    number. A record id repeated within the batch is refused (422): it is what the report names."""
    digests: dict[int, bytes] = {}
    refused: dict[int, RecordResult] = {}
    seen: set[str] = set()
    for index, record in enumerate(records):
        if record.record_id in seen:
            raise ValidationFailed(
                f"body.records.{index}.record_id", "批内记录编号重复", "record_id repeated"
            )
        seen.add(record.record_id)
        try:
            number, _ = parse(record.id_number)
        except InvalidIdNumber as exc:
            refused[index] = _refused(record, str(exc))
            continue
        digests[index] = id_numbers.digest(number)
    return digests, refused


@dataclass
class SafetyNetLedger:
    """What a batch found and what it writes: plans and measures by key, new rows, announcements."""

    ctx: RequestContext
    department: str
    households: dict[uuid.UUID, Household]
    plans: dict[tuple[uuid.UUID, int], AssistancePlan]
    in_place: list[Measure]
    counts: dict[uuid.UUID, int]
    today: date
    limit: int
    new_plans: list[AssistancePlan] = field(default_factory=list)
    new_measures: list[Measure] = field(default_factory=list)
    history: list[tuple[PlanAmendment, Measure]] = field(default_factory=list)
    announced: list[tuple[str, MeasureDelivered]] = field(default_factory=list)

    def plan_for(self, household_id: uuid.UUID, year: int) -> AssistancePlan | None:
        """The household's plan of the year, made now if it has none (and may have one)."""
        plan = self.plans.get((household_id, year))
        household = self.households[household_id]
        if plan is None and plannable(household):
            plan = new_plan(household, year, SAFETY_NET_GOAL)
            self.plans[(household_id, year)] = plan
            self.new_plans.append(plan)
        return plan

    def existing(self, plan: AssistancePlan, policy: Policy, member_id: uuid.UUID) -> Measure | None:
        """The measure of this policy already in the plan for this person (or the household)."""
        return next(
            (
                m
                for m in self.in_place
                if m.plan_id == plan.id and m.policy_id == policy.id and m.member_id in (None, member_id)
            ),
            None,
        )

    def add(
        self, plan: AssistancePlan, policy: Policy, member_id: uuid.UUID, record: SafetyNetRecord
    ) -> Measure:
        made = Measure(
            id=uuid.uuid4(),
            plan_id=plan.id,
            household_id=plan.household_id,
            policy_id=policy.id,
            kind=policy.measure_kind,
            description=policy.name,
            owner=self.department,
            starts_on=record.delivered_on,
            ends_on=date(record.delivered_on.year, 12, 31),
            member_id=member_id,
        )
        self.new_measures.append(made)
        self.in_place.append(made)
        self.counts[plan.id] = self.counts.get(plan.id, 0) + 1
        action = PlanAction.CREATE if plan in self.new_plans else PlanAction.ADD
        self.history.append(
            (_record(self.ctx, plan, action, made, f"民政部门推送：{record.record_id}"), made)
        )
        return made

    def deliver(self, plan: AssistancePlan, policy: Policy, target: Measure, record: SafetyNetRecord) -> None:
        target.delivered_on = record.delivered_on
        target.delivered_by = self.ctx.principal.subject
        target.delivery_note = record.note or f"民政部门推送（{record.record_id}）"
        self.history.append(
            (_record(self.ctx, plan, PlanAction.DELIVER, target, target.delivery_note), target)
        )
        self.announced.append((str(target.id), delivered(target, plan, policy)))
        if plan not in self.new_plans:
            _touch(plan)

    def take(
        self, record: SafetyNetRecord, matched: MatchedMember | None, policy: Policy | None
    ) -> RecordResult:
        """One record: delivered in place (found or added), found delivered before, or refused."""
        if matched is None:
            return _refused(record, NO_MEMBER)
        if policy is None or not policy.qualifies_safety_net:
            return _refused(record, NOT_SAFETY_NET)
        if record.delivered_on > self.today:
            return _refused(record, "落实日期不能晚于今天")
        plan = self.plan_for(matched.household_id, record.delivered_on.year)
        if plan is None:
            return _refused(record, "该户既不是脱贫户也不是监测对象，不制定帮扶计划")
        target = self.existing(plan, policy, matched.member_id)
        if target is not None and target.delivered_on is not None:
            return RecordResult(
                record_id=record.record_id, outcome=RecordOutcome.ALREADY_DELIVERED, measure_id=target.id
            )
        if target is None:
            if self.counts.get(plan.id, 0) >= self.limit:
                return _refused(record, f"该户帮扶计划措施已达上限（{self.limit} 项）")
            target = self.add(plan, policy, matched.member_id, record)
        elif problem := delivery_date_problem(target, record.delivered_on, self.today):
            return _refused(record, problem)
        self.deliver(plan, policy, target, record)
        return RecordResult(record_id=record.record_id, outcome=RecordOutcome.DELIVERED, measure_id=target.id)

    async def write(self) -> None:
        # Plans, then their measures, then the history naming both (no ORM relationships to order them).
        session = self.ctx.session
        session.add_all(self.new_plans)
        await session.flush()
        session.add_all(self.new_measures)
        await session.flush()
        session.add_all([amendment for amendment, _ in self.history])
        await session.flush()
        await outbox.add_many(session, MEASURE_DELIVERED, self.announced)


async def receive_safety_net_batch(ctx: RequestContext, batch: SafetyNetBatch) -> SafetyNetBatchReport:
    """民政系统推送: each 低保/特困 record matched to a member by ID number and recorded in place —
    delivered in the household's plan of that year (the plan and the measure made if needed)."""
    department = sending_department(ctx.principal)
    settings = ctx.settings_as(MonitoringSettings)
    if len(batch.records) > settings.department_batch_max_records:
        limit = settings.department_batch_max_records
        raise PayloadTooLarge(f"每批最多 {limit} 条记录", f"at most {limit} records per batch")
    digests, results = identify(batch.records, vault(ctx))
    session = ctx.session
    members = await repository.active_members_by_hash(session, list(set(digests.values())))
    policies = await repository.policies_by_code(session, {r.policy_code for r in batch.records})
    matched = {i: members.get(d) for i, d in digests.items()}
    households = await repository.lock_households(session, {m.household_id for m in matched.values() if m})
    plans = await repository.plans_of_years(
        session, {(m.household_id, batch.records[i].delivered_on.year) for i, m in matched.items() if m}
    )
    plan_ids = [p.id for p in plans.values()]
    ledger = SafetyNetLedger(
        ctx=ctx,
        department=department,
        households=households,
        plans=plans,
        in_place=await repository.measures_of_policies(
            session, plan_ids, [p.id for p in policies.values() if p.qualifies_safety_net]
        ),
        counts=await repository.measure_counts(session, plan_ids),
        today=clock.today(),
        limit=settings.max_measures_per_plan,
    )
    for index, record in enumerate(batch.records):
        if index not in results:
            results[index] = ledger.take(record, matched[index], policies.get(record.policy_code))
    await ledger.write()
    rows = [results[i] for i in range(len(batch.records))]
    report = SafetyNetBatchReport(
        batch_id=batch.batch_id,
        department=department,
        received=len(rows),
        delivered=sum(r.outcome is RecordOutcome.DELIVERED for r in rows),
        already_delivered=sum(r.outcome is RecordOutcome.ALREADY_DELIVERED for r in rows),
        refused=sum(r.outcome is RecordOutcome.REFUSED for r in rows),
        records=rows,
    )
    await ctx.audit("receive", "safety_net_batch", batch.batch_id, report.model_dump(exclude={"records"}))
    return report
