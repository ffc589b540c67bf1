"""Revenue distribution events (ids, codes and amounts only)."""

from __future__ import annotations

import uuid
from datetime import date

from pydantic import BaseModel, ConfigDict

from shared.events.envelope import EventPayload, EventSpec
from shared.schemas import Money


class DistributedShare(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    use: str
    beneficiary_count: int
    amount: Money


class DistributionDecided(EventPayload):
    distribution_id: uuid.UUID
    asset_id: uuid.UUID
    town_code: str
    village_code: str
    decided_on: date
    procedure: str
    total_amount: Money
    shares: list[DistributedShare]


DISTRIBUTION_DECIDED = EventSpec(
    service="assets",
    aggregate="distribution",
    name="decided",
    payload=DistributionDecided,
    summary="资产收益分配已决定 / a revenue distribution was decided",
)

PUBLISHED = [DISTRIBUTION_DECIDED]
