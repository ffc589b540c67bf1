"""帮扶政策工具箱 and assistance plans: policies matched to a household's risks, measures chosen."""

from __future__ import annotations

from services.monitoring.assistance import repository
from services.monitoring.assistance.schemas import (
    MeasureOut,
    PlanIn,
    PlanOut,
    PolicyIn,
    PolicyOut,
    Suggestion,
)
from services.monitoring.households import repository as households
from services.monitoring.models import AssistancePlan, Household, HouseholdStatus, Measure, Policy
from shared.auth import Role
from shared.context import RequestContext
from shared.errors import Conflict, InvalidTransition, NotFound, ValidationFailed

PLANNERS = (Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL, Role.VILLAGE_CADRE, Role.HELPER)
# Plans are made for households being helped (included) or kept under a plan after a long run.
PLANNABLE = (HouseholdStatus.INCLUDED, HouseholdStatus.SAFETY_NET)


class PlanExists(Conflict):
    code = "plan_exists"
    title_zh, title_en = "该户该年度已有帮扶计划", "A plan for this household and year exists"


async def add_policy(ctx: RequestContext, data: PolicyIn) -> Policy:
    ctx.principal.require_write()
    ctx.principal.require_role(Role.DISTRICT_ADMIN)
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
    ctx.principal.require_write()
    ctx.principal.require_role(*PLANNERS)
    household = await households.get(ctx.session, ctx.principal, data.household_id)
    if household is None:
        raise NotFound("农户不存在或不在您的数据范围内", "household not found")
    if household.status not in PLANNABLE:
        raise InvalidTransition(
            "只有已纳入监测（帮扶中）的农户才能制定帮扶计划", "household is not being assisted"
        )
    if await repository.plan_exists(ctx.session, household.id, data.year):
        raise PlanExists()
    codes = {m.policy_code for m in data.measures if m.policy_code}
    policies = await repository.policies_by_code(ctx.session, codes)
    plan = AssistancePlan(
        household_id=household.id,
        town_code=household.town_code,
        village_code=household.village_code,
        year=data.year,
        goal=data.goal,
    )
    ctx.session.add(plan)
    await ctx.session.flush()
    measures = []
    for index, item in enumerate(data.measures):
        policy = policies.get(item.policy_code) if item.policy_code else None
        if item.policy_code and policy is None:
            raise ValidationFailed(
                f"body.measures.{index}.policy_code", f"政策工具箱中没有 {item.policy_code}"
            )
        kind = item.kind or (policy.measure_kind if policy else None)
        if kind is None:
            raise ValidationFailed(
                f"body.measures.{index}.kind", "未引用政策的措施须注明类型", "kind required"
            )
        measures.append(
            Measure(
                plan_id=plan.id,
                household_id=household.id,
                policy_id=policy.id if policy else None,
                kind=kind,
                description=item.description,
                owner=item.owner,
                starts_on=item.starts_on,
                ends_on=item.ends_on,
            )
        )
    ctx.session.add_all(measures)
    await ctx.session.flush()
    await ctx.audit(
        "create",
        "assistance_plan",
        plan.id,
        {"household_id": household.id, "year": data.year, "measures": len(measures)},
    )
    return plan, measures


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
