"""Asset ledger rules: who may register or correct an asset, and what is announced.

Roles:
- district_admin: every asset.
- town_official / village_cadre: register, read and correct assets inside their division only
  (registering elsewhere: 403; another town's asset: 404).
- department_officer, integrator (departmental systems) and auditor: read everything; writes 403.
- helper: no access — the ledger is not household work.
"""

from __future__ import annotations

from services.assets.models import Asset, AssetStatus
from services.assets.registry.events import ASSET_REGISTERED, AssetRegistered
from services.assets.registry.schemas import AssetCreate, AssetUpdate
from shared.auth import Principal, Role
from shared.context import RequestContext
from shared.errors import InvalidTransition

REGISTRARS = (Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL, Role.VILLAGE_CADRE)
READERS = (*REGISTRARS, Role.DEPARTMENT_OFFICER, Role.INTEGRATOR, Role.AUDITOR)


def _require_registrar(principal: Principal) -> None:
    principal.require_write()
    principal.require_role(*REGISTRARS)



async def register(ctx: RequestContext, data: AssetCreate) -> Asset:
    _require_registrar(ctx.principal)
    ctx.component.divisions.require_town(data.town_code)
    ctx.component.divisions.require_village(data.village_code, data.town_code)
    ctx.principal.require_may_write_in(data.village_code)
    asset = Asset(**data.model_dump(), status=AssetStatus.FORMED)
    ctx.session.add(asset)
    await ctx.session.flush()
    await ctx.audit("create", "asset", asset.id, data.model_dump())
    await ctx.publish(
        ASSET_REGISTERED,
        asset.id,
        AssetRegistered(
            asset_id=asset.id,
            town_code=asset.town_code,
            village_code=asset.village_code,
            kind=asset.kind.value,
            owner_kind=asset.owner_kind.value,
            value=asset.value,
            source_project_id=asset.source_project_id,
        ),
    )
    return asset


async def correct(ctx: RequestContext, asset: Asset, data: AssetUpdate) -> Asset:
    """Correct the ledger entry while the asset is only formed (before 确权)."""
    _require_registrar(ctx.principal)
    ctx.principal.require_may_write_in(asset.village_code)
    ctx.require_if_match(asset.version)
    if asset.status is not AssetStatus.FORMED:
        raise InvalidTransition("资产已确权，不能再修改登记内容", "asset is past registration")
    changes = data.model_dump(exclude_unset=True, exclude_none=True)
    for name, value in changes.items():
        setattr(asset, name, value)
    await ctx.session.flush()
    await ctx.audit("update", "asset", asset.id, changes)
    return asset
