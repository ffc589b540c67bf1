from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.assets.models import Asset, AssetKind, AssetStatus, OwnerKind
from shared.auth import Principal


def scoped(principal: Principal) -> Select[tuple[Asset]]:
    """Assets the caller may see at all; everything else is 'not found'."""
    query = select(Asset)
    if principal.division_prefix is not None:
        query = query.where(Asset.village_code.startswith(principal.division_prefix, autoescape=True))
    return query


async def get(
    session: AsyncSession, principal: Principal, asset_id: uuid.UUID, *, for_update: bool = False
) -> Asset | None:
    query = scoped(principal).where(Asset.id == asset_id)
    if for_update:
        query = query.with_for_update()
    return (await session.execute(query)).scalar_one_or_none()


def filtered(
    principal: Principal,
    *,
    town_code: str | None,
    village_code: str | None,
    kind: AssetKind | None,
    owner_kind: OwnerKind | None,
    status: AssetStatus | None,
    source_project_id: uuid.UUID | None,
    updated_since: datetime | None,
) -> Select[tuple[Asset]]:
    query = scoped(principal)
    if town_code:
        query = query.where(Asset.town_code == town_code)
    if village_code:
        query = query.where(Asset.village_code == village_code)
    if kind:
        query = query.where(Asset.kind == kind)
    if owner_kind:
        query = query.where(Asset.owner_kind == owner_kind)
    if status:
        query = query.where(Asset.status == status)
    if source_project_id:
        query = query.where(Asset.source_project_id == source_project_id)
    if updated_since:
        query = query.where(Asset.updated_at > updated_since)
    return query
