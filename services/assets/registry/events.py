"""What the assets service announces (ids, codes and amounts only)."""

from __future__ import annotations

import uuid

from shared.events.envelope import EventPayload, EventSpec
from shared.schemas import Money


class AssetRegistered(EventPayload):
    asset_id: uuid.UUID
    town_code: str
    village_code: str
    kind: str
    owner_kind: str
    value: Money
    source_project_id: uuid.UUID | None


ASSET_REGISTERED = EventSpec(
    service="assets", aggregate="asset", name="registered", payload=AssetRegistered,
    summary="帮扶项目资产已登记 / an asset was registered",
)

PUBLISHED = [ASSET_REGISTERED]
