"""What a screening announces: an asset newly flagged as idle or low-efficiency (ids and codes only)."""

from __future__ import annotations

import uuid
from datetime import date

from services.assets.models import IdleRule
from shared.events.envelope import EventPayload, EventSpec


class AssetFlaggedIdle(EventPayload):
    asset_id: uuid.UUID
    town_code: str
    village_code: str
    rule: IdleRule
    flagged_on: date


# Written by the screening statement itself (``Outbox.add_from_query``), one per new (asset, rule)
# flag; a flag already open when the screening runs again announces nothing.
ASSET_FLAGGED_IDLE = EventSpec(
    service="assets",
    aggregate="asset",
    name="flagged_idle",
    payload=AssetFlaggedIdle,
    summary="资产被认定为低效闲置 / an asset was newly flagged idle or low-efficiency",
)


class AssetIdleCleared(EventPayload):
    flag_id: uuid.UUID
    asset_id: uuid.UUID
    town_code: str
    village_code: str
    rule: IdleRule
    flagged_on: date
    cleared_on: date


# Written by the screening that clears the flag (its condition no longer holds), one per flag; a
# town that proposed 盘活 for it, or a department counting idle assets, takes it off its list.
ASSET_IDLE_CLEARED = EventSpec(
    service="assets",
    aggregate="asset",
    name="idle_cleared",
    payload=AssetIdleCleared,
    summary="资产低效闲置标记已解除 / an idle flag was cleared by a screening",
)

PUBLISHED = [ASSET_FLAGGED_IDLE, ASSET_IDLE_CLEARED]
