"""What a write may name of monitoring's records (domain §5: an id that names another service's
record is a claim, not a fact).

A worker names a household and a member of it by monitoring's ids. Anyone who once saw an id can
type it, so it proves nothing: a worker is registered only if the projection holds both, they lie
in the caller's territory, the member still belongs to that household, and the worker's town and
village are the household's. Unknown and out-of-territory ids answer alike (``unknown_reference``;
``reference_pending`` while monitoring's events are still arriving); everything after that concerns
records the caller may see, so it may say what is wrong.
"""

from __future__ import annotations

import uuid

from services.employment.households import repository
from services.employment.households.repository import MemberClaim
from services.employment.models import ProjectedHousehold
from shared.context import RequestContext
from shared.errors import ValidationFailed

SOURCE = "monitoring"


def disagreement(
    household: ProjectedHousehold, claim: MemberClaim, town_code: str, village_code: str
) -> ValidationFailed | None:
    """Why a worker of this (visible) household and member cannot live at town/village, if not."""
    if claim.member.household_id != household.id:
        return ValidationFailed("member_id", "该成员不是所填农户的成员", "not a member of that household")
    if not claim.member.active:
        return ValidationFailed("member_id", "该成员已迁出或已故", "the member has left the household")
    if town_code != household.town_code:
        return ValidationFailed("town_code", "须与农户所在乡镇一致", "not the household's town")
    if village_code != household.village_code:
        return ValidationFailed("village_code", "须与农户所在村一致", "not the household's village")
    return None


async def require_household_member(
    ctx: RequestContext, household_id: uuid.UUID, member_id: uuid.UUID, town_code: str, village_code: str
) -> ProjectedHousehold:
    """The household a worker may be registered for, or the refusal, before anything is written."""
    household = await ctx.require_reference(
        await repository.household_for_share(ctx.session, household_id),
        place=lambda h: h.village_code,
        field="household_id",
        source=SOURCE,
    )
    claim = await ctx.require_reference(
        await repository.member_claim(ctx.session, member_id),
        # A member of no projected household lies nowhere a territorial caller covers.
        place=lambda c: c.village_code or "",
        field="member_id",
        source=SOURCE,
    )
    if (problem := disagreement(household, claim, town_code, village_code)) is not None:
        raise problem
    return household
