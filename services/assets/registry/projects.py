"""Funds' accepted projects as the asset ledger sees them: the reference projection and the rules
for naming one (domain §5: an id that names another service's record is a claim, not a fact).

An asset names the project that formed it (``source_project_id``). The id is funds' own, and
anyone can read it on funds' no-login announcement listing, so it proves nothing: a write naming
it is accepted only if the projection holds the project, the project lies in the caller's
territory, and the asset lies where the project does. The card shows a project's money and fund
shares only to whom funds itself would show the project.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table

from services.assets.models import SourceProject
from services.assets.registry import repository
from services.assets.registry.events import ProjectAccepted
from services.assets.registry.schemas import AssetCreate
from shared.auth import Principal
from shared.context import RequestContext
from shared.errors import ValidationFailed
from shared.events.consumer import EventContext
from shared.projections import apply_newer

SOURCE = "funds"
FIELD = "source_project_id"
PROJECTS = cast(Table, SourceProject.__table__)


def location(project: SourceProject) -> str:
    """The division a project lies in: its village, or its town for a town-wide project."""
    return project.village_code or project.town_code


def readable_by(principal: Principal, project: SourceProject) -> bool:
    """Whether funds shows ``project`` to the caller: it lies in their territory, or it is a
    town-wide project of the town their village belongs to (funds' ``projects.repository.scoped``)."""
    if principal.covers(location(project)):
        return True
    prefix = principal.division_prefix
    return project.village_code is None and prefix is not None and prefix.startswith(project.town_code)


def disagreement(project: SourceProject, town_code: str, village_code: str) -> ValidationFailed | None:
    """Why an asset at ``town_code``/``village_code`` cannot come from ``project``, if it cannot:
    the asset lies in the project's town, and in its village when the project names one."""
    if town_code != project.town_code:
        return ValidationFailed(
            "town_code", "资产所在乡镇须与来源项目一致", "the asset lies outside the project's town"
        )
    if project.village_code is not None and village_code != project.village_code:
        return ValidationFailed(
            "village_code", "资产所在村须与来源项目一致", "the asset lies outside the project's village"
        )
    return None


async def require_source_project(ctx: RequestContext, data: AssetCreate) -> None:
    """Refuse a registration naming a project the caller may not name, before anything is written.

    Unknown and outside the caller's territory answer alike (``unknown_reference``), so the
    public id tells nobody where a project lies; while funds' events are still arriving the answer
    is a retryable ``reference_pending``. Only a project the caller may name can disagree with the
    body (422 on the disagreeing field).
    """
    if data.source_project_id is None:
        return
    project = await ctx.require_reference(
        await repository.project(ctx.session, data.source_project_id),
        place=location,
        field=FIELD,
        source=SOURCE,
    )
    if (problem := disagreement(project, data.town_code, data.village_code)) is not None:
        raise problem


async def remember(ctx: EventContext, project: ProjectAccepted) -> None:
    """Project the accepted project: idempotent and order-tolerant (a later announcement wins), so
    redeliveries and a rebuild from funds' stream give the same row."""
    await apply_newer(
        ctx.session,
        PROJECTS,
        {
            **project.model_dump(exclude={"assets", "fund_shares"}),
            "fund_shares": project.model_dump(mode="json", include={"fund_shares"})["fund_shares"],
            "event_id": ctx.event.id,
            "announced_at": ctx.event.time,
        },
        key="project_id",
        version="announced_at",
    )
