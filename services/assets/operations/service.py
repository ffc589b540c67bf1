"""管护运营: maintenance records, photovoltaic station profiles and monthly revenue/generation.

Who may write: the ledger's writers inside their territory (services/assets/access.py). Upkeep
starts with the handover (移交): before it, and after disposal, the asset has no one to maintain it.
"""

from __future__ import annotations

from services.assets.models import (
    Asset,
    AssetStatus,
    MaintenanceRecord,
    MonthlyOperation,
    PvStation,
)
from services.assets.operations import repository
from services.assets.operations.schemas import MaintenanceCreate, MonthlyCreate, PvStationIn
from shared.context import RequestContext
from shared.errors import Conflict, InvalidTransition, ValidationFailed

MAINTAINED = frozenset({AssetStatus.HANDED_OVER, AssetStatus.IN_OPERATION})
# Revenue is earned by running the asset, which starts after the handover.
EARNING = frozenset({AssetStatus.IN_OPERATION})


def require_status(asset: Asset, allowed: frozenset[AssetStatus], what: str) -> None:
    if asset.status not in allowed:
        wanted = "、".join(s.label for s in sorted(allowed))
        raise InvalidTransition(
            f"资产当前状态为「{asset.status.label}」，只有{wanted}的资产才能{what}",
            f"asset is {asset.status.value}",
        )


async def add_maintenance(ctx: RequestContext, asset: Asset, data: MaintenanceCreate) -> MaintenanceRecord:
    require_status(asset, MAINTAINED, "登记管护记录")
    record = MaintenanceRecord(asset_id=asset.id, actor=ctx.principal.subject, **data.model_dump())
    ctx.session.add(record)
    await ctx.session.flush()
    await ctx.audit("create", "maintenance_record", record.id, {"asset_id": asset.id, **data.model_dump()})
    return record


async def set_pv_station(ctx: RequestContext, asset: Asset, data: PvStationIn) -> tuple[PvStation, bool]:
    """Create the asset's photovoltaic profile, or change it under If-Match. Returns (profile, created)."""
    if asset.status is AssetStatus.DISPOSED:
        raise InvalidTransition("资产已处置", "asset is disposed")
    station = await repository.pv_station(ctx.session, asset.id, for_update=True)
    if station is None:
        station = PvStation(asset_id=asset.id, **data.model_dump())
        ctx.session.add(station)
        await ctx.session.flush()
        await ctx.audit("create", "pv_station", asset.id, data.model_dump())
        return station, True
    ctx.require_if_match(station.version)
    for name, value in data.model_dump().items():
        setattr(station, name, value)
    await ctx.session.flush()
    await ctx.audit("update", "pv_station", asset.id, data.model_dump())
    return station, False


async def record_month(ctx: RequestContext, asset: Asset, data: MonthlyCreate) -> MonthlyOperation:
    require_status(asset, EARNING, "登记运营收益")
    is_pv = await repository.pv_station(ctx.session, asset.id) is not None
    if is_pv and data.generation_kwh is None:
        raise ValidationFailed(
            "generation_kwh", "光伏电站须填写当月发电量", "a PV station reports its generation"
        )
    if not is_pv and data.generation_kwh is not None:
        raise ValidationFailed(
            "generation_kwh", "该资产不是光伏电站，不能填写发电量", "only PV stations report generation"
        )
    if await repository.month_recorded(ctx.session, asset.id, data.month):
        raise Conflict(f"{data.month:%Y年%m月} 已有运营记录", "this month is already recorded")
    record = MonthlyOperation(asset_id=asset.id, actor=ctx.principal.subject, **data.model_dump())
    ctx.session.add(record)
    await ctx.session.flush()
    await ctx.audit("create", "monthly_operation", record.id, {"asset_id": asset.id, **data.model_dump()})
    return record
