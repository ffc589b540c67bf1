"""What micro-credit reads of monitoring's events: its households and members, projected so that
a loan's ``household_id`` and ``member_id`` are checked before a loan is written (domain §5).

Our own reading of monitoring's contract (never imported from it); tests/kit pairs it with
monitoring's ``EventSpec``. Lengths are our columns': an event that does not fit is parked rather
than half-applied.
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
    lifted_out: bool  # 脱贫户, through monitoring too
    status: str = Field(max_length=40)  # "included" = 监测对象
    subtype: str | None = Field(max_length=40)
    version: int
    cancelled_on: date | None = None  # 注销: a household that no longer exists may not borrow


class MemberChanged(EventReading):
    member_id: uuid.UUID
    household_id: uuid.UUID
    labour: str = Field(max_length=20)
    active: bool  # false once moved out or deceased
    version: int


HOUSEHOLD_CHANGED = ConsumedEvent(
    service="monitoring", aggregate="household", name="changed", payload=HouseholdChanged
)
MEMBER_CHANGED = ConsumedEvent(
    service="monitoring", aggregate="member", name="changed", payload=MemberChanged
)
