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
    revenue_year: int | None = None  # the year whose revenue is shared (issue 13); absent before


DISTRIBUTION_DECIDED = EventSpec(
    service="assets",
    aggregate="distribution",
    name="decided",
    payload=DistributionDecided,
    summary="资产收益分配已决定 / a revenue distribution was decided",
)


class DistributionReversed(EventPayload):
    distribution_id: uuid.UUID
    asset_id: uuid.UUID
    town_code: str
    village_code: str
    revenue_year: int
    reversed_on: date
    total_amount: Money


# Whoever counted the decided amounts (funds' benefit figures, a department's statistics) takes the
# reversed amount off again.
DISTRIBUTION_REVERSED = EventSpec(
    service="assets",
    aggregate="distribution",
    name="reversed",
    payload=DistributionReversed,
    summary="资产收益分配已冲销 / a revenue distribution was reversed by a compensating entry",
)

PUBLISHED = [DISTRIBUTION_DECIDED, DISTRIBUTION_REVERSED]
