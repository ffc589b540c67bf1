"""Project library rules: how a project is proposed, moved, evaluated and accepted, and what is announced.

Who may call each endpoint is declared in its signature (access.py); here stay the rules that
depend on the project: its place, the department that proposed it, and which step is asked for
(STEPS below names who may take each).

Life (domain §3): proposed → in_review → in_library (or rejected) → planned → approved → in_progress
→ completed → accepted → handed_over. Entry needs the provincial elevated review for a project at or
over the threshold and performance targets of every kind; approval needs an allocation; acceptance
needs the performance evaluation; hand-over happens when the asset registry registered every asset.
"""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.funds.access import DISTRICT, IMPLEMENTERS, WRITERS, location
from services.funds.models import (
    AssetLink,
    FundSource,
    IndicatorKind,
    PerformanceIndicator,
    Project,
    ProjectAsset,
    ProjectStatus,
    ProjectStep,
)
from services.funds.projects import repository
from services.funds.projects.events import (
    ASSET_REGISTERED,
    PROJECT_ACCEPTED,
    PROJECT_APPROVED,
    PROJECT_COMPLETED,
    PROJECT_PROPOSED,
    AcceptedAsset,
    FundShare,
    ProjectAccepted,
    ProjectApproved,
    ProjectCompleted,
    ProjectProposed,
)
from services.funds.projects.schemas import (
    AcceptanceCreate,
    ElevatedReviewCreate,
    EvaluationCreate,
    ProjectCreate,
    ProjectUpdate,
    StepCreate,
    TargetsSet,
)
from services.funds.settings import FundsSettings
from shared.auth import Principal, Role
from shared.context import RequestContext
from shared.errors import Forbidden, InvalidTransition, ValidationFailed
from shared.events.consumer import EventContext

S = ProjectStatus

# The steps people take through POST /steps, and who may take each: who may depends on the step
# asked for, so this stays one table here and the endpoint declares the union (WRITERS).
# Acceptance has its own endpoint (it carries the assets); hand-over is the system's, on the asset
# registry's events.
STEPS: dict[tuple[ProjectStatus, ProjectStatus], tuple[Role, ...]] = {
    (S.PROPOSED, S.IN_REVIEW): WRITERS,
    (S.IN_REVIEW, S.IN_LIBRARY): DISTRICT,
    (S.IN_REVIEW, S.REJECTED): DISTRICT,
    (S.IN_LIBRARY, S.PLANNED): DISTRICT,
    (S.PLANNED, S.APPROVED): DISTRICT,
    (S.APPROVED, S.IN_PROGRESS): IMPLEMENTERS,
    (S.IN_PROGRESS, S.COMPLETED): IMPLEMENTERS,
}
# Performance targets are set at entry: while the proposal is prepared or reviewed.
TARGETS_OPEN = (S.PROPOSED, S.IN_REVIEW)


class ElevatedReviewRequired(InvalidTransition):
    code = "elevated_review_required"
    title_zh, title_en = "须先完成省级提级综合论证", "Provincial elevated review required"


class PerformanceTargetsRequired(InvalidTransition):
    code = "performance_targets_required"
    title_zh, title_en = "须先设定绩效目标", "Performance targets required"


class NotFunded(InvalidTransition):
    code = "not_funded"
    title_zh, title_en = "项目尚未安排资金", "No allocation yet"


class EvaluationRequired(InvalidTransition):
    code = "evaluation_required"
    title_zh, title_en = "须先完成绩效评价", "Performance evaluation required"


class UnknownProject(LookupError):
    """An event names a project we do not have: retried, then parked for an operator."""


class ForeignAsset(LookupError):
    """An event links an asset of one town to a project of another: refused like an unknown
    project (retried, then parked for an operator), never linked."""


def needs_elevated_review(amount: Decimal, threshold: Decimal) -> bool:
    """单个项目投资达到阈值（默认 1000 万元）须省级提级综合论证。"""
    return amount >= threshold


def _about(project: Project) -> dict[str, Any]:
    """What every project event says of its project: the id, the place, the category and the year."""
    return {
        "project_id": project.id,
        "town_code": project.town_code,
        "village_code": project.village_code,
        "category": project.category.value,
        "year": project.year,
    }


async def _record_step(
    session: AsyncSession,
    project: Project,
    to: ProjectStatus,
    *,
    actor: str,
    actor_role: str,
    reason: str,
    documents: list[str] | None = None,
) -> None:
    session.add(
        ProjectStep(
            project_id=project.id,
            from_status=None if to is S.PROPOSED else project.status,
            to_status=to,
            actor=actor,
            actor_role=actor_role,
            reason=reason,
            documents=documents or [],
        )
    )
    project.status = to
    await session.flush()


async def propose(ctx: RequestContext, data: ProjectCreate) -> Project:
    ctx.component.divisions.require_town(data.town_code)
    if data.village_code is not None:
        ctx.component.divisions.require_village(data.village_code, data.town_code)
    ctx.principal.require_may_write_in(data.village_code or data.town_code)
    project = Project(
        **data.model_dump(),
        requires_elevated_review=needs_elevated_review(
            data.planned_amount, ctx.settings_as(FundsSettings).elevated_review_threshold
        ),
        proposing_department=(
            ctx.principal.department if ctx.principal.role is Role.DEPARTMENT_OFFICER else None
        ),
    )
    ctx.session.add(project)
    await ctx.session.flush()
    await _record_step(
        ctx.session,
        project,
        S.PROPOSED,
        actor=ctx.principal.subject,
        actor_role=ctx.principal.role.value,
        reason="申报",
    )
    await ctx.audit("create", "project", project.id, data.model_dump())
    await ctx.publish(
        PROJECT_PROPOSED,
        project.id,
        ProjectProposed(
            **_about(project),
            planned_amount=project.planned_amount,
            requires_elevated_review=project.requires_elevated_review,
        ),
    )
    return project


def require_amender(principal: Principal, project: Project) -> None:
    """A department amends only what it proposed; the others only what lies in their territory."""
    if principal.role is Role.DEPARTMENT_OFFICER and (
        project.proposing_department is None or project.proposing_department != principal.department
    ):
        raise Forbidden("只能修改本部门申报的项目", "only projects your department proposed")
    principal.require_may_write_in(location(project))


async def amend(ctx: RequestContext, project: Project, data: ProjectUpdate) -> Project:
    """Amend a proposal before review; later stages change projects through their own steps."""
    require_amender(ctx.principal, project)
    ctx.require_if_match(project.version)
    if project.status is not S.PROPOSED:
        raise InvalidTransition("项目已进入论证，不能再修改申报内容", "project is past the proposal stage")
    changes = data.model_dump(exclude_unset=True, exclude_none=True)
    for name, value in changes.items():
        setattr(project, name, value)
    if "planned_amount" in changes:
        project.requires_elevated_review = needs_elevated_review(
            project.planned_amount, ctx.settings_as(FundsSettings).elevated_review_threshold
        )
    await ctx.session.flush()
    await ctx.audit("update", "project", project.id, changes)
    return project


async def _check_entry(session: AsyncSession, project: Project) -> None:
    if project.requires_elevated_review and project.elevated_review_on is None:
        raise ElevatedReviewRequired(
            "单体投资 1000 万元及以上的项目须经省级提级综合论证后方可入库",
            "a project at or over the threshold needs the provincial elevated review before entry",
        )
    kinds = set(await repository.indicator_kinds(session, project.id))
    missing = [k for k in IndicatorKind if k not in kinds]
    if missing:
        raise PerformanceTargetsRequired(
            "入库前须设定产出、效益、满意度三类绩效目标",
            "output, benefit and satisfaction targets are required",
            missing=[k.value for k in missing],
        )


def step_roles(current: ProjectStatus, to: ProjectStatus) -> tuple[Role, ...]:
    """Who may move a project from ``current`` to ``to`` (409 when no one may)."""
    roles = STEPS.get((current, to))
    if roles is None:
        raise InvalidTransition(
            f"项目当前状态（{current.value}）不能变更为 {to.value}",
            f"a {current.value} project cannot become {to.value}",
        )
    return roles


async def advance(ctx: RequestContext, project: Project, data: StepCreate) -> Project:
    principal = ctx.principal
    ctx.require_if_match(project.version)
    # The one role check left in service code: who may take a step depends on the step (STEPS).
    principal.require_role(*step_roles(project.status, data.to))
    if data.to is S.IN_REVIEW:
        require_amender(principal, project)
    principal.require_may_write_in(location(project))
    if data.to is S.IN_LIBRARY:
        await _check_entry(ctx.session, project)
    if data.to is S.APPROVED and project.allocated <= 0:
        raise NotFunded("批复前须先安排衔接资金", "allocate funds before approval")
    previous = project.status
    await _record_step(
        ctx.session,
        project,
        data.to,
        actor=principal.subject,
        actor_role=principal.role.value,
        reason=data.reason,
        documents=data.documents,
    )
    await ctx.audit("transition", "project", project.id, {"from": previous, **data.model_dump()})
    await _announce_step(ctx, project)
    return project


async def _announce_step(ctx: RequestContext, project: Project) -> None:
    """Approval and completion are announced; the other steps people take are not."""
    if project.status is S.APPROVED:
        approved = ProjectApproved(**_about(project), allocated=project.allocated)
        await ctx.publish(PROJECT_APPROVED, project.id, approved)
    elif project.status is S.COMPLETED:
        completed = ProjectCompleted(**_about(project), allocated=project.allocated, paid=project.paid)
        await ctx.publish(PROJECT_COMPLETED, project.id, completed)


async def record_elevated_review(
    ctx: RequestContext, project: Project, data: ElevatedReviewCreate
) -> Project:
    ctx.require_if_match(project.version)
    if project.status not in TARGETS_OPEN:
        raise InvalidTransition("项目已入库或已结束论证", "the entry review is over")
    if not project.requires_elevated_review:
        raise InvalidTransition(
            "该项目投资额未达到提级论证标准", "this project does not need the elevated review"
        )
    project.elevated_review_on = data.reviewed_on
    project.elevated_review_document = data.document
    await ctx.session.flush()
    await ctx.audit("elevated_review", "project", project.id, data.model_dump())
    return project


async def set_targets(ctx: RequestContext, project: Project, data: TargetsSet) -> list[PerformanceIndicator]:
    require_amender(ctx.principal, project)
    ctx.require_if_match(project.version)
    if project.status not in TARGETS_OPEN:
        raise InvalidTransition("绩效目标须在入库时设定", "performance targets are set at entry")
    duplicates = [k for k, n in Counter((i.kind, i.name) for i in data.indicators).items() if n > 1]
    if duplicates:
        raise ValidationFailed("indicators", f"绩效指标重复：{duplicates[0][1]}", "duplicate indicator")
    await repository.delete_indicators(ctx.session, project.id)
    indicators = [PerformanceIndicator(project_id=project.id, **i.model_dump()) for i in data.indicators]
    ctx.session.add_all(indicators)
    project.updated_at = func.now()  # the targets are part of the project: a new version
    await ctx.session.flush()
    await ctx.audit("set_targets", "project", project.id, data.model_dump())
    return indicators


async def evaluate(ctx: RequestContext, project: Project, data: EvaluationCreate) -> Project:
    ctx.principal.require_may_write_in(location(project))
    ctx.require_if_match(project.version)
    if project.status is not S.COMPLETED:
        raise InvalidTransition("绩效评价在项目完工后、验收前进行", "evaluate a completed project")
    indicators = {i.id: i for i in await repository.indicators(ctx.session, project.id)}
    given = {a.indicator_id: a.actual for a in data.actuals}
    unknown = set(given) - set(indicators)
    if unknown or len(given) != len(data.actuals):
        raise ValidationFailed("actuals", "绩效指标不属于该项目或重复", "unknown or repeated indicator")
    if set(indicators) - set(given):
        raise ValidationFailed(
            "actuals", "每项绩效目标都须填写实际完成值", "every indicator needs an actual value"
        )
    for indicator_id, actual in given.items():
        indicators[indicator_id].actual = actual
    project.evaluated_on = data.evaluated_on
    project.evaluation_conclusion = data.conclusion
    await ctx.session.flush()
    await ctx.audit("evaluate", "project", project.id, data.model_dump())
    return project


def _assets(ctx: RequestContext, project: Project, data: AcceptanceCreate) -> list[ProjectAsset]:
    refs = Counter(a.asset_ref for a in data.assets)
    if any(n > 1 for n in refs.values()):
        raise ValidationFailed("assets", "资产编号（asset_ref）在项目内须唯一", "asset_ref must be unique")
    assets = []
    for index, asset in enumerate(data.assets):
        ctx.component.divisions.require_village(
            asset.village_code, project.town_code, field=f"assets.{index}.village_code"
        )
        assets.append(ProjectAsset(project_id=project.id, town_code=project.town_code, **asset.model_dump()))
    return assets


async def accept(ctx: RequestContext, project: Project, data: AcceptanceCreate) -> Project:
    ctx.require_if_match(project.version)
    if project.status is not S.COMPLETED:
        raise InvalidTransition("只有已完工的项目可以验收", "only a completed project can be accepted")
    if project.evaluated_on is None:
        raise EvaluationRequired("验收前须完成绩效评价", "evaluate the project's performance first")
    assets = _assets(ctx, project, data)
    ctx.session.add_all(assets)
    project.accepted_on = data.accepted_on
    await _record_step(
        ctx.session,
        project,
        S.ACCEPTED,
        actor=ctx.principal.subject,
        actor_role=ctx.principal.role.value,
        reason=data.reason,
        documents=data.documents,
    )
    await ctx.audit("accept", "project", project.id, data.model_dump())
    shares = await repository.fund_shares(ctx.session, project.id)
    await ctx.publish(PROJECT_ACCEPTED, project.id, _accepted(project, data.accepted_on, shares, assets))
    return project


def _accepted(
    project: Project,
    accepted_on: date,
    shares: list[tuple[uuid.UUID, FundSource, Decimal]],
    assets: list[ProjectAsset],
) -> ProjectAccepted:
    """What the asset registry needs to open the project's assets (contract 4)."""
    return ProjectAccepted(
        **_about(project),
        accepted_on=accepted_on,
        total_investment=project.allocated,
        fund_shares=[FundShare(fund_id=f, source=s.value, amount=a) for f, s, a in shares],
        assets=[
            AcceptedAsset(
                asset_ref=a.asset_ref,
                name=a.name,
                kind=a.kind.value,
                category=a.category,
                value=a.value,
                town_code=a.town_code,
                village_code=a.village_code,
                owner_kind=a.owner_kind.value,
            )
            for a in assets
        ],
    )


async def on_asset_registered(ctx: EventContext) -> None:
    """assets: asset.registered → link the asset to its project if it lies in the project's town;
    all linked → handed over."""
    event = ctx.read(ASSET_REGISTERED)
    if event.source_project_id is None:
        return  # an asset from outside the project library: nothing to link
    project = await ctx.session.get(Project, event.source_project_id, with_for_update=True)
    if project is None:
        raise UnknownProject(f"project {event.source_project_id} unknown")
    if event.town_code != project.town_code:
        # The registry checks the project it names; we do not take a claim from one town on
        # another town's project either (the public listing shows every project's id).
        raise ForeignAsset(
            f"refused link: asset in town {event.town_code}, project {project.id} in {project.town_code}"
        )
    if event.source_asset_ref is not None and not await repository.has_asset(
        ctx.session, project.id, event.source_asset_ref
    ):
        raise UnknownProject(f"project {project.id} announced no asset {event.source_asset_ref}")
    linked = await ctx.session.scalar(
        pg_insert(AssetLink)
        .values(asset_id=event.asset_id, project_id=project.id, asset_ref=event.source_asset_ref)
        .on_conflict_do_nothing()
        .returning(AssetLink.asset_id)
    )
    if linked is None:
        return  # the same asset (or the same announced asset) is linked already
    changes: dict[str, Any] = {"asset_id": str(event.asset_id), "asset_ref": event.source_asset_ref}
    await ctx.audit("link_asset", "project", project.id, changes)
    if project.status is S.ACCEPTED and await repository.all_assets_linked(ctx.session, project.id):
        await _record_step(
            ctx.session,
            project,
            S.HANDED_OVER,
            actor=f"event:{ctx.event.source}",
            actor_role="system",
            reason="资产台账已登记全部项目资产",
            documents=[],
        )
        await ctx.audit("transition", "project", project.id, {"to": S.HANDED_OVER.value})
