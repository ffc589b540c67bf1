"""Household rules: who may register or change which household, and what is announced."""

from __future__ import annotations

from services.monitoring.households.events import HOUSEHOLD_REGISTERED, HouseholdRegistered
from services.monitoring.households.schemas import HouseholdCreate, HouseholdUpdate
from services.monitoring.models import Household
from shared.auth import Role
from shared.context import RequestContext

WRITERS = (Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL, Role.VILLAGE_CADRE)
READERS = (*WRITERS, Role.DEPARTMENT_OFFICER, Role.HELPER, Role.AUDITOR)


async def register(ctx: RequestContext, data: HouseholdCreate) -> Household:
    ctx.principal.require_write()
    ctx.principal.require_role(*WRITERS)
    ctx.component.divisions.require_town(data.town_code)
    ctx.component.divisions.require_village(data.village_code, data.town_code)
    ctx.principal.require_may_write_in(data.village_code)
    household = Household(**data.model_dump())
    ctx.session.add(household)
    await ctx.session.flush()
    await ctx.audit("create", "household", household.id, data.model_dump(exclude={"head_name", "address"}))
    await ctx.publish(
        HOUSEHOLD_REGISTERED,
        household.id,
        HouseholdRegistered(
            household_id=household.id,
            town_code=household.town_code,
            village_code=household.village_code,
            kind=household.kind.value,
        ),
    )
    return household


async def update(ctx: RequestContext, household: Household, data: HouseholdUpdate) -> Household:
    ctx.principal.require_write()
    ctx.principal.require_role(*WRITERS)
    ctx.require_if_match(household.version)
    changes = data.model_dump(exclude_unset=True)
    for name, value in changes.items():
        setattr(household, name, value)
    await ctx.session.flush()
    await ctx.audit(
        "update",
        "household",
        household.id,
        {k: v for k, v in changes.items() if k not in {"head_name", "address"}},
    )
    return household
