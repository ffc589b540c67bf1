"""Monitoring's households and members, projected from its events (domain §5), and the floor's
history of who is a 脱贫户 (domain §2).

The projection rows are idempotent and order-tolerant (``apply_newer``: redeliveries and a
rebuild from monitoring's stream give the same rows). A household's identity is also the floor's:
when a newer version than any recorded turns a household into a 脱贫户 or out of one, its workers
are recounted from that day on, and the commit records the new count for the floor check to
announce. A member who left (died, moved or married out, household cancelled) is recorded with the
day in ``member_departures`` and their worker counts no more from it. A rebuild replays only
versions and departures already recorded, so it never moves the count.
"""

from __future__ import annotations

from services.employment.households import repository
from services.employment.households.events import HOUSEHOLD_CHANGED, MEMBER_CHANGED
from shared.events.consumer import EventContext
from shared.projections import apply_newer


async def on_household_changed(ctx: EventContext) -> None:
    household = ctx.read(HOUSEHOLD_CHANGED)
    row = household.model_dump(exclude={"household_id"})
    row = {"id": household.household_id, **row, "updated_at": ctx.event.time}
    if not await apply_newer(ctx.session, repository.HOUSEHOLDS, row):
        return  # an older version than the one projected: it changes nothing
    news = await repository.record_identity(
        ctx.session, household.household_id, household.lifted_out, household.version, ctx.event.time
    )
    if news == "none":
        return
    # A household first known usually has no workers yet; one registered before we knew it has.
    await repository.recount_household(ctx.session, household.household_id)
    if news == "changed":
        await ctx.audit(
            "identity",
            "household",
            household.household_id,
            {"lifted_out": household.lifted_out, "version": household.version},
        )


async def on_member_changed(ctx: EventContext) -> None:
    member = ctx.read(MEMBER_CHANGED)
    row = member.model_dump(exclude={"member_id", "left_on", "match_hash"})
    row["id_number_match_hash"] = member.match_hash
    await apply_newer(ctx.session, repository.MEMBERS, {"id": member.member_id, **row})
    # A member who died or left stops counting towards the floor from that day (whatever order the
    # events come in: a departure is final in monitoring, and only the first one is recorded).
    if member.active or member.left_on is None:
        return
    if await repository.record_departure(ctx.session, member.member_id, member.left_on, member.version):
        await ctx.audit(
            "departure",
            "member",
            member.member_id,
            {"left_on": member.left_on.isoformat(), "version": member.version},
        )
