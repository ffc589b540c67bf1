"""What the asset ledger announces (ids, codes and amounts only), and the funds event it consumes."""

from __future__ import annotations

import uuid
from datetime import date

from pydantic import Field

from services.assets.models import AssetKind, OwnerKind
from shared.events.envelope import ConsumedEvent, EventPayload, EventReading, EventSpec
from shared.schemas import Money, NonNegativeMoney


class AssetRegistered(EventPayload):
    asset_id: uuid.UUID
    town_code: str
    village_code: str
    kind: str
    owner_kind: str
    value: Money
    source_project_id: uuid.UUID | None
    # The asset's line in the project's acceptance; null for assets registered by hand.
    source_asset_ref: str | None


ASSET_REGISTERED = EventSpec(
    service="assets",
    aggregate="asset",
    name="registered",
    payload=AssetRegistered,
    summary="帮扶项目资产已登记 / an asset was registered",
)


class AssetStatusChanged(EventPayload):
    asset_id: uuid.UUID
    town_code: str
    village_code: str
    kind: str
    from_status: str
    to_status: str
    occurred_on: date
    source_project_id: uuid.UUID | None


ASSET_STATUS_CHANGED = EventSpec(
    service="assets",
    aggregate="asset",
    name="status_changed",
    payload=AssetStatusChanged,
    summary="资产确权、移交、投入运营或处置 / an asset moved along its life",
)

PUBLISHED = [ASSET_REGISTERED, ASSET_STATUS_CHANGED]


class FundShare(EventReading):
    fund_id: uuid.UUID
    source: str
    amount: NonNegativeMoney


class AcceptedAsset(EventReading):
    asset_ref: str = Field(min_length=1, max_length=40)
    name: str = Field(min_length=1, max_length=200)
    kind: AssetKind
    category: str = Field(min_length=1, max_length=100)
    value: NonNegativeMoney
    town_code: str
    village_code: str
    owner_kind: OwnerKind


class ProjectAccepted(EventReading):
    """funds' ``project.accepted.v1`` as we read it (the contract, kept here, not imported)."""

    project_id: uuid.UUID
    town_code: str
    village_code: str | None
    category: str
    year: int
    accepted_on: date
    total_investment: NonNegativeMoney
    fund_shares: list[FundShare]
    assets: list[AcceptedAsset]


PROJECT_ACCEPTED = ConsumedEvent(
    service="funds", aggregate="project", name="accepted", payload=ProjectAccepted
)
