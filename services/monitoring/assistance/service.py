"""帮扶政策工具箱 and assistance plans: policies matched to a household's risks, measures chosen."""

from __future__ import annotations

from services.monitoring.access import load_household
from services.monitoring.assistance import repository
from services.monitoring.assistance.schemas import (
    MeasureIn,
    MeasureOut,
    PlanIn,
    PlanOut,
    PolicyIn,
    PolicyOut,
    Suggestion,
)
from services.monitoring.models import AssistancePlan, Household, HouseholdStatus, Measure, Policy
from shared.context import RequestContext
from shared.errors import Conflict, InvalidTransition, ValidationFailed

# Plans are made for households being helped (included) or kept under a plan after a long run.
PLANNABLE = (HouseholdStatus.INCLUDED, HouseholdStatus.SAFETY_NET)


class PlanExists(Conflict):
    code = "plan_exists"
    title_zh, title_en = "该户该年度已有帮扶计划", "A plan for this household and year exists"


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


async def create_plan(ctx: RequestContext, data: PlanIn) -> tuple[AssistancePlan, list[Measure]]:
    household = await load_household(ctx, data.household_id)
    if household.status not in PLANNABLE:
        raise InvalidTransition(
            "只有已纳入监测（帮扶中）的农户才能制定帮扶计划", "household is not being assisted"
        )
    if await repository.plan_exists(ctx.session, household.id, data.year):
        raise PlanExists()
    policies = await repository.policies_by_code(
        ctx.session, {m.policy_code for m in data.measures if m.policy_code}
    )
    plan = AssistancePlan(
        household_id=household.id,
        town_code=household.town_code,
        village_code=household.village_code,
        year=data.year,
        goal=data.goal,
    )
    ctx.session.add(plan)
    await ctx.session.flush()
    measures = [measure(plan, index, item, policies) for index, item in enumerate(data.measures)]
    ctx.session.add_all(measures)
    await ctx.session.flush()
    await ctx.audit(
        "create",
        "assistance_plan",
        plan.id,
        {"household_id": household.id, "year": data.year, "measures": len(measures)},
    )
    return plan, measures


def measure(plan: AssistancePlan, index: int, item: MeasureIn, policies: dict[str, Policy]) -> Measure:
    """A measure of the plan; one taken from the toolbox has the policy's kind unless it names one."""
    policy = policies.get(item.policy_code) if item.policy_code else None
    if item.policy_code and policy is None:
        raise ValidationFailed(f"body.measures.{index}.policy_code", f"政策工具箱中没有 {item.policy_code}")
    kind = item.kind or (policy.measure_kind if policy else None)
    if kind is None:
        raise ValidationFailed(f"body.measures.{index}.kind", "未引用政策的措施须注明类型", "kind required")
    return Measure(
        plan_id=plan.id,
        household_id=plan.household_id,
        policy_id=policy.id if policy else None,
        kind=kind,
        description=item.description,
        owner=item.owner,
        starts_on=item.starts_on,
        ends_on=item.ends_on,
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
