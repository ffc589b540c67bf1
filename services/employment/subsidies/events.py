"""What the subsidies area announces: a reversal, so the finance side (funds, 财政) can book the
refund against the payment it made. Ids, codes and amounts only."""

from __future__ import annotations

import uuid
from datetime import date

from shared.events.envelope import EventPayload, EventSpec
from shared.schemas import Money


class SubsidyReversed(EventPayload):
    subsidy_id: uuid.UUID
    worker_id: uuid.UUID
    town_code: str
    village_code: str
    kind: str
    amount: Money
    reversed_on: date


SUBSIDY_REVERSED = EventSpec(
    service="employment",
    aggregate="subsidy",
    name="reversed",
    payload=SubsidyReversed,
    summary="补贴冲销 / a subsidy payment was reversed by a compensating entry",
)
PUBLISHED = [SUBSIDY_REVERSED]
