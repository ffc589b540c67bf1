"""Project library rules: who may propose or amend a project, and what is announced.

Roles:
- district_admin: every project.
- town_official / village_cadre: read the projects of their division (a village cadre also sees
  the town-wide projects of its town); propose and amend only inside their division (elsewhere:
  403 for a proposal, 404 for someone else's project).
- department_officer: departments propose projects anywhere in the district (项目由村、镇、部门申报)
  and read all; they amend only the projects their own department proposed.
- integrator (departmental finance systems) and auditor: read-only; auditor writes get 403.
- helper: no access — the project library is not household work.
"""

from __future__ import annotations

from decimal import Decimal

from services.funds.models import Project, ProjectStatus
from services.funds.projects.events import PROJECT_PROPOSED, ProjectProposed
from services.funds.projects.schemas import ProjectCreate, ProjectUpdate
from services.funds.settings import FundsSettings
from shared.auth import Principal, Role
from shared.context import RequestContext
from shared.errors import Forbidden, InvalidTransition

PROPOSERS = (Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL, Role.VILLAGE_CADRE, Role.DEPARTMENT_OFFICER)
READERS = (*PROPOSERS, Role.AUDITOR, Role.INTEGRATOR)


def _settings(ctx: RequestContext) -> FundsSettings:
    settings = ctx.component.settings
    return settings if isinstance(settings, FundsSettings) else FundsSettings()


def needs_elevated_review(amount: Decimal, threshold: Decimal) -> bool:
    """单个项目投资达到阈值（默认 1000 万元）须省级提级综合论证。"""
    return amount >= threshold


def _require_proposer(principal: Principal) -> None:
    principal.require_write()
    principal.require_role(*PROPOSERS)


def _location(town_code: str, village_code: str | None) -> str:
    return village_code or town_code



async def propose(ctx: RequestContext, data: ProjectCreate) -> Project:
    _require_proposer(ctx.principal)
    ctx.component.divisions.require_town(data.town_code)
    if data.village_code is not None:
        ctx.component.divisions.require_village(data.village_code, data.town_code)
    ctx.principal.require_may_write_in(_location(data.town_code, data.village_code))
    project = Project(
        **data.model_dump(),
        status=ProjectStatus.PROPOSED,
        requires_elevated_review=needs_elevated_review(
            data.planned_amount, _settings(ctx).elevated_review_threshold
        ),
        proposing_department=(
            ctx.principal.department if ctx.principal.role is Role.DEPARTMENT_OFFICER else None
        ),
    )
    ctx.session.add(project)
    await ctx.session.flush()
    await ctx.audit("create", "project", project.id, data.model_dump())
    await ctx.publish(
        PROJECT_PROPOSED,
        project.id,
        ProjectProposed(
            project_id=project.id,
            town_code=project.town_code,
            village_code=project.village_code,
            category=project.category.value,
            year=project.year,
            planned_amount=project.planned_amount,
            requires_elevated_review=project.requires_elevated_review,
        ),
    )
    return project


async def amend(ctx: RequestContext, project: Project, data: ProjectUpdate) -> Project:
    """Amend a proposal before review; later stages change projects through their own steps."""
    principal = ctx.principal
    _require_proposer(principal)
    if principal.role is Role.DEPARTMENT_OFFICER and (
        project.proposing_department is None or project.proposing_department != principal.department
    ):
        raise Forbidden("只能修改本部门申报的项目", "only projects your department proposed")
    principal.require_may_write_in(_location(project.town_code, project.village_code))
    ctx.require_if_match(project.version)
    if project.status is not ProjectStatus.PROPOSED:
        raise InvalidTransition("项目已进入论证，不能再修改申报内容", "project is past the proposal stage")
    changes = data.model_dump(exclude_unset=True, exclude_none=True)
    for name, value in changes.items():
        setattr(project, name, value)
    if "planned_amount" in changes:
        project.requires_elevated_review = needs_elevated_review(
            project.planned_amount, _settings(ctx).elevated_review_threshold
        )
    await ctx.session.flush()
    await ctx.audit("update", "project", project.id, changes)
    return project
