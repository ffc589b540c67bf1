from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.assets.models import AssetValuation, UseCheck


async def valuations(session: AsyncSession, asset_id: uuid.UUID) -> list[AssetValuation]:
    query = (
        select(AssetValuation).where(AssetValuation.asset_id == asset_id).order_by(AssetValuation.valued_on)
    )
    return list((await session.execute(query)).scalars())


async def use_checks(session: AsyncSession, asset_id: uuid.UUID) -> Sequence[UseCheck]:
    query = (
        select(UseCheck)
        .where(UseCheck.asset_id == asset_id)
        .order_by(UseCheck.checked_on.desc(), UseCheck.recorded_at.desc())
    )
    return (await session.execute(query)).scalars().all()
