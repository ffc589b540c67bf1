"""What employment reads of monitoring's households and members (our own reading of its contract,
never imported from it; tests/kit pairs it with monitoring's ``EventSpec``).

Lengths are our columns': an event that does not fit is parked rather than half-applied.
"""

from __future__ import annotations

import uuid
from datetime import date

from pydantic import Field

from shared.events.envelope import ConsumedEvent, EventReading
from shared.schemas import TownCode, VillageCode


class HouseholdChanged(EventReading):
    household_id: uuid.UUID
    town_code: TownCode
    village_code: VillageCode
    lifted_out: bool  # 脱贫户, through monitoring too: whom the floor counts
    status: str = Field(max_length=40)  # "included" = 监测对象
    subtype: str | None = Field(max_length=40)
    version: int


class MemberChanged(EventReading):
    member_id: uuid.UUID
    household_id: uuid.UUID
    labour: str = Field(max_length=20)
    active: bool  # false once moved out or deceased
    version: int
    left_on: date | None = None  # the day they left: from then on they count no more
    # Issue 13: the suite-wide ID-number match hash (absent from older events and unfilled members).
    match_hash: str | None = Field(default=None, max_length=64)


HOUSEHOLD_CHANGED = ConsumedEvent(
    service="monitoring", aggregate="household", name="changed", payload=HouseholdChanged
)
MEMBER_CHANGED = ConsumedEvent(
    service="monitoring", aggregate="member", name="changed", payload=MemberChanged
)
