"""Asset ledger rules: registration, corrections, the asset's life, and assets opened from projects.

Who may do what is in services/assets/access.py; the one role rule that depends on the request's
body — which writers may take which lifecycle step — is the step table below.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import func

from services.assets.access import DISPOSERS, WRITERS
from services.assets.distributions import repository as distribution_repository
from services.assets.distributions.schemas import DistributionOut
from services.assets.idle.schemas import IdleFlagOut
from services.assets.models import (
    Asset,
    AssetKind,
    AssetOrigin,
    AssetStatus,
    LifecycleAction,
    LifecycleStep,
    UseStatus,
)
from services.assets.operations import repository as operations
from services.assets.operations.schemas import MonthlyOut, PvStationOut
from services.assets.registry import projects, repository
from services.assets.registry.events import (
    ASSET_REGISTERED,
    ASSET_STATUS_CHANGED,
    PROJECT_ACCEPTED,
    AssetRegistered,
    AssetStatusChanged,
    ProjectAccepted,
)
from services.assets.registry.schemas import (
    Approval,
    AssetCard,
    AssetCreate,
    AssetOut,
    AssetUpdate,
    ConfirmOwnership,
    Dispose,
    HandOver,
    LifecycleStepOut,
    OperationTotalsOut,
    SourceProjectOut,
    StartOperation,
)
from shared.auth import Role
from shared.context import RequestContext
from shared.divisions import DivisionRegistry
from shared.errors import AppError, InvalidTransition, ValidationFailed
from shared.events.consumer import EventContext


class Transition(NamedTuple):
    """A lifecycle step: the states it leaves, the state it reaches, and who may take it."""

    allowed_from: frozenset[AssetStatus]
    to_status: AssetStatus
    roles: tuple[Role, ...]


# Which step moves an asset from which states to which (全程监管: nothing is skipped). Disposal
# (处置) is a town or district matter: village cadres, writers for every other step, may not take it.
TRANSITIONS: dict[LifecycleAction, Transition] = {
    LifecycleAction.CONFIRM_OWNERSHIP: Transition(
        frozenset({AssetStatus.FORMED}), AssetStatus.OWNERSHIP_CONFIRMED, WRITERS
    ),
    LifecycleAction.HAND_OVER: Transition(
        frozenset({AssetStatus.OWNERSHIP_CONFIRMED}), AssetStatus.HANDED_OVER, WRITERS
    ),
    LifecycleAction.START_OPERATION: Transition(
        frozenset({AssetStatus.HANDED_OVER}), AssetStatus.IN_OPERATION, WRITERS
    ),
    LifecycleAction.DISPOSE: Transition(
        frozenset({AssetStatus.OWNERSHIP_CONFIRMED, AssetStatus.HANDED_OVER, AssetStatus.IN_OPERATION}),
        AssetStatus.DISPOSED,
        DISPOSERS,
    ),
}


class DisposalNotApproved(AppError):
    status, code, title_zh, title_en = (
        422,
        "disposal_not_approved",
        "资产处置须经审批",
        "Disposal needs approval",
    )


def registered(asset: Asset) -> AssetRegistered:
    return AssetRegistered(
        asset_id=asset.id,
        town_code=asset.town_code,
        village_code=asset.village_code,
        kind=asset.kind.value,
        owner_kind=asset.owner_kind.value,
        value=asset.value,
        source_project_id=asset.source_project_id,
        source_asset_ref=asset.source_asset_ref,
    )


def _registration_step(asset: Asset, actor: str, actor_role: str, reason: str | None) -> dict[str, Any]:
    return {
        "id": uuid.uuid4(),
        "asset_id": asset.id,
        "action": LifecycleAction.REGISTER,
        "from_status": None,
        "to_status": AssetStatus.FORMED,
        "occurred_on": asset.formed_on,
        "reason": reason,
        "documents": [],
        "actor": actor,
        "actor_role": actor_role,
    }


async def register(ctx: RequestContext, data: AssetCreate) -> Asset:
    ctx.principal.require_may_write_in(data.village_code)
    ctx.component.divisions.require_town(data.town_code)
    ctx.component.divisions.require_village(data.village_code, data.town_code)
    await projects.require_source_project(ctx, data)
    asset = Asset(**data.model_dump(), status=AssetStatus.FORMED, origin=AssetOrigin.REGISTERED)
    follow_kind(asset)
    ctx.session.add(asset)
    await ctx.session.flush()
    await repository.add_steps(
        ctx.session, [_registration_step(asset, ctx.principal.subject, ctx.principal.role.value, None)]
    )
    await ctx.audit("create", "asset", asset.id, data.model_dump())
    await ctx.publish(ASSET_REGISTERED, asset.id, registered(asset))
    return asset


async def correct(ctx: RequestContext, asset: Asset, data: AssetUpdate) -> Asset:
    """Correct the ledger entry while the asset is only formed (before 确权)."""
    ctx.require_if_match(asset.version)
    if asset.status is not AssetStatus.FORMED:
        raise InvalidTransition("资产已确权，不能再修改登记内容", "asset is past registration")
    changes = data.model_dump(exclude_unset=True, exclude_none=True)
    for name, value in changes.items():
        setattr(asset, name, value)
    follow_kind(asset)
    ctx.session.add(
        LifecycleStep(
            asset_id=asset.id,
            action=LifecycleAction.CORRECT,
            from_status=asset.status,
            to_status=asset.status,
            occurred_on=func.current_date(),
            details=data.model_dump(mode="json", exclude_unset=True, exclude_none=True),
            actor=ctx.principal.subject,
            actor_role=ctx.principal.role.value,
        )
    )
    await ctx.session.flush()
    await ctx.audit("update", "asset", asset.id, changes)
    return asset


def follow_kind(asset: Asset) -> None:
    """A public-welfare asset has a use status (in use from its formation until a check says
    otherwise); any other kind has none (CHECK ``use_status_public_welfare``)."""
    if asset.kind is AssetKind.PUBLIC_WELFARE and asset.use_status is None:
        asset.use_status, asset.use_status_since = UseStatus.IN_USE, asset.formed_on
    elif asset.kind is not AssetKind.PUBLIC_WELFARE:
        asset.use_status, asset.use_status_since = None, None


LifecycleBody = ConfirmOwnership | HandOver | StartOperation | Dispose


async def move(ctx: RequestContext, asset: Asset, step: LifecycleBody) -> Asset:
    """One step of the asset's life (确权 → 移交 → 管护运营 → 处置); anything else is refused (409)."""
    action = LifecycleAction(step.action)
    transition = TRANSITIONS[action]
    ctx.principal.require_role(*transition.roles)
    ctx.require_if_match(asset.version)
    if asset.status not in transition.allowed_from:
        raise InvalidTransition(
            f"资产当前状态为「{asset.status.label}」，不能{action.label}",
            f"cannot {action.value} an asset that is {asset.status.value}",
        )
    record = LifecycleStep(
        asset_id=asset.id,
        action=action,
        from_status=asset.status,
        to_status=transition.to_status,
        occurred_on=step.occurred_on,
        reason=step.reason,
        documents=[d.model_dump() for d in step.documents],
        actor=ctx.principal.subject,
        actor_role=ctx.principal.role.value,
    )
    _apply(step, asset, record)
    from_status, asset.status = asset.status, transition.to_status
    ctx.session.add(record)
    await ctx.session.flush()
    await ctx.audit(action.value, "asset", asset.id, step.model_dump(mode="json"))
    await ctx.publish(ASSET_STATUS_CHANGED, asset.id, status_changed(asset, from_status, step.occurred_on))
    return asset


def _apply(step: LifecycleBody, asset: Asset, record: LifecycleStep) -> None:
    """What the step changes on the asset, and what its record keeps beyond the common fields."""
    if isinstance(step, ConfirmOwnership):
        asset.owner_kind, asset.owner_name = step.owner_kind, step.owner_name
        record.details = {"owner_kind": step.owner_kind.value, "owner_name": step.owner_name}
    elif isinstance(step, HandOver):
        asset.manager_name = step.manager_name
        record.details = {"manager_name": step.manager_name}
    elif isinstance(step, Dispose):
        approval = approval_of(step)
        record.disposal_method = step.method
        record.approved_by = approval.approved_by
        record.approval_ref = approval.approval_ref
        record.approved_on = approval.approved_on


def status_changed(asset: Asset, from_status: AssetStatus, occurred_on: date) -> AssetStatusChanged:
    """The announcement of a step the asset just took (its status is already the new one)."""
    return AssetStatusChanged(
        asset_id=asset.id,
        town_code=asset.town_code,
        village_code=asset.village_code,
        kind=asset.kind.value,
        from_status=from_status.value,
        to_status=asset.status.value,
        occurred_on=occurred_on,
        source_project_id=asset.source_project_id,
    )


def approval_of(step: Dispose) -> Approval:
    """The disposal's approval, once it is complete and precedes the disposal."""
    if step.approval is None:
        raise DisposalNotApproved(
            "处置资产须附审批机关、批复文号和批复日期",
            "a disposal needs the approving body, reference and date",
        )
    if step.reason is None:
        raise ValidationFailed("reason", "处置资产须说明理由", "a disposal needs a reason")
    if step.approval.approved_on > step.occurred_on:
        raise ValidationFailed(
            "approval.approved_on", "批复日期不能晚于处置日期", "approval must precede the disposal"
        )
    return step.approval


class UnknownDivision(ValueError):
    """A project event names a place we do not know: retried, then parked for an operator."""


def require_known_villages(divisions: DivisionRegistry, project: ProjectAccepted) -> None:
    """Every asset line names a village of our table, inside the town it names."""
    for line in project.assets:
        village = divisions.by_code.get(line.village_code)
        if village is None or len(line.village_code) != 12 or village.town_code != line.town_code:
            raise UnknownDivision(f"asset {line.asset_ref}: unknown village {line.village_code}")


def opened_rows(project: ProjectAccepted) -> list[dict[str, Any]]:
    """The project's asset lines as ledger rows, formed on the day of acceptance and pending 确权."""
    return [
        {
            "id": uuid.uuid4(),
            "name": line.name,
            "kind": line.kind,
            "category": line.category,
            "town_code": line.town_code,
            "village_code": line.village_code,
            "value": line.value,
            "formed_on": project.accepted_on,
            "source_project_id": project.project_id,
            "source_asset_ref": line.asset_ref,
            "owner_kind": line.owner_kind,
            "status": AssetStatus.FORMED,
            "origin": AssetOrigin.PROJECT,
            "use_status": UseStatus.IN_USE if line.kind == AssetKind.PUBLIC_WELFARE else None,
            "use_status_since": project.accepted_on if line.kind == AssetKind.PUBLIC_WELFARE else None,
            "version": 1,
        }
        for line in project.assets
    ]


async def on_project_accepted(ctx: EventContext) -> None:
    """funds: project.accepted → the project's row in the projection, and the assets it formed
    opened pending 确权, each exactly once.

    Both halves may run again for one project (a redelivery under a new id, a re-announcement, a
    rebuild of the projection replaying funds' stream): the projection row is replaced only by a
    later announcement, and an asset line is opened only if (project, asset_ref) is not in the
    ledger yet — so a replay writes the same projection row and leaves the ledger, its history,
    audit and outbox untouched.
    """
    project = ctx.read(PROJECT_ACCEPTED)
    require_known_villages(ctx.divisions, project)
    await projects.remember(ctx, project)
    opened = await repository.open_assets(ctx.session, opened_rows(project))
    await repository.add_steps(
        ctx.session, [_registration_step(a, ctx.actor, "system", "项目验收后登记，待确权") for a in opened]
    )
    for asset in opened:
        await ctx.audit(
            "create",
            "asset",
            asset.id,
            {"source_project_id": str(project.project_id), "source_asset_ref": asset.source_asset_ref},
        )
        await ctx.publish(ASSET_REGISTERED, asset.id, registered(asset))


RECENT_MONTHS = 12


async def card(ctx: RequestContext, asset: Asset) -> AssetCard:
    session = ctx.session
    project = await repository.project(session, asset.source_project_id) if asset.source_project_id else None
    if project is not None and not projects.readable_by(ctx.principal, project):
        project = None  # e.g. a village's asset from a neighbouring village's project: not its money
    station = await operations.pv_station(session, asset.id)
    distributions = await repository.distributions_of(session, asset.id)
    shares = await distribution_repository.shares_of(session, [d.id for d in distributions])
    reversals = await distribution_repository.reversals_of(session, [d.id for d in distributions])
    return AssetCard(
        asset=AssetOut.model_validate(asset),
        source_project=SourceProjectOut.model_validate(project) if project else None,
        history=[LifecycleStepOut.model_validate(s) for s in await repository.history(session, asset.id)],
        pv_station=PvStationOut.model_validate(station) if station else None,
        operation_totals=OperationTotalsOut.model_validate(
            (await operations.totals(session, asset.id))._asdict()
        ),
        recent_months=[
            MonthlyOut.model_validate(m)
            for m in await repository.recent_months(session, asset.id, RECENT_MONTHS)
        ],
        distributions=[DistributionOut.of(d, shares[d.id], reversals.get(d.id)) for d in distributions],
        open_idle_flags=[
            IdleFlagOut.of(f, asset.name, asset.category, asset.value)
            for f in await repository.open_flags(session, asset.id)
        ],
    )
