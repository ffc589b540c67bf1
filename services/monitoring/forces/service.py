"""帮扶力量 (seed §三(九)): who answers for each village, the resident work teams, their work, and
the social forces; the coverage of 脱贫村 at any date and the gaps the periodic check announces."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from sqlalchemy.exc import IntegrityError

from services.monitoring.forces import repository
from services.monitoring.forces.events import COVERAGE_GAP_FOUND, CoverageGapFound
from services.monitoring.forces.schemas import (
    AssignmentIn,
    AssignmentPatch,
    MemberDeparture,
    PurchaseIn,
    SocialForceIn,
    SocialForcePatch,
    TeamIn,
    TeamMemberIn,
    TeamPatch,
    TrainingIn,
    VillageDesignation,
)
from services.monitoring.models import (
    CadreTraining,
    ConsumptionPurchase,
    ForceVillage,
    Household,
    ProjectedUser,
    SocialForce,
    SupportAssignment,
    SupportKind,
    WorkTeam,
    WorkTeamMember,
)
from services.monitoring.settings import MonitoringSettings
from shared import clock
from shared.auth import Role
from shared.context import RequestContext
from shared.errors import Conflict, Forbidden, NotFound, ValidationFailed
from shared.projections import UnknownReference
from shared.work import WorkContext

ACCOUNT_SOURCE = "gateway"
# People log in; system accounts (integrators) are never a leader, cadre or adviser.
PERSON_ROLES = {r.value for r in Role if r is not Role.INTEGRATOR}


def _village(ctx: RequestContext, village_code: str, field: str = "body.village_code") -> str:
    """The village's town, once the code is known and the caller may write there (403 outside)."""
    ctx.component.divisions.require_village(village_code, field=field)
    ctx.principal.require_may_write_in(village_code)
    return village_code[:9]


async def require_account(ctx: RequestContext, user_id: str | None, field: str) -> None:
    """A person named by a gateway account id must be a real, active person account (the projection
    of the gateway's users, as for ``helper_user_id``): unknown, inactive and system accounts alike
    answer 422 ``unknown_reference``; one not projected yet a retryable 503."""
    if user_id is None:
        return
    account = await ctx.require_reference(
        await ctx.session.get(ProjectedUser, user_id), field=field, source=ACCOUNT_SOURCE
    )
    if not account.active or account.role not in PERSON_ROLES:
        raise UnknownReference(field)


def _term(valid_from: date, valid_to: date | None, field: str = "body.valid_to") -> None:
    if valid_to is not None and valid_to < valid_from:
        raise ValidationFailed(field, "任期结束日早于开始日", "term ends before it starts")


async def _flush_or(ctx: RequestContext, constraint: str, zh: str, en: str) -> None:
    """Flush; the named database guard's refusal becomes a 409 people can read."""
    try:
        await ctx.session.flush()
    except IntegrityError as exc:
        if constraint in str(exc.orig):
            raise Conflict(zh, en, constraint=constraint) from exc
        raise


# --- 脱贫村 ---


async def designate_village(ctx: RequestContext, village_code: str, data: VillageDesignation) -> ForceVillage:
    town_code = _village(ctx, village_code, field="path.village_code")
    village = await ctx.session.get(ForceVillage, village_code, with_for_update=True)
    if village is None:
        village = ForceVillage(village_code=village_code, town_code=town_code)
        ctx.session.add(village)
    else:
        ctx.require_if_match(village.version)
    village.lifted_out_village = data.lifted_out_village
    village.since = data.since
    await ctx.session.flush()
    await ctx.audit("designate", "force_village", village_code, data.model_dump(mode="json"))
    return village


# --- 包抓 / 包扶 / 帮建 ---

OVERLAP_ZH = "该村同一时间已有同类帮扶责任（任期重叠）：请先结束上一任期"


async def assign(ctx: RequestContext, data: AssignmentIn) -> SupportAssignment:
    town_code = _village(ctx, data.village_code)
    _term(data.valid_from, data.valid_to)
    await require_account(ctx, data.user_id, "user_id")
    assignment = SupportAssignment(town_code=town_code, **data.model_dump())
    ctx.session.add(assignment)
    await _flush_or(ctx, "one_of_each_kind_at_a_time", OVERLAP_ZH, "overlapping term of the same kind")
    await ctx.audit("create", "support_assignment", assignment.id, data.model_dump(mode="json"))
    return assignment


async def load_assignment(ctx: RequestContext, assignment_id: uuid.UUID) -> SupportAssignment:
    assignment = await ctx.session.get(SupportAssignment, assignment_id, with_for_update=True)
    if assignment is None or not ctx.principal.covers(assignment.village_code):
        raise NotFound("帮扶责任不存在或不在您的数据范围内", "assignment not found")
    return assignment


async def amend_assignment(
    ctx: RequestContext, assignment_id: uuid.UUID, data: AssignmentPatch
) -> SupportAssignment:
    assignment = await load_assignment(ctx, assignment_id)
    ctx.require_if_match(assignment.version)
    changes = data.model_dump(mode="json", exclude_unset=True)
    if "responsible" in changes and data.responsible is None:
        raise ValidationFailed("body.responsible", "责任人不能为空", "responsible is required")
    if "user_id" in changes:
        await require_account(ctx, data.user_id, "user_id")
        assignment.user_id = data.user_id
    if data.responsible is not None:
        assignment.responsible = data.responsible
    if data.note is not None:
        assignment.note = data.note
    if "valid_to" in changes:
        _term(assignment.valid_from, data.valid_to)
        assignment.valid_to = data.valid_to
    await _flush_or(ctx, "one_of_each_kind_at_a_time", OVERLAP_ZH, "overlapping term of the same kind")
    await ctx.audit("update", "support_assignment", assignment.id, changes)
    return assignment


# --- 驻村工作队 ---

TEAM_OVERLAP_ZH = "该村同一时间已有驻村工作队（任期重叠）：轮换请指明被接替的工作队"
SECRETARY_OVERLAP_ZH = "该工作队同一时间已有第一书记：请先登记原第一书记离任"


async def load_team(ctx: RequestContext, team_id: uuid.UUID, *, for_update: bool = False) -> WorkTeam:
    team = await ctx.session.get(WorkTeam, team_id, with_for_update=for_update)
    if team is None or not ctx.principal.covers(team.village_code):
        raise NotFound("驻村工作队不存在或不在您的数据范围内", "work team not found")
    return team


async def _add_member(ctx: RequestContext, team: WorkTeam, data: TeamMemberIn, field: str) -> WorkTeamMember:
    await require_account(ctx, data.user_id, f"{field}.user_id")
    valid_from = data.valid_from or team.valid_from
    if valid_from < team.valid_from or (team.valid_to is not None and valid_from > team.valid_to):
        raise ValidationFailed(f"{field}.valid_from", "入队日期不在工作队任期内", "outside the team's term")
    member = WorkTeamMember(
        team_id=team.id,
        role=data.role,
        name=data.name,
        user_id=data.user_id,
        valid_from=valid_from,
        valid_to=team.valid_to,
    )
    ctx.session.add(member)
    return member


async def _rotate(ctx: RequestContext, predecessor_id: uuid.UUID, data: TeamIn) -> WorkTeam:
    """轮换: the team replaced ends the day before its successor starts, with its members still
    serving; a team has one successor (``uq_work_teams_one_successor``)."""
    old = await load_team(ctx, predecessor_id, for_update=True)
    if old.village_code != data.village_code:
        raise ValidationFailed(
            "body.predecessor_id", "被接替的工作队不在同一村", "predecessor in another village"
        )
    last_day = data.valid_from - timedelta(days=1)
    if last_day < old.valid_from:
        raise ValidationFailed(
            "body.valid_from", "轮换日期须晚于被接替工作队的开始日", "rotation must start after the old team"
        )
    if old.valid_to is None or old.valid_to > last_day:
        old.valid_to = last_day
        for member in await repository.members_of(ctx.session, [old.id]):
            if member.valid_to is None or member.valid_to > last_day:
                member.valid_to = max(last_day, member.valid_from)
    return old


async def form_team(ctx: RequestContext, data: TeamIn) -> tuple[WorkTeam, list[WorkTeamMember]]:
    town_code = _village(ctx, data.village_code)
    _term(data.valid_from, data.valid_to)
    if data.predecessor_id is not None:
        await _rotate(ctx, data.predecessor_id, data)
    team = WorkTeam(
        town_code=town_code,
        village_code=data.village_code,
        sending_unit=data.sending_unit,
        valid_from=data.valid_from,
        valid_to=data.valid_to,
        predecessor_id=data.predecessor_id,
    )
    ctx.session.add(team)
    await _flush_or(ctx, "one_team_at_a_time", TEAM_OVERLAP_ZH, "overlapping team in the village")
    members = [await _add_member(ctx, team, m, f"body.members.{i}") for i, m in enumerate(data.members)]
    await _flush_or(ctx, "one_first_secretary_at_a_time", SECRETARY_OVERLAP_ZH, "two first secretaries")
    await _flush_or(ctx, "uq_work_teams_one_successor", "该工作队已被接替", "already succeeded")
    await ctx.audit("create", "work_team", team.id, data.model_dump(mode="json"))
    return team, members


async def amend_team(ctx: RequestContext, team_id: uuid.UUID, data: TeamPatch) -> WorkTeam:
    team = await load_team(ctx, team_id, for_update=True)
    ctx.require_if_match(team.version)
    changes = data.model_dump(mode="json", exclude_unset=True)
    if data.sending_unit is not None:
        team.sending_unit = data.sending_unit
    if "valid_to" in changes:
        _term(team.valid_from, data.valid_to)
        team.valid_to = data.valid_to
        # Members serving past the team's new end leave with it.
        for member in await repository.members_of(ctx.session, [team.id]):
            if data.valid_to is not None and (member.valid_to is None or member.valid_to > data.valid_to):
                member.valid_to = max(data.valid_to, member.valid_from)
    await _flush_or(ctx, "one_team_at_a_time", TEAM_OVERLAP_ZH, "overlapping team in the village")
    await ctx.audit("update", "work_team", team.id, changes)
    return team


async def join_team(ctx: RequestContext, team_id: uuid.UUID, data: TeamMemberIn) -> WorkTeamMember:
    team = await load_team(ctx, team_id, for_update=True)
    ctx.require_if_match(team.version)
    member = await _add_member(ctx, team, data, "body")
    team.updated_at = datetime.now().astimezone()  # a new member is a change of the team (version)
    await _flush_or(ctx, "one_first_secretary_at_a_time", SECRETARY_OVERLAP_ZH, "two first secretaries")
    await ctx.audit("join", "work_team", team.id, {"member_id": str(member.id), "role": data.role.value})
    return member


async def leave_team(
    ctx: RequestContext, team_id: uuid.UUID, member_id: uuid.UUID, data: MemberDeparture
) -> WorkTeamMember:
    team = await load_team(ctx, team_id, for_update=True)
    ctx.require_if_match(team.version)
    member = await ctx.session.get(WorkTeamMember, member_id)
    if member is None or member.team_id != team.id:
        raise NotFound("工作队员不存在", "member not found")
    if member.valid_to is not None and member.valid_to <= data.valid_to:
        raise Conflict("该队员已离队", "member already left", valid_to=str(member.valid_to))
    _term(member.valid_from, data.valid_to)
    member.valid_to = data.valid_to
    team.updated_at = datetime.now().astimezone()
    await ctx.session.flush()
    await ctx.audit(
        "leave", "work_team", team.id, {"member_id": str(member.id), "valid_to": str(data.valid_to)}
    )
    return member


async def require_visiting_team(
    ctx: RequestContext, team_id: uuid.UUID, household: Household, day: date
) -> None:
    """昼访夜谈: the visitor serves on the team that day, and the team is the household's village's.
    Anything else is 422 on ``body.work_team_id`` (never a hint of another village's team)."""
    team = await ctx.session.get(WorkTeam, team_id)
    serving = team is not None and team.village_code == household.village_code
    if (
        serving
        and await repository.member_of_team_on(ctx.session, team_id, ctx.principal.subject, day) is None
    ):
        serving = False
    if not serving:
        raise ValidationFailed(
            "body.work_team_id",
            "走访人当日不是该村驻村工作队成员",
            "the visitor does not serve on this village's work team that day",
        )


# --- training, social forces, consumption ---


async def record_training(ctx: RequestContext, data: TrainingIn) -> CadreTraining:
    team = await load_team(ctx, data.team_id)
    member = await ctx.session.get(WorkTeamMember, data.member_id)
    if member is None or member.team_id != team.id:
        raise ValidationFailed("body.member_id", "该队员不属于此工作队", "member of another team")
    training = CadreTraining(village_code=team.village_code, **data.model_dump())
    ctx.session.add(training)
    await ctx.session.flush()
    await ctx.audit("create", "cadre_training", training.id, data.model_dump(mode="json"))
    return training


async def link_social_force(ctx: RequestContext, data: SocialForceIn) -> SocialForce:
    town_code = _village(ctx, data.village_code)
    _term(data.valid_from, data.valid_to)
    await require_account(ctx, data.user_id, "user_id")
    force = SocialForce(town_code=town_code, **data.model_dump())
    ctx.session.add(force)
    await ctx.session.flush()
    await ctx.audit("create", "social_force", force.id, data.model_dump(mode="json"))
    return force


async def amend_social_force(ctx: RequestContext, force_id: uuid.UUID, data: SocialForcePatch) -> SocialForce:
    force = await ctx.session.get(SocialForce, force_id, with_for_update=True)
    if force is None or not ctx.principal.covers(force.village_code):
        raise NotFound("社会帮扶力量不存在或不在您的数据范围内", "social force not found")
    ctx.require_if_match(force.version)
    changes = data.model_dump(mode="json", exclude_unset=True)
    if data.contribution is not None:
        force.contribution = data.contribution
    if "valid_to" in changes:
        _term(force.valid_from, data.valid_to)
        force.valid_to = data.valid_to
    await ctx.session.flush()
    await ctx.audit("update", "social_force", force.id, changes)
    return force


async def record_purchase(ctx: RequestContext, data: PurchaseIn) -> ConsumptionPurchase:
    """A department officer buys for their own department (the unit from the token); the district and
    the towns record any unit's purchase, which must then be named."""
    unit = data.purchasing_unit
    if ctx.principal.role is Role.DEPARTMENT_OFFICER:
        if unit is not None and unit != ctx.principal.department:
            raise Forbidden(
                "部门干部只能登记本部门的采购", "officers record their own department's purchases"
            )
        unit = ctx.principal.department
        ctx.component.divisions.require_village(data.village_code, field="body.village_code")
        town_code = data.village_code[:9]
    else:
        town_code = _village(ctx, data.village_code)
    if not unit:
        raise ValidationFailed("body.purchasing_unit", "请填写采购单位", "purchasing_unit is required")
    if data.purchased_on > clock.today():
        raise ValidationFailed("body.purchased_on", "采购日期不能晚于今天", "purchase in the future")
    purchase = ConsumptionPurchase(
        purchasing_unit=unit,
        town_code=town_code,
        village_code=data.village_code,
        product=data.product,
        amount=data.amount,
        purchased_on=data.purchased_on,
        recorded_by=ctx.principal.subject,
    )
    ctx.session.add(purchase)
    await ctx.session.flush()
    await ctx.audit("create", "consumption_purchase", purchase.id, data.model_dump(mode="json"))
    return purchase


# --- the periodic coverage check ---


async def announce_new_gaps(ctx: WorkContext, day: date) -> int:
    """Record and announce every 脱贫村 gap not announced before (``coverage_gaps`` is the guard)."""
    required = [str(r) for r in ctx.settings_as(MonitoringSettings).coverage_requirements]
    rows = await repository.record_new_gaps(ctx.session, day, required)
    for row in rows:
        await ctx.publish(COVERAGE_GAP_FOUND, row["village_code"], CoverageGapFound.model_validate(row))
    return len(rows)


def required_kinds(ctx: RequestContext) -> list[str]:
    return [str(r) for r in ctx.settings_as(MonitoringSettings).coverage_requirements]


LABELS = {
    "leader": SupportKind.LEADER.label,
    "department": SupportKind.DEPARTMENT.label,
    "enterprise": SupportKind.ENTERPRISE.label,
    "work_team": "驻村工作队",
}
