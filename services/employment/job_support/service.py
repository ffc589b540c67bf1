"""就业帮扶名单: when monitoring includes a household, its able-bodied members are listed here.

The inbox makes each event count once; the unique member id makes the effect idempotent even
if the same inclusion arrives under another event id.
"""

from __future__ import annotations

from services.employment.job_support import repository
from services.employment.job_support.events import HOUSEHOLD_INCLUDED
from shared.events.consumer import EventContext


async def on_household_included(ctx: EventContext) -> None:
    included = ctx.read(HOUSEHOLD_INCLUDED)
    if not included.able_bodied_member_ids:
        return
    rows = [
        {
            "household_id": included.household_id,
            "member_id": member_id,
            "town_code": included.town_code,
            "village_code": included.village_code,
            "subtype": included.subtype,
            "risk_causes": included.risk_causes,
            "included_on": included.included_on,
        }
        for member_id in dict.fromkeys(included.able_bodied_member_ids)
    ]
    listed = await repository.list_members(ctx.session, rows)
    if listed:
        await ctx.audit(
            "list", "job_support", included.household_id, {"member_ids": [str(m) for m in listed]}
        )
